import Foundation
import Testing
@testable import RapportTemplates

/// The official Mustache spec, v1.4.2, read from `../shared/mustache-spec/` (beside the checkout, in CI too).
/// Every test of the required files must pass; `~lambdas` is left out (the engine has no lambdas).
@Suite struct SpecTests {
    static let specFolder: URL = {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { folder.deleteLastPathComponent() }   // …/Tests/RapportTemplatesTests/SpecTests.swift → checkout's parent
        return folder.appendingPathComponent("shared/mustache-spec")
    }()

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
        let total = try Self.required.map { try Self.cases($0).count }.reduce(0, +)
        #expect(total == 12 + 14 + 42 + 22 + 12 + 34 + 27)
    }

    // Files that cannot be read give no cases here, and the test above fails (a `try!` would stop every suite).
    @Test(arguments: required.flatMap { (try? SpecTests.cases($0)) ?? [] })
    func spec(_ test: Case) {
        #expect(Self.render(test) == test.expected, "\(test.template.debugDescription)")
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
