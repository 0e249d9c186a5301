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

    /// `text` typeset; `neighbours` are the characters just outside it when it is part of a sentence (a text node
    /// between emphasis or links): they decide its first and last signs as if they were there.
    public static func apply(_ text: String, neighbours: TextNeighbours = TextNeighbours()) -> String {
        var text = text
        let typeset = text.withUTF8 { apply(bytes: $0, neighbours: neighbours) }
        return typeset.map { String(decoding: $0, as: UTF8.self) } ?? text
    }

    /// The same on UTF-8: the text typeset, or `nil` when nothing changes.
    public static func apply(bytes: UnsafeBufferPointer<UInt8>, neighbours: TextNeighbours = TextNeighbours()) -> [UInt8]? {
        // Every text node of a French page comes here: the scan and the output are UTF-8 bytes (`«` and `»` are
        // C2 AB and C2 BB); a scalar is decoded only beside a sign, the one before it read back from the output.
        // Most runs of a text hold no sign: found with a table, copied whole.
        guard let first = bytes.firstIndex(where: { signLeads[Int($0)] }) else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 16)
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
        var index = first
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case 0x3B, 0x21, 0x3F, 0x3A:
                spaceBefore(sign: byte == 0x3A ? ":" : "?", in: &output, before: neighbours.before)
                output.append(byte)
                index += 1
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xBB:
                spaceBefore(sign: "»", in: &output, before: neighbours.before)
                output += [0xC2, 0xBB]
                index += 2
            case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0xAB:
                output += [0xC2, 0xAB]
                index += 2
                while index < bytes.count {
                    if bytes[index] == 0x20 { index += 1 }
                    else if bytes[index] == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0xA0 { index += 2 }
                    else { break }
                }
                let followedByText = index < bytes.count ? bytes[index] != 0x0A : neighbours.after.map { $0 != "\n" } ?? false
                if followedByText { output += [0xC2, 0xA0] }
            case 0x27:
                let next = index + 1 < bytes.count ? scalar(at: index + 1, in: bytes) : neighbours.after
                if isAlphabetic(output.isEmpty ? neighbours.before : lastScalar(of: output)), isAlphabetic(next) { output += [0xE2, 0x80, 0x99] } else { output.append(byte) }
                index += 1
            default:
                // The run up to the next byte that may start a sign, copied whole.
                var end = index + 1
                while end < bytes.count, !signLeads[Int(bytes[end])] { end += 1 }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
                index = end
            }
        }
        let unchanged = output.count == bytes.count && output.withUnsafeBufferPointer { output in
            zip(output, bytes).allSatisfy { $0 == $1 }
        }
        return unchanged ? nil : output
    }

    /// The bytes that may start a sign the rules look at: `;` `!` `?` `:` `'`, and C2 (the lead of `«` `»`).
    private static let signLeads: [Bool] = (0..<256).map { [0x3B, 0x21, 0x3F, 0x3A, 0x27, 0xC2].contains($0) }

    /// What goes before `;`, `!`, `?` (all given as "?"), `:` or `»`: spaces already there become the no-break
    /// space of the sign; a missing one is added after a letter or digit (or a `»` before a sign other than `»`),
    /// except before `:`.
    private static func spaceBefore(sign: Unicode.Scalar, in output: inout [UInt8], before: Unicode.Scalar?) {
        let space: [UInt8] = sign == ":" || sign == "»" ? [0xC2, 0xA0] : [0xE2, 0x80, 0xAF]
        // At the start of the text, a space before it belongs to the text before, which is left as it is.
        guard let previous = output.isEmpty ? before : lastScalar(of: output) else { return }
        if previous == " " || previous == "\t" || previous == "\u{00A0}" || previous == "\u{202F}" {
            guard !output.isEmpty else { return }
            dropTrailingSpaces(&output)
            output += space
        } else if sign != ":", isWordy(previous) || (previous == "»" && sign != "»") {
            output += space
        }
    }

    /// Removes the spaces (ordinary, tab, no-break, narrow no-break) that end the output.
    private static func dropTrailingSpaces(_ output: inout [UInt8]) {
        while true {
            if let byte = output.last, byte == 0x20 || byte == 0x09 { output.removeLast() }
            else if output.count >= 2, output[output.count - 2] == 0xC2, output[output.count - 1] == 0xA0 { output.removeLast(2) }
            else if output.count >= 3, output[output.count - 3] == 0xE2, output[output.count - 2] == 0x80, output[output.count - 1] == 0xAF {
                output.removeLast(3)
            } else { return }
        }
    }

    /// The scalar whose UTF-8 encoding starts at `index` (valid UTF-8: the bytes are a String's).
    private static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        UTF8Scalars.decode(bytes, at: index)
    }

    /// The last scalar of `output`, read back from its end.
    private static func lastScalar(of output: [UInt8]) -> Unicode.Scalar? {
        output.withUnsafeBufferPointer { UTF8Scalars.last(of: $0) }
    }

    private static func isWordy(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value >= 0x30 && scalar.value <= 0x39) || Letters.isAlphabetic(scalar.value)
    }

    private static func isAlphabetic(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return false }
        return Letters.isAlphabetic(scalar.value)
    }
}
