import Foundation
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["output"], "no temporary sibling left")
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
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["output"])
    }

    @Test("refuses an output folder that is the root, holds it, or lies in content/ or templates/")
    func refusals() {
        let root = URL(fileURLWithPath: "/tmp/site")
        #expect(OutputWriter.refusal(output: root, root: root) == "the output folder cannot be the site root")
        #expect(OutputWriter.refusal(output: URL(fileURLWithPath: "/tmp"), root: root) == "the output folder cannot contain the site root")
        #expect(OutputWriter.refusal(output: URL(fileURLWithPath: "/tmp/site/content/out"), root: root) == "the output folder cannot be inside content/")
        #expect(OutputWriter.refusal(output: URL(fileURLWithPath: "/tmp/site/templates"), root: root) == "the output folder cannot be inside templates/")
        #expect(OutputWriter.refusal(output: URL(fileURLWithPath: "/tmp/site/./output"), root: root) == nil)
        #expect(OutputWriter.refusal(output: URL(fileURLWithPath: "/tmp/site-output"), root: root) == nil)
    }
}
