import Mustache
import Testing
@testable import RapportCore

@Suite("Template escaping")
struct TemplateEscapingTests {
    static let samples = [
        "", "plain", "Côte d’Ivoire", "<script>alert('x')</script>", "a & b \"quoted\" 'single'", "&amp; already",
        "é<é>é", "emoji 🇱🇺 < flag", "\u{202F};\u{A0}:", "a\u{301}<b", String(repeating: "<&>", count: 100),
    ]

    @Test("the byte escaper renders exactly what swift-mustache's own HTML escaping renders", arguments: samples)
    func sameAsMustache(_ value: String) throws {
        _ = HTMLBytesContentType.registered
        let template = "<p title=\"{{v}}\">{{v}}</p>{{{v}}}\n"
        let theirs = try MustacheTemplate(string: template).render(["v": value])
        let ours = try MustacheTemplate(string: HTMLBytesContentType.pragma + template).render(["v": value])
        #expect(ours == theirs)
    }

    @Test("a sign followed by a combining mark is escaped too (swift-mustache's Character-wise escape misses it)")
    func combiningMark() throws {
        _ = HTMLBytesContentType.registered
        let value = "<\u{301}script>"
        let ours = try MustacheTemplate(string: HTMLBytesContentType.pragma + "{{v}}").render(["v": value])
        #expect(ours == "&lt;\u{301}script&gt;")
        #expect(!ours.unicodeScalars.contains("<"))
        let theirs = try MustacheTemplate(string: "{{v}}").render(["v": value])
        #expect(theirs.unicodeScalars.contains("<"), "swift-mustache now escapes it: this note can go")
        #expect(XML.escape("a&\u{301}'") == "a&amp;\u{301}&apos;")
    }

    @Test("a theme template is parsed with the byte escaper, and its lines keep their numbers")
    func themeUsesIt() throws {
        let (theme, diagnostics) = Theme.load(templates: Theme.requiredTemplates.map {
            SourceFile(path: "templates/\($0).mustache", text: $0 == "page" ? "{{#page}}\n{{title}}\n{{/pages}}" : "{{title}}")
        })
        #expect(theme == nil)
        #expect(diagnostics.map(\.description) == ["templates/page.mustache:3:4: error: template syntax error: this closing tag does not match the section it closes"])
        let (working, _) = Theme.load(templates: Theme.requiredTemplates.map { SourceFile(path: "templates/\($0).mustache", text: "{{title}}") })
        #expect(working?.library.render(["title": "R&D <b>"], withTemplate: "page") == "R&amp;D &lt;b&gt;")
    }
}
