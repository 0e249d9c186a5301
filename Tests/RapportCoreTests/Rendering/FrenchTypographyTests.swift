import RapportTestSupport
import Testing
@testable import RapportCore

/// The byte-level typography must give exactly what the first, scalar-by-scalar version gave (kept here as the
/// reference): French text of every page goes through it.
@Suite("French typography")
struct FrenchTypographyTests {
    static func reference(_ text: String) -> String {
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

    /// Seeded random strings over the characters the rule looks at, and their neighbours.
    static func samples() -> [String] {
        let alphabet: [String] = [";", ":", "!", "?", "«", "»", "'", " ", "  ", "\t", "\u{A0}", "\u{202F}", "\n", "a", "Z", "é", "Ω",
                                  "1", "ë", "û", "’", "-", "€", "🇱🇺", "e\u{301}", "%", "(", ")", "/", "http://x.org/a?b=c"]
        var generator = SplitMix64(seed: 20_261_125)
        return (0..<3000).map { _ in
            (0..<Int.random(in: 0...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    @Test("same output as the reference on 3,000 seeded random texts, and on known ones")
    func sameAsReference() {
        let known = ["Bonjour : le monde ; oui ! non ? « cité » l'eau", "10:30, 3:1", "«citation»", "« »", "aujourd'hui 'quoted'",
                     "fin\u{A0}; deux  ! trois\t?", "»» ;; !!", "Mongolie : 345 000 €", ""]
        for text in known + Self.samples() {
            #expect(FrenchTypography.apply(text) == Self.reference(text), "\(text.debugDescription)")
        }
    }
}
