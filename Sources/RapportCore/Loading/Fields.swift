import RapportTemplates
import Yams

/// The fields of one YAML mapping, read by key; what is never read is reported as unknown.
struct Fields {
    let reader: YAMLFields
    let entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)]
    let allowedKeys: [String]
    let context: String
    let origin: YAMLNode?

    var location: SourceLocation { origin.map(reader.location(of:)) ?? reader.location(of: nil as YAMLMark?) }

    func node(_ key: String) -> YAMLNode? { entries.first { $0.key == key }?.value }

    /// Logs every key that is not allowed here, with the closest allowed key as a suggestion.
    func reportUnknownKeys() {
        for entry in entries where !allowedKeys.contains(entry.key) {
            let suggestion = Suggestions.closest(to: entry.key, among: allowedKeys)
            reader.error(.unknownKey(entry.key, suggestion: suggestion, allowedHere: context), at: entry.keyNode)
        }
    }

    // MARK: - Typed values

    func string(_ key: String, required: Bool = false, allowEmpty: Bool = false) -> Located<String>? {
        guard let value = present(key, required: required) else { return nil }
        guard let text = Self.text(value) else {
            reader.error(.wrongType(key: key, expected: "text", found: YAMLFields.describe(value)), at: value)
            return nil
        }
        if !allowEmpty, text.allSatisfy(\.isWhitespace) {
            reader.error(.emptyValue(key), at: value)
            return nil
        }
        return Located(value: text, location: reader.location(of: value))
    }

    /// Text, or an explicit null (`.some(nil)`); `nil` when absent or wrong.
    func nullableString(_ key: String) -> Located<String?>? {
        guard let value = node(key) else { return nil }
        if value.isNull { return Located(value: nil, location: reader.location(of: value)) }
        return string(key).map { Located(value: $0.value, location: $0.location) }
    }

    func integer(_ key: String, required: Bool = false, minimum: Int? = nil) -> Located<Int>? {
        guard let value = present(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain, let number = YAMLFields.integer(scalar) else {
            if case .scalar(let scalar) = value, scalar.style == .plain, YAMLFields.isWholeNumberTooLarge(scalar.string) {
                reader.error(.numberTooLarge(key: key, text: scalar.string), at: value)
            } else if let written = Self.writtenNumber(value, wholeNumber: true) {
                reader.error(.numberWritten(key: key, text: written.text, write: written.plain), at: value)
            } else {
                reader.error(.wrongType(key: key, expected: "a whole number", found: YAMLFields.describe(value)), at: value)
            }
            return nil
        }
        if let minimum, number < minimum {
            // "must not be negative" would be false for `hdi_rank: 0`.
            reader.error(minimum == 0 ? .negativeNumber(key: key) : .numberBelowMinimum(key: key, minimum: minimum), at: value)
            return nil
        }
        return Located(value: number, location: reader.location(of: value))
    }

    func number(_ key: String, required: Bool = false) -> Located<Double>? {
        guard let value = present(key, required: required) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain,
              let number = YAMLFields.integer(scalar).map(Double.init) ?? YAMLFields.decimal(scalar), number.isFinite else {
            // `.inf`, `.nan` and a number beyond a Double's range read as numbers that are no figure.
            if case .scalar(let scalar) = value, scalar.style == .plain, YAMLFields.decimal(scalar)?.isFinite == false {
                reader.error(.numberNotFinite(key: key, text: scalar.string), at: value)
            } else if let written = Self.writtenNumber(value, wholeNumber: false) {
                reader.error(.numberWritten(key: key, text: written.text, write: written.plain), at: value)
            } else {
                reader.error(.wrongType(key: key, expected: "a number", found: YAMLFields.describe(value)), at: value)
            }
            return nil
        }
        if number < 0 {
            reader.error(.negativeNumber(key: key), at: value)
            return nil
        }
        return Located(value: number, location: reader.location(of: value))
    }

    func bool(_ key: String) -> Located<Bool>? {
        guard let value = present(key, required: false) else { return nil }
        guard case .scalar(let scalar) = value, scalar.style == .plain,
              ["true", "false"].contains(scalar.string), let flag = YAMLFields.boolean(scalar) else {
            reader.error(.wrongType(key: key, expected: "true or false", found: YAMLFields.describe(value)), at: value)
            return nil
        }
        return Located(value: flag, location: reader.location(of: value))
    }

    /// The items of a list; logs and gives `nil` when the value is not a list.
    func list(_ key: String, required: Bool = false) -> [YAMLNode]? {
        guard let value = present(key, required: required) else { return nil }
        guard case .sequence(let sequence, _) = value else {
            // `4, 6, 8`: the list of numbers a writer meant, in the brackets YAML needs. (A text's commas are its own.)
            if case .scalar(let scalar) = value, scalar.style == .plain, !value.isNull {
                let items = scalar.string.split(separator: ",", omittingEmptySubsequences: false)
                    .map { String($0.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()) }
                if items.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && ($0.isNumber || $0 == ".") } }) {
                    reader.error(.listWithoutBrackets(key: key, write: "[" + items.joined(separator: ", ") + "]"), at: value)
                    return nil
                }
            }
            reader.error(.wrongType(key: key, expected: "a list", found: YAMLFields.describe(value)), at: value)
            return nil
        }
        return Array(sequence)
    }

    func nested(_ key: String, allowedKeys: [String], context: String) -> Fields? {
        guard let value = node(key) else { return nil }
        return reader.mapping(value, named: "'\(key)'", allowedKeys: allowedKeys, context: context)
    }

    private func present(_ key: String, required: Bool) -> YAMLNode? {
        guard let value = node(key) else {
            if required { reader.error(.missingKey(key), at: location) }
            return nil
        }
        return value
    }

    /// A text the writer meant as a number (`61,6`, `21 500 000 €`) and the number to write instead.
    static func writtenNumber(_ node: YAMLNode, wholeNumber: Bool) -> (text: String, plain: String)? {
        guard case .scalar(let scalar) = node, !node.isNull,
              let plain = WrittenNumber.plain(scalar.string, wholeNumber: wholeNumber) else { return nil }
        return (scalar.string, plain)
    }

    static func text(_ node: YAMLNode) -> String? {
        guard case .scalar(let scalar) = node else { return nil }
        if node.isNull { return nil }
        return scalar.string
    }
}

/// A value with the place in the source it was read from.
public struct Located<Value> {
    public var value: Value
    public var location: SourceLocation
}

extension Located: Sendable where Value: Sendable {}
extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
