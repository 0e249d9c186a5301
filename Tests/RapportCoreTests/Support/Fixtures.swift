import Foundation
@testable import RapportCore
import RapportTestSupport

enum Fixtures {
    /// `Tests/RapportCoreTests/`.
    static let testsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The repository root.
    static let repositoryRoot = TestFolders.repositoryRoot

    /// A fresh temporary folder, removed by the caller with `cleanUp`.
    static func temporaryFolder() -> URL { TestFolders.temporary() }

    /// A site root in a temporary folder: the fixture's `content/` with the repository's real `templates/`
    /// and interface strings (which go with the templates).
    static func siteRoot(fixture: String) -> URL {
        let root = temporaryFolder()
        let manager = FileManager.default
        try! manager.copyItem(at: testsFolder.appendingPathComponent("Fixtures/\(fixture)/content"), to: root.appendingPathComponent("content"))
        try! manager.copyItem(at: repositoryRoot.appendingPathComponent("templates"), to: root.appendingPathComponent("templates"))
        try! manager.copyItem(at: repositoryRoot.appendingPathComponent("content/i18n"), to: root.appendingPathComponent("content/i18n"))
        return root
    }

    static func cleanUp(_ url: URL) { TestFolders.remove(url) }

    /// Reads and builds a site root from disk, in memory.
    static func build(root: URL, options: BuildOptions = BuildOptions()) -> BuildOutcome {
        SiteBuilder.build(SiteSource.read(root: root), options: options)
    }
}

extension BuildOutcome {
    /// The text of a built file.
    func text(_ path: String) -> String? {
        guard let file = files.first(where: { $0.path == path }), case .bytes(let bytes) = file.contents else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    var messages: [String] { diagnostics.map(\.description) }
}
