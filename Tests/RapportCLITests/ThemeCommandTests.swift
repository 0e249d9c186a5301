import Foundation
import RapportTestSupport
import Testing

/// `rapport theme` and the built-in theme, through the executable.
@Suite("rapport theme")
struct ThemeCommandTests {
    let cli = CommandLineTests()

    /// The repository's content without `templates/`.
    func siteWithoutTemplates() throws -> URL {
        let root = TestFolders.temporary("rapport-theme-cli")
        try FileManager.default.copyItem(at: TestFolders.repositoryRoot.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        return root
    }

    @Test("a site without templates/ builds --strict with the built-in theme")
    func buildsWithoutTemplates() throws {
        let root = try siteWithoutTemplates()
        defer { TestFolders.remove(root) }
        let run = try cli.rapport(["build", "--strict"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr == "")
        for path in ["output/fr/index.html", "output/assets/rapport.css", "output/assets/rapport.js"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path), "missing \(path)")
        }
    }

    @Test("theme --list, then --copy, then --list again; a second --copy refuses and changes nothing")
    func listAndCopy() throws {
        let root = try siteWithoutTemplates()
        defer { TestFolders.remove(root) }
        let before = try cli.rapport(["theme", "--list"], in: root)
        #expect(before.status == 0)
        let lines = before.stdout.split(separator: "\n")
        #expect(lines.contains { $0.wholeMatch(of: /base\.mustache +built-in/) != nil }, "\(before.stdout)")
        #expect(lines.contains { $0.wholeMatch(of: /assets\/rapport\.css +built-in/) != nil })

        let copied = try cli.rapport(["theme", "--copy", "base.mustache"], in: root)
        #expect(copied.status == 0, "\(copied.stderr)")
        #expect(copied.stdout == "Copied the built-in base.mustache to templates/base.mustache: edit it there; it replaces the built-in file.\n")
        let after = try cli.rapport(["theme", "--list"], in: root)
        #expect(after.stdout.split(separator: "\n").contains { $0.wholeMatch(of: /base\.mustache +yours: templates\/base\.mustache replaces the built-in file \(the same bytes\)/) != nil },
                "\(after.stdout)")

        try Data("changed".utf8).write(to: root.appendingPathComponent("templates/base.mustache"))
        let again = try cli.rapport(["theme", "--copy", "base.mustache"], in: root)
        #expect(again.status == 1)
        #expect(again.stderr == "templates/base.mustache:1:1: error: this file already exists, and Rapport never replaces a file: rename it (or delete it) first to copy the built-in file again\n")
        #expect(try String(contentsOf: root.appendingPathComponent("templates/base.mustache"), encoding: .utf8) == "changed")

        let unknown = try cli.rapport(["theme", "--copy", "bse.mustache"], in: root)
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "bse.mustache:1:1: error: the built-in theme has no file 'bse.mustache'; did you mean 'base.mustache'?; 'rapport theme --list' shows its files\n")
        let neither = try cli.rapport(["theme"], in: root)
        #expect(neither.status == 64)
        #expect(neither.stderr.contains("give either --list or --copy NAME"))
    }

    @Test("an overridden template and asset are used by build; a broken override is an error at its line")
    func overrideThroughTheBuild() throws {
        let root = try siteWithoutTemplates()
        defer { TestFolders.remove(root) }
        #expect(try cli.rapport(["theme", "--copy", "404.mustache"], in: root).status == 0)
        #expect(try cli.rapport(["theme", "--copy", "assets/rapport.css"], in: root).status == 0)
        let template = root.appendingPathComponent("templates/404.mustache")
        try (String(contentsOf: template, encoding: .utf8).replacingOccurrences(of: "<h1>", with: "<h1 class=\"ours\">")).write(to: template, atomically: true, encoding: .utf8)
        try ("/* ours */\n").write(to: root.appendingPathComponent("templates/assets/rapport.css"), atomically: true, encoding: .utf8)
        let run = try cli.rapport(["build", "--strict"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try String(contentsOf: root.appendingPathComponent("output/fr/404.html"), encoding: .utf8).contains("<h1 class=\"ours\">"))
        #expect(try String(contentsOf: root.appendingPathComponent("output/assets/rapport.css"), encoding: .utf8) == "/* ours */\n")

        try "{{<base}}{{$main}}{{page.titel}}{{/main}}{{/base}}".write(to: template, atomically: true, encoding: .utf8)
        let broken = try cli.rapport(["build"], in: root)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("templates/404.mustache:1:19: error: 'page.titel' is not a name of the 404 view; did you mean 'page.title'?"), "\(broken.stderr)")
    }
}
