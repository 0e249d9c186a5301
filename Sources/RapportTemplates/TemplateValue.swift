// What templates see: typed values and views that describe their fields. No `Any`: a view answers a field by
// its index in its schema, which the compiler resolved from the field's name when the theme was loaded.

/// A value as a template reads it.
public enum TemplateValue: Sendable {
    /// Nothing: renders as nothing, a section over it is skipped.
    case null
    /// A text: `{{name}}` escapes it, `{{{name}}}` does not (HTML already rendered is a text placed raw).
    case text(String)
    /// A text already as UTF-8 bytes (HTML rendered by another template): written as `text` would be, never decoded.
    case bytes([UInt8])
    case flag(Bool)
    case number(Int)
    /// A nested view (`{{#page.region}}…{{/page.region}}`, `{{page.title}}`).
    case view(any TemplateView)
    /// A list: a section renders once per element, with the element on top of the context.
    case list(any TemplateList)
    /// A table of texts with open keys (interface strings: `{{t.read_more}}`).
    case strings([String: String])
    /// A value with names known only when rendering (data that has no schema, such as the spec's JSON).
    case object([String: TemplateValue])
}

/// A value with named fields. `templateSchema` names them, in the order `templateValue(at:)` answers them.
public protocol TemplateView: Sendable {
    static var templateSchema: TemplateSchema { get }
    /// The value of the schema's field number `index`.
    func templateValue(at index: Int) -> TemplateValue
}

/// A list as a template reads it: a count and an element per index.
public protocol TemplateList: Sendable {
    var count: Int { get }
    func element(at index: Int) -> TemplateValue
}

/// The fields of one kind of view: what a template may name, checked when the theme loads.
public final class TemplateSchema: Sendable {
    /// How the view is called in messages: "country" → "the country view".
    public let name: String
    public let fields: [TemplateField]
    let indexByName: [String: Int]

    public init(_ name: String, _ fields: [TemplateField]) {
        self.name = name
        self.fields = fields
        var index: [String: Int] = [:]
        for (offset, field) in fields.enumerated() where index[field.name] == nil { index[field.name] = offset }
        self.indexByName = index
    }

    public func index(of name: String) -> Int? { indexByName[name] }
}

public struct TemplateField: Sendable {
    public let name: String
    public let kind: TemplateKind

    public init(_ name: String, _ kind: TemplateKind) {
        self.name = name
        self.kind = kind
    }
}

/// What a field holds; lists and views carry the schema of what they hold, so names inside sections are checked too.
public indirect enum TemplateKind: Sendable {
    case text, html, flag, number
    case view(TemplateSchema)
    case list(TemplateKind)
    case strings
    /// Names resolved when rendering (no schema).
    case dynamic
}

// MARK: - Lists of the usual kinds

/// A list of views.
public struct ViewList<Element: TemplateView>: TemplateList {
    public let elements: [Element]
    public init(_ elements: [Element]) { self.elements = elements }
    public var count: Int { elements.count }
    public func element(at index: Int) -> TemplateValue { .view(elements[index]) }
}

/// A list of texts.
public struct TextList: TemplateList {
    public let elements: [String]
    public init(_ elements: [String]) { self.elements = elements }
    public var count: Int { elements.count }
    public func element(at index: Int) -> TemplateValue { .text(elements[index]) }
}

/// A list of texts as UTF-8 bytes.
public struct BytesList: TemplateList {
    public let elements: [[UInt8]]
    public init(_ elements: [[UInt8]]) { self.elements = elements }
    public var count: Int { elements.count }
    public func element(at index: Int) -> TemplateValue { .bytes(elements[index]) }
}

/// A list of values of any kind (data without a schema).
public struct ValueList: TemplateList {
    public let elements: [TemplateValue]
    public init(_ elements: [TemplateValue]) { self.elements = elements }
    public var count: Int { elements.count }
    public func element(at index: Int) -> TemplateValue { elements[index] }
}

extension TemplateValue {
    public static func views<V: TemplateView>(_ elements: [V]) -> TemplateValue { .list(ViewList(elements)) }
    public static func texts(_ elements: [String]) -> TemplateValue { .list(TextList(elements)) }
    /// An optional text: `nil` is `.null`.
    public static func text(_ value: String?) -> TemplateValue { value.map(TemplateValue.text) ?? .null }
    public static func view(_ value: (any TemplateView)?) -> TemplateValue { value.map(TemplateValue.view) ?? .null }

    /// Whether a section over the value renders (and an inverted one does not).
    var isTruthy: Bool {
        switch self {
        case .null: false
        case .flag(let flag): flag
        case .list(let list): list.count > 0
        default: true
        }
    }
}
