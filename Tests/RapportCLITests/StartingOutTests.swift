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
        let first = try Preview(root: root)
        defer { first.stop() }
        let port = try first.port()

        let second = try cli.rapport(["serve", "--port", "\(port)"], in: root)
        #expect(second.status == 1)
        #expect(second.stderr == "error: port \(port) is in use: try --port 0 (Rapport then picks a free port)\n")
        #expect(second.stdout == "")
        #expect(first.process.isRunning)
    }
}

/// `rapport serve --port 0` running in the background, its standard output gathered as it comes.
final class Preview: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""

    /// - Parameter descriptorLimit: when given, the server runs under `ulimit -n` of that many open files.
    init(root: URL, descriptorLimit: Int? = nil) throws {
        if let descriptorLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" serve --port 0", CommandLineTests.executable.path]
        } else {
            process.executableURL = CommandLineTests.executable
            process.arguments = ["serve", "--port", "0"]
        }
        process.currentDirectoryURL = root
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            lock.withLock { output += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// The port from "serving on http://127.0.0.1:PORT/", waiting at most a minute for it.
    func port() throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let text = lock.withLock { output }
            if let match = text.firstMatch(of: /serving on http:\/\/127\.0\.0\.1:(\d+)\//), let port = Int(match.1) {
                return port
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw CocoaError(.fileReadUnknown)
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
