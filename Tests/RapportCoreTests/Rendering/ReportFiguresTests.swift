import Foundation
import Testing
@testable import RapportCore

/// The repository's report shows its figures: every cell of every data set appears on the pages that place it,
/// formatted for each language, and every data set is published unchanged.
@Suite("The report's figures")
struct ReportFiguresTests {
    /// The data set, the page placing it in each language, and how its numeric columns are typed.
    static let placements: [(edition: String, name: String, pages: [String: String])] = [
        ("2020", "oda-by-year", ["fr": "fr/2020/aide-publique-au-developpement/", "en": "en/2020/official-development-assistance/"]),
        ("2022", "oda-by-year", ["fr": "fr/2022/aide-publique-au-developpement/", "en": "en/2022/official-development-assistance/"]),
        ("2020", "oda-by-sector", ["fr": "fr/2020/aide-publique-au-developpement/ventilation-par-secteur/",
                                   "en": "en/2020/official-development-assistance/breakdown-by-sector/"]),
        ("2022", "oda-by-ministry", ["fr": "fr/2022/aide-publique-au-developpement/part-geree-par-le-ministere/",
                                     "en": "en/2022/official-development-assistance/share-managed-by-the-ministry/"]),
    ]

    @Test("each figure of each CSV appears on its page, formatted for the page's language", arguments: placements.indices)
    func figures(_ index: Int) throws {
        let (edition, name, pages) = Self.placements[index]
        let outcome = ReportFeatureTests.report
        #expect(outcome.succeeded, "\(outcome.messages)")
        let root = Fixtures.repositoryRoot
        let csv = try String(contentsOf: root.appendingPathComponent("content/\(edition)/data/\(name).csv"), encoding: .utf8)
        let schema = try String(contentsOf: root.appendingPathComponent("content/\(edition)/data/\(name).yaml"), encoding: .utf8)
        let rows = try CSVReader.rows(csv).get().map { $0.cells.map(\.text) }
        let header = try #require(rows.first)
        for (language, locale) in [("fr", "fr_LU"), ("en", "en_GB")] {
            let html = try #require(outcome.text(pages[language]! + "index.html"), "\(pages[language]!)")
            let format = NumberFormatting(localeIdentifier: locale)
            for row in rows.dropFirst() {
                for (column, cell) in zip(header, row) where !cell.isEmpty {
                    let expected: String
                    if column == "year" {
                        expected = cell
                    } else if column.hasSuffix("_fr") || column.hasSuffix("_en") {
                        guard column.hasSuffix("_" + language) else { continue }
                        expected = escaped(language == "fr" ? FrenchTypography.apply(cell) : cell)
                    } else {
                        let digits = decimals(of: column, in: schema) ?? (cell.split(separator: ".").dropFirst().first?.count ?? 0)
                        let number = try #require(Double(cell))
                        expected = isPercent(column, in: schema) ? format.percent(number, digits: digits) : format.fixed(number, digits: digits)
                    }
                    #expect(html.contains(">\(expected)<"), "\(name) \(language): \(column) = \(cell) shown as \(expected)")
                }
            }
            #expect(html.contains("data/\(edition)/\(name).csv\" download"), "the download link")
        }
        let published = try #require(outcome.files.first { $0.path == "data/\(edition)/\(name).csv" })
        #expect(published.contents.bytes == Array(csv.utf8), "published unchanged")
    }

    private func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "'", with: "&#39;")
    }

    /// The `decimals:` of a column in a schema, if given.
    private func decimals(of column: String, in schema: String) -> Int? {
        guard let block = schema.components(separatedBy: "- key: \(column)\n").dropFirst().first?.components(separatedBy: "- key:").first,
              let line = block.split(separator: "\n").first(where: { $0.contains("decimals:") }) else { return nil }
        return Int(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces))
    }

    private func isPercent(_ column: String, in schema: String) -> Bool {
        schema.components(separatedBy: "- key: \(column)\n").dropFirst().first?.components(separatedBy: "- key:").first?.contains("type: percent") == true
    }
}
