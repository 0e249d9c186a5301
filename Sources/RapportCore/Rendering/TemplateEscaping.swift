import Mustache

/// HTML escaping for `{{name}}` tags: the same five replacements as swift-mustache's own HTML content type
/// (`< > & " '` → `&lt; &gt; &amp; &quot; &#39;`), done on UTF-8 bytes instead of one dictionary lookup per
/// `Character` (that escape measured about a fifth of all template rendering). Working on bytes also escapes a
/// sign that a combining mark follows (`<` + U+0301 is one `Character`, which swift-mustache's escape leaves as it
/// is). Every theme template is parsed with this content type (`Theme.load`).
struct HTMLBytesContentType: MustacheContentType {
    /// The name registered with swift-mustache, used by the pragma that `Theme.load` puts before each template.
    static let name = "RAPPORT_HTML"
    /// The pragma line; standalone, so it renders nothing, and it shifts the template's lines by one.
    static let pragma = "{{% CONTENT_TYPE: \(name)}}\n"

    /// Registers the content type once per process (swift-mustache keeps a global table).
    static let registered: Void = MustacheContentTypes.register(HTMLBytesContentType(), named: name)

    func escapeText(_ text: String) -> String { MarkupEscaping.escape(text, apostrophe: "&#39;") }
}

/// The five replacements of HTML and XML text and attribute values, on UTF-8 bytes; a text with nothing to
/// escape is returned as it is. HTML writes the apostrophe `&#39;`, XML `&apos;`.
enum MarkupEscaping {
    static func escape(_ text: String, apostrophe: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "&")
                || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "<"): bytes += "&lt;".utf8
            case UInt8(ascii: ">"): bytes += "&gt;".utf8
            case UInt8(ascii: "&"): bytes += "&amp;".utf8
            case UInt8(ascii: "\""): bytes += "&quot;".utf8
            case UInt8(ascii: "'"): bytes += apostrophe.utf8
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
