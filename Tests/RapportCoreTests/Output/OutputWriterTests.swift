import Foundation
import RapportTestSupport
import Testing
@testable import RapportCore

@Suite("Output writer")
struct OutputWriterTests {
    @Test("writes the files, and replaces the old output whole")
    func replacesWhole() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let output = folder.appendingPathComponent("output")
        try OutputWriter.write([RenderedFile(path: "a/index.html", text: "A"), RenderedFile(path: "old.txt", text: "old")], to: output)
        try OutputWriter.write([RenderedFile(path: "a/index.html", text: "A2"), RenderedFile(path: "b/c/d.txt", text: "D")], to: output)
        #expect(try String(contentsOf: output.appendingPathComponent("a/index.html"), encoding: .utf8) == "A2")
        #expect(try String(contentsOf: output.appendingPathComponent("b/c/d.txt"), encoding: .utf8) == "D")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old.txt").path), "no stale file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".output.lock", "output"], "no temporary sibling left")
    }

    @Test("a write that fails half-way leaves the last good output exactly as it was")
    func failedWriteKeepsOutput() throws {
        let folder = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(folder) }
        let output = folder.appendingPathComponent("output")
        try OutputWriter.write([RenderedFile(path: "index.html", text: "good")], to: output)
        // A file and a folder at one path: the second write cannot complete.
        #expect(throws: OutputError.self) {
            try OutputWriter.write([RenderedFile(path: "x", text: "file"), RenderedFile(path: "x/y.html", text: "child")], to: output)
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "good")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".output.lock", "output"])
    }

    @Test("a build streamed to disk (pages written as rendered, print sections and search entries spooled) writes exactly the in-memory build")
    func streamedEqualsInMemory() throws {
        let source = SiteSource.read(root: TestFolders.repositoryRoot)
        let inMemory = SiteBuilder.build(source)
        #expect(inMemory.succeeded)
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        let output = folder.appendingPathComponent("output")
        let staged = try StagedOutput(output: output)
        let streamed = SiteBuilder.build(source, output: staged)
        #expect(streamed.diagnostics == inMemory.diagnostics)
        #expect(streamed.files.isEmpty)
        try staged.commit()
        let written = Dictionary(uniqueKeysWithValues: try TestFolders.snapshot(of: output).map { (String($0.key.drop { $0 == "/" }), $0.value) })
        #expect(Set(written.keys) == Set(inMemory.files.map(\.path) + [OutputFolder.markerName]))
        for file in inMemory.files where written[file.path] != Data(file.contents.bytes) {
            Issue.record("\(file.path) differs between the streamed and the in-memory build")
        }
        #expect(inMemory.files.contains { $0.path == "fr/2020/print/index.html" } && inMemory.files.contains { $0.path == "en/search.json" })
    }

    @Test("the spool gives back what was written, from several threads, and flags a read it cannot do")
    func spool() throws {
        let spool = try #require(Spool())
        let texts = (0..<200).map { Array(("section \($0) « é » " + String(repeating: "x", count: $0 * 37)).utf8) }
        let ranges = ResultSlots<Range<Int>>(count: texts.count)
        DispatchQueue.concurrentPerform(iterations: texts.count) { ranges[$0] = spool.append(texts[$0])! }
        for (index, range) in ranges.values.enumerated() { #expect(spool.read(range) == texts[index]) }
        #expect(!spool.hasFailedRead)
        let end = ranges.values.map(\.upperBound).max()!
        #expect(spool.read(end..<(end + 10)) == nil)
        #expect(spool.hasFailedRead)
    }

    @Test("on Linux the swap is one exchange of the two folders; a first build moves its folder in")
    func exchange() throws {
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        let output = folder.appendingPathComponent("output")
        let first = try StagedOutput(output: output)
        try first.write(RenderedFile(path: "index.html", text: "one"))
        try first.commit()
        #expect(first.swap == .movedIn)
        let second = try StagedOutput(output: output)
        try second.write(RenderedFile(path: "index.html", text: "two"))
        try second.commit()
        #if os(Linux)
        #expect(second.swap == .exchanged)
        #endif
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".output.lock", "output"])
    }

    @Test("a file that cannot be written is an error at the page's source file, and the staged folder is discarded")
    func writeFailure() throws {
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        let staged = try StagedOutput(output: folder.appendingPathComponent("output"))
        #expect(staged.tryWrite(RenderedFile(path: "x", text: "a file")) == nil)
        let problem = staged.tryWrite(RenderedFile(path: "x/index.html", text: "under a file"), reportedAt: "content/pages/fr/x.md")
        #expect(problem?.severity == .error)
        #expect(problem?.description.hasPrefix("content/pages/fr/x.md:1:1: error: ") == true, "\(String(describing: problem))")
        staged.discard()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != ".output.lock" }.isEmpty)
    }

    @Test("files written from several threads at once into new folders with shared parents all land, each folder made once")
    func concurrentFolders() throws {
        let folder = TestFolders.temporary()
        defer { TestFolders.remove(folder) }
        // 600 files in 3 × 4 × 5 new folders, ten in each, neighbours in different folders: the threads race to
        // make the same folders and parents all along. Five rounds, each into a fresh staged output.
        let paths = (0..<600).map { "l\($0 % 3)/e\($0 % 4)/c\($0 % 5)/f\($0).html" }
        for round in 0..<5 {
            let output = folder.appendingPathComponent("output\(round)")
            let staged = try StagedOutput(output: output)
            let problems = ResultSlots<Diagnostic?>(count: paths.count)
            DispatchQueue.concurrentPerform(iterations: paths.count) { problems[$0] = staged.tryWrite(RenderedFile(path: paths[$0], text: "page \($0)")) }
            #expect(problems.values.compactMap { $0 }.isEmpty, "round \(round)")
            try staged.commit()
            for (index, path) in paths.enumerated() {
                #expect(try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8) == "page \(index)")
            }
        }
    }
}
