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
        // Works on Unicode scalars (grapheme breaking is costly, and every text node of a French page comes here).
        let scalars = text.unicodeScalars
        guard scalars.contains(where: { $0 == ";" || $0 == ":" || $0 == "!" || $0 == "?" || $0 == "«" || $0 == "»" || $0 == "'" }) else {
            return text
        }
        let nnbsp: Unicode.Scalar = "\u{202F}", nbsp: Unicode.Scalar = "\u{00A0}"
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == nbsp || scalar == nnbsp }
        func isWordy(_ scalar: Unicode.Scalar) -> Bool { scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) }
        var output = String.UnicodeScalarView()
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            switch scalar {
            case ";", "!", "?", ":", "»":
                let space = scalar == ":" || scalar == "»" ? nbsp : nnbsp
                if let last = output.last, isSpace(last) {
                    while let last = output.last, isSpace(last) { output.removeLast() }
                    output.append(space)
                } else if scalar != ":", let last = output.last, isWordy(last) || (last == "»" && scalar != "»") {
                    output.append(space)
                }
                output.append(scalar)
            case "«":
                output.append(scalar)
                var next = scalars.index(after: index)
                while next < scalars.endIndex, scalars[next] == " " || scalars[next] == nbsp { next = scalars.index(after: next) }
                if next < scalars.endIndex, scalars[next] != "\n" { output.append(nbsp) }
                index = next
                continue
            case "'":
                let next = scalars.index(after: index)
                let before = output.last, after = next < scalars.endIndex ? scalars[next] : nil
                output.append(before?.properties.isAlphabetic == true && after?.properties.isAlphabetic == true ? "’" : "'")
            default:
                output.append(scalar)
            }
            index = scalars.index(after: index)
        }
        return String(output)
    }
}
