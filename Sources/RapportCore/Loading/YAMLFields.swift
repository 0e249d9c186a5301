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
    /// The most nodes this file may hold (`nodeLimit` unless the file is a long list by nature, as the glossary).
    let maximumNodes: Int

    init(path: String, lineOffset: Int, stage: Diagnostic.Stage, maximumNodes: Int = YAMLFields.nodeLimit) {
        self.path = path
        self.lineOffset = lineOffset
        self.log = DiagnosticLog(stage: stage)
        self.maximumNodes = maximumNodes
    }

    /// The most nodes a file may hold: bounds the work on alias "bombs" (an alias is a copy of its anchor).
    static let nodeLimit = 20_000

    /// Composes `yaml` to a node tree; on a syntax error, logs it at its place and gives `nil`.
    func compose(_ yaml: String) -> YAMLNode? {
        // The plain reader bounds its own depth (indentation up to `nestingLimit * 4`, no nested flow lists).
        if let node = PlainYAML.read(yaml, nodeLimit: maximumNodes) { return node }
        if let line = Self.lineNestingTooDeep(yaml) {
            log.error(.yamlTooLarge, at: SourceLocation(path: path, line: line + lineOffset))
            return nil
        }
        do {
            guard let node = try Self.composedByYams(yaml) else { return nil }
            var budget = maximumNodes
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
