import Foundation
#if canImport(Glibc)
import Glibc
#endif
import RapportTestSupport
import Testing

/// The writers' guide's first report (docs/guide/en/first-report.md, docs/guide/fr/premier-rapport.md), followed
/// command by command through the executable: every line of its ```sh blocks is run as written (`serve` in the
/// background, on `--port 0` so that the test never meets a busy port 8000), and every edit it asks for — a
/// ```markdown block after `<!-- walkthrough: append to PATH -->` — is made, then seen in the preview and in the build.
@Suite("the guide's first report, step by step")
struct WalkthroughTests {
    static let pages = ["docs/guide/en/first-report.md", "docs/guide/fr/premier-rapport.md"]

    enum Step: Equatable {
        /// A command line, its words (`rapport` first).
        case command([String])
        /// Text to append to the file the path names (a `*` stands for the edition's year folder).
        case append(path: String, text: String)
    }

    /// The steps of a walkthrough page, in order. A line of a ```sh block that is not a `rapport` command is an
    /// error: the walkthrough must be followable by typing it.
    static func steps(of page: String) throws -> [Step] {
        let text = try String(contentsOf: TestFolders.repositoryRoot.appendingPathComponent(page), encoding: .utf8)
        var steps: [Step] = [], block: [String]? = nil, blockKind = "", pendingAppend: String? = nil
        for line in text.components(separatedBy: "\n") {
            if var lines = block {
                if line.hasPrefix("```") {
                    if blockKind == "sh" {
                        for command in lines.map({ $0.trimmingCharacters(in: .whitespaces) }) where !command.isEmpty && !command.hasPrefix("#") {
                            let words = command.split(separator: " ").map(String.init)
                            guard words.first == "rapport" else { throw WalkthroughError("\(page): '\(command)' is not a rapport command") }
                            steps.append(.command(words))
                        }
                    } else if blockKind == "markdown", let path = pendingAppend {
                        steps.append(.append(path: path, text: lines.joined(separator: "\n") + "\n"))
                        pendingAppend = nil
                    }
                    block = nil
                } else {
                    lines.append(line)
                    block = lines
                }
            } else if line.hasPrefix("```") {
                blockKind = String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces)
                block = []
            } else if let match = line.firstMatch(of: /<!-- walkthrough: append to (\S+) -->/) {
                pendingAppend = String(match.1)
            }
        }
        return steps
    }

    @Test("each walkthrough is init, serve, an edit of an edition home, build — in that order", arguments: pages)
    func walkthroughHasItsSteps(_ page: String) throws {
        let steps = try Self.steps(of: page)
        let kinds = steps.map { step -> String in
            switch step {
            case .command(let words): words.count > 1 ? words[1] : "?"
            case .append: "edit"
            }
        }
        #expect(kinds == ["init", "serve", "edit", "build"], "\(page): \(steps)")
        for case .append(let path, _) in steps {
            #expect(path.wholeMatch(of: /[\w-]+\/content\/\*\/[a-z]{2,3}\/index\.md/) != nil, "\(path)")
        }
    }

    @Test("following the walkthrough gives a site where the edit shows, in the preview and in the build", arguments: pages)
    func followTheWalkthrough(_ page: String) throws {
        let steps = try Self.steps(of: page)
        let folder = TestFolders.temporary("rapport-walkthrough")
        defer { TestFolders.remove(folder) }
        let cli = CommandLineTests()
        var preview: Preview?
        defer { preview?.stop() }
        var buildChecks: [(file: URL, sentence: String)] = []

        for step in steps {
            switch step {
            case .command(let words) where words[1] == "serve":
                let server = try Preview(arguments: Array(words.dropFirst()) + ["--port", "0"], in: folder)
                preview = server
                _ = try server.port()
            case .command(let words):
                let run = try cli.rapport(Array(words.dropFirst()), in: folder)
                #expect(run.status == 0, "\(words.joined(separator: " ")): \(run.stderr)")
            case .append(let path, let text):
                let file = try Self.resolve(path, in: folder)
                let handle = try FileHandle(forWritingTo: file)
                try handle.seekToEnd()
                try handle.write(contentsOf: Data(("\n" + text).utf8))
                try handle.close()

                let sentence = try #require(text.split(separator: "\n").first.map(String.init))
                let url = try Self.editionHomeURL(of: file, in: folder)
                let server = try #require(preview, "the walkthrough starts the preview before the edit")
                #expect(Self.waitFor(sentence, at: url, port: try server.port()), "the preview never showed '\(sentence)' at \(url)")
                let built = folder.appendingPathComponent(path.components(separatedBy: "/")[0])
                    .appendingPathComponent("output").appendingPathComponent(url).appendingPathComponent("index.html")
                // Checked after the walkthrough's build step, below.
                buildChecks.append((built, sentence))
            }
        }
        for (file, sentence) in buildChecks {
            let html = try String(contentsOf: file, encoding: .utf8)
            #expect(html.contains(sentence), "\(file.path) lacks '\(sentence)'")
        }
    }

    /// `my-report/content/*/en/index.md` → the one file it names (one edition).
    static func resolve(_ path: String, in folder: URL) throws -> URL {
        let parts = path.components(separatedBy: "/")
        let star = try #require(parts.firstIndex(of: "*"))
        let parent = parts[..<star].reduce(folder) { $0.appendingPathComponent($1) }
        let years = try FileManager.default.contentsOfDirectory(atPath: parent.path).filter { $0.allSatisfy(\.isNumber) }
        try #require(years.count == 1, "one edition folder in \(parent.path): \(years)")
        return parts[(star + 1)...].reduce(parent.appendingPathComponent(years[0])) { $0.appendingPathComponent($1) }
    }

    /// `…/content/2026/en/index.md` → `en/2026`.
    static func editionHomeURL(of file: URL, in folder: URL) throws -> String {
        let parts = file.pathComponents
        return "\(parts[parts.count - 2])/\(parts[parts.count - 3])"
    }

    /// Polls `/url/` on the preview until its HTML holds `text` (a minute at most).
    static func waitFor(_ text: String, at url: String, port: Int) -> Bool {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            if let body = httpGet("/\(url)/", port: port), body.contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return false
    }

    /// A plain HTTP/1.0 GET on loopback: the body (with its head), or nil.
    static func httpGet(_ path: String, port: Int) -> String? {
        let socket = Loopback.connect(port: port)
        guard socket >= 0 else { return nil }
        defer { close(socket) }
        let request = Array("GET \(path) HTTP/1.0\r\nHost: 127.0.0.1:\(port)\r\n\r\n".utf8)
        guard send(socket, request, request.count, 0) == request.count else { return nil }
        var data = [UInt8](), buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = recv(socket, &buffer, buffer.count, 0)
            if count <= 0 { break }
            data += buffer[0..<count]
        }
        return String(decoding: data, as: UTF8.self)
    }
}

struct WalkthroughError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
