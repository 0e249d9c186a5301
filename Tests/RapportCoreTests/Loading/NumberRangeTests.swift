import Testing
@testable import RapportCore

/// Numbers too large, too small or no figure at all (issue 25): a located error in words a report writer reads,
/// or a figure drawn and written truthfully; never a trap.
@Suite("Numbers out of range")
struct NumberRangeTests {
    static let niger = "content/2020/fr/countries/niger.md"
    static let nigerEN = "content/2020/en/countries/niger.md"

    func country(_ lines: String) -> BuildOutcome {
        TestSite([Self.niger: "---\ntitle: Niger\ncountry: NE\nregion: sahel\n\(lines)---\nCorps.\n"]).build()
    }

    @Test("a whole number beyond Int is 'too large', at its place")
    func wholeNumberTooLarge() {
        #expect(country("budget_eur: 99999999999999999999999\n").messages == [
            "\(Self.niger):5:13: error: 'budget_eur' is 99999999999999999999999, too large a number to read (at most 9223372036854775807): check the figure",
        ])
        let digits = String(repeating: "9", count: 400)
        #expect(country("key_data:\n  hdi_total: \(digits)\n").messages == [
            "\(Self.niger):6:14: error: 'hdi_total' is 9999999999999999999999999999999999999999…, too large a number to read (at most 9223372036854775807): check the figure",
        ])
        #expect(TestSite(["content/2020/fr/chapitre/index.md": "---\ntitle: Chapitre\norder: -99999999999999999999\n---\n"]).build()
            .messages.contains("content/2020/fr/chapitre/index.md:3:8: error: 'order' is -99999999999999999999, too large a number to read (at most 9223372036854775807): check the figure"))
    }

    @Test(".inf, .nan and a 400-digit decimal are no figures")
    func notFinite() {
        #expect(country("key_data:\n  life_expectancy: .inf\n  population_millions: .nan\n").messages == [
            "\(Self.niger):6:20: error: 'life_expectancy' is '.inf', which is not a figure: write the number itself, such as 69.9",
            "\(Self.niger):7:24: error: 'population_millions' is '.nan', which is not a figure: write the number itself, such as 69.9",
        ])
        let huge = String(repeating: "9", count: 400) + ".5"
        #expect(country("key_data:\n  population_millions: \(huge)\n").messages == [
            "\(Self.niger):6:24: error: 'population_millions' is '9999999999999999999999999999999999999999…', which is not a figure: write the number itself, such as 69.9",
        ])
    }

    @Test("hdi_rank: 0 is told the smallest rank, not that it is negative")
    func rankZero() {
        #expect(country("key_data:\n  hdi_rank: 0\n  hdi_total: -1\n  gni_per_capita_usd: -5\n").messages == [
            "\(Self.niger):7:14: error: 'hdi_total' must be 1 or more",
            "\(Self.niger):8:23: error: 'gni_per_capita_usd' must not be negative",
            "\(Self.niger):6:13: error: 'hdi_rank' must be 1 or more",
        ].sorted())
    }

    @Test("the largest budget Int holds builds: the chart's ticks beyond Int are written, not trapped")
    func largestBudget() {
        let budget = "budget_eur: 9000000000000000000\n"
        let outcome = TestSite([
            Self.niger: "---\ntitle: Niger\ncountry: NE\nregion: sahel\n\(budget)---\nCorps.\n",
            Self.nigerEN: "---\ntitle: Niger\ncountry: NE\nregion: sahel-en\n\(budget)---\nNiger.\n",
            "templates/edition.mustache": "{{<base}}{{$main}}{{#page.chart}}{{#ticks}}Tick: {{label}}|{{/ticks}}{{#bars}}Bar: {{width}} {{value}}|{{/bars}}{{/page.chart}}{{/main}}{{/base}}",
        ]).build()
        #expect(outcome.messages == [])
        let home = outcome.text("en/2020/index.html") ?? ""
        #expect(home.contains("Tick: €10,000,000,000bn|"), "\(home)")
        #expect(home.contains("Bar: 338 €9,000,000,000bn|"), "\(home)")
    }

    @Test("an edition folder of twenty digits is a misplaced file, not a year")
    func hugeEditionYear() {
        let messages = TestSite(["content/99999999999999999999/fr/index.md": "---\ntitle: X\n---\n"]).build().messages
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("content/99999999999999999999/fr/index.md:1:1: error: this file is not where Rapport looks for content") == true)
    }
}

extension NumberRangeTests {
    @Test("a base-60 number (YAML 1.1) too large for Int is an error, not a trap in Yams' reader")
    func sexagesimal() {
        #expect(country("budget_eur: 1:2:3:4:5:6:7:8:9:10:11:12\npriority_areas: [9223372036854775807:0]\n").messages == [
            "\(Self.niger):5:13: error: 'budget_eur' is 1:2:3:4:5:6:7:8:9:10:11:12, too large a number to read (at most 9223372036854775807): check the figure",
            "\(Self.niger):6:18: error: 'priority_areas' must be a list of goal numbers 1 to 17, not the number 9223372036854775807:0",
        ])
    }
}
