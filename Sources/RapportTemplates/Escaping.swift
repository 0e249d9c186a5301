/// The five replacements of HTML and XML text and attribute values, on UTF-8 bytes: `< > & " '` →
/// `&lt; &gt; &amp; &quot;` and `&#39;` (HTML) or `&apos;` (XML). On bytes, a sign that a combining mark
/// follows is escaped too (it is one `Character` with the mark).
public enum MarkupEscaping {
    /// `text` escaped for HTML, appended to `output`.
    public static func append(_ text: String, to output: inout [UInt8], apostrophe: String = "&#39;") {
        var text = text
        text.withUTF8 { append($0, to: &output, apostrophe: apostrophe) }
    }

    /// UTF-8 `bytes` escaped for HTML, appended to `output`.
    public static func append(_ bytes: [UInt8], to output: inout [UInt8], apostrophe: String = "&#39;") {
        bytes.withUnsafeBufferPointer { append($0, to: &output, apostrophe: apostrophe) }
    }

    static func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8], apostrophe: String) {
        // Runs of bytes that need nothing are copied whole.
        var runStart = 0
        for index in bytes.indices where needsEscape(bytes[index]) {
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            switch bytes[index] {
            case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
            default: output.append(contentsOf: apostrophe.utf8)
            }
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }

    static func needsEscape(_ byte: UInt8) -> Bool {
        // All five are below 0x3F; one comparison settles most bytes.
        byte <= UInt8(ascii: ">") && (byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "&")
            || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'"))
    }

    /// `text` escaped; a text with nothing to escape is returned as it is. XML writes the apostrophe `&apos;`.
    public static func escape(_ text: String, xml: Bool = false) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: needsEscape) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        append(text, to: &bytes, apostrophe: xml ? "&apos;" : "&#39;")
        return String(decoding: bytes, as: UTF8.self)
    }
}
