/// Front matter as French writers type it, read line by line before the YAML is composed (the contract's "Front
/// matter that French writers can get right"):
/// - a plain text holding `: ` or ending in `:` (`summary: Ukraine : l’aide d’urgence`, `- Mali : écoles`) is an
///   error at that colon, with the line to type instead (the text in double quotes). YAML would read the colon as a
///   key's: a syntax error, or in a list of texts a mapping. Page front matter has no list of mappings, so a list
///   item is judged like a value.
/// - a `#` after a space inside a plain text starts a YAML comment and cuts the text: a warning at the `#`.
///
/// The YAML then read is the text with those colons' texts put in double quotes, as the fix says: the rest of the
/// file is still read, so every problem of the file is reported at once (the page is not built: its errors stand).
enum FrenchFrontMatter {
    /// The longest text a fix quotes in full; a longer one is shortened with `…` (a line can hold a megabyte).
    static let quotedTextLimit = 60

    /// Logs the colon errors and comment warnings of `yaml` through `reader`, and gives the YAML to compose.
    static func check(_ yaml: String, reader: YAMLFields) -> String {
        var text = yaml
        return text.withUTF8 { bytes in
            var repaired: [UInt8] = []
            var copied = 0
            // The indentation of a key whose value is a block scalar (`|`, `>`): its deeper lines are its text.
            var blockScalarIndent: Int?
            for line in FrontMatterLines.lines(bytes) {
                var indent = line.start
                while indent < line.contentEnd, bytes[indent] == 0x20 { indent += 1 }
                if let block = blockScalarIndent {
                    if indent == line.contentEnd || indent - line.start > block { continue }
                    blockScalarIndent = nil
                }
                if startsBlockScalar(line, in: bytes) { blockScalarIndent = indent - line.start; continue }
                guard let value = plainValue(of: line, in: bytes) else { continue }
                let located = { (offset: Int) in
                    SourceLocation(path: reader.path, line: line.number + reader.lineOffset, column: column(of: offset, in: line, bytes))
                }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[value.start..<value.textEnd]), as: UTF8.self)
                if let colon = value.colon {
                    reader.error(.plainTextWithColon(fix: value.prefix + quoted(text, limit: quotedTextLimit)), at: located(colon))
                    if repaired.isEmpty { repaired.reserveCapacity(bytes.count + 64) }
                    repaired.append(contentsOf: bytes[copied..<value.start])
                    repaired.append(contentsOf: quoted(text, limit: nil).utf8)
                    copied = value.textEnd
                }
                if let hash = value.comment, !isNumberOrFlag(text) {
                    reader.warning(.commentCutsText, at: located(hash))
                }
            }
            guard !repaired.isEmpty else { return yaml }
            repaired.append(contentsOf: bytes[copied...])
            return String(decoding: repaired, as: UTF8.self)
        }
    }

    /// A plain text on one line: where it starts and ends (before a comment and trailing spaces), its first colon
    /// that YAML would read as a key's, and the `#` of a comment that follows it.
    struct PlainValue {
        /// What the fixed line starts with: `key: ` or `- `.
        var prefix: String
        var start: Int, textEnd: Int
        var colon: Int?
        var comment: Int?
    }

    /// The plain value of a `key: value` line or a `- value` list item; `nil` for a comment, a key alone, a quoted,
    /// flow or block value, or a line that is neither.
    static func plainValue(of line: FrontMatterLines.Line, in bytes: UnsafeBufferPointer<UInt8>) -> PlainValue? {
        var offset = line.start
        let end = line.contentEnd
        while offset < end, bytes[offset] == 0x20 { offset += 1 }
        guard offset < end else { return nil }
        let prefix: String
        if bytes[offset] == UInt8(ascii: "-"), offset + 1 == end || bytes[offset + 1] == 0x20 {
            offset += 1
            prefix = "- "
        } else {
            guard isKeyByte(bytes[offset]) else { return nil }
            let keyStart = offset
            while offset < end, isKeyByte(bytes[offset]) { offset += 1 }
            prefix = String(decoding: UnsafeBufferPointer(rebasing: bytes[keyStart..<offset]), as: UTF8.self) + ": "
            while offset < end, bytes[offset] == 0x20 { offset += 1 }
            guard offset < end, bytes[offset] == UInt8(ascii: ":") else { return nil }
            offset += 1
            guard offset == end || isSpace(bytes[offset]) else { return nil }
        }
        while offset < end, isSpace(bytes[offset]) { offset += 1 }
        guard offset < end, startsPlainText(bytes[offset]) else { return nil }
        var value = PlainValue(prefix: prefix, start: offset, textEnd: end)
        var index = offset
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: "#"), isSpace(bytes[index - 1]) { value.comment = index; break }
            if byte == UInt8(ascii: ":"), value.colon == nil, index + 1 == end || isSpace(bytes[index + 1]) { value.colon = index }
            index += 1
        }
        var textEnd = index
        while textEnd > offset, isSpace(bytes[textEnd - 1]) { textEnd -= 1 }
        value.textEnd = textEnd
        return value
    }

    /// Whether the line's value is a block scalar: its last non-space byte before any comment is `|` or `>` (with
    /// their indicators, `|-`, `>+2`) after `key:` or `- `.
    static func startsBlockScalar(_ line: FrontMatterLines.Line, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = line.start
        while index < line.contentEnd, bytes[index] != UInt8(ascii: "|"), bytes[index] != UInt8(ascii: ">") {
            switch bytes[index] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "#"): return false
            default: index += 1
            }
        }
        guard index < line.contentEnd, index > line.start, isSpace(bytes[index - 1]) else { return false }
        let before = bytes[line.start..<(index - 1)].reversed().drop(while: isSpace).first
        guard before == UInt8(ascii: ":") || before == UInt8(ascii: "-") else { return false }
        var after = index + 1
        while after < line.contentEnd, bytes[after] == UInt8(ascii: "+") || bytes[after] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[after]) {
            after += 1
        }
        while after < line.contentEnd, isSpace(bytes[after]) { after += 1 }
        return after == line.contentEnd || bytes[after] == UInt8(ascii: "#")
    }

    /// `"text"`, with `\` and `"` escaped; shortened to `limit` characters with `…` when given.
    static func quoted(_ text: String, limit: Int?) -> String {
        var shown = text
        if let limit, text.count > limit { shown = text.prefix(limit) + "…" }
        return "\"" + shown.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// A number, boolean or null before a comment (`order: 3 # first`): a comment, not a cut text.
    private static func isNumberOrFlag(_ text: String) -> Bool {
        ["true", "false", "yes", "no", "on", "off", "null", "~"].contains(text.lowercased()) || Double(text) != nil
    }

    /// libyaml's column: Unicode scalars from the line's start, plus one.
    private static func column(of offset: Int, in line: FrontMatterLines.Line, _ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes[line.start..<offset].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// Whether a plain text starts with this byte: not a quote, a flow or block indicator, an anchor, alias or tag,
    /// nor a comment.
    private static func startsPlainText(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"), UInt8(ascii: "}"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "%"),
             UInt8(ascii: "@"), UInt8(ascii: "`"), UInt8(ascii: "#"), UInt8(ascii: ","), UInt8(ascii: "?"): false
        default: true
        }
    }
}
