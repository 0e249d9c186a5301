import Testing
@testable import RapportTemplates

/// A text given as UTF-8 bytes (HTML another template rendered) reads exactly as the same text given as a String.
@Suite struct ByteValueTests {
    static func render(_ template: String, _ value: TemplateValue) -> String {
        let library = TemplateLibrary(templates: [("t", "t", template)])
        let compiled = library.compile("t", for: nil).template!
        return String(decoding: compiled.render(.object(["v": value, "list": .list(BytesList([Array("<b>é</b>".utf8), []]))])), as: UTF8.self)
    }

    @Test("escaped, raw, in sections and transforms: bytes and String give the same page", arguments: [
        "<p>{{v}}</p>{{{v}}}{{&v}}",
        "{{#v}}yes{{/v}}{{^v}}no{{/v}}",
        "{{#empty(v)}}empty{{/empty(v)}}{{count(v)}}{{uppercased(v)}}",
        "{{#list}}[{{.}}|{{{.}}}]{{/list}}",
        "  {{{v}}}\n",
    ])
    func sameAsText(_ template: String) {
        for text in ["", "Tom & « Jerry » <i>'s</i>", "ligne\nsuivante"] {
            #expect(Self.render(template, .bytes(Array(text.utf8))) == Self.render(template, .text(text)), "\(template) with \(text)")
        }
    }
}
