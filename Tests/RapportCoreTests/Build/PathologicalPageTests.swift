import Testing
@testable import RapportCore

/// Pages that are plausible but extreme build, with the right output, at N and 4N (issue 25). Only completion and
/// output are asserted here: how the time grows is measured by benchmarks, not by timed tests.
@Suite("Pathological pages")
struct PathologicalPageTests {
    static let niger = "content/2020/fr/countries/niger.md"
    static let front = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n"
    static let sizes = [1_000, 4_000]

    func page(_ body: String, frontMatter: String = front) -> String {
        let outcome = TestSite([Self.niger: frontMatter + body]).build()
        #expect(outcome.messages == [])
        return outcome.text("fr/2020/countries/niger/index.html") ?? ""
    }

    @Test("identical headings get ids -2, -3 … in order", arguments: sizes)
    func identicalHeadings(_ count: Int) {
        let html = page(String(repeating: "## Résultats\n\n", count: count))
        #expect(html.contains("<h2 id=\"resultats\">"))
        #expect(html.contains("<h2 id=\"resultats-2\">"))
        #expect(html.contains("<h2 id=\"resultats-\(count)\">"))
        #expect(!html.contains("<h2 id=\"resultats-\(count + 1)\">"))
    }

    @Test("headings whose own text is a numbered id stay unique", arguments: sizes)
    func numberedHeadings(_ count: Int) {
        let body = (1...count).map { "## Titre\n\n## Titre \($0 * 2)\n\n" }.joined()
        let html = page(body)
        var ids = Set<String>()
        var rest = html[...]
        while let start = rest.range(of: "<h2 id=\"") {
            rest = rest[start.upperBound...]
            let id = rest.prefix { $0 != "\"" }
            #expect(ids.insert(String(id)).inserted, "duplicate id \(id)")
        }
        #expect(ids.count == 2 * count)
    }

    @Test("links in one paragraph keep their columns", arguments: sizes)
    func linksInOneParagraph(_ count: Int) {
        let body = String(repeating: "é [lien](../regions/sahel.md) ", count: count) + "[x](nulle-part.md)\n"
        let outcome = TestSite([Self.niger: Self.front + body]).build()
        let column = count * "é [lien](../regions/sahel.md) ".count + 1
        #expect(outcome.messages == ["\(Self.niger):6:\(column): error: link to 'nulle-part.md', which does not exist"])
    }

    @Test("a one-line flow list of achievements", arguments: sizes)
    func flowList(_ count: Int) {
        let items = (1...count).map { "r\($0)" }.joined(separator: ", ")
        let html = page("Corps.\n", frontMatter: "---\ntitle: Niger\ncountry: NE\nregion: sahel\nachievements: [\(items)]\n---\n")
        #expect(html.contains("Title: Niger|"))
        let outcome = TestSite([Self.niger: "---\ntitle: Niger\ncountry: NE\nregion: sahel\nachievements: [\(items), [x]]\n---\n"]).build()
        #expect(outcome.messages.count == 1, "the nested list is reported at its column")
        #expect(outcome.messages.first?.hasPrefix("\(Self.niger):5:\(16 + items.count + 2): error: 'achievements' must be a list of texts") == true,
                "\(outcome.messages)")
    }

    @Test("link reference definitions, nested quotes and lists", arguments: sizes)
    func definitionsAndNesting(_ count: Int) {
        let definitions = (1...count).map { "[r\($0)]: https://example.org/\($0)\n" }.joined()
        #expect(page("[voir][r\(count)]\n\n" + definitions).contains("href=\"https://example.org/\(count)\""))
        #expect(page(String(repeating: "> ", count: count * 10) + "profond\n").contains("profond"))
        #expect(page(String(repeating: "*a ", count: count) + String(repeating: "a* ", count: count) + "\n").contains("<em>"))
    }

    @Test("a CSV of many rows in a bar chart and its table", arguments: sizes)
    func manyRows(_ count: Int) {
        let rows = (1...count).map { "s\($0),\($0).5" }.joined(separator: "\n")
        let outcome = TestSite([
            "content/2020/data/big.csv": "sector,amount\n" + rows + "\n",
            "content/2020/data/big.yaml": """
                title: {fr: Grand, en: Big}
                columns:
                  - {key: sector, label: {fr: Secteur, en: Sector}, type: text}
                  - {key: amount, label: {fr: Montant, en: Amount}, type: decimal}
                chart: {kind: bar, x: sector, y: [amount]}

                """,
            "content/2020/fr/grand.md": "---\ntitle: Grand\ntranslation_key: big\n---\n<!-- chart: big -->\n\n<!-- table: big -->\n",
            "content/2020/en/big.md": "---\ntitle: Big\ntranslation_key: big\n---\n<!-- chart: big -->\n\n<!-- table: big -->\n",
        ]).build()
        #expect(outcome.messages == [])
        let html = outcome.text("en/2020/big/index.html") ?? ""
        let figure = "\(count / 1000),\(String(count).dropFirst()).5"   // sizes are whole thousands: 4,000.5
        let lastRow = html.contains("Row: s\(count); \(figure);|") ? "" : "Row: s\(count) missing"
        let lastBar = html.contains("Bar: 0 1 1.5|") && html.contains(" \(figure)|Series") ? "" : "bars missing"
        #expect(lastRow + lastBar == "")
    }

    @Test("every key written twice is reported at its second line", arguments: sizes)
    func duplicateKeys(_ count: Int) {
        let keys = (1...count).map { "k\($0): v\n" }.joined()
        let messages = TestSite([Self.niger: "---\ntitle: Niger\n" + keys + keys + "---\n"]).build().messages
        #expect(messages.count == count)
        #expect(messages.contains("\(Self.niger):\(count * 2 + 2):1: error: the key 'k\(count)' appears twice"))
    }
}
