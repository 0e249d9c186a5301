import Foundation
import RapportTestSupport
import Testing

/// "Diagnostics cannot be forged by content", and the other small promises of issue 25, through the executable.
extension CommandLineTests {
    /// A country page whose file name, keys and values carry control characters and a forged workflow command.
    func forgingSite() throws -> URL {
        let root = try siteCopy()
        let countries = root.appendingPathComponent("content/2022/fr/countries")
        let name = "evil\n::error file=README.md,line=1::forged\u{1B}[2J.md"
        let page = "---\ntitle: \"Piège\\e[31m\"\ncountry: \"N\\u001BE\"\nslug: \"a\\nb\"\nti\u{7}tle2: x\n---\nCorps.\n"
        try Data(page.utf8).write(to: countries.appendingPathComponent(name))
        // Clean YAML bytes whose values hold control characters once read (YAML's own escapes).
        let values = "---\ntitle: Piège\ncountry: \"N\\u001BE\"\nslug: \"a\\nb\\r::error::x\"\nregion: \"\\e]0;title\\u0007\"\n---\nCorps.\n"
        try Data(values.utf8).write(to: countries.appendingPathComponent("piege.md"))
        return root
    }

    /// Characters that no line of Rapport's output may carry raw.
    static func hasRawControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("control characters from file names, keys and values are escaped in text, JSON and GitHub annotations; content cannot forge a workflow command")
    func forgedDiagnostics() throws {
        let root = try forgingSite()
        defer { TestFolders.remove(root) }
        let text = try rapport(["check"], in: root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(text.status == 1)
        #expect(!Self.hasRawControl(text.stderr), "\(text.stderr.debugDescription)")
        let lines = text.stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // Every line is one of ours: a located diagnostic of content/, or the annotation that repeats it.
        #expect(lines.allSatisfy { $0.hasPrefix("content/") || $0.hasPrefix("::error file=content/") || $0.hasPrefix("::warning file=content/") },
                "\(text.stderr)")
        #expect(lines.filter { $0.hasPrefix("::") }.count * 2 == lines.count, "one annotation per diagnostic")
        #expect(text.stderr.contains("content/2022/fr/countries/evil\\n::error file=README.md,line=1::forged\\u{1B}[2J.md:"), "\(text.stderr)")
        #expect(!text.stderr.contains("\n::error file=README.md"))
        #expect(text.stderr.contains("content/2022/fr/countries/piege.md:3:10: error: 'N\\u{1B}E' is not an ISO 3166-1 alpha-2 country code"), "\(text.stderr)")
        #expect(text.stderr.contains("the slug 'a\\nb\\r::error::x' is not one URL segment"), "\(text.stderr)")
        let json = try rapport(["check", "--format", "json"], in: root)
        #expect(json.status == 1)
        #expect(!Self.hasRawControl(json.stdout))
        for line in json.stdout.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["file"] is String && object?["message"] is String, "\(line)")
        }
    }

    @Test("--format json prints only JSON lines on standard output; the closing summary goes to standard error")
    func jsonOnlyOnStandardOutput() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/pages/en/privacy.md"))
        for command in [["check", "--format", "json"], ["build", "--format", "json"]] {
            let run = try rapport(command, in: root)
            #expect(run.status == 0, "\(run.stderr)")
            let lines = run.stdout.split(separator: "\n")
            #expect(!lines.isEmpty, "the missing translation's warning")
            for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil, "\(command): \(line)") }
            #expect(run.stderr.contains(command[0] == "check" ? "Checked " : "Built "), "\(run.stderr)")
        }
    }

    @Test("a slug over the file system's name limit is an error in check as in build; base_url with a control character is refused")
    func slugLengthAndBaseURL() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let page = root.appendingPathComponent("content/2022/fr/countries/mongolie.md")
        let text = try String(contentsOf: page, encoding: .utf8)
        let long = String(repeating: "mongolie-", count: 40) + "x"
        try text.replacingOccurrences(of: "---\ntitle:", with: "---\nslug: \(long)\ntitle:").write(to: page, atomically: true, encoding: .utf8)
        let expected = "content/2022/fr/countries/mongolie.md:2:7: error: the slug 'mongolie-mongolie-mongolie-mongolie-mong…' is 361 characters long; a URL segment is a folder name of the site, and file systems allow at most 255: shorten it"
        for command in ["check", "build"] {
            let run = try rapport([command], in: root)
            #expect(run.status == 1)
            #expect(run.stderr.contains(expected), "\(command): \(run.stderr)")
        }
        try text.write(to: page, atomically: true, encoding: .utf8)
        for url in ["https://example.org/\u{1B}[2J/", "https://example.org/a\tb/", "https://exa\nmple.org/"] {
            let run = try rapport(["build", "--base-url", url], in: root)
            #expect(run.status == 64, "\(url.debugDescription)")
        }
        let yaml = root.appendingPathComponent("content/site.yaml")
        let config = try String(contentsOf: yaml, encoding: .utf8)
        let line = try #require(config.split(separator: "\n").first { $0.hasPrefix("base_url:") })
        try config.replacingOccurrences(of: String(line), with: "base_url: \"https://example.org/\\u0007/\"").write(to: yaml, atomically: true, encoding: .utf8)
        let run = try rapport(["check"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("error: base_url 'https://example.org/\\u{7}/' must be an absolute http(s) URL ending with '/'"), "\(run.stderr)")
    }

    @Test("a file of content/assets/ that would replace one of the theme's assets is an error naming both")
    func assetReplacingTheme() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/assets"), withIntermediateDirectories: true)
        for name in ["rapport.js", "rapport.css"] { try Data("/* mine */".utf8).write(to: root.appendingPathComponent("content/assets/\(name)")) }
        let run = try rapport(["build"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr == """
            content/assets/rapport.css:1:1: error: this file would replace the theme's templates/assets/rapport.css on every page: give it another name; to change the theme's file, edit templates/assets/rapport.css
            content/assets/rapport.js:1:1: error: this file would replace the theme's templates/assets/rapport.js on every page: give it another name; to change the theme's file, edit templates/assets/rapport.js

            """)
    }
}
