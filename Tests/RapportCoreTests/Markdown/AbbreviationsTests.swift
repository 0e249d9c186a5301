import Testing
@testable import RapportCore
import RapportTestSupport

/// The rule that marks a glossary term's first use on a page (`Abbreviations`), alone: whole-word, case-sensitive,
/// the longest term first, nothing in a term special.
@Suite("Abbreviations")
struct AbbreviationsTests {
    static let expansions = ["APD": "aide publique au développement", "UE": "Union européenne",
                             "UEMOA": "Union économique et monétaire ouest-africaine", "Team Europe": "l’approche commune de l’UE",
                             "Europe": "le continent", "A&B<\"C": "un terme hostile", "R.D": "pas une expression régulière"]
    let rule = Abbreviations(expansions: AbbreviationsTests.expansions)

    func pieces(_ text: String, used: Set<String> = []) -> [Abbreviations.Piece] {
        var used = used
        return rule.pieces(of: text, used: &used)
    }

    func abbreviation(_ term: String) -> Abbreviations.Piece {
        .abbreviation(term: term, expansion: Self.expansions[term]!)
    }

    @Test("the first occurrence of a term is marked, the second is text, and the term joins the page's used terms")
    func firstOccurrenceOnly() {
        var used: Set<String> = []
        #expect(rule.pieces(of: "L’APD croît ; l’APD reste.", used: &used) == [.text("L’"), abbreviation("APD"), .text(" croît ; l’APD reste.")])
        #expect(used == ["APD"])
        #expect(rule.pieces(of: "Encore l’APD.", used: &used) == [.text("Encore l’APD.")])
    }

    @Test("whole words only, and case-sensitive: APDX, xAPD, APD2 and apd are not APD")
    func wholeWordCaseSensitive() {
        #expect(pieces("APDX xAPD APD2 apd Apd") == [.text("APDX xAPD APD2 apd Apd")])
        #expect(pieces("(APD)") == [.text("("), abbreviation("APD"), .text(")")])
        #expect(pieces("APD-2030") == [abbreviation("APD"), .text("-2030")])
    }

    @Test("a term that is part of a longer one: the longest at a place wins, the shorter is found on its own")
    func substringTerms() {
        #expect(pieces("L’UEMOA et l’UE") == [.text("L’"), abbreviation("UEMOA"), .text(" et l’"), abbreviation("UE")])
        #expect(pieces("Team Europe, puis Europe") == [abbreviation("Team Europe"), .text(", puis "), abbreviation("Europe")])
        // Once used, a longer term still takes its whole span: the shorter one inside it is not marked there.
        #expect(pieces("Team Europe", used: ["Team Europe"]) == [.text("Team Europe")])
    }

    @Test("no character of a term is special: <, &, \" and . are themselves, never a pattern")
    func hostileCharacters() {
        #expect(pieces("voir A&B<\"C ici") == [.text("voir "), abbreviation("A&B<\"C"), .text(" ici")])
        #expect(pieces("RxD R.D") == [.text("RxD "), abbreviation("R.D")])
    }

    @Test("a term inside a bare URL is left alone; after it, the term is found")
    func termInURL() {
        #expect(pieces("https://example.org/APD/ puis APD") == [.text("https://example.org/APD/ puis "), abbreviation("APD")])
        #expect(pieces("www.apd.lu/APD") == [.text("www.apd.lu/APD")])
    }

    @Test("control characters and empty text pass through as text")
    func controlCharacters() {
        #expect(pieces("\u{7}APD\u{1B}[2J") == [.text("\u{7}"), abbreviation("APD"), .text("\u{1B}[2J")])
        #expect(pieces("") == [])
        #expect(Abbreviations(expansions: [:]).isEmpty)
    }

    @Test("10,000 terms over a long text: found in time linear in the text")
    func manyTerms() {
        var expansions: [String: String] = [:]
        for number in 0..<10_000 { expansions["T\(number)"] = "terme \(number)" }
        let large = Abbreviations(expansions: expansions)
        let text = (0..<10_000).map { "T\($0) et T\($0)" }.joined(separator: ", ")
        var used: Set<String> = []
        let clock = ContinuousClock()
        let start = clock.now
        let found = large.pieces(of: text, used: &used)
        #expect(clock.now - start < .seconds(5))
        #expect(used.count == 10_000)
        #expect(found.filter { if case .abbreviation = $0 { true } else { false } }.count == 10_000)
    }

    @Test("the byte scanner gives the reference rule's pieces on 20,000 random runs of terms, accents, marks, URLs and control characters")
    func sameAsReference() {
        let expansions = Self.expansions.merging(["É.-U.": "États-Unis", "ODD": "objectifs de développement durable",
                                                  "«X»": "guillemets", "Cote": "sans accent", "Côte d’Ivoire": "pays",
                                                  "e\u{301}t": "marque combinante", "#1": "numéro", "ÉTÉ": "saison"]) { old, _ in old }
        let fast = Abbreviations(expansions: expansions), reference = ReferenceAbbreviations(expansions: expansions)
        let parts = ["APD", "UE", "UEMOA", "Team", " Europe", "É.-U.", "ODD", "«X»", "Côte d’Ivoire", "Cote", "ÉTÉ", "#1",
                     "A&B<\"C", "R.D", " ", "\u{A0}", "\u{202F}", "’", "l’", "x", "2", "é", "e\u{301}", "\u{301}", "t", "-",
                     ".", "https://", "http://", "www.", "h", "w", "/", "\n", "\u{7}", "\u{1F600}", "日本", "\u{0661}", "\u{2003}"]
        var generator = SplitMix64(seed: 2026_12_07)
        for _ in 0..<20_000 {
            let text = (0..<Int(generator.next() % 12)).map { _ in parts[Int(generator.next() % UInt64(parts.count))] }.joined()
            var usedFast: Set<String> = generator.next() % 4 == 0 ? ["UE"] : [], usedReference = usedFast
            let expected = reference.pieces(of: text, used: &usedReference)
            #expect(fast.pieces(of: text, used: &usedFast) == expected, "\(text.debugDescription)")
            #expect(usedFast == usedReference)
        }
    }

    @Test("bytes that are not UTF-8 are text, never a crash: a cut sequence, a lone continuation byte, an overlong form")
    func malformedBytes() {
        for bytes: [UInt8] in [[0x41, 0x50, 0x44, 0xC3], [0x80, 0x41, 0x50, 0x44], [0xC0, 0xAF, 0x55, 0x45], [0xF4, 0x90, 0x80, 0x80, 0x20, 0x55, 0x45],
                               [0x68, 0x74, 0x74, 0x70, 0x3A, 0x2F, 0x2F, 0xE2, 0x80], [0xE2, 0x80, 0x68, 0x74, 0x74, 0x70]] {
            var used: Set<String> = []
            let pieces = bytes.withUnsafeBytes { rule.markedPieces(in: $0, used: &used) }
            let hasAPD = bytes.starts(with: [0x41, 0x50, 0x44]) || bytes.dropFirst().starts(with: [0x41, 0x50, 0x44])
            #expect((pieces != nil) == (hasAPD || bytes.suffix(2) == [0x55, 0x45]), "\(bytes)")
        }
    }
}

