import Foundation
import RapportTestSupport
import Testing

/// `rapport init DIR`, through the executable: the new site builds `--strict` with the built-in theme, and every
/// DIR that is not a new name or an empty folder is refused with nothing written.
@Suite("rapport init")
struct InitCommandTests {
    let cli = CommandLineTests()

    /// The names below `folder`, every level, relative to it (dot files included), sorted.
    func entries(of folder: URL) -> [String] {
        (FileManager.default.subpaths(atPath: folder.path) ?? []).sorted()
    }

    @Test("init, then build --strict and check --strict: no templates/, every kind of page, the exact next steps")
    func initThenBuild() throws {
        let place = TestFolders.temporary("rapport-init")
        defer { TestFolders.remove(place) }
        let made = try cli.rapport(["init", "my-report", "--year", "2025"], in: place)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stderr == "")
        #expect(made.stdout == """
            Created a new report in my-report: 24 files, the 2025 edition in French and English.
            Start writing in my-report/content/2025/fr/index.md; the lines starting with # explain each setting.

            Next:
              rapport serve --root my-report    preview it in your browser; each save shows at once
              rapport build --root my-report    make the website in my-report/output

            """)
        let root = place.appendingPathComponent("my-report")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path))
        #expect(entries(of: root).filter { !$0.contains("/") } == ["content"], "no staging folder left")
        #expect(!entries(of: root).contains { $0.contains("YEAR") })

        let checked = try cli.rapport(["check", "--strict", "--root", "my-report"], in: place)
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stderr == "")
        let built = try cli.rapport(["build", "--strict", "--root", "my-report"], in: place)
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr == "")
        let output = root.appendingPathComponent("output")
        for path in ["fr/2025/index.html", "en/2025/index.html", "fr/2025/preface/index.html",
                     "fr/2025/aide-publique-au-developpement/index.html",
                     "en/2025/official-development-assistance/share-managed-by-the-ministry/index.html",
                     "fr/2025/cooperation-bilaterale/laos/index.html", "en/2025/bilateral-cooperation/laos/index.html",
                     "data/2025/oda-by-year.csv", "assets/rapport.css"] {
            #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path), "missing \(path)")
        }
        let chapter = try String(contentsOf: output.appendingPathComponent("fr/2025/aide-publique-au-developpement/index.html"), encoding: .utf8)
        #expect(chapter.contains("<svg"), "the chart is drawn")
        #expect(chapter.contains("503,87"), "figures in the French locale")
        let home = try String(contentsOf: output.appendingPathComponent("en/2025/index.html"), encoding: .utf8)
        #expect(home.contains("Annual report 2025"))
        #expect(!home.contains("{{year}}"))
    }

    @Test("--language: one of the two languages, or both in the writer's order (the first the default); each builds --strict",
          arguments: [(["fr"], "French"), (["en"], "English"), (["en", "fr"], "English and French")])
    func languages(_ codes: [String], names: String) throws {
        let place = TestFolders.temporary("rapport-init-languages")
        defer { TestFolders.remove(place) }
        let made = try cli.rapport(["init", "r", "--year", "2025"] + codes.flatMap { ["--language", $0] }, in: place)
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout.hasPrefix("Created a new report in r: \(codes.count == 1 ? 14 : 24) files, the 2025 edition in \(names).\n"
                                      + "Start writing in r/content/2025/\(codes[0])/index.md;"))
        let root = place.appendingPathComponent("r")
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/2025").path).sorted()
                == (codes + ["data"]).sorted())
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/i18n").path).sorted()
                == codes.map { $0 + ".yaml" }.sorted())
        let site = try String(contentsOf: root.appendingPathComponent("content/site.yaml"), encoding: .utf8)
        #expect(site.contains("default_language: \(codes[0])\n"))
        #expect(site.split(separator: "\n").filter { $0.hasPrefix("  - code: ") } == codes.map { "  - code: \($0)" })
        let built = try cli.rapport(["build", "--strict", "--root", "r"], in: place)
        #expect(built.status == 0 && built.stderr == "", "\(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/\(codes[0])/2025/index.html").path))
        for other in ["fr", "en"] where !codes.contains(other) {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output/\(other)").path))
        }
    }

    @Test("--language other than fr and en, or given twice: what to type, and nothing written")
    func wrongLanguage() throws {
        let place = TestFolders.temporary("rapport-init-languages")
        defer { TestFolders.remove(place) }
        let german = try cli.rapport(["init", "r", "--language", "de"], in: place)
        #expect(german.status == 64)
        #expect(german.stderr.hasPrefix("Error: the starter report is written in French and English: --language takes fr or en, not 'de' "
                                        + "(add another language afterwards: a folder for it in each edition, its content/i18n file and its line in site.yaml)\n"))
        let twice = try cli.rapport(["init", "r", "--language", "fr", "--language", "fr"], in: place)
        #expect(twice.status == 64)
        #expect(twice.stderr.hasPrefix("Error: --language fr is given twice: give each language once, the default one first\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.path).isEmpty)
    }

    @Test("without --year, the edition is last year's")
    func defaultYear() throws {
        let place = TestFolders.temporary("rapport-init")
        defer { TestFolders.remove(place) }
        let run = try cli.rapport(["init", "report"], in: place)
        #expect(run.status == 0, "\(run.stderr)")
        let lastYear = Calendar(identifier: .gregorian).component(.year, from: Date()) - 1
        #expect(FileManager.default.fileExists(atPath: place.appendingPathComponent("report/content/\(lastYear)/fr/index.md").path))
        #expect(run.stdout.contains("the \(lastYear) edition"))
    }

    @Test("an empty folder, a path with spaces, a link to an empty folder: written; the commands printed are quoted")
    func acceptedPlaces() throws {
        let place = TestFolders.temporary("rapport-init")
        defer { TestFolders.remove(place) }
        try FileManager.default.createDirectory(at: place.appendingPathComponent("empty"), withIntermediateDirectories: false)
        #expect(try cli.rapport(["init", "empty/", "--year", "2024"], in: place).status == 0)
        #expect(FileManager.default.fileExists(atPath: place.appendingPathComponent("empty/content/site.yaml").path))

        let spaced = try cli.rapport(["init", "Rapport d'été", "--year", "2024"], in: place)
        #expect(spaced.status == 0, "\(spaced.stderr)")
        #expect(spaced.stdout.contains("rapport build --root 'Rapport d'\\''été'    make the website in 'Rapport d'\\''été/output'"), "\(spaced.stdout)")

        try FileManager.default.createDirectory(at: place.appendingPathComponent("target"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: place.appendingPathComponent("link").path, withDestinationPath: "target")
        #expect(try cli.rapport(["init", "link", "--year", "2024"], in: place).status == 0)
        #expect(FileManager.default.fileExists(atPath: place.appendingPathComponent("target/content/site.yaml").path), "written where the link leads")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: place.appendingPathComponent("link").path) == "target", "the link is kept")
    }

    @Test("a non-empty folder, a second init, a file, a FIFO, a dangling link, a link to a non-empty folder, a missing parent: refused, nothing written")
    func refusals() throws {
        let place = TestFolders.temporary("rapport-init")
        defer { TestFolders.remove(place) }
        let fm = FileManager.default
        try fm.createDirectory(at: place.appendingPathComponent("notes"), withIntermediateDirectories: false)
        for name in ["a.txt", "b.txt", ".hidden", "c.txt"] {
            try Data("mine".utf8).write(to: place.appendingPathComponent("notes/\(name)"))
        }
        try Data("mine".utf8).write(to: place.appendingPathComponent("file.txt"))
        #expect(mkfifo(place.appendingPathComponent("pipe").path, 0o644) == 0)
        try fm.createSymbolicLink(atPath: place.appendingPathComponent("nowhere").path, withDestinationPath: "missing/folder")
        try fm.createSymbolicLink(atPath: place.appendingPathComponent("loop").path, withDestinationPath: "loop")
        try fm.createSymbolicLink(atPath: place.appendingPathComponent("to-notes").path, withDestinationPath: "notes")
        let before = entries(of: place)

        let cases: [(String, String)] = [
            ("notes", "notes:1:1: error: this folder is not empty (it holds '.hidden', 'a.txt', 'b.txt' and 1 more): 'rapport init' writes only into a new or empty folder, and never replaces a file; choose a new folder, for example 'rapport init my-report'\n"),
            ("to-notes", "to-notes:1:1: error: this folder is not empty (it holds '.hidden', 'a.txt', 'b.txt' and 1 more): 'rapport init' writes only into a new or empty folder, and never replaces a file; choose a new folder, for example 'rapport init my-report'\n"),
            ("file.txt", "file.txt:1:1: error: this is a file, not a folder: 'rapport init' makes a new folder here only when nothing has the name; choose another name, for example 'rapport init my-report'\n"),
            ("pipe", "pipe:1:1: error: this is a named pipe (FIFO), not a folder: 'rapport init' makes a new folder here only when nothing has the name; choose another name, for example 'rapport init my-report'\n"),
            ("nowhere", "nowhere:1:1: error: this is a symbolic link that leads nowhere: delete the link, or choose another name, for example 'rapport init my-report'\n"),
            ("loop", "loop:1:1: error: this is a symbolic link that leads nowhere: delete the link, or choose another name, for example 'rapport init my-report'\n"),
            ("missing/report", "missing/report:1:1: error: there is no folder 'missing' to make the report in: create it first (mkdir -p 'missing'), or choose a folder that exists\n"),
            ("file.txt/report", "file.txt/report:1:1: error: there is no folder 'file.txt' to make the report in: create it first (mkdir -p 'file.txt'), or choose a folder that exists\n"),
        ]
        for (dir, message) in cases {
            let run = try cli.rapport(["init", dir, "--year", "2025"], in: place)
            #expect(run.status == 1, "\(dir)")
            #expect(run.stdout == "", "\(dir)")
            #expect(run.stderr == message)
        }
        #expect(entries(of: place) == before)
        #expect(try TestFolders.snapshot(of: place.appendingPathComponent("notes")).count == 4)
        #expect(!fm.fileExists(atPath: place.appendingPathComponent("missing").path))

        // A second init into a site it made.
        #expect(try cli.rapport(["init", "site", "--year", "2025"], in: place).status == 0)
        let site = try TestFolders.snapshot(of: place.appendingPathComponent("site"))
        let again = try cli.rapport(["init", "site", "--year", "2026"], in: place)
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("site:1:1: error: this folder is not empty (it holds 'content'): "))
        #expect(try TestFolders.snapshot(of: place.appendingPathComponent("site")) == site)
    }

    @Test("what an interrupted init leaves is named by the next one; a bad --year is refused before anything")
    func leftoversAndArguments() throws {
        let place = TestFolders.temporary("rapport-init")
        defer { TestFolders.remove(place) }
        try FileManager.default.createDirectory(at: place.appendingPathComponent("report/.rapport-init-Ab12Cd/content"), withIntermediateDirectories: true)
        let run = try cli.rapport(["init", "report"], in: place)
        #expect(run.status == 1)
        #expect(run.stderr == "report:1:1: error: this folder holds only '.rapport-init-Ab12Cd', left by a 'rapport init' that was interrupted: delete it, then run 'rapport init' again\n")

        for year in ["25", "twenty", "-2025", "20255"] {
            let bad = try cli.rapport(["init", "new", "--year=\(year)"], in: place)
            #expect(bad.status == 64, "\(year)")
            #expect(bad.stderr.contains("--year must be a report year: four digits, such as 2025"), "\(bad.stderr)")
        }
        #expect(try cli.rapport(["init", ""], in: place).status == 64)
        let control = try cli.rapport(["init", "no\u{1B}[2Jwhere/report"], in: place)
        #expect(control.status == 1)
        #expect(control.stderr == "no\\u{1B}[2Jwhere/report:1:1: error: there is no folder 'no\\u{1B}[2Jwhere' to make the report in: create it first (mkdir -p 'no\\u{1B}[2Jwhere'), or choose a folder that exists\n")
        #expect(!FileManager.default.fileExists(atPath: place.appendingPathComponent("new").path))
    }

    @Test("a folder the user may not write in: refused, nothing left (run as nobody)")
    func unwritableParent() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: needs root and setpriv to run init as another user")
            return
        }
        let place = TestFolders.temporary("rapport-init")
        defer { TestFolders.remove(place) }
        _ = chmod(place.path, 0o755)   // nobody may enter, not write
        try FileManager.default.createDirectory(at: place.appendingPathComponent("empty"), withIntermediateDirectories: false)
        _ = chmod(place.appendingPathComponent("empty").path, 0o755)
        for dir in ["report", "empty"] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", CommandLineTests.executable.path, "init", dir, "--year", "2025"]
            process.currentDirectoryURL = place
            let err = Pipe()
            process.standardError = err
            process.standardOutput = Pipe()
            try process.run()
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(process.terminationStatus == 1)
            #expect(stderr == "\(dir):1:1: error: cannot create the report here: permission denied; nothing was written\n")
        }
        #expect(entries(of: place) == ["empty"])
    }
}
