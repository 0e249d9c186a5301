import Foundation
import Synchronization
import Testing
@testable import RapportTemplates

/// Deep nesting, partials that multiply, long files and hostile syntax: each is an error at its place or is
/// handled in time linear in the template, never a crash, a hang or memory exhausted.
@Suite struct TemplateLimitsTests {
    static func problems(_ templates: KeyValuePairs<String, String>, typed: Bool = true) -> [String] {
        SelfInclusionTests.problems(templates, typed: typed)
    }

    static func problems(_ templates: [(String, String)], typed: Bool = true) -> [String] {
        SelfInclusionTests.problems(templates, typed: typed)
    }
    static let schema = SelfInclusionTests.schema
    static let limit = TemplateLimits.nesting

    static func nested(_ count: Int, _ inner: String = "x") -> String {
        String(repeating: "{{#flag}}", count: count) + inner + String(repeating: "{{/flag}}", count: count)
    }

    struct Page: TemplateView {
        static let templateSchema = SelfInclusionTests.schema
        func templateValue(at index: Int) -> TemplateValue {
            switch index {
            case 0: .flag(true)
            case 1: .text("T")
            default: .list(Items())
            }
        }
    }

    struct Items: TemplateList {
        var count: Int { 2 }
        func element(at index: Int) -> TemplateValue { .object(["title": .text("i\(index)")]) }
    }

    /// `work` run on a thread with the 512 KiB stack of a secondary thread (where pages are rendered).
    static func onSmallStack<T: Sendable>(_ work: @escaping @Sendable () -> T) -> T {
        let result = Mutex<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { result.withLock { $0 = work() }; done.signal() }
        thread.stackSize = 512 << 10
        thread.start()
        done.wait()
        return result.withLock { $0! }
    }

    // MARK: - Nesting

    @Test("sections nested as deep as the limit compile and render on a small stack")
    func atTheLimit() {
        let output = Self.onSmallStack {
            let library = TemplateLibrary(templates: [("main", "main.mustache", Self.nested(Self.limit, "{{title}}"))])
            guard let compiled = library.compile("main", for: Self.schema).template else { return "" }
            return String(decoding: compiled.render(Page()), as: UTF8.self)
        }
        #expect(output == "T")
    }

    @Test("one level more is an error at the tag that opens it; 10,000 levels too, found at once", arguments: [Self.limit + 1, 10_000])
    func tooDeep(_ levels: Int) {
        let column = Self.limit * 9 + 1
        #expect(Self.problems(["main": Self.nested(levels)]) == [
            "main.mustache:1:\(column): error: '{{#flag}}' opens a section \(Self.limit + 1) deep; sections, parents and blocks nest at most \(Self.limit) deep",
        ])
        // Never closed: the depth is found first.
        #expect(Self.problems(["main": String(repeating: "{{#flag}}\n", count: levels)]).first?.hasPrefix("main.mustache:\(Self.limit + 1):1: error:") == true)
    }

    @Test("nesting counts through partials, and a partial compiled shallow is checked where it is called deep")
    func throughPartials() {
        var files = [("main", "{{>d60}}"), ("d0", "x")]
        for level in 1...60 { files.append(("d\(level)", "{{#flag}}{{>d\(level - 1)}}{{/flag}}")) }
        let deep = Self.problems(files)
        #expect(deep.count == 1)
        #expect(deep.first?.contains("error: sections, partials, parents and blocks nest more than \(Self.limit) deep here (through main → d60 → d59 → … → ") == true)

        let main = "{{>deep}}" + Self.nested(60, "{{>deep}}")
        #expect(Self.problems(["main": main, "deep": Self.nested(50)]) == [
            "main.mustache:1:\(9 + 60 * 9 + 1): error: sections, partials, parents and blocks nest more than \(Self.limit) deep here",
        ])
    }

    @Test("transforms applied a thousand times over are an error, not a deep recursion")
    func deepTransforms() {
        let name = String(repeating: "uppercased(", count: 1000) + "title" + String(repeating: ")", count: 1000)
        let problems = Self.problems(["main": "{{\(name)}}"])
        #expect(problems.count == 1)
        #expect(problems.first?.hasSuffix("…' applies more than \(TemplateLimits.transforms) transforms") == true)
        #expect(Self.problems(["main": "{{uppercased(reversed(title))}}"]) == [])
    }

    // MARK: - Partials that multiply

    /// p0 = "x", pN = "{{>pN-1}}{{>pN-1}}" (or what `body` makes of the call of pN-1).
    static func doubling(_ levels: Int, role: String = ">", body: (String) -> String = { $0 + $0 }) -> [(String, String)] {
        func call(_ level: Int) -> String { "{{\(role)p\(level)}}" + (role == "<" ? "{{/p\(level)}}" : "") }
        return [("main", call(levels)), ("p0", "x")] + (1...levels).map { ("p\($0)", body(call($0 - 1))) }
    }

    @Test("partials that each include the previous one twice compile to shared bodies; 2⁴⁰ bytes are refused at load")
    func doublingPartials() throws {
        let library = TemplateLibrary(templates: Self.doubling(20).map { (name: $0.0, path: "\($0.0).mustache", text: $0.1) })
        let compiled = try #require(library.compile("main", for: Self.schema).template)
        #expect(compiled.program.code.bodies.count <= 22)
        #expect(compiled.render(Page()).count == 1 << 20)

        for typed in [true, false] {
            let clock = ContinuousClock.now
            let problems = Self.problems(Self.doubling(40), typed: typed)
            print("p0…p40 (typed: \(typed)) refused in \(ContinuousClock.now - clock)")
            #expect(problems == [
                "p28.mustache:1:1: error: the templates write more than 64 MiB here before any list repeats anything (through main → p40 → p39 → … → p30 → p29 → p28 → p27): partials that include others several times over multiply what they write",
            ])
        }
    }

    @Test("partials that double in a new context each time (a list section) are bounded by the compiled size")
    func doublingContexts() {
        let clock = ContinuousClock.now
        let problems = Self.problems(Self.doubling(40) { "\($0){{#items}}\($0){{/items}}" })
        print("p0…p40 in contexts refused in \(ContinuousClock.now - clock)")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("MiB here") == true)
    }

    @Test("parents that each call the previous one twice (compiled anew at each call) are refused at load")
    func doublingParents() {
        let clock = ContinuousClock.now
        let problems = Self.problems(Self.doubling(40, role: "<"))
        print("parents p0…p40 refused in \(ContinuousClock.now - clock)")
        #expect(problems.count == 1)
        #expect(problems.first?.contains("error: the templates compile to more than 8 MiB here (through main → p40 → p39 → … →") == true)
    }

    // MARK: - Long files

    @Test("a 2 MB template compiles and renders; a line of 20,000 unknown names gives 20,000 located problems")
    func longFiles() throws {
        let clock = ContinuousClock.now
        let text = String(repeating: "Lorem é {{title}} ipsum\n", count: 84_000)
        #expect(text.utf8.count > 2_000_000)
        let library = TemplateLibrary(templates: [("main", "main.mustache", text)])
        let compiled = try #require(library.compile("main", for: Self.schema).template)
        #expect(compiled.render(Page()).count == text.utf8.count - 84_000 * ("{{title}}".utf8.count - 1))
        print("2 MB template compiled and rendered in \(ContinuousClock.now - clock)")

        let unknown = String(repeating: "é{{nope}}", count: 20_000)
        let problems = TemplateLibrary(templates: [("main", "main.mustache", unknown)]).compile("main", for: Self.schema).problems
        #expect(problems.count == 20_000)
        #expect(problems.last?.column == 19_999 * 9 + 2)
        print("20,000 problems on one line in \(ContinuousClock.now - clock)")
    }
}
