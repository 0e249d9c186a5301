/// One piece of a template's text: a run of text (never past a newline) or a tag.
struct Token {
    enum Kind: Equatable {
        case text
        case variable, unescaped
        case section, inverted, close
        case partial, parent, block
        case comment, delimiters
    }

    var kind: Kind
    /// Text: the bytes. Tags: the name, trimmed.
    var bytes: [UInt8]
    /// Byte offset of the token in the template.
    var offset: Int
    /// Set for tags on a standalone line: the whitespace before them.
    var standaloneIndent: [UInt8]? = nil
    /// Set for a tag that starts its (not standalone) line after this whitespace.
    var leadingIndent: [UInt8]? = nil

    var name: String { String(decoding: bytes, as: UTF8.self) }

    /// Tags that may stand alone on a line (their line then renders nothing).
    var canStandAlone: Bool {
        switch kind {
        case .section, .inverted, .close, .partial, .parent, .block, .comment, .delimiters: true
        case .text, .variable, .unescaped: false
        }
    }
}

/// Splits a template into tokens, following `{{=<% %>=}}` delimiter changes.
struct Tokenizer {
    private let source: [UInt8]
    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)

    init(_ source: [UInt8]) { self.source = source }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    mutating func tokens() throws(SyntaxProblem) -> [Token] {
        var tokens: [Token] = []
        var position = 0, textStart = 0
        func flushText(to end: Int) {
            if end > textStart { tokens.append(Token(kind: .text, bytes: Array(source[textStart..<end]), offset: textStart)) }
        }
        while position < source.count {
            if source[position] == 0x0A {
                flushText(to: position + 1)
                position += 1
                textStart = position
                continue
            }
            guard matches(open, at: position) else { position += 1; continue }
            flushText(to: position)
            let tagStart = position
            var inner = position + open.count
            let token: Token
            if open == Array("{{".utf8), inner < source.count, source[inner] == UInt8(ascii: "{") {
                // `{{{name}}}`: the closing brace stands before the closing delimiter.
                inner += 1
                guard let end = find([UInt8(ascii: "}")] + close, from: inner) else {
                    throw SyntaxProblem(message: "a tag is not closed with '}}}'", offset: tagStart)
                }
                token = Token(kind: .unescaped, bytes: trimmed(inner, end), offset: tagStart)
                position = end + 1 + close.count
            } else {
                guard let end = find(close, from: inner) else {
                    throw SyntaxProblem(message: "a tag is not closed with '\(TemplateLimits.shown(String(decoding: close, as: UTF8.self)))'", offset: tagStart)
                }
                position = end + close.count
                let sigil = inner < end ? source[inner] : 0
                let kind: Token.Kind
                switch sigil {
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "<"): kind = .parent
                case UInt8(ascii: "$"): kind = .block
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: "="): kind = .delimiters
                default: kind = .variable
                }
                let nameStart = kind == .variable ? inner : inner + 1
                if kind == .delimiters {
                    try changeDelimiters(nameStart, end, at: tagStart)
                    token = Token(kind: .delimiters, bytes: [], offset: tagStart)
                } else {
                    token = Token(kind: kind, bytes: kind == .comment ? [] : trimmed(nameStart, end), offset: tagStart)
                    if kind != .comment, token.bytes.isEmpty {
                        throw SyntaxProblem(message: "a tag has no name", offset: tagStart)
                    }
                }
            }
            tokens.append(token)
            textStart = position
        }
        flushText(to: source.count)
        return tokens
    }

    /// `{{=<% %>=}}`: two delimiters, apart by whitespace, between `=` signs.
    private mutating func changeDelimiters(_ start: Int, _ end: Int, at offset: Int) throws(SyntaxProblem) {
        guard end > start, source[end - 1] == UInt8(ascii: "=") else {
            throw SyntaxProblem(message: "the set-delimiter tag is malformed (it must end with '=')", offset: offset)
        }
        let parts = source[start..<(end - 1)].split(whereSeparator: Self.isSpace)
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw SyntaxProblem(message: "the set-delimiter tag is malformed (it takes two delimiters apart by a space)", offset: offset)
        }
        guard parts.allSatisfy({ $0.count <= TemplateLimits.delimiterLength }) else {
            throw SyntaxProblem(message: "the set-delimiter tag sets a delimiter longer than \(TemplateLimits.delimiterLength) bytes", offset: offset)
        }
        open = Array(parts[0])
        close = Array(parts[1])
    }

    private func matches(_ pattern: [UInt8], at position: Int) -> Bool {
        guard position + pattern.count <= source.count else { return false }
        for index in pattern.indices where source[position + index] != pattern[index] { return false }
        return true
    }

    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + pattern.count <= source.count {
            if matches(pattern, at: position) { return position }
            position += 1
        }
        return nil
    }

    private func trimmed(_ start: Int, _ end: Int) -> [UInt8] {
        var start = start, end = end
        while start < end, Self.isSpace(source[start]) || source[start] == 0x0A || source[start] == 0x0D { start += 1 }
        while end > start, Self.isSpace(source[end - 1]) || source[end - 1] == 0x0A || source[end - 1] == 0x0D { end -= 1 }
        return Array(source[start..<end])
    }
}
