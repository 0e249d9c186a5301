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
        let characters = Array(text)
        guard characters.contains(where: { ";:!?«»'".contains($0) }) else { return text }
        var output: [Character] = []
        output.reserveCapacity(characters.count + 8)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            switch character {
            case ";", "!", "?", ":", "»":
                let space: Character = character == ":" || character == "»" ? noBreakSpace : narrowNoBreakSpace
                if let last = output.last, last == " " || last == noBreakSpace || last == narrowNoBreakSpace || last == "\t" {
                    while let last = output.last, last == " " || last == noBreakSpace || last == narrowNoBreakSpace || last == "\t" {
                        output.removeLast()
                    }
                    output.append(space)
                } else if character != ":", let last = output.last, last.isLetter || last.isNumber || last == "»" && character != "»" {
                    output.append(space)
                }
                output.append(character)
            case "«":
                output.append(character)
                var next = index + 1
                while next < characters.count, characters[next] == " " || characters[next] == noBreakSpace { next += 1 }
                if next < characters.count, characters[next] != "\n" { output.append(noBreakSpace) }
                index = next
                continue
            case "'":
                let before = output.last, after = index + 1 < characters.count ? characters[index + 1] : nil
                output.append(before?.isLetter == true && after?.isLetter == true ? "’" : "'")
            default:
                output.append(character)
            }
            index += 1
        }
        return String(output)
    }
}
