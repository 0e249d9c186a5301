import Foundation
import Testing
@testable import RapportCore

/// Careless or hostile input: never a crash, always a located diagnostic, never markup injected.
@Suite("Bad input")
struct HardeningTests {
    static let niger = "content/2020/fr/countries/niger.md"

    @Test("a UTF-8 byte-order mark and CRLF line endings are accepted; columns do not count the mark")
    func bomAndCRLF() {
        let text = "\u{FEFF}---\r\ntitle: Niger\r\ncountry: NE\r\nregion: sahel\r\npriority_areas: [3, 18]\r\n---\r\nCorps.\r\n"
        #expect(TestSite([Self.niger: text]).build().messages == [
            "\(Self.niger):5:21: error: 18 is not a Sustainable Development Goal (1 to 17)",
        ])
        let clean = text.replacingOccurrences(of: "priority_areas: [3, 18]\r\n", with: "")
        let outcome = TestSite([Self.niger: clean]).build()
        #expect(outcome.succeeded)
        #expect(outcome.text("fr/2020/countries/niger/index.html")?.contains("Intro: <p>Corps.</p>") == true)
    }

    @Test("a tab in YAML indentation is an error at its line")
    func tabs() {
        #expect(TestSite([Self.niger: "---\ntitle: Niger\nkey_data:\n\tpopulation_millions: 3\n---\n"]).build().messages == [
            "\(Self.niger):4:1: error: YAML syntax error: while scanning for the next token, found character that cannot start any token",
        ])
    }

    @Test("an alias bomb is bounded: an error, not a hang")
    func aliasBomb() {
        var yaml = "title: Niger\ncountry: NE\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...9 {
            let previous = (0..<10).map { _ in "*a\(level - 1)" }.joined(separator: ", ")
            yaml += "a\(level): &a\(level) [\(previous)]\n"
        }
        let messages = TestSite([Self.niger: "---\n\(yaml)---\n"]).build().messages
        #expect(messages == ["\(Self.niger):2:1: error: the YAML is too large or nests aliases too deeply to be read"])
    }

    @Test("YAML nested deeper than a page needs is refused before Yams recurses")
    func deepYAML() {
        let deep = "title: [" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_001) + "\n"
        #expect(TestSite([Self.niger: "---\n\(deep)---\n"]).build().messages == [
            "\(Self.niger):2:1: error: the YAML is too large or nests aliases too deeply to be read",
        ])
    }

    @Test("a number too large for a whole number is an error that says so, not a trap")
    func hugeNumber() {
        #expect(TestSite([Self.niger: "---\ntitle: Niger\ncountry: NE\nregion: sahel\nbudget_eur: 99999999999999999999999\n---\n"]).build().messages == [
            "\(Self.niger):5:13: error: 'budget_eur' is 99999999999999999999999, too large a number to read (at most 9223372036854775807): check the figure",
        ])
    }

    @Test("deeply nested Markdown and a 10 MB page build without crashing")
    func largeAndDeepBodies() {
        let front = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n"
        for body in [String(repeating: ">", count: 50_000) + " deep\n",
                     String(repeating: "[", count: 50_000) + "x" + String(repeating: "](./)", count: 50_000) + "\n",
                     String(repeating: "*a ", count: 50_000) + "\n",
                     String(repeating: "- ", count: 20_000) + "item\n"] {
            #expect(TestSite([Self.niger: front + body]).build().succeeded)
        }
        let paragraph = String(repeating: "Une phrase assez longue pour remplir la page, avec **du gras** et [un lien](https://example.org/). ", count: 10) + "\n\n"
        let big = front + String(repeating: paragraph, count: 10_000_000 / paragraph.utf8.count + 1)
        let outcome = TestSite([Self.niger: big]).build()
        #expect(outcome.succeeded)
        #expect((outcome.text("fr/2020/countries/niger/index.html")?.utf8.count ?? 0) > 10_000_000)
    }

    @Test("javascript: links never reach a page, with or without allow_raw_html")
    func scriptURLs() {
        let body = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n[a](javascript:alert(1)) [b](JaVa\tScRiPt:x)\n\n<a href=\"javascript:alert(2)\">c</a>\n"
        let safe = TestSite([Self.niger: body]).build()
        #expect(safe.messages == [
            "\(Self.niger):6:1: error: the link target 'javascript:alert(1)' would run code in the reader's browser: not allowed",
            "\(Self.niger):8:1: warning: raw HTML is left out of the page (set allow_raw_html: true in site.yaml to keep it)",
            "\(Self.niger):8:32: warning: raw HTML is left out of the page (set allow_raw_html: true in site.yaml to keep it)",
        ])
        let trusted = TestSite([Self.niger: body, "content/site.yaml": TestSite.siteYAML + "\nallow_raw_html: true\n"]).build()
        #expect(trusted.messages == [
            "\(Self.niger):6:1: error: the link target 'javascript:alert(1)' would run code in the reader's browser: not allowed",
            "\(Self.niger):8:1: error: this raw HTML holds a javascript: or vbscript: URL: not allowed, even with allow_raw_html",
        ])
    }

    @Test("allow_raw_html lets trusted HTML through")
    func rawHTMLAllowed() {
        let body = "---\ntitle: Niger\ncountry: NE\nregion: sahel\n---\n<figure class=\"map\">carte</figure>\n"
        let outcome = TestSite([Self.niger: body, "content/site.yaml": TestSite.siteYAML + "\nallow_raw_html: true\n"]).build()
        #expect(outcome.messages == [])
        #expect(outcome.text("fr/2020/countries/niger/index.html")?.contains("<figure class=\"map\">carte</figure>") == true)
    }

    @Test("front-matter values are escaped wherever they land")
    func escaping() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        defer { Fixtures.cleanUp(root) }
        let page = root.appendingPathComponent("content/2021/fr/countries/niger.md")
        var text = try String(contentsOf: page, encoding: .utf8)
        text = text.replacingOccurrences(of: "title: Niger", with: "title: \"Niger\\\"><script>alert('t')</script>\"")
        text = text.replacingOccurrences(of: "  - Deux centres de santé construits", with: "  - \"<img src=x onerror=alert(1)>\"")
        text = text.replacingOccurrences(of: "source: Banque mondiale", with: "source: \"</p><script>s</script>\"")
        try text.write(to: page, atomically: true, encoding: .utf8)
        let outcome = Fixtures.build(root: root)
        #expect(outcome.succeeded)
        for file in outcome.files where file.path.hasSuffix(".html") {
            let html = outcome.text(file.path) ?? ""
            #expect(!html.contains("<script>"), "\(file.path)")
            #expect(!html.contains("<img src=x"), "\(file.path)")
        }
        #expect(outcome.text("fr/2021/pays/niger/index.html")?.contains("<h1>Niger&quot;&gt;&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;</h1>") == true)
    }

    @Test("a symbolic link out of the site root is refused")
    func symlinkOutside() throws {
        let root = Fixtures.siteRoot(fixture: "minimal-site")
        let outside = Fixtures.temporaryFolder()
        defer { Fixtures.cleanUp(root); Fixtures.cleanUp(outside) }
        try "secret".write(to: outside.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/assets/leak.txt").path,
                                                   withDestinationPath: outside.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("content/assets/loop").path,
                                                   withDestinationPath: root.appendingPathComponent("content").path)
        let outcome = Fixtures.build(root: root)
        #expect(outcome.messages == ["content/assets/leak.txt:1:1: error: symbolic link to '\(outside.path)/secret.txt', outside the site root: refused"])
    }

    @Test("diagnostics print as JSON lines and GitHub annotations")
    func machineFormats() {
        let diagnostic = Diagnostic(.error, .brokenLink("a\"b.md"), at: SourceLocation(path: "content/x, y.md", line: 3, column: 7), stage: .markdown)
        #expect(DiagnosticPrinting.json(diagnostic)
            == #"{"file":"content/x, y.md","line":3,"column":7,"severity":"error","stage":"markdown","message":"link to 'a\"b.md', which does not exist"}"#)
        #expect(DiagnosticPrinting.githubAnnotation(diagnostic) == "::error file=content/x%2C y.md,line=3,col=7::link to 'a\"b.md', which does not exist")
    }
}
