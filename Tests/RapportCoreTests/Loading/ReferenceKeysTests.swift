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
        let missing = ConfigLoader.keys.filter { !text.contains("| `\($0)` |") }
            + ConfigLoader.languageKeys.map { "languages[].\($0)" }.filter { !text.contains("| `\($0)` |") }
        #expect(missing == [], "docs/reference/site-yaml.md has no row for these keys")
    }

    @Test("content.md: every front-matter, key_data, data-set and glossary key")
    func content() throws {
        let text = try Self.page("content.md")
        let keys = PageLoader.countryKeys + PageLoader.chapterKeys + PageLoader.regionKeys + PageLoader.keyDataKeys
            + DataSetLoader.keys + DataSetLoader.columnKeys + DataSetLoader.chartKeys + GlossaryLoader.termKeys + ["key"]
        // Named as `key`, `key: …` or a nested `parent.key` / `parent[].key`.
        let missing = Set(keys).sorted().filter { key in !["`\(key)`", "`\(key):", ".\(key)`"].contains { text.contains($0) } }
        #expect(missing == [], "docs/reference/content.md never names these keys")
    }
}
