import Foundation
import RapportTestSupport
import Testing
@testable import RapportCore

/// Which folders a build may replace: judged on real paths, and only what Rapport made (the marker).
@Suite("Output folder ownership")
struct OutputFolderTests {
    let manager = FileManager.default

    func judge(_ output: URL, root: URL, force: Bool = false) -> OutputFolder.Refusal? {
        if case .failure(let refusal) = OutputFolder.judge(output: output, root: root, force: force) { return refusal }
        return nil
    }

    @Test("refuses the root, a folder holding it, and folders in content/ or templates/, also through links and '..'")
    func containment() throws {
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        let root = folder.appendingPathComponent("site")
        for name in ["content", "templates"] { try manager.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true) }
        // content/ itself a link to a folder elsewhere: the output may not go inside where it leads.
        let elsewhere = folder.appendingPathComponent("sources")
        try manager.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try manager.moveItem(at: root.appendingPathComponent("content"), to: elsewhere.appendingPathComponent("content"))
        try manager.createSymbolicLink(at: root.appendingPathComponent("content"), withDestinationURL: elsewhere.appendingPathComponent("content"))
        try manager.createSymbolicLink(at: folder.appendingPathComponent("link-to-site"), withDestinationURL: root)

        #expect(judge(root, root: root) == .isRoot)
        #expect(judge(folder.appendingPathComponent("link-to-site"), root: root) == .isRoot)
        // `..` after a link goes where the system goes: to the parent of the link's target, which holds content/.
        #expect(judge(URL(fileURLWithPath: root.path + "/content/.."), root: root) == .containsSources(folder: "content"))
        #expect(judge(URL(fileURLWithPath: root.path + "/templates/.."), root: root) == .isRoot)
        #expect(judge(folder, root: root) == .containsRoot)
        #expect(judge(URL(fileURLWithPath: "/"), root: root) == .containsRoot)
        #expect(judge(root.appendingPathComponent("templates/out"), root: root) == .insideSources(folder: "templates"))
        #expect(judge(root.appendingPathComponent("content/out"), root: root) == .insideSources(folder: "content"))
        // The link's target written directly, and through `..` from a folder that does not exist yet.
        #expect(judge(elsewhere.appendingPathComponent("content/x/y"), root: root) == .insideSources(folder: "content"))
        #expect(judge(URL(fileURLWithPath: root.path + "/new/../content/out"), root: root) == .insideSources(folder: "content"))
        #expect(judge(root.appendingPathComponent("output"), root: root) == nil)
        #expect(judge(folder.appendingPathComponent("site-output"), root: root) == nil)
    }

    @Test("an existing folder with files and no marker is refused unless forced; an empty, missing or marked one is taken")
    func ownership() throws {
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        let root = folder.appendingPathComponent("site")
        try manager.createDirectory(at: root, withIntermediateDirectories: true)
        let docs = folder.appendingPathComponent("docs")
        try manager.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: docs.appendingPathComponent("notes.txt"))
        let docsPath = OutputFolder.realPath(of: docs.path)
        #expect(judge(docs, root: root) == .notRapports(docsPath, earlierRapport: false))
        #expect(judge(docs, root: root, force: true) == nil)
        // Through a link: judged by where it leads, and named so.
        let link = folder.appendingPathComponent("docs-link")
        try manager.createSymbolicLink(at: link, withDestinationURL: docs)
        #expect(judge(link, root: root) == .notRapports(docsPath, earlierRapport: false))
        // A marker that is a link is not a marker.
        try manager.createSymbolicLink(at: docs.appendingPathComponent(OutputFolder.markerName), withDestinationURL: docs.appendingPathComponent("notes.txt"))
        #expect(judge(docs, root: root) == .notRapports(docsPath, earlierRapport: false))
        // An earlier Rapport's output is told apart in the message.
        let earlier = folder.appendingPathComponent("output")
        try manager.createDirectory(at: earlier.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data().write(to: earlier.appendingPathComponent("assets/rapport.css"))
        try Data().write(to: earlier.appendingPathComponent("sitemap.xml"))
        let refusal = try #require(judge(earlier, root: root))
        #expect(refusal == .notRapports(OutputFolder.realPath(of: earlier.path), earlierRapport: true))
        #expect(refusal.description.contains("earlier version of Rapport") && refusal.description.contains("--force"))
        try Data().write(to: earlier.appendingPathComponent(OutputFolder.markerName))
        #expect(judge(earlier, root: root) == nil)
        let empty = folder.appendingPathComponent("empty")
        try manager.createDirectory(at: empty, withIntermediateDirectories: true)
        #expect(judge(empty, root: root) == nil)
        #expect(judge(folder.appendingPathComponent("new/deeper"), root: root) == nil)
        try Data().write(to: folder.appendingPathComponent("file"))
        #expect(judge(folder.appendingPathComponent("file"), root: root) == .notAFolder(OutputFolder.realPath(of: folder.path + "/file")))
    }

    @Test("a mount point is refused, saying so (the file system's root is one)")
    func mountPoint() {
        #expect(OutputFolder.ownership(of: "/", force: true) == .mountPoint("/"))
        #expect(OutputFolder.ownership(of: "/proc", force: true) == .mountPoint("/proc"))
    }

    @Test("StagedOutput itself refuses a folder it did not make, touching nothing; the folder it swaps in is marked")
    func stagedOutputRefuses() throws {
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        let docs = folder.appendingPathComponent("docs")
        try manager.createDirectory(at: docs, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: docs.appendingPathComponent("notes.txt"))
        #expect(throws: OutputFolder.Refusal.self) { try StagedOutput(output: docs) }
        #expect(try manager.contentsOfDirectory(atPath: docs.path) == ["notes.txt"])
        #expect(try manager.contentsOfDirectory(atPath: folder.path).sorted() == [".docs.lock", "docs"])
        let staged = try StagedOutput(output: docs, force: true)
        try staged.write(RenderedFile(path: "index.html", text: "site"))
        try staged.commit()
        #expect(try manager.contentsOfDirectory(atPath: docs.path).sorted() == [OutputFolder.markerName, "index.html"])
        // Marked now: the next build needs no --force.
        let next = try StagedOutput(output: docs)
        try next.write(RenderedFile(path: "index.html", text: "site 2"))
        try next.commit()
        #expect(try String(contentsOf: docs.appendingPathComponent("index.html"), encoding: .utf8) == "site 2")
    }

    @Test("leftovers removed are only Rapport's own: a folder named like one but not marked, or a link, stays")
    func leftovers() throws {
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        let output = folder.appendingPathComponent("output")
        let marked = ["output.rapport-tmp-0123456789abcdef", "output.rapport-old-fedcba9876543210"]
        let empty = "output.rapport-tmp-00000000000000aa"
        let kept = ["output.old-2023", "output.tmp-1A2B3C4D", "output.rapport-tmp-notmine", "output.rapport-old-0123456789abcdeg",
                    "output.rapport-tmp-1111111111111111", "outputs.rapport-tmp-0123456789abcdef"]
        for name in marked + kept + [empty] {
            try manager.createDirectory(at: folder.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        for name in marked + kept { try Data().write(to: folder.appendingPathComponent(name + "/" + OutputFolder.markerName)) }
        for name in kept { try Data("mine".utf8).write(to: folder.appendingPathComponent(name + "/mine.txt")) }
        // Named exactly like a leftover, but without the marker and not empty: not Rapport's, kept.
        try manager.removeItem(at: folder.appendingPathComponent("output.rapport-tmp-1111111111111111/" + OutputFolder.markerName))
        let target = folder.appendingPathComponent("target")
        try manager.createDirectory(at: target, withIntermediateDirectories: true)
        try Data().write(to: target.appendingPathComponent(OutputFolder.markerName))
        try manager.createSymbolicLink(at: folder.appendingPathComponent("output.rapport-tmp-abcdefabcdefabcd"), withDestinationURL: target)
        try OutputWriter.write([RenderedFile(path: "index.html", text: "x")], to: output)
        let left = try manager.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(left == ([".output.lock", "output", "output.rapport-tmp-abcdefabcdefabcd", "target"] + kept).sorted())
        #expect(manager.fileExists(atPath: target.appendingPathComponent(OutputFolder.markerName).path))
        #expect(StagedOutput.isLeftoverName("output.rapport-tmp-0123456789abcdef", of: "output"))
        #expect(!StagedOutput.isLeftoverName("output.rapport-tmp-0123456789ABCDEF", of: "output"))
    }
}
