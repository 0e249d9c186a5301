/// Text from file names, keys and values made safe to print in a diagnostic: control characters written as
/// escapes, so that no raw newline, carriage return or escape sequence reaches a terminal or a CI log (content cannot
/// start a line of its own, move the cursor, or hide text by reordering it).
enum PrintableText {
    /// `text` with C0 and C1 control characters, DEL, line and paragraph separators and bidirectional overrides
    /// escaped: `\n`, `\r`, `\t`, else `\u{1B}`.
    static func escaped(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where isControl(scalar): result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
