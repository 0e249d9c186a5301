import RapportTemplates
import Testing
@testable import RapportCore

@Suite("Template escaping")
struct TemplateEscapingTests {
    /// The five replacements, one at a time, the way the Mustache spec and swift-mustache escape (`'` as `&#39;`).
    static func reference(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static let samples = [
        "", "plain", "Côte d’Ivoire", "<script>alert('x')</script>", "a & b \"quoted\" 'single'", "&amp; already",
        "é<é>é", "emoji 🇱🇺 < flag", "\u{202F};\u{A0}:", "a\u{301}<b", String(repeating: "<&>", count: 100),
    ]

    @Test("{{name}} escapes the five signs, {{{name}}} places the text as it is", arguments: samples)
    func escapes(_ value: String) throws {
        let library = TemplateLibrary(templates: [("t", "t", "<p title=\"{{v}}\">{{v}}</p>{{{v}}}{{&v}}\n")])
        let template = try #require(library.compile("t", for: nil).template)
        let html = String(decoding: template.render(.object(["v": .text(value)])), as: UTF8.self)
        #expect(html == "<p title=\"\(Self.reference(value))\">\(Self.reference(value))</p>\(value)\(value)\n")
    }

    @Test("a sign followed by a combining mark is escaped too (one Character with its mark, two scalars)")
    func combiningMark() {
        var bytes: [UInt8] = []
        MarkupEscaping.append("<\u{301}script>", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "&lt;\u{301}script&gt;")
        #expect(XML.escape("a&\u{301}'") == "a&amp;\u{301}&apos;")
        #expect(MarkupEscaping.escape("nothing to do") == "nothing to do")
    }

    @Test("the theme's templates are compiled: syntax errors at their place, names resolved, text escaped")
    func themeUsesIt() throws {
        let (theme, diagnostics) = Theme.load(templates: TemplateName.required.map {
            SourceFile(path: "templates/" + $0.fileName, text: $0 == .page ? "{{#page}}\n{{title}}\n{{/pages}}" : "{{chrome.lang}}")
        })
        #expect(theme == nil)
        #expect(diagnostics.map(\.description) == ["templates/page.mustache:3:1: error: template syntax error: '{{/pages}}' does not match '{{#page}}', the section it closes"])
        let (working, _) = Theme.load(templates: TemplateName.required.map { SourceFile(path: "templates/" + $0.fileName, text: $0 == .notFound ? "{{page.title}}" : "{{chrome.lang}}") })
        let context = PageContext(chrome: ViewLookupTests.chrome, t: [:], page: NotFoundView(title: "R&D <b>"))
        let html = try #require(working?.compiled[.notFound]).render(context)
        #expect(String(decoding: html, as: UTF8.self) == "R&amp;D &lt;b&gt;")
    }
}
