import Testing
@testable import RapportCore

/// What a chart cannot draw honestly is an error at the cell; what it can draw is drawn truthfully, never as 0,
/// "∞" or "NaN" (issue 25).
@Suite("Chart honesty")
struct ChartHonestyTests {
    static let csv = "content/2020/data/oda.csv"

    static func schema(kind: String = "bar", x: String = "sector", xType: String = "text", amountType: String = "decimal",
                       decimals: String = "") -> String {
        """
        title: {fr: L’APD, en: ODA}
        columns:
          - key: \(x)
            label: {fr: X, en: X}
            type: \(xType)
          - key: amount
            label: {fr: Montant, en: Amount}
            type: \(amountType)
        \(decimals)
          - key: change
            label: {fr: Variation, en: Change}
            type: decimal
        chart:
          kind: \(kind)
          x: \(x)
          y: [amount]

        """
    }

    func build(_ csv: String, schema: String = schema()) -> BuildOutcome {
        TestSite([
            Self.csv: csv,
            "content/2020/data/oda.yaml": schema,
            "content/2020/fr/apd.md": "---\ntitle: APD\ntranslation_key: apd\n---\n<!-- chart: oda -->\n",
            "content/2020/en/oda.md": "---\ntitle: ODA\ntranslation_key: apd\n---\n<!-- chart: oda -->\n",
        ]).build()
    }

    /// The chart's text on the English page, checked for the marks of a number drawn wrong.
    func chart(_ outcome: BuildOutcome) -> String {
        let page = outcome.text("en/2020/oda/index.html") ?? ""
        for mark in ["NaN", "nan", "∞", "inf"] { #expect(!page.contains(mark), "\(mark) in \(page)") }
        return page
    }

    @Test("a 400-digit cell in a charted column is too large, at its cell")
    func hugeCell() {
        let digits = String(repeating: "9", count: 400)
        #expect(build("sector,amount,change\nA,\(digits),1\n").messages == [
            "\(Self.csv):2:3: error: '9999999999999999999999999999999999999999…' in the column 'amount' is too large a number to read: check the figure",
        ])
        #expect(build("sector,amount,change\nA,\(digits),1\n", schema: Self.schema(amountType: "integer")).messages == [
            "\(Self.csv):2:3: error: '9999999999999999999999999999999999999999…' in the column 'amount' is too large a number to read: check the figure",
        ])
    }

    @Test("a negative value the chart draws is an error at its cell; in a column it does not draw, a figure like another")
    func negative() {
        #expect(build("sector,amount,change\nA,12,-3\nB,-4.5,2\n").messages == [
            "\(Self.csv):3:3: error: the chart cannot draw '-4.5' in the column 'amount': its scale starts at 0, so negative values would be drawn as 0; take 'amount' out of the chart's y (its table shows every value)",
        ])
        let outcome = build("sector,amount,change\nA,12,-3\nB,-0,2\n")
        #expect(outcome.messages == [])
        let page = chart(outcome)
        #expect(page.contains("Bar: 0 1 0|"), "-0 is drawn and written 0")
    }

    @Test("a year twice in a line chart is an error naming the first line")
    func duplicateYears() {
        let schema = Self.schema(kind: "line", x: "year", xType: "year")
        #expect(build("year,amount,change\n2019,1,1\n2020,2,2\n2019,3,3\n", schema: schema).messages == [
            "\(Self.csv):4:1: error: the year 2019 of the column 'year' is already on line 2: a line chart has one value per year",
        ])
    }

    @Test("all zeros, a header alone, one row, the largest and the smallest numbers: drawn, never NaN or ∞")
    func edgeFigures() {
        let line = Self.schema(kind: "line", x: "year", xType: "year")
        let largest = "17" + String(repeating: "0", count: 307)
        let smallest = "0." + String(repeating: "0", count: 320) + "5"
        for (csv, schema) in [("sector,amount,change\nA,0,0\nB,0,0\n", Self.schema()),
                              ("year,amount,change\n2019,0,0\n2020,0,0\n", line),
                              ("sector,amount,change\n", Self.schema()),
                              ("year,amount,change\n", line),
                              ("year,amount,change\n2020,5,1\n", line),
                              ("sector,amount,change\nA,\(largest),1\nB,1,1\n", Self.schema()),
                              ("year,amount,change\n2019,\(largest),1\n2020,1,1\n", line),
                              ("sector,amount,change\nA,\(smallest),1\n", Self.schema()),
                              ("year,amount,change\n2019,\(smallest),1\n2020,0,1\n", line)] {
            let outcome = build(csv, schema: schema)
            #expect(outcome.messages == [], "\(csv)")
            #expect(chart(outcome).contains("Chart: "), "\(csv)")
        }
        let zeros = chart(build("sector,amount,change\nA,0,0\n"))
        #expect(zeros.contains("Bar: 0 1 0|"), "a zero is drawn as the thinnest bar: \(zeros)")
    }

    @Test("decimals beyond what a Double holds are an error at the key")
    func tooManyDecimals() {
        #expect(build("sector,amount,change\nA,1,1\n", schema: Self.schema(decimals: "    decimals: 1000000")).messages == [
            "content/2020/data/oda.yaml:9:15: error: 'decimals' is 1000000; a figure shows at most 15 digits after the decimal sign",
        ])
    }

    @Test("the layout never traps on numbers the loader refuses")
    func layoutWithoutTraps() {
        for value in [Double.infinity, -Double.infinity, .nan, .greatestFiniteMagnitude, .leastNonzeroMagnitude, -1] {
            let bars = ChartLayout.bars([[value], [1]])
            #expect(bars.bars.count == 2)
            let lines = ChartLayout.lines(years: [2019, 2020], values: [[value], [1]])
            #expect(lines.years.count == 2)
        }
        #expect(ChartLayout.ticks(upTo: .greatestFiniteMagnitude).values.allSatisfy { $0.isFinite })
        #expect(ChartLayout.ticks(upTo: .leastNonzeroMagnitude).values.last == .leastNonzeroMagnitude)
    }
}
