/// Stage "parse" of the template engine: tokens → standalone lines removed → a `Syntax` tree, with the
/// indentation rules of partials, parents and blocks (Mustache spec v1.4.2, `~inheritance` included).
enum Parser {
    static func parse(_ source: [UInt8]) throws(SyntaxProblem) -> [Syntax] {
        var tokenizer = Tokenizer(source)
        let tokens = markStandaloneLines(try tokenizer.tokens())
        var builder = TreeBuilder()
        return try builder.build(tokens)
    }

    // MARK: - Standalone lines

    /// Removes the whitespace and line end of every standalone line and records the indentation of its tags.
    /// A line is standalone when, besides whitespace, it holds one tag that renders nothing in place (a section
    /// tag, a partial, a comment…), or only tags that call or close a parent and the blocks passed to it.
    static func markStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        result.reserveCapacity(tokens.count)
        var open: [Token.Kind] = []   // enclosing sections, parents and blocks, to tell arguments from places
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                let token = tokens[lineEnd]
                lineEnd += 1
                if token.kind == .text, token.bytes.last == 0x0A { break }
            }
            let line = tokens[lineStart..<lineEnd]
            let tags = line.filter { $0.kind != .text }
            // `open` is changed in place (a copy per line would make a file of many nested lines quadratic).
            var silent = true
            for tag in tags {
                switch tag.kind {
                case .parent: open.append(.parent)
                case .block:
                    if open.last != .parent { silent = false }
                    open.append(.block)
                case .close:
                    let closed = open.popLast()
                    if closed == .block { if open.last != .parent { silent = false } }
                    else if closed != .parent { silent = false }
                case .section, .inverted: open.append(tag.kind); silent = false
                default: silent = false
                }
            }
            let blankText = line.allSatisfy { $0.kind != .text || isBlank($0.bytes) }
            let standalone = blankText && !tags.isEmpty && tags.allSatisfy(\.canStandAlone) && (tags.count == 1 || silent)
            if standalone {
                var indent: [UInt8] = []
                for token in line {
                    if token.kind == .text { if tags.first.map({ token.offset < $0.offset }) ?? false { indent += token.bytes } ; continue }
                    var tag = token
                    tag.standaloneIndent = indent
                    result.append(tag)
                }
            } else {
                var leading: [UInt8]? = []
                for token in line {
                    var token = token
                    if token.kind == .text {
                        if leading != nil, token.bytes.allSatisfy(Tokenizer.isSpace) { leading! += token.bytes } else { leading = nil }
                    } else if leading != nil {
                        token.leadingIndent = leading
                        leading = nil
                    }
                    result.append(token)
                }
            }
            lineStart = lineEnd
        }
        return result
    }

    /// Spaces and tabs, then optionally a line end (`\n` or `\r\n`).
    static func isBlank(_ bytes: [UInt8]) -> Bool {
        var end = bytes.count
        if end > 0, bytes[end - 1] == 0x0A {
            end -= 1
            if end > 0, bytes[end - 1] == 0x0D { end -= 1 }
        }
        return bytes[..<end].allSatisfy(Tokenizer.isSpace)
    }
}

/// Builds the tree from tokens whose standalone lines are already removed.
private struct TreeBuilder {
    private struct Open {
        var token: Token
        var children: [Syntax] = []
        var arguments: [String: [Syntax]] = [:]
    }

    private var stack: [Open] = []

    mutating func build(_ tokens: [Token]) throws(SyntaxProblem) -> [Syntax] {
        var top: [Syntax] = []
        func append(_ node: Syntax) {
            if stack.isEmpty { top.append(node) } else { stack[stack.count - 1].children.append(node) }
        }
        for token in tokens {
            if let parent = stack.last, parent.token.kind == .parent {
                // Inside a parent only blocks count; text there is ignored (the spec), other tags are mistakes.
                switch token.kind {
                case .text, .comment, .delimiters, .block, .close: break
                default: throw SyntaxProblem(message: "only blocks ({{$name}}) may stand inside a parent ({{<\(TemplateLimits.shown(parent.token.name))}})", offset: token.offset)
                }
            }
            switch token.kind {
            case .text: append(.text(token.bytes))
            case .variable: append(.variable(token.name, escaped: true, at: token.offset))
            case .unescaped: append(.variable(token.name, escaped: false, at: token.offset))
            case .comment, .delimiters: continue
            case .partial: append(.partial(token.name, indent: token.standaloneIndent, at: token.offset))
            case .section, .inverted, .parent, .block:
                // The tree, and every pass over it, recurses once per level: a bound keeps the stack small.
                guard stack.count < TemplateLimits.nesting else {
                    throw SyntaxProblem(message: "'{{\(sigil(token.kind))\(TemplateLimits.shown(token.name))}}' opens a section \(stack.count + 1) deep; sections, parents and blocks nest at most \(TemplateLimits.nesting) deep", offset: token.offset)
                }
                stack.append(Open(token: token))
            case .close:
                guard let closed = stack.popLast() else {
                    throw SyntaxProblem(message: "'{{/\(TemplateLimits.shown(token.name))}}' closes no section", offset: token.offset)
                }
                guard closed.token.bytes == token.bytes else {
                    throw SyntaxProblem(message: "'{{/\(TemplateLimits.shown(token.name))}}' does not match '{{\(sigil(closed.token.kind))\(TemplateLimits.shown(closed.token.name))}}', the section it closes", offset: token.offset)
                }
                let name = closed.token.name
                switch closed.token.kind {
                case .section, .inverted:
                    append(.section(name, inverted: closed.token.kind == .inverted, closed.children, at: closed.token.offset))
                case .parent:
                    append(.parent(name, indent: closed.token.standaloneIndent, arguments: closed.arguments, at: closed.token.offset))
                case .block:
                    if let parent = stack.last, parent.token.kind == .parent {
                        // An argument: its own indentation is taken off; the place it fills adds that place's.
                        var content = closed.children
                        if closed.token.standaloneIndent != nil, let intrinsic = Indentation.firstLine(of: content) {
                            content = Indentation.remove(intrinsic, from: content)
                        }
                        if stack[stack.count - 1].arguments[name] == nil { stack[stack.count - 1].arguments[name] = content }
                    } else {
                        var content = closed.children
                        let placement: BlockPlacement
                        if let indent = closed.token.standaloneIndent {
                            let intrinsic = Indentation.firstLine(of: content)
                            if let intrinsic { content = Indentation.remove(intrinsic, from: content) }
                            placement = .lines(intrinsic ?? indent)
                        } else if let leading = closed.token.leadingIndent {
                            placement = .continuing(leading)
                        } else {
                            placement = .inline
                        }
                        append(.block(name, defaultContent: content, placement: placement, at: closed.token.offset))
                    }
                default: break
                }
            }
        }
        if let unclosed = stack.last {
            throw SyntaxProblem(message: "'{{\(sigil(unclosed.token.kind))\(TemplateLimits.shown(unclosed.token.name))}}' is never closed", offset: unclosed.token.offset)
        }
        return top
    }

    private func sigil(_ kind: Token.Kind) -> String {
        switch kind {
        case .section: "#"
        case .inverted: "^"
        case .parent: "<"
        case .block: "$"
        default: ""
        }
    }
}

/// The indentation of block content: found on its first line, taken off every line.
enum Indentation {
    /// The whitespace before the first line of `nodes` that shows anything; `nil` when no line does.
    static func firstLine(of nodes: [Syntax]) -> [UInt8]? {
        var lineStart = true, pending: [UInt8] = []
        func scan(_ nodes: [Syntax]) -> [UInt8]?? {
            for node in nodes {
                switch node {
                case .text(let bytes):
                    if lineStart {
                        let spaces = bytes.prefix(while: Tokenizer.isSpace)
                        if spaces.count == bytes.count { pending += spaces; lineStart = true; continue }
                        if Parser.isBlank(bytes) { pending = []; continue }
                        return .some(pending + spaces)
                    }
                    lineStart = bytes.last == 0x0A
                    if lineStart { pending = [] }
                case .variable, .block(_, _, .inline, _), .block(_, _, .continuing, _):
                    if lineStart { return .some(pending) }
                case .partial(_, let indent, _), .parent(_, let indent, _, _):
                    if lineStart { return .some(pending + (indent ?? [])) }
                case .block(_, _, .lines(let indent), _):
                    if lineStart { return .some(pending + indent) }
                case .section(_, _, let children, _):
                    if let found = scan(children) { return found }
                }
            }
            return nil
        }
        return scan(nodes) ?? nil
    }

    /// `nodes` with `prefix` taken off the start of each of their lines (as much of it as each line has).
    static func remove(_ prefix: [UInt8], from nodes: [Syntax]) -> [Syntax] {
        guard !prefix.isEmpty else { return nodes }
        var lineStart = true
        func strip(_ bytes: [UInt8]) -> [UInt8] {
            var count = 0
            while count < prefix.count, count < bytes.count, bytes[count] == prefix[count] { count += 1 }
            return Array(bytes[count...])
        }
        func walk(_ nodes: [Syntax]) -> [Syntax] {
            nodes.map { node in
                switch node {
                case .text(let bytes):
                    let result = lineStart ? strip(bytes) : bytes
                    lineStart = bytes.last == 0x0A
                    return .text(result)
                case .variable:
                    lineStart = false
                    return node
                case .section(let name, let inverted, let children, let at):
                    return .section(name, inverted: inverted, walk(children), at: at)
                case .partial(let name, let indent, let at):
                    return .partial(name, indent: indent.map(strip), at: at)
                case .parent(let name, let indent, let arguments, let at):
                    return .parent(name, indent: indent.map(strip), arguments: arguments, at: at)
                case .block(let name, let content, let placement, let at):
                    switch placement {
                    case .inline: lineStart = false; return node
                    case .continuing(let indent): lineStart = false; return .block(name, defaultContent: content, placement: .continuing(strip(indent)), at: at)
                    case .lines(let indent): return .block(name, defaultContent: content, placement: .lines(strip(indent)), at: at)
                    }
                }
            }
        }
        return walk(nodes)
    }
}
