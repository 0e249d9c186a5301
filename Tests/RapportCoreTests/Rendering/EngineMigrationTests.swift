import Foundation
import RapportTestSupport
import Testing
@testable import RapportCore

/// While both engines exist: the compiled engine writes every byte swift-mustache writes, for every file of the
/// repository's report, of the fixture site and of a generated corpus (with the repository's theme).
@Suite("Engine migration")
struct EngineMigrationTests {
    func compareEngines(_ source: SiteSource, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        var old = BuildOptions()
        old.engine = .swiftMustache
        let theirs = SiteBuilder.build(source, options: old)
        let ours = SiteBuilder.build(source)
        #expect(theirs.succeeded && ours.succeeded, "\(ours.diagnostics)", sourceLocation: sourceLocation)
        #expect(ours.files.count == theirs.files.count, sourceLocation: sourceLocation)
        var differing = 0
        for (mine, other) in zip(ours.files, theirs.files) {
            #expect(mine.path == other.path, sourceLocation: sourceLocation)
            if mine.contents.bytes != other.contents.bytes {
                differing += 1
                if differing <= 3 {
                    let a = String(decoding: mine.contents.bytes, as: UTF8.self), b = String(decoding: other.contents.bytes, as: UTF8.self)
                    let at = zip(a, b).prefix(while: { $0 == $1 }).count
                    Issue.record("\(mine.path) differs at character \(at): ours «\(a.dropFirst(max(0, at - 80)).prefix(200))» theirs «\(b.dropFirst(max(0, at - 80)).prefix(200))»",
                                 sourceLocation: sourceLocation)
                }
            }
        }
        #expect(differing == 0, sourceLocation: sourceLocation)
        #expect(ours.files.count > 10, sourceLocation: sourceLocation)
    }

    @Test("the repository's report: every file the same")
    func repositoryReport() throws {
        compareEngines(SiteSource.read(root: TestFolders.repositoryRoot))
    }

    @Test("the fixture site: every file the same")
    func fixtureSite() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        compareEngines(SiteSource.read(root: root))
    }

    @Test("a generated corpus (bench/make_corpus.py, 40 countries, 3 editions): every file the same")
    func generatedCorpus() throws {
        let folder = TestFolders.temporary("rapport-corpus")
        defer { TestFolders.remove(folder) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestFolders.repositoryRoot.appendingPathComponent("bench/make_corpus.py").path,
                             "--countries", "40", "--years", "2020", "2021", "2022", "--out", folder.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        for theme in ["templates", "content/i18n"] {
            try FileManager.default.copyItem(at: TestFolders.repositoryRoot.appendingPathComponent(theme),
                                             to: folder.appendingPathComponent(theme))
        }
        compareEngines(SiteSource.read(root: folder))
    }
}
