import Foundation
import RapportTestSupport
import Testing

/// "Nothing Rapport did not make is ever touched": `--output` through the real executable. For each case a file
/// that must survive is checked by its content after the command.
extension CommandLineTests {
    static let mine = Data("my own notes, not Rapport's\n".utf8)

    /// A folder holding a file of the user's: `notes.txt`.
    func usersFolder(_ url: URL) throws {
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try Self.mine.write(to: url.appendingPathComponent("notes.txt"))
    }

    @Test("--output naming a folder of the user's files is refused (exit 64, naming it and --force); nothing in it is touched")
    func usersFolderRefused() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let docs = root.appendingPathComponent("docs")
        try usersFolder(docs)
        let run = try rapport(["build", "--output", "docs"], in: root)
        #expect(run.status == 64)
        #expect(run.stderr.contains("Error: the output folder \(docs.path) already holds files that Rapport did not make"), "\(run.stderr)")
        #expect(run.stderr.contains("--force"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: docs.path) == ["notes.txt"])
        #expect(try Data(contentsOf: docs.appendingPathComponent("notes.txt")) == Self.mine)
        // The same folder through a symbolic link: judged by where it leads.
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("docs-link"), withDestinationURL: docs)
        let linked = try rapport(["build", "--output", "docs-link"], in: root)
        #expect(linked.status == 64)
        #expect(linked.stderr.contains("Error: the output folder \(docs.path) already holds files"), "\(linked.stderr)")
        #expect(try Data(contentsOf: docs.appendingPathComponent("notes.txt")) == Self.mine)
        // --force: the user asked; the folder becomes Rapport's, and later builds need no --force.
        let forced = try rapport(["build", "--output", "docs", "--force"], in: root)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: docs.appendingPathComponent("notes.txt").path))
        #expect(FileManager.default.fileExists(atPath: docs.appendingPathComponent(".rapport-output").path))
        #expect(try rapport(["build", "--output", "docs-link"], in: root).status == 0)
        #expect(FileManager.default.fileExists(atPath: docs.appendingPathComponent("index.html").path))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: root.appendingPathComponent("docs-link").path) == docs.path, "the link stays a link")
    }

    @Test("--output .git, a home-like folder, '..' and the root's parent are refused; their files survive")
    func ordinaryMistakes() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let git = root.appendingPathComponent(".git")
        try FileManager.default.createDirectory(at: git, withIntermediateDirectories: true)
        try Data("[remote]\ntoken = SECRET\n".utf8).write(to: git.appendingPathComponent("config"))
        let git64 = try rapport(["build", "--output", ".git"], in: root)
        #expect(git64.status == 64, "\(git64.stderr)")
        #expect(try Data(contentsOf: git.appendingPathComponent("config")) == Data("[remote]\ntoken = SECRET\n".utf8))
        let home = root.appendingPathComponent("home/Documents")
        try usersFolder(home)
        #expect(try rapport(["build", "--output", "home/Documents"], in: root).status == 64)
        #expect(try rapport(["build", "--output", "home/./Documents/../Documents"], in: root).status == 64)
        #expect(try Data(contentsOf: home.appendingPathComponent("notes.txt")) == Self.mine)
        for output in ["..", "content/..", root.deletingLastPathComponent().path] {
            let run = try rapport(["build", "--output", output], in: root)
            #expect(run.status == 64, "\(output)")
            #expect(run.stderr.contains("Error: the output folder cannot"), "\(output): \(run.stderr)")
        }
        // An empty folder holds nothing to lose: taken.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
        #expect(try rapport(["build", "--output", "empty"], in: root).status == 0)
    }

    @Test("a content/ that is a symbolic link cannot walk the output past the 'inside content/' refusal")
    func linkedContent() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let sources = TestFolders.temporary("rapport-sources")
        defer { TestFolders.remove(sources) }
        try FileManager.default.moveItem(at: root.appendingPathComponent("content"), to: sources.appendingPathComponent("content"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("content"), withDestinationURL: sources.appendingPathComponent("content"))
        let before = try snapshot(of: sources)
        for output in [sources.appendingPathComponent("content").path, sources.appendingPathComponent("content/fresh").path,
                       sources.appendingPathComponent("content/2020").path] {
            let run = try rapport(["build", "--output", output, "--force"], in: root)
            #expect(run.status == 64, "\(output): \(run.stderr)")
            #expect(run.stderr.contains("Error: the output folder cannot be inside content/"), "\(run.stderr)")
        }
        #expect(try snapshot(of: sources) == before, "the site's own sources are intact")
        // A link inside the linked content/, to a file of it: still inside the site's sources.
        let assets = sources.appendingPathComponent("content/assets")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8).write(to: assets.appendingPathComponent("a.svg"))
        try FileManager.default.createSymbolicLink(atPath: assets.appendingPathComponent("b.svg").path, withDestinationPath: "a.svg")
        let built = try rapport(["build"], in: root)
        #expect(built.status == 0, "the linked content still builds: \(built.stderr)")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/assets/b.svg").path))
    }

    @Test("the default output/ builds again and again; an output/ of an earlier Rapport (no marker) is explained once, then works")
    func upgrade() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let output = root.appendingPathComponent("output")
        #expect(try rapport(["build"], in: root).status == 0)
        #expect(try rapport(["build"], in: root).status == 0)
        #expect(try Data(contentsOf: output.appendingPathComponent(".rapport-output")).count > 0)
        // As an earlier version left it: the same files, no marker.
        try FileManager.default.removeItem(at: output.appendingPathComponent(".rapport-output"))
        let told = try rapport(["build"], in: root)
        #expect(told.status == 64)
        #expect(told.stderr.contains("looks like the output of an earlier version of Rapport"), "\(told.stderr)")
        #expect(told.stderr.contains("delete it or build once with --force"))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path), "nothing was touched")
        #expect(try rapport(["build", "--force"], in: root).status == 0)
        #expect(try rapport(["build"], in: root).status == 0, "marked now: no --force needed again")
    }

    @Test("an output folder that is a mount point is refused with a message that says so")
    func mountPointOutput() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        try withTmpfs("size=1m") { disk in
            let run = try rapport(["build", "--output", disk.path, "--force"], in: root)
            #expect(run.status == 64)
            #expect(run.stderr.contains("is a mount point"), "\(run.stderr)")
            let inside = try rapport(["build", "--output", disk.appendingPathComponent("site").path], in: root)
            #expect(inside.status != 64, "a folder inside the mount point is fine (this one may be too small)")
        }
    }
}
