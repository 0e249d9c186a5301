import Foundation
import RapportCore
import RapportTestSupport
@testable import RapportPreview
import Testing

/// The preview shows drafts, so it warns about their stale translations as `check --drafts` does.
@Suite("Preview: drafts' translations")
struct DraftTranslationTests {
    @Test("a French draft edited after its translation: the preview's diagnostics hold the warning at the translation's source_digest")
    func staleDraftTranslation() async throws {
        let root = try TestFolders.copyOfRepositorySite("rapport-preview-drafts")
        defer { TestFolders.remove(root) }
        let source = SiteSource.read(root: root)
        let files = try NewEdition.plan(year: "2023", from: "2022", files: source.contentFiles, languages: ["fr", "en"], defaultLanguage: "fr").get()
        for file in files {
            let url = root.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.contents.read() ?? []).write(to: url)
        }
        let french = root.appendingPathComponent("content/2023/fr/countries/mongolie.md")
        try Data((String(decoding: try Data(contentsOf: french), as: UTF8.self) + "\nUne phrase de plus.\n").utf8).write(to: french)

        let english = "content/2023/en/countries/mongolia.md"
        let line = String(decoding: try Data(contentsOf: root.appendingPathComponent(english)), as: UTF8.self)
            .components(separatedBy: "\n").firstIndex { $0.hasPrefix("source_digest:") }.map { $0 + 1 }
        let preview = PreviewSite(source: SiteSource.read(root: root), baseURL: "http://127.0.0.1:8000/")
        let warnings = await preview.diagnostics.map(\.description).filter { $0.contains("changed since this translation") }
        #expect(warnings == ["\(english):\(line ?? 0):16: warning: the French page changed since this translation was made: review it, then run rapport translations --accept \(english)"])
    }
}
