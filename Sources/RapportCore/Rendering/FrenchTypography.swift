/// French typography for text shown as text (cmark's text nodes, titles, achievements), never for URLs,
/// code or attribute values, and never for English.
///
/// The choice, applied consistently:
/// - U+202F NARROW NO-BREAK SPACE before `;`, `!`, `?`;
/// - U+00A0 NO-BREAK SPACE before `:` and inside guillemets (after `«`, before `»`);
/// - the typographic apostrophe `’` for `'` between letters.
/// An ordinary space (or several) before those signs becomes the no-break space; a missing one is added before
/// `;`, `!`, `?` and `»` and after `«` when a letter or digit touches the sign. Before `:` a missing space is
/// not added, so that times (10:30), ratios (3:1) and anything URL-like stay as written.
public enum FrenchTypography {
    public static let narrowNoBreakSpace: Character = "\u{202F}"
    public static let noBreakSpace: Character = "\u{00A0}"

    public static func apply(_ text: String) -> String {
        // Every text node of a French page comes here: the scan is on UTF-8 bytes (`«` and `»` end in 0xAB and
        // 0xBB), and the output is built as bytes, with the last scalar written kept at hand.
        guard text.utf8.contains(where: { $0 == 0x3B || $0 == 0x3A || $0 == 0x21 || $0 == 0x3F || $0 == 0x27 || $0 == 0xAB || $0 == 0xBB })
        else { return text }
        let nnbsp: Unicode.Scalar = "\u{202F}", nbsp: Unicode.Scalar = "\u{00A0}"
        func isWordy(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII ? (scalar.value >= 0x30 && scalar.value <= 0x39) || ((scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A)
                           : scalar.properties.isAlphabetic
        }
        func isAlphabetic(_ scalar: Unicode.Scalar?) -> Bool {
            guard let scalar else { return false }
            return scalar.isASCII ? (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A : scalar.properties.isAlphabetic
        }
        var output: [UInt8] = []
        output.reserveCapacity(text.utf8.count + 16)
        var last: Unicode.Scalar?
        func append(_ scalar: Unicode.Scalar) {
            if scalar.isASCII { output.append(UInt8(scalar.value)) } else { output += UTF8.encode(scalar)! }
            last = scalar
        }
        /// Removes the spaces (ordinary, tab, no-break, narrow no-break) that end the output.
        func dropTrailingSpaces() {
            while true {
                if let byte = output.last, byte == 0x20 || byte == 0x09 { output.removeLast() }
                else if output.count >= 2, output[output.count - 2] == 0xC2, output[output.count - 1] == 0xA0 { output.removeLast(2) }
                else if output.count >= 3, output[output.count - 3] == 0xE2, output[output.count - 2] == 0x80, output[output.count - 1] == 0xAF {
                    output.removeLast(3)
                } else { return }
            }
        }
        // One pass with one scalar of lookahead (no index arithmetic on the string).
        var scalars = text.unicodeScalars.makeIterator()
        var next = scalars.next()
        while let scalar = next {
            next = scalars.next()
            switch scalar {
            case ";", "!", "?", ":", "»":
                let space = scalar == ":" || scalar == "»" ? nbsp : nnbsp
                if let previous = last, previous == " " || previous == "\t" || previous == nbsp || previous == nnbsp {
                    dropTrailingSpaces()
                    append(space)
                } else if scalar != ":", let previous = last, isWordy(previous) || (previous == "»" && scalar != "»") {
                    append(space)
                }
                append(scalar)
            case "«":
                append(scalar)
                while let following = next, following == " " || following == nbsp { next = scalars.next() }
                if let following = next, following != "\n" { append(nbsp) }
            case "'":
                append(isAlphabetic(last) && isAlphabetic(next) ? "’" : "'")
            default:
                append(scalar)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
