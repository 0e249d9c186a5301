import Foundation
@testable import RapportCore
import Testing

/// The reference names every key Rapport reads: a key added to a loader without its line in docs/reference/ fails here.
@Suite("the reference names every key")
struct ReferenceKeysTests {
    static func page(_ name: String) throws -> String {
        try String(contentsOf: Fixtures.repositoryRoot.appendingPathComponent("docs/reference/\(name)"), encoding: .utf8)
    }

    @Test("site-yaml.md: every key of site.yaml and of a language")
    func siteYAML() throws {
        let text = try Self.page("site-yaml.md")
        for key in ConfigLoader.keys { #expect(text.contains("| `\(key)` |"), "site-yaml.md has no row for \(key)") }
        for key in ConfigLoader.languageKeys { #expect(text.contains("| `languages[].\(key)` |"), "site-yaml.md has no row for languages[].\(key)") }
    }

    @Test("content.md: every front-matter, key_data, data-set and glossary key")
    func content() throws {
        let text = try Self.page("content.md")
        let keys = PageLoader.countryKeys + PageLoader.chapterKeys + PageLoader.regionKeys + PageLoader.keyDataKeys
            + DataSetLoader.keys + DataSetLoader.columnKeys + DataSetLoader.chartKeys + GlossaryLoader.termKeys + ["key"]
        for key in Set(keys).sorted() { #expect(text.contains("`\(key)"), "content.md never names the key \(key)") }
    }
}
