import Foundation
import RapportTestSupport
import Testing

/// The first mistakes of a command started by hand: in the wrong folder, or on a port another program holds. Each
/// gets one line that says what to type, through the real executable.
@Suite("rapport started in the wrong place")
struct StartingOutTests {
    let cli = CommandLineTests()

    static func notASiteRoot(_ path: String) -> String {
        "\(path):1:1: error: this folder is not a report's folder (it has no content/ and no templates/): "
            + "cd into the report's folder, or give it with --root DIR\n"
    }

    @Test("serve, build and check outside a report's folder say so in one line, write nothing and fail",
          arguments: [["serve", "--port", "0"], ["build"], ["build", "--strict"], ["check"]])
    func outsideASiteRoot(_ arguments: [String]) throws {
        let folder = TestFolders.temporary("rapport-not-a-site")
        defer { TestFolders.remove(folder) }
        try Data("notes\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let run = try cli.rapport(arguments, in: folder)
        #expect(run.status == 1)
        #expect(run.stderr == Self.notASiteRoot(folder.resolvingSymlinksInPath().path))
        #expect(run.stdout == "")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    @Test("--root naming a folder that does not exist: one line")
    func noSuchRoot() throws {
        let folder = TestFolders.temporary("rapport-not-a-site")
        defer { TestFolders.remove(folder) }
        let missing = folder.appendingPathComponent("rapport-annuel")
        for command in ["serve", "build", "check"] {
            let run = try cli.rapport([command, "--root", missing.path], in: folder)
            #expect(run.status == 1)
            #expect(run.stderr == "\(missing.path):1:1: error: there is no such folder: "
                    + "cd into the report's folder, or give it with --root DIR\n")
        }
    }

    @Test("in JSON, the one line is one diagnostic object")
    func outsideASiteRootInJSON() throws {
        let folder = TestFolders.temporary("rapport-not-a-site")
        defer { TestFolders.remove(folder) }
        let run = try cli.rapport(["check", "--format", "json"], in: folder)
        #expect(run.status == 1)
        #expect(run.stdout.split(separator: "\n").count == 1)
        #expect(run.stdout.contains(#""message":"this folder is not a report's folder"#), "\(run.stdout)")
    }

    @Test("a folder with templates/ but no content/ is a site root missing a part: that part is named")
    func halfASiteRoot() throws {
        let folder = TestFolders.temporary("rapport-half-site")
        defer { TestFolders.remove(folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("templates"), withIntermediateDirectories: false)
        let run = try cli.rapport(["check"], in: folder)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content:1:1: error: the site root has no content/ folder\n"), "\(run.stderr)")
        #expect(!run.stderr.contains("not a report's folder"))
    }

    @Test("a second preview on the port of the first says the port is in use and what to type; the first goes on")
    func busyPort() throws {
        let root = try TestFolders.copyOfRepositorySite("rapport-busy-port")
        defer { TestFolders.remove(root) }
        let first = try Preview(arguments: ["serve", "--port", "0"], in: root)
        defer { first.stop() }
        let port = try first.port()

        let second = try cli.rapport(["serve", "--port", "\(port)"], in: root)
        #expect(second.status == 1)
        #expect(second.stderr == "error: port \(port) is in use: try --port 0 (Rapport then picks a free port)\n")
        #expect(second.stdout == "")
        #expect(first.process.isRunning)
    }
}
