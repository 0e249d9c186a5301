import Testing
@testable import RapportTemplates

/// A template that includes itself, directly or through others, is an error at the tag when the theme loads,
/// whether or not the data would reach the tag: rendering never recurses without end.
@Suite struct SelfInclusionTests {
    static let item = TemplateSchema("item", [TemplateField("title", .text)])
    static let schema = TemplateSchema("test", [
        TemplateField("flag", .flag), TemplateField("title", .text), TemplateField("items", .list(.view(item))),
    ])

    /// The problems of compiling the first template (a typed one unless `typed` is false), as printed.
    static func problems(_ templates: KeyValuePairs<String, String>, typed: Bool = true) -> [String] {
        problems(templates.map { ($0.key, $0.value) }, typed: typed)
    }

    static func problems(_ templates: [(String, String)], typed: Bool = true) -> [String] {
        let library = TemplateLibrary(templates: templates.map { (name: $0.0, path: "\($0.0).mustache", text: $0.1) })
        guard library.problems.isEmpty else { return library.problems.map(\.description) }
        return library.compile(templates[0].0, for: typed ? schema : nil).problems.map(\.description)
    }

    @Test("x{{>loop}}: the partial includes itself, at its tag")
    func direct() {
        #expect(Self.problems(["main": "{{>loop}}", "loop": "x{{>loop}}"]) == [
            "loop.mustache:1:2: error: the partial 'loop' includes itself (loop → loop); a template cannot include itself",
        ])
        #expect(Self.problems(["loop": "é\n  x{{> loop }}"]) == [
            "loop.mustache:2:4: error: the partial 'loop' includes itself (loop → loop); a template cannot include itself",
        ])
    }

    @Test("A → B → A, with the chain named")
    func throughOthers() {
        #expect(Self.problems(["main": "{{>a}}", "a": "A{{>b}}", "b": "B\n {{>c}}", "c": "{{>a}}"]) == [
            "c.mustache:1:1: error: the partial 'a' includes itself (a → b → c → a); a template cannot include itself",
        ])
    }

    @Test("through parents, and parents mixed with partials")
    func throughParents() {
        #expect(Self.problems(["main": "{{<p}}{{/p}}", "p": "{{<q}}{{/q}}", "q": "{{$x}}{{/x}}{{<p}}{{/p}}"]) == [
            "q.mustache:1:13: error: the parent 'p' includes itself (p → q → p); a template cannot include itself",
        ])
        #expect(Self.problems(["main": "{{<p}}{{$b}}{{>r}}{{/b}}{{/p}}", "p": "{{$b}}{{/b}}", "r": "{{<p}}{{/p}}"]) == [
            "r.mustache:1:1: error: the parent 'p' includes itself (p → r → p); a template cannot include itself",
        ])
        #expect(Self.problems(["main": "{{<main}}{{/main}}"]) == [
            "main.mustache:1:1: error: the parent 'main' includes itself (main → main); a template cannot include itself",
        ])
    }

    @Test("inside a section, an inverted section or a list: still an error, the data could reach it", arguments: [
        "{{#flag}}{{>loop}}{{/flag}}", "{{^flag}}{{>loop}}{{/flag}}", "{{#items}}{{>loop}}{{/items}}", "{{#title}}{{>loop}}{{/title}}",
    ])
    func inSections(_ loop: String) {
        let column = loop.distance(from: loop.startIndex, to: loop.range(of: "{{>")!.lowerBound) + 1
        #expect(Self.problems(["main": "{{>loop}}", "loop": loop]).first?.hasPrefix(
            "loop.mustache:1:\(column): error: the partial 'loop' includes itself (loop → loop)") == true)
    }

    @Test("a partial included twice, not inside itself, is no loop")
    func sharedIsFine() {
        #expect(Self.problems(["main": "{{>a}}{{>b}}{{#items}}{{>a}}{{/items}}", "a": "{{>b}}{{>b}}", "b": "{{title}}"]) == [])
    }

    @Test("without a schema (the spec's data), recursion inside a section is the spec's; outside any, an error")
    func untyped() throws {
        #expect(Self.problems(["main": "{{>loop}}", "loop": "x{{>loop}}"], typed: false) == [
            "loop.mustache:1:2: error: the partial 'loop' includes itself outside any section (loop → loop), without end",
        ])
        #expect(Self.problems(["main": "{{>loop}}", "loop": "{{#a}}{{/a}}{{>loop}}"], typed: false).count == 1)
        let library = TemplateLibrary(templates: [("main", "main", "{{>node}}"), ("node", "node", "{{n}}{{#c}}({{>node}}){{/c}}")])
        let compiled = try #require(library.compile("main", for: nil).template)
        // (The leaf's `c` is false: a missing `c` would be found in the frame below, and the data would never end.)
        let data = TemplateValue.object(["n": .number(1), "c": .object(["n": .number(2), "c": .object(["n": .number(3), "c": .flag(false)])])])
        #expect(String(decoding: compiled.render(data), as: UTF8.self) == "1(2(3))")
        // A parent calling itself for ever is expanded until the nesting bound.
        #expect(Self.problems(["main": "{{<p}}{{/p}}", "p": "{{<p}}{{/p}}"], typed: false).first?.contains(
            "nest more than \(TemplateLimits.nesting) deep here (through main → p → p → …") == true)
    }
}
