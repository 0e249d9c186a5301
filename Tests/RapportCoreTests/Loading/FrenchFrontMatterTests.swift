import Foundation
import Testing
@testable import RapportCore

/// Front matter as French writers type it (the contract's "Front matter that French writers can get right"), each
/// case through the real build of an inline site, its exact message pinned.
@Suite("French front matter")
struct FrenchFrontMatterTests {
    static let niger = "content/2020/fr/countries/niger.md"

    /// The French Niger page with `lines` between its region and the closing `---`.
    static func niger(_ lines: String, title: String = "title: Niger") -> String {
        "---\n\(title)\ncountry: NE\nregion: sahel\n\(lines)---\nIntro du Niger.\n"
    }

    func outcome(_ text: String, strict: Bool = false) -> BuildOutcome {
        TestSite([Self.niger: text]).build(BuildOptions(strict: strict))
    }

    func messages(_ text: String) -> [String] { outcome(text).messages }

    static let colonFix = "this ':' would start a new key (in front matter, a colon followed by a space ends a key's name): put the text in double quotes: "
    static let commentCut = "the text stops here: what follows '#' is a YAML comment; put the whole text in double quotes to keep it"

    // MARK: - ' : '

    @Test("summary: Ukraine : l’aide d’urgence is an error at the colon, with the line to type (not 'YAML syntax error: mapping values…')")
    func colonInText() {
        #expect(messages(Self.niger("summary: Ukraine : l’aide d’urgence\n")) == [
            "\(Self.niger):5:18: error: \(Self.colonFix)summary: \"Ukraine : l’aide d’urgence\"",
        ])
    }

    @Test("a text ending its line in ' :' is the same error")
    func colonEndingLine() {
        #expect(messages(Self.niger("", title: "title: Niger :")) == [
            "\(Self.niger):2:14: error: \(Self.colonFix)title: \"Niger :\"",
        ])
    }

    @Test("an achievement with ' : ' is the same error, its fix a quoted list item (not 'must be a list of texts, not a mapping')")
    func colonInAchievement() {
        let text = Self.niger("achievements:\n  - Ukraine : l’aide d’urgence\n  - Puits: 12 forés\n  - Une école\n")
        #expect(messages(text) == [
            "\(Self.niger):6:13: error: \(Self.colonFix)- \"Ukraine : l’aide d’urgence\"",
            "\(Self.niger):7:10: error: \(Self.colonFix)- \"Puits: 12 forés\"",
        ])
    }

    @Test("every colon of a file is reported, and the file's other problems too (the texts are read as the fix puts them)")
    func allAtOnce() {
        let text = Self.niger("summary: Niger : bilan\nkey_data:\n  source: Banque mondiale : 2022\n  hdi_rank: beaucoup\npriority_area: [3]\n")
        #expect(messages(text) == [
            "\(Self.niger):5:16: error: \(Self.colonFix)summary: \"Niger : bilan\"",
            "\(Self.niger):7:27: error: \(Self.colonFix)source: \"Banque mondiale : 2022\"",
            "\(Self.niger):8:13: error: 'hdi_rank' must be a whole number, not the text 'beaucoup'",
            "\(Self.niger):9:1: error: unknown key 'priority_area' in the front matter of a country page; did you mean 'priority_areas'?",
        ])
    }

    @Test("the fixes as written build: quoted colons, quoted '#', a URL, tabs, comments on whole lines and after true or false")
    func fixedBuilds() throws {
        let text = Self.niger("""
            summary: "Ukraine : l’aide d’urgence"
            translation_key:\tniger
            # une note : à relire #2
            draft: false # jusqu’en mars
            key_data:
              source: 'Banque mondiale : 2022, #3'
            achievements:
              - "Ukraine : l’aide, priorité #1"
              - https://example.org/rapport

            """, title: "title: \"Niger, priorité #1\"")
        let built = outcome(text)
        #expect(built.messages == [])
        let page = try #require(built.text("fr/2020/countries/niger/index.html"))
        #expect(page.contains("Title: Niger, priorité #1|"))
    }

    // MARK: - '#'

    @Test("title: Ukraine, priorité #1 warns at the '#' (the title is cut there), and --strict makes it an error")
    func hashCutsText() throws {
        let text = Self.niger("", title: "title: Ukraine, priorité #1")
        let built = outcome(text)
        #expect(built.messages == ["\(Self.niger):2:26: warning: \(Self.commentCut)"])
        #expect(try #require(built.text("fr/2020/countries/niger/index.html")).contains("Title: Ukraine, priorité|"))
        #expect(outcome(text, strict: true).messages == ["\(Self.niger):2:26: error: \(Self.commentCut)"])
    }

    @Test("a '#' with no space before it is text: no warning")
    func hashWithoutSpace() {
        #expect(messages(Self.niger("", title: "title: Niger #1 et n°2#3")) == ["\(Self.niger):2:14: warning: \(Self.commentCut)"])
        #expect(messages(Self.niger("", title: "title: Niger#1")) == [])
    }

    @Test("a block scalar's lines are its text: no colon error, no comment warning inside it")
    func blockScalar() throws {
        let text = Self.niger("summary: >-\n  Note : voir le bilan\n  Objectif: priorité #1\n\n  fin\nachievements:\n  - |\n    Puits : 12\n  - Écoles : 3\n")
        #expect(messages(text) == ["\(Self.niger):13:12: error: \(Self.colonFix)- \"Écoles : 3\""])
    }

    @Test("a comment after a number is a comment: no warning")
    func commentAfterNumber() {
        let english = "---\ntitle: Niger\ncountry: NE\nregion: sahel-en\nbudget_eur: 5000000\n---\nNiger.\n"
        #expect(TestSite([Self.niger: Self.niger("budget_eur: 5000000 # estimation\n"),
                          "content/2020/en/countries/niger.md": english]).build().messages == [])
    }

    // MARK: - Numbers

    @Test("numbers written the French way are errors that show the number to write", arguments: [
        ("key_data:\n  life_expectancy: 61,6\n", 6, 20, "life_expectancy", "61,6", "61.6"),
        ("budget_eur: 21 500 000\n", 5, 13, "budget_eur", "21 500 000", "21500000"),
        ("budget_eur: 21.500.000\n", 5, 13, "budget_eur", "21.500.000", "21500000"),
        ("budget_eur: 21500000 €\n", 5, 13, "budget_eur", "21500000 €", "21500000"),
        ("budget_eur: 21 500 000 €\n", 5, 13, "budget_eur", "21 500 000 €", "21500000"),
        ("budget_eur: 21\u{A0}500\u{A0}000\n", 5, 13, "budget_eur", "21\u{A0}500\u{A0}000", "21500000"),
        ("budget_eur: 21\u{202F}500\u{202F}000\u{A0}€\n", 5, 13, "budget_eur", "21\u{202F}500\u{202F}000\u{A0}€", "21500000"),
        ("key_data:\n  population_millions: 1 234,5\n", 6, 24, "population_millions", "1 234,5", "1234.5"),
        ("key_data:\n  gni_per_capita_usd: 11 420 $\n", 6, 23, "gni_per_capita_usd", "11 420 $", "11420"),
        // A whole-number field: `1.500` and `1,500` group thousands (1500), since 1.5 could not be meant.
        ("budget_eur: 1.500\n", 5, 13, "budget_eur", "1.500", "1500"),
        ("budget_eur: 1,500\n", 5, 13, "budget_eur", "1,500", "1500"),
        // A decimal field: a lone comma is the decimal sign.
        ("key_data:\n  life_expectancy: 1,500\n", 6, 20, "life_expectancy", "1,500", "1.500"),
    ])
    func frenchNumber(_ lines: String, _ line: Int, _ column: Int, _ key: String, _ written: String, _ plain: String) {
        #expect(messages(Self.niger(lines)) == [
            "\(Self.niger):\(line):\(column): error: '\(key)' must be a number written with a dot before the decimals, no spaces between the thousands and no currency sign, not '\(written)': write \(plain)",
        ])
    }

    @Test("a decimal field reads 1.500 as 1.5, as YAML does: no message (the whole-number reading is for whole-number fields)")
    func dotInDecimalField() throws {
        let english = "---\ntitle: Niger\ncountry: NE\nregion: sahel-en\nkey_data:\n  population_millions: 1.5\n---\nNiger.\n"
        let built = TestSite([Self.niger: Self.niger("key_data:\n  population_millions: 1.500\n"),
                              "content/2020/en/countries/niger.md": english]).build()
        #expect(built.messages == [])
        #expect(try #require(built.text("fr/2020/countries/niger/index.html")).contains("Population: 1,5"))
    }

    @Test("what is no number stays the plain 'must be a number' message", arguments: [
        ("budget_eur: 21 50 000\n", "'budget_eur' must be a whole number, not the text '21 50 000'"),
        ("budget_eur: 21 500 000,50\n", "'budget_eur' must be a whole number, not the text '21 500 000,50'"),
        ("budget_eur: cinq millions\n", "'budget_eur' must be a whole number, not the text 'cinq millions'"),
    ])
    func notANumber(_ lines: String, _ message: String) {
        #expect(messages(Self.niger(lines)) == ["\(Self.niger):5:13: error: \(message)"])
    }

    // MARK: - Lists

    @Test("a list written 4, 6, 8 shows the list to write")
    func listWithoutBrackets() {
        #expect(messages(Self.niger("priority_areas: 4, 6, 8\n")) == [
            "\(Self.niger):5:17: error: 'priority_areas' must be a list, between square brackets: write [4, 6, 8]",
        ])
        #expect(messages(Self.niger("priority_areas: 4\n")) == [
            "\(Self.niger):5:17: error: 'priority_areas' must be a list, between square brackets: write [4]",
        ])
    }

    // MARK: - Hostile input

    @Test("a line of a megabyte: one error, the fix shortened, read in linear time")
    func megabyteLine() {
        let long = String(repeating: "a", count: 1_000_000)
        let clock = ContinuousClock()
        let start = clock.now
        let found = messages(Self.niger("summary: \(long) : fin #1\n"))
        #expect(clock.now - start < .seconds(10))
        #expect(found == [
            "\(Self.niger):5:1000011: error: \(Self.colonFix)summary: \"\(String(repeating: "a", count: 60))…\"",
            "\(Self.niger):5:1000017: warning: \(Self.commentCut)",
        ])
        #expect(messages(Self.niger("summary: \"\(long) : fin #1\"\n")) == [])
    }

    @Test("CR-only and CRLF line ends: the same errors at the same lines")
    func lineEnds() {
        let text = Self.niger("summary: Niger : bilan\n", title: "title: Niger, priorité #1")
        let expected = [
            "\(Self.niger):2:24: warning: \(Self.commentCut)",
            "\(Self.niger):5:16: error: \(Self.colonFix)summary: \"Niger : bilan\"",
        ]
        #expect(messages(text) == expected)
        #expect(messages(text.replacingOccurrences(of: "\n", with: "\r")) == expected)
        #expect(messages("\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n")) == expected)
    }

    @Test("a quote or backslash in a text with a colon is escaped in the fix, and the fixed text is read as written")
    func escapedFix() {
        #expect(messages(Self.niger("summary: Le « plan » : 2 \"phases\" \\ fin\n")) == [
            "\(Self.niger):5:22: error: \(Self.colonFix)summary: \"Le « plan » : 2 \\\"phases\\\" \\\\ fin\"",
        ])
    }

    // MARK: - Kosovo

    @Test("XK (Kosovo) is a country code")
    func kosovo() {
        let page = "---\ntitle: Kosovo\ncountry: XK\nregion: sahel\n---\nLe Kosovo.\n"
        let english = "---\ntitle: Kosovo\ncountry: XK\nregion: sahel-en\n---\nKosovo.\n"
        let built = TestSite(["content/2020/fr/countries/kosovo.md": page, "content/2020/en/countries/kosovo.md": english]).build()
        #expect(built.messages == [])
        #expect(built.text("fr/2020/countries/kosovo/index.html") != nil)
    }
}
