import RapportTestSupport
import Testing
@testable import RapportCore

/// The search words must be what the first, scalar-by-scalar version gave (kept here as the reference).
@Suite("Search words")
struct SearchWordsTests {
    static func reference(_ text: String) -> [String] {
        var seen: Set<String> = [], words: [String] = []
        var current: [UInt8] = []
        func flush() {
            let word = String(decoding: current, as: UTF8.self)
            if word.unicodeScalars.count >= 2, seen.insert(word).inserted { words.append(word) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            if let folded = SearchFolding.fold(scalar) { current += folded } else { flush() }
        }
        flush()
        return words
    }

    @Test("the packed tables give the rule's folding for every scalar they cover")
    func packedTables() {
        for value in 0..<0x250 { #expect(Self.unpack(SearchFolding.packedLatin[value]) == Unicode.Scalar(value).flatMap(SearchFolding.fold), "\(value)") }
        for value in 0x1E00..<0x1F00 {
            #expect(Self.unpack(SearchFolding.packedLatinAdditional[value - 0x1E00]) == Unicode.Scalar(value).flatMap(SearchFolding.fold), "\(value)")
        }
    }

    static func unpack(_ packed: UInt32) -> [UInt8]? {
        guard packed != 0 else { return nil }
        return (0..<Int(packed >> 24 & 0x7F)).map { UInt8(truncatingIfNeeded: packed >> UInt32(8 * $0)) }
    }

    @Test("the rule: accents, case, ligatures, Vietnamese letters, apostrophes and elisions")
    func rule() {
        #expect(SearchIndex.distinctWords(in: "Hà Nội, l’aide d’œuvre à Đà Nẵng ; e\u{301}cole İSTANBUL Straße ÆSIR Øre Łódź qu'il x\u{2019}y")
            == ["ha", "noi", "aide", "oeuvre", "da", "nang", "ecole", "istanbul", "strasse", "aesir", "ore", "lodz", "qu", "il"])
    }

    @Test("the folding by index gives the table's folding for every letter, and nothing outside it")
    func foldingByIndex() {
        for (value, folded) in LatinFolding.table { #expect(LatinFolding.fold(value) == folded) }
        for value in UInt32(0)..<0x300 where LatinFolding.table[value] == nil { #expect(LatinFolding.fold(value) == nil) }
    }

    @Test("same words as the reference on 2,000 seeded random texts, in the same order")
    func sameAsReference() {
        let alphabet = ["a", "B", "é", "É", "œ", "Œ", "ß", "1", "9", " ", "-", "’", "Ω", "ω", "中", "İ", "e\u{301}", "Nội", "Đà", "\u{323}", "ǅ", "ŉ", "🇱🇺", "\u{A0}",
                        "coopération", "Coopération", "cooperation", "santé", "sante", "x", "abcdefgh", "abcdefghi", "abcdefgé"]
        var random = SplitMix64(seed: 42)
        for _ in 0..<2000 {
            let text = (0..<Int.random(in: 0...30, using: &random)).map { _ in alphabet.randomElement(using: &random)! }.joined()
            #expect(SearchIndex.distinctWords(in: text) == Self.reference(text), "\(text.debugDescription)")
        }
    }

    @Test("a word is one word whichever way it was folded, short (eight bytes or fewer) or long")
    func foldedAlike() {
        #expect(SearchIndex.distinctWords(in: "coopération cooperation COOPÉRATION santé SANTE sante abcdefgé abcdefge")
            == ["cooperation", "sante", "abcdefge"])
        #expect(SearchIndex.distinctWords(in: "aa ab a1 ab1 12345678 123456789 123456789 12345678") == ["aa", "ab", "a1", "ab1", "12345678", "123456789"])
    }

    @Test("ASCII words of every length from every offset, before every kind of next byte, and at the text's end")
    func everyLengthAndOffset() {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        for length in 1...40 {
            let word = String((0..<length).map { letters[($0 * 7 + length) % letters.count] })
            for offset in 0...9 {
                for after in ["", " ", ",", "é", "É", "’x", "\u{A0}", "中", "ω", "-"] {
                    let lead = String(repeating: " ", count: offset)
                    for text in [lead + word + after, lead + word + after + " " + word.lowercased() + after + "." + word] {
                        #expect(SearchIndex.distinctWords(in: text) == Self.reference(text), "\(text.debugDescription)")
                    }
                }
            }
        }
    }

    @Test("words longer than the word buffer, and many long words (the long table grows)")
    func longWords() {
        let long = String(repeating: "Abcdefghij", count: 30)
        for text in [long, long + "é", "é" + long, long + " " + long.uppercased(), long + "ŒUVRE" + long] {
            #expect(SearchIndex.distinctWords(in: text) == Self.reference(text), "\(text.debugDescription)")
        }
        let words = (0..<3000).map { "développement\($0)" } + (0..<3000).map { "development\($0)x" }
        let text = (words + words.reversed()).joined(separator: " ")
        #expect(SearchIndex.distinctWords(in: text) == Self.reference(text))
        #expect(SearchIndex.distinctWords(in: text).count == 6000)
    }

    @Test("many distinct words (the table grows) and repeats")
    func manyWords() {
        let words = (0..<5000).map { "mot\($0)" }
        let text = (words + words.reversed()).joined(separator: " ")
        #expect(SearchIndex.distinctWords(in: text) == Self.reference(text))
        #expect(SearchIndex.distinctWords(in: text).count == 5000)
    }

    @Test("an entry keeps title, summary and text apart and lists each word once")
    func entry() {
        #expect(SearchIndex.entry(url: "fr/x/", title: "Santé", summary: "santé \"publique\"", text: "Publique, SANTÉ et eau")
            == #"{"u":"fr/x/","t":"Santé","s":"santé \"publique\"","w":"sante publique et eau"}"#)
    }
}
