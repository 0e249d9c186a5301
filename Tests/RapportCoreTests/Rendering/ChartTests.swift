import Testing
@testable import RapportCore

/// Charts: round ticks, honest gaps, series told apart without colour, a description written from the figures.
@Suite("Charts")
struct ChartTests {
    @Test("ticks are round (1, 2 or 5 × 10ⁿ) and cover the largest value", arguments: [
        (503.87, [0, 100, 200, 300, 400, 500, 600], 100.0),
        (38.32, [0, 10, 20, 30, 40], 10.0),
        (1.04, [0, 0.2, 0.4, 0.6, 0.8, 1, 1.2], 0.2),
        (5_000_000, [0, 1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000], 1_000_000),
        (0, [0, 1], 1),
    ] as [(Double, [Double], Double)])
    func ticks(_ maximum: Double, _ expected: [Double], _ step: Double) {
        let found = ChartLayout.ticks(upTo: maximum)
        #expect(found.step == step)
        #expect(zip(found.values, expected).allSatisfy { abs($0 - $1) < 1e-9 } && found.values.count == expected.count, "\(found.values)")
    }

    @Test("a line breaks where a value is missing, and the gap's year is marked")
    func gaps() {
        let layout = ChartLayout.lines(years: [2016, 2017, 2018, 2019, 2020], values: [[1], [2], [nil], [4], [5]])
        #expect(layout.segments[0].map { $0.map(\.index) } == [[0, 1], [3, 4]])
        #expect(layout.gaps.map(\.value) == [2018])
        #expect(layout.points.count == 4)
        let xs = layout.years.map(\.position)
        #expect(xs == xs.sorted() && xs.first! > layout.left && xs.last! < layout.right, "years inside the plot, in order")
    }

    static let schema = """
        title: {fr: L’APD, en: ODA}
        columns:
          - key: year
            label: {fr: Année, en: Year}
            type: year
          - key: amount
            label: {fr: Montant, en: Amount}
            type: decimal
          - key: share
            label: {fr: Part, en: Share}
            type: percent
        chart:
          kind: line
          x: year
          y: [amount, share]

        """

    func outcome(_ schema: String = schema) -> BuildOutcome {
        TestSite([
            "content/2020/data/oda.csv": "year,amount,share\n2018,401.30,0.98\n2019,420.80,1.04\n2020,,\n2021,456.10,0.99\n",
            "content/2020/data/oda.yaml": schema,
            "content/2020/fr/apd.md": "---\ntitle: APD\ntranslation_key: apd\n---\n<!-- chart: oda -->\n",
            "content/2020/en/oda.md": "---\ntitle: ODA\ntranslation_key: apd\n---\n<!-- chart: oda -->\n",
        ]).build()
    }

    @Test("a line chart through the real build: its description per language, its gap, its series, then the table")
    func lineChart() throws {
        let built = outcome()
        #expect(built.messages == [])
        let fr = try #require(built.text("fr/2020/apd/index.html"))
        // French typography reaches the description: no-break space before ':', narrow before ';' and '%'.
        #expect(fr.contains("Chart: chart_oda L’APD|Desc: Courbes. Montant de 2018 à 2021\u{A0}: 401,30 puis 456,10\u{202F}; bas 401,30, haut 456,10. "
                            + "Part de 2018 à 2021\u{A0}: 0,98\u{202F}% puis 0,99\u{202F}%\u{202F}; bas 0,98\u{202F}%, haut 1,04\u{202F}%. Rien en 2020.|"))
        #expect(fr.contains("Series: Montant 2|Series: Part 2|"), "each series broken in two at 2020")
        #expect(fr.contains("Gap: n.d. "))
        #expect(fr.contains("Then: L’APD|"), "the same figures as a table")
        let en = try #require(built.text("en/2020/oda/index.html"))
        #expect(en.contains("Desc: Lines. Amount 2018 to 2021: 401.30 then 456.10; low 401.30, high 456.10."))
        #expect(en.contains("Tick: 0|Tick: 100|Tick: 200|Tick: 300|Tick: 400|Tick: 500|"), "ticks round, formatted as the first series is")
    }

    @Test("grouped bars: every other series hatched, values written beside the bars, highest and lowest described")
    func barChart() throws {
        let bars = Self.schema.replacingOccurrences(of: "kind: line", with: "kind: bar")
        let fr = try #require(outcome(bars).text("fr/2020/apd/index.html"))
        #expect(fr.contains("Bar: 0 ") && fr.contains(" 401,30|Bar: 1 ") && fr.contains(" 0,98\u{202F}% hatched|"))
        #expect(fr.contains("Desc: Barres. Montant\u{A0}: haut 2021 (456,10), bas 2018 (401,30)."))
    }

    @Test("a chart marker for a data set without chart is an error at the marker")
    func withoutChart() {
        let plain = Self.schema.components(separatedBy: "chart:")[0]
        #expect(outcome(plain).messages.contains(
            "content/2020/fr/apd.md:5:1: error: the data set 'oda' has no chart: add 'chart:' to its schema, or place its table"))
    }

    @Test("the strings chart descriptions are written with are required in every language")
    func requiredStrings() {
        let messages = TestSite(["content/i18n/en.yaml": "skip: Skip to content\nmore: Read more\nna: N/A\n"]).build().messages
        #expect(messages.contains("content/i18n/en.yaml:1:1: error: the interface string 'chart_desc_bar' is used by Rapport's chart descriptions but missing in content/i18n/en.yaml"))
    }
}
