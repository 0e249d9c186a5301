import Foundation
import RapportCore
import RapportTestSupport
@testable import RapportPreview
import Testing

/// What `RAPPORT_TIMINGS=1 rapport serve` prints after each rebuild: the preview's own steps around the build's
/// stages. A save of a known file changes the assembled source in place; the build must see the new bytes.
@Suite("Preview: the stages of a rebuild")
struct RebuildTimingTests {
    @Test("a save: every stage of the rebuild is timed, in order, and the page served shows the save")
    func stagesOfASave() async throws {
        let source = SiteSource.read(root: TestFolders.repositoryRoot)
        let site = PreviewSite(source: source, baseURL: "http://127.0.0.1:8000/")
        let path = "content/2020/fr/countries/mongolie.md"
        let original = try #require(source.contentFiles.first { $0.path == path }?.contents.read())
        let saved = SourceFile(path: path, bytes: original + Array("\nPhrase ajoutée pour la mesure.\n".utf8))
        #expect(await site.apply([.write(saved)]))
        #expect(await site.timings.map(\.stage) == ["sources", "front matter", "data sets", "site graph", "theme", "memo",
                                                    "pages", "generated pages", "served files"])
        let page = try #require(await site.file("fr/2020/cooperation-bilaterale/mongolie/index.html"))
        #expect(String(decoding: page.bytes, as: UTF8.self).contains("Phrase ajoutée pour la mesure."))
    }
}
