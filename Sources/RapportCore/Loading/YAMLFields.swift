import RapportTemplates
import Yams

/// Reads YAML (front matter or a site file) into typed values, keeping every node's place in the file.
///
/// Yams' `Decodable` path stops at the first problem and its errors carry no position. Reading the
/// composed node tree field by field reports every problem of a file at once, each at its line.
final class YAMLFields {
    let path: String
    /// What to add to a YAML line to get the file's line (1 for front matter after its `---`).
    let lineOffset: Int
    private(set) var log: DiagnosticLog

    init(path: String, lineOffset: Int, stage: Diagnostic.Stage) {
        self.path = path
        self.lineOffset = lineOffset
        self.log = DiagnosticLog(stage: stage)
    }

    /// The most nodes a file may hold: bounds the work on alias "bombs" (an alias is a copy of its anchor).
    static let nodeLimit = 20_000

    /// Composes `yaml` to a node tree; on a syntax error, logs it at its place and gives `nil`.
    func compose(_ yaml: String) -> YAMLNode? {
        // The plain reader bounds its own depth (indentation up to `nestingLimit * 4`, no nested flow lists).
        if let node = PlainYAML.read(yaml) { return node }
        if let line = Self.lineNestingTooDeep(yaml) {
            log.error(.yamlTooLarge, at: SourceLocation(path: path, line: line + lineOffset))
            return nil
        }
        do {
            guard let node = try Self.composedByYams(yaml) else { return nil }
            var budget = Self.nodeLimit
            guard Self.fits(node, budget: &budget) else {
                log.error(.yamlTooLarge, at: SourceLocation(path: path, line: 1 + lineOffset))
                return nil
            }
            return YAMLNode(node)
        } catch let error as YamlError {
            switch error {
            case .scanner(let context, let problem, let mark, _),
                 .parser(let context, let problem, let mark, _),
                 .composer(let context, let problem, let mark, _):
                let text = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
                log.error(.yamlSyntax(text), at: location(of: YAMLMark(mark)))
            case .duplicatedKeysInMapping(let duplicates, let context):
                let lines = Self.linesOfSecondOccurrence(of: duplicates, in: yaml, mapping: context.mark)
                for key in duplicates {
                    let line = lines[key] ?? context.mark.line
                    log.error(.duplicateKey(key), at: SourceLocation(path: path, line: line + lineOffset, column: context.mark.column))
                }
            case .reader(let problem, _, _, _):
                log.error(.yamlSyntax(problem), at: SourceLocation(path: path, line: 1 + lineOffset))
            default:
                log.error(.yamlSyntax("\(error)"), at: SourceLocation(path: path, line: 1 + lineOffset))
            }
            return nil
        } catch {
            log.error(.yamlSyntax("\(error)"), at: SourceLocation(path: path, line: 1 + lineOffset))
            return nil
        }
    }

    /// Yams' tree of `yaml`: the reader of everything outside `PlainYAML`'s subset, and its judge in the tests.
    static func composedByYams(_ yaml: String) throws -> Node? {
        // No implicit tag rules: every reader below interprets plain scalars itself (numbers, null, booleans),
        // and Yams' rules are regular expressions run on every scalar, keys included (a few percent of a build).
        // The encoding is named: Yams' default reads the process environment on every call.
        try Yams.compose(yaml: yaml, .basic, .default, .utf8)
    }

    /// The deepest nesting a file may use; Yams builds its nodes recursively, so a deeper file could
    /// overflow the stack. Front matter needs three levels.
    static let nestingLimit = 64

    /// The first line where flow brackets (`[`, `{`) or block indentation nest deeper than `nestingLimit`.
    static func lineNestingTooDeep(_ yaml: String) -> Int? {
        // On UTF-8 bytes: every character that matters is ASCII, and no byte of a multi-byte character is.
        var depth = 0, line = 1, atLineStart = true, indentation = 0
        var quote: UInt8?
        for byte in yaml.utf8 {
            if byte == UInt8(ascii: "\n") { line += 1; atLineStart = true; indentation = 0; quote = nil; continue }
            if atLineStart {
                if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                    indentation += 1
                    if indentation > nestingLimit * 4 { return line }
                    continue
                }
                atLineStart = false
            }
            if let open = quote { if byte == open { quote = nil }; continue }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"): quote = byte
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1; if depth > nestingLimit { return line }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        return nil
    }

    /// The line of the second occurrence of each of `keys`, in one pass over the text: a key at a time, 50,000
    /// duplicate keys would read the text 50,000 times. A key holding a colon is looked for alone.
    static func linesOfSecondOccurrence(of keys: [String], in yaml: String, mapping: Mark) -> [String: Int] {
        var found: [String: Int] = [:]
        for key in keys where key.contains(":") { found[key] = lineOfSecondOccurrence(of: key, in: yaml, mapping: mapping) }
        let wanted = Set(keys.filter { !$0.contains(":") })
        guard !wanted.isEmpty else { return found }
        let indentation = String(repeating: " ", count: max(mapping.column - 1, 0))
        var seen: [String: Int] = [:]
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= mapping.line {
            guard line.hasPrefix(indentation) else { continue }
            let rest = line.dropFirst(indentation.count)
            let unquoted = rest.hasPrefix("\"") || rest.hasPrefix("'") ? rest.dropFirst() : rest
            guard let colon = unquoted.firstIndex(of: ":") else { continue }
            var end = colon
            while end > unquoted.startIndex, [" ", "\"", "'"].contains(unquoted[unquoted.index(before: end)]) { end = unquoted.index(before: end) }
            let key = String(unquoted[..<end])
            guard wanted.contains(key) else { continue }
            seen[key, default: 0] += 1
            if seen[key] == 2 { found[key] = index + 1 }
        }
        return found
    }

    /// Yams names the mapping that holds a duplicate key; the second `key:` at that mapping's indentation
    /// is where the author looks.
    static func lineOfSecondOccurrence(of key: String, in yaml: String, mapping: Mark) -> Int? {
        let indentation = String(repeating: " ", count: max(mapping.column - 1, 0))
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where index + 1 >= mapping.line {
            guard line.hasPrefix(indentation) else { continue }
            let rest = line.dropFirst(indentation.count)
            let unquoted = rest.hasPrefix("\"") || rest.hasPrefix("'") ? rest.dropFirst() : rest
            guard unquoted.hasPrefix(key), let after = unquoted.dropFirst(key.count).drop(while: { $0 == "\"" || $0 == "'" || $0 == " " }).first,
                  after == ":" else { continue }
            seen += 1
            if seen == 2 { return index + 1 }
        }
        return nil
    }

    private static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let sequence): return sequence.allSatisfy { fits($0, budget: &budget) }
        case .mapping(let mapping):
            return mapping.allSatisfy { fits($0.key, budget: &budget) && fits($0.value, budget: &budget) }
        }
    }

    func location(of mark: YAMLMark?) -> SourceLocation {
        guard let mark else { return SourceLocation(path: path, line: 1 + lineOffset) }
        return SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
    }

    func location(of node: YAMLNode) -> SourceLocation { location(of: node.mark) }

    func error(_ reason: Reason, at node: YAMLNode) { log.error(reason, at: location(of: node)) }
    func error(_ reason: Reason, at location: SourceLocation) { log.error(reason, at: location) }
    func warning(_ reason: Reason, at location: SourceLocation) { log.warning(reason, at: location) }

    /// A mapping's fields, or `nil` (logged) when the node is not a mapping.
    func mapping(_ node: YAMLNode?, named what: String, allowedKeys: [String], context: String) -> Fields? {
        guard let node else { return Fields(reader: self, entries: [], allowedKeys: allowedKeys, context: context, origin: nil) }
        guard case .mapping(let mapping, _) = node else {
            error(.notAMapping(what), at: node)
            return nil
        }
        var entries: [(key: String, keyNode: YAMLNode, value: YAMLNode)] = []
        for pair in mapping {
            guard let name = pair.key.scalarText else {
                error(.wrongType(key: "key", expected: "text", found: Self.describe(pair.key)), at: pair.key)
                continue
            }
            entries.append((name, pair.key, pair.value))
        }
        return Fields(reader: self, entries: entries, allowedKeys: allowedKeys, context: context, origin: node)
    }

    /// How a node reads in a message: "a list", "the number 12", "text 'abc'".
    static func describe(_ node: YAMLNode) -> String {
        switch node {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        case .scalar(let scalar):
            if node.isNull { return "null" }
            if scalar.style == .plain {
                if integer(scalar) != nil || decimal(scalar) != nil { return "the number \(scalar.string)" }
                if YAMLFields.boolean(scalar) != nil { return "the boolean \(scalar.string)" }
            }
            return "the text '\(scalar.string.prefix(40))'"
        }
    }
}

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

extension YAMLFields {
    /// A plain scalar as Yams reads an integer (`Int.construct`). Plain decimal numbers, the common case, are read
    /// here directly: Yams' reader first copies the text to drop `_` separators, on every number of every page.
    static func integer(_ scalar: YAMLNode.Scalar) -> Int? {
        switch plainDecimal(scalar.string) {
        case .whole: Int(scalar.string)
        case .fraction: nil
        // Yams reads YAML 1.1's base-60 numbers (`1:30` is 90) with arithmetic that traps on overflow
        // (`1:2:3:4:5:6:7:8:9:10:11`): those are read here, checked.
        case nil where scalar.string.contains(":"): sexagesimal(scalar.string)
        case nil: Int.construct(from: Node.Scalar(scalar.string, .implicit, scalar.style.yams))
        }
    }

    /// A YAML 1.1 base-60 whole number as Yams computes it (`-1:30` is -90, `1:-2` is 58, `_` ignored), or `nil` when it
    /// is not one or exceeds `Int`.
    static func sexagesimal(_ text: String) -> Int? {
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        // Yams reads a leading 0 as octal, where a colon is no digit: not a number.
        if digits.first == "0" { return nil }
        var value = 0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
            guard let place = Int(part, radix: 10) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
            let (sum, carry) = shifted.addingReportingOverflow(place)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        guard negative else { return value }
        let (negated, overflow) = 0.subtractingReportingOverflow(value)
        return overflow ? nil : negated
    }

    /// A plain scalar as Yams reads a floating-point number (`Double.construct`), with the same direct path.
    static func decimal(_ scalar: YAMLNode.Scalar) -> Double? {
        plainDecimal(scalar.string) != nil ? Double(scalar.string) : Double.construct(from: Node.Scalar(scalar.string, .implicit, scalar.style.yams))
    }

    enum PlainDecimal { case whole, fraction }

    /// Whether `text` is a plain whole number (`-?[1-9][0-9]*`), or a base-60 one (`1:2:…:12`), that `Int` cannot hold.
    static func isWholeNumberTooLarge(_ text: String) -> Bool {
        if plainDecimal(text) == .whole { return Int(text) == nil }
        return text.contains(":") && !text.contains(".") && sexagesimal(text) == nil
            && Double.construct(from: Node.Scalar(text, .implicit, .plain)) != nil
    }

    /// Whether `text` is `-?[1-9][0-9]*(\.[0-9]+)?` or `0(\.[0-9]+)?` (no octal-looking zero, no negative zero, no
    /// separators, no exponent): numbers that every YAML reader reads the same way.
    private static func plainDecimal(_ text: String) -> PlainDecimal? {
        var bytes = text.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integerPart = bytes.prefix(while: isDigit)
        guard let first = integerPart.first, first != UInt8(ascii: "0") || (integerPart.count == 1 && !negative) else { return nil }
        let rest = bytes.dropFirst(integerPart.count)
        if rest.isEmpty { return .whole }
        guard rest.first == UInt8(ascii: "."), rest.count > 1, rest.dropFirst().allSatisfy(isDigit) else { return nil }
        return .fraction
    }

    /// A YAML 1.1 boolean as Yams' default rules read one (`true`, `yes`, `on`, `false`, `no`, `off`, any case),
    /// for a plain scalar.
    static func boolean(_ scalar: YAMLNode.Scalar) -> Bool? {
        guard scalar.style == .plain || scalar.style == .any else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
