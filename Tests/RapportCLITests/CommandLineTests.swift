import Foundation
import RapportTestSupport
import Testing

/// The `rapport` command, run as a process on a copy of the repository's own site.
@Suite("rapport command line")
struct CommandLineTests {
    /// The executable SwiftPM built next to the test bundle.
    static var executable: URL {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/", !FileManager.default.fileExists(atPath: folder.appendingPathComponent("rapport").path) {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("rapport")
    }

    struct Run { var status: Int32; var stdout: String; var stderr: String }

    func rapport(_ arguments: [String], in folder: URL, environment: [String: String] = [:],
                 executable: URL = CommandLineTests.executable, arguments other: [String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = other ?? arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    func siteCopy() throws -> URL { try TestFolders.copyOfRepositorySite("rapport-cli") }

    func snapshot(of folder: URL) throws -> [String: Data] { try TestFolders.snapshot(of: folder) }

    @Test("on a terminal, a long build shows its progress on one line, then says how many pages in how long")
    func progressLine() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        // `script` runs the build on a pseudo-terminal; the line appears at once with RAPPORT_PROGRESS_AFTER_MS=0.
        let command = "\(Self.executable.path) build --root \(root.path)"
        let onTerminal = try rapport([], in: root, environment: ["RAPPORT_PROGRESS_AFTER_MS": "0"],
                                     executable: URL(fileURLWithPath: "/usr/bin/script"), arguments: ["-qec", command, "/dev/null"])
        #expect(onTerminal.status == 0, "\(onTerminal.stdout)")
        #expect(onTerminal.stdout.contains("Building: "), "\(onTerminal.stdout.debugDescription)")
        #expect(onTerminal.stdout.contains(" pages\r\u{1B}[2K"), "the line is erased before the final line")
        let erased = try #require(onTerminal.stdout.range(of: " pages\r\u{1B}[2K", options: .backwards))
        #expect(onTerminal.stdout[erased.upperBound...].replacingOccurrences(of: "\r\n", with: "\n").wholeMatch(of: /Built \d+ pages in \d+\.\d\d s into \S+\n/) != nil, "\(onTerminal.stdout.debugDescription)")
        // Not a terminal: no progress line, only the final one.
        let piped = try rapport(["build"], in: root, environment: ["RAPPORT_PROGRESS_AFTER_MS": "0"])
        #expect(piped.stderr == "")
        #expect(piped.stdout.wholeMatch(of: /Built \d+ pages in \d+\.\d\d s into .*\n/) != nil, "\(piped.stdout)")
    }

    @Test("the repository's report builds under --strict: both editions in both languages")
    func buildsTheReport() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try rapport(["build", "--strict"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        for path in ["index.html", "fr/2020/cooperation-bilaterale/mongolie/index.html", "en/2020/bilateral-cooperation/mongolia/index.html",
                     "fr/2022/cooperation-bilaterale/mongolie/index.html", "en/2022/bilateral-cooperation/mongolia/index.html",
                     "fr/2020/regions/asie-du-sud-est/index.html", "en/2020/regions/south-east-asia/index.html",
                     "fr/confidentialite/index.html", "en/privacy/index.html", "sitemap.xml", "robots.txt", "fr/404.html", "en/404.html"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/\(path)").path), "missing \(path)")
        }
        let fr = try String(contentsOf: root.appendingPathComponent("output/fr/2020/cooperation-bilaterale/mongolie/index.html"), encoding: .utf8)
        for fact in ["3,3", "11.420 USD", "99/189", "69,9", ">s.o.</abbr>", "Réalisations clés 2020", "Bonne santé et bien-être",
                     "Égalité entre les sexes", "Inégalités réduites", "345.000 euros", "486.200 euros", "Plus de 630"] {
            #expect(fr.contains(fact), "missing \(fact)")
        }
        let en = try String(contentsOf: root.appendingPathComponent("output/en/2022/bilateral-cooperation/mongolia/index.html"), encoding: .utf8)
        #expect(en.contains("€5,000,000"))
        #expect(en.contains("October 2022"))
    }

    @Test("RAPPORT_TIMINGS=1 prints the allocator, every stage's time and memory on standard error, and nothing else changes")
    func timings() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try rapport(["build", "--strict"], in: root, environment: ["RAPPORT_TIMINGS": "1"])
        #expect(run.status == 0, "\(run.stderr)")
        var lines = run.stderr.split(separator: "\n")
        // First the allocator the process really allocates with (a block from plain malloc, asked where it lives).
        #if os(Linux)
        #expect(lines.first == "timing: allocator: mimalloc")
        #else
        #expect(lines.first == "timing: allocator: system")
        #endif
        lines.removeFirst()
        let stages = lines.map { $0.split(separator: ":").prefix(2).joined(separator: ":") }
        #expect(stages == ["timing: read", "timing: front matter", "timing: data sets", "timing: site graph", "timing: theme",
                           "timing: pages", "timing: generated pages", "timing: write assets"])
        #expect(lines.allSatisfy { $0.hasSuffix(" MiB resident") && $0.contains(" ms, ") })
        let quiet = try rapport(["build", "--strict"], in: root)
        #expect(quiet.stderr == "")
    }

    @Test("two builds give identical bytes")
    func deterministic() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try rapport(["build"], in: root).status == 0)
        let first = try snapshot(of: root.appendingPathComponent("output"))
        #expect(try rapport(["build", "--output", "output"], in: root).status == 0)
        #expect(try snapshot(of: root.appendingPathComponent("output")) == first)
    }

    @Test("a failed build reports every problem, exits non-zero and leaves the last good output untouched")
    func failedBuildKeepsOutput() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        #expect(try rapport(["build"], in: root).status == 0)
        let good = try snapshot(of: root.appendingPathComponent("output"))

        let page = root.appendingPathComponent("content/2020/fr/countries/mongolie.md")
        var text = try String(contentsOf: page, encoding: .utf8)
        text = text.replacingOccurrences(of: "priority_areas: [3, 5, 10, 17]", with: "priority_areas: [3, 5, 10, 18]\nbudjet_eur: 1")
        try text.write(to: page, atomically: true, encoding: .utf8)
        try "---\ntitle: Cassé\nregion: nulle-part\n---\n".write(to: root.appendingPathComponent("content/2022/fr/regions/casse.md"), atomically: true, encoding: .utf8)

        let run = try rapport(["build"], in: root)
        #expect(run.status != 0)
        #expect(run.stderr == """
            content/2020/fr/countries/mongolie.md:14:28: error: 18 is not a Sustainable Development Goal (1 to 17)
            content/2020/fr/countries/mongolie.md:15:1: error: unknown key 'budjet_eur' in the front matter of a country page; did you mean 'budget_eur'?
            content/2022/fr/regions/casse.md:1:1: warning: no 'en' translation of this page (expected content/2022/en/regions/casse.md, or a page with the same translation_key)
            content/2022/fr/regions/casse.md:3:1: error: unknown key 'region' in the front matter of a region page

            """)
        #expect(try snapshot(of: root.appendingPathComponent("output")) == good)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == [".output.lock", "content", "output", "templates"])
    }

    @Test("check writes nothing; --strict turns warnings into errors")
    func check() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/pages/en/privacy.md"))
        let lenient = try rapport(["check"], in: root)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains("content/pages/fr/confidentialite.md:1:1: warning: no 'en' translation"))
        let strict = try rapport(["check", "--strict"], in: root)
        #expect(strict.status != 0)
        #expect(strict.stderr.contains("content/pages/fr/confidentialite.md:1:1: error: no 'en' translation"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }

    @Test("an output folder that is the root or inside content/ or templates/ is refused")
    func refusedOutput() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        for output in [".", "content/out", "templates", ".."] {
            let run = try rapport(["build", "--output", output], in: root)
            #expect(run.status != 0)
            #expect(run.stderr.contains("Error: the output folder cannot"), "\(output): \(run.stderr)")
        }
        #expect(try rapport(["build", "--base-url", "not a url"], in: root).status != 0)
    }

    @Test("--root builds another folder's site")
    func rootOption() throws {
        let root = try siteCopy()
        defer { try? FileManager.default.removeItem(at: root) }
        let run = try rapport(["build", "--root", root.path, "--output", root.appendingPathComponent("public").path], in: URL(fileURLWithPath: "/"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("public/index.html").path))
    }
}
