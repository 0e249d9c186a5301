import RapportTestSupport
import Testing
@testable import RapportCore

/// No template crashes, hangs or exhausts the build: a template that includes itself, nests too deep or would
/// write without end is an error at its tag when the theme loads; random bytes are an error or a theme.
@Suite struct ThemeLimitsTests {
    @Test("a partial that includes itself is an error at its tag, in a whole build")
    func selfInclusion() {
        let outcome = TestSite([
            "templates/page.mustache": "{{<base}}{{$main}}{{#page.title}}{{>loop}}{{/page.title}}{{/main}}{{/base}}",
            "templates/loop.mustache": "<ul>\n  <li>{{>loop}}</li>\n</ul>",
        ]).build()
        #expect(outcome.messages == [
            "templates/loop.mustache:2:7: error: the partial 'loop' includes itself (loop → loop); a template cannot include itself",
        ])
        #expect(!outcome.succeeded)
    }

    @Test("partials that each include the previous one twice, forty times over: one error at load, in a whole build")
    func doublingPartials() {
        var changes: [String: String?] = ["templates/page.mustache": "{{<base}}{{$main}}{{>p40}}{{/main}}{{/base}}", "templates/p0.mustache": "x"]
        for level in 1...40 { changes["templates/p\(level).mustache"] = "{{>p\(level - 1)}}{{>p\(level - 1)}}" }
        let outcome = TestSite(changes).build()
        #expect(outcome.messages == [
            "templates/p28.mustache:1:1: error: the templates write more than 64 MiB here before any list repeats anything (through page → base → p40 → … → p30 → p29 → p28 → p27): partials that include others several times over multiply what they write",
        ])
    }

    @Test("10,000 nested sections are a syntax error at the one past the limit")
    func deepNesting() {
        let page = String(repeating: "{{#page.title}}", count: 10_000) + String(repeating: "{{/page.title}}", count: 10_000)
        #expect(TestSite(["templates/page.mustache": page]).build().messages == [
            "templates/page.mustache:1:1501: error: template syntax error: '{{#page.title}}' opens a section 101 deep; sections, parents and blocks nest at most 100 deep",
        ])
    }

    /// The theme with `page404` as the 404 template, and partials `a` and `b`; the 404 page rendered when it loads.
    static func load(_ page404: [UInt8], a: [UInt8] = [], b: [UInt8] = []) -> (loaded: Bool, errors: [String]) {
        var files = TemplateName.required.filter { $0 != .notFound }.map { SourceFile(path: "templates/" + $0.fileName, text: "{{chrome.lang}}") }
        files += [SourceFile(path: "templates/404.mustache", bytes: page404), SourceFile(path: "templates/a.mustache", bytes: a),
                  SourceFile(path: "templates/b.mustache", bytes: b)]
        let (theme, diagnostics) = Theme.load(templates: files)
        if let theme {
            _ = theme.compiled[.notFound]?.render(PageContext(chrome: ViewLookupTests.chrome, t: [:], page: NotFoundView(title: "T")))
        }
        return (theme != nil, diagnostics.filter { $0.severity == .error }.map(\.description))
    }

    @Test("hostile templates: each is an error at its place, or a theme that renders", arguments: [
        ("{{", "templates/404.mustache:1:1: error: template syntax error: a tag is not closed with '}}'"),
        ("é {{#page.title", "templates/404.mustache:1:3: error: template syntax error: a tag is not closed with '}}'"),
        ("{{{page.title}}", "templates/404.mustache:1:1: error: template syntax error: a tag is not closed with '}}}'"),
        ("{{#page.title}}", "templates/404.mustache:1:1: error: template syntax error: '{{#page.title}}' is never closed"),
        ("{{!", "templates/404.mustache:1:1: error: template syntax error: a tag is not closed with '}}'"),
        ("{{= =}}", "templates/404.mustache:1:1: error: template syntax error: the set-delimiter tag is malformed (it takes two delimiters apart by a space)"),
        ("{{==}}", "templates/404.mustache:1:1: error: template syntax error: the set-delimiter tag is malformed (it takes two delimiters apart by a space)"),
        ("{{=| =}}", "templates/404.mustache:1:1: error: template syntax error: the set-delimiter tag is malformed (it takes two delimiters apart by a space)"),
        ("{{=|x| |=}}|x|page.title|", nil),
        ("{{=" + String(repeating: "<", count: 33) + " >=}}", "templates/404.mustache:1:1: error: template syntax error: the set-delimiter tag sets a delimiter longer than 32 bytes"),
        ("{{=| |=}}|page.title|", nil),
        ("{{=\u{1} \u{2}=}}\u{1}page.title\u{2}", nil),
        ("{{=\n \r=}}\npage.title\r", nil),
        ("a\u{0}b{{page.title}}\u{0}", nil),
        ("{{\u{1B}[31mred}}", "templates/404.mustache:1:1: error: '\\u{1B}[31mred' is not a name of the 404 view"),
        ("{{=\u{1} \u{2}=}}\u{1}page.title", "templates/404.mustache:1:10: error: template syntax error: a tag is not closed with '\\u{2}'"),
        ("{{>a}}", nil),
        ("{{/page.title}}", "templates/404.mustache:1:1: error: template syntax error: '{{/page.title}}' closes no section"),
        ("{{<a}}x{{page.title}}{{/a}}", "templates/404.mustache:1:8: error: template syntax error: only blocks ({{$name}}) may stand inside a parent ({{<a}})"),
    ] as [(String, String?)])
    func hostile(_ template: String, _ error: String?) {
        let (loaded, errors) = Self.load(Array(template.utf8))
        #expect(errors == (error.map { [$0] } ?? []))
        #expect(loaded == (error == nil))
    }

    @Test("a megabyte tag name, invalid UTF-8: an error, the name cut short in the message")
    func hugeAndInvalid() {
        let (_, errors) = Self.load(Array(("{{" + String(repeating: "a", count: 1 << 20) + "}}").utf8))
        #expect(errors == ["templates/404.mustache:1:1: error: '\(String(repeating: "a", count: 60))…' is not a name of the 404 view"])
        let (loaded, invalid) = Self.load([0x7B, 0x7B, 0xFF, 0xFE, 0x7D, 0x7D])
        #expect(!loaded)
        #expect(invalid == ["templates/404.mustache:1:3: error: the file is not valid UTF-8 (byte 0xFF here); save it as UTF-8",
                            "templates/404.mustache:1:1: error: the theme has no template '404.mustache'"])
    }

    @Test("random templates (seeded): never a crash or a hang, always a theme or an error")
    func fuzz() {
        let pieces = ["{{", "}}", "{{{", "}}}", "#", "^", "/", ">", "<", "$", "&", "!", "=", " ", "\n", "\r\n", "\t",
                      "page.title", "chrome.lang", "a", "b", "404", "|", "{{=| |=}}", "{{>a}}", "{{>b}}", "{{<a}}", "{{$x}}",
                      "{{/x}}", "{{/a}}", "{{#page.title}}", "{{/page.title}}", "count(", ")", ".", "\u{0}", "é"].map { Array($0.utf8) }
        var random = SplitMix64(seed: 25)
        func template() -> [UInt8] {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...24, using: &random) {
                if Int.random(in: 0..<20, using: &random) == 0 { bytes.append(UInt8.random(in: 0...255, using: &random)) }
                else { bytes += pieces.randomElement(using: &random)! }
            }
            return bytes
        }
        var loaded = 0
        for _ in 0..<1500 {
            let (ok, errors) = Self.load(template(), a: template(), b: template())
            #expect(ok == errors.isEmpty)
            if ok { loaded += 1 }
        }
        #expect(loaded > 10)
    }
}
