/// Stage "compile" of the template engine: a parsed template and the schema of the view it is rendered with →
/// a `Program`. Partials and parents are resolved here, blocks filled, and every name either resolved to a frame
/// and field indices or reported (`'page.titel' is not a name of the country view; did you mean 'page.title'?`).
/// Without a schema (data known only when rendering), names are looked up when rendering, as the spec says.
struct Compiler {
    private let library: TemplateLibrary
    private let viewName: String
    var bodies: [[Node]] = []
    private(set) var problems: [TemplateProblem] = []
    /// The names of the templates compiled in: the entry, and every partial and parent found.
    private(set) var included: Set<String> = []
    private var reported: Set<TemplateProblem> = []
    private var memo: [String: Int] = [:]
    private var frames: [TemplateKind]
    private var loops = 0
    private var overrides: [(id: Int, file: TemplateLibrary.Parsed, arguments: [String: [Syntax]])] = []
    private var nextOverride = 0
    /// What keeps compiling and rendering bounded (`TemplateLimits`): see `Compiler+Limits.swift`.
    var bounds = Bounds()

    init(library: TemplateLibrary, root: TemplateKind, viewName: String) {
        self.library = library
        self.frames = [root]
        self.viewName = viewName
    }

    var typed: Bool { if case .dynamic = frames[0] { false } else { true } }

    /// Compiles template `file` as the entry of a program.
    mutating func compileEntry(_ file: TemplateLibrary.Parsed) -> Int {
        bounds.including = [(file.name, 0)]
        included.insert(file.name)
        return body(file.syntax, in: file, place: Place(offset: 0, file: file))
    }

    /// A new body compiled from `syntax`; `place` is the tag that opens it, where a limit it crosses is reported.
    private mutating func body(_ syntax: [Syntax], in file: TemplateLibrary.Parsed, place: Place) -> Int {
        let index = newBody()
        fill(index, with: syntax, in: file, place: place)
        return index
    }

    /// The nodes of `syntax`. The compiler recurses here once per level of nesting: what each kind of tag needs is
    /// in its own function (never inlined), so that this frame stays small on a 512 KiB stack, unoptimised too.
    mutating func compile(_ syntax: [Syntax], in file: TemplateLibrary.Parsed) -> [Node] {
        var nodes: [Node] = []
        for item in syntax {
            guard !bounds.stopped else { break }
            let node: Node?
            switch item {
            case .text(let bytes):
                node = bytes.isEmpty ? nil : .text(bytes)
            case .variable(let name, let escaped, let at):
                node = variable(name, escaped: escaped, at: at, in: file)
            case .section(let name, let inverted, let children, let at):
                node = section(name, inverted: inverted, children, at: at, in: file)
            case .partial(let name, let indent, let at):
                node = partial(name, indent: indent, at: at, in: file)
            case .parent(let name, let indent, let arguments, let at):
                node = parent(name, indent: indent, arguments: arguments, at: at, in: file)
            case .block(let name, let defaultContent, let placement, let at):
                node = block(name, defaultContent: defaultContent, placement: placement, at: at, in: file)
            }
            guard let node else { continue }
            if case .text(let more) = node, case .text(let previous)? = nodes.last {
                nodes[nodes.count - 1] = .text(previous + more)
            } else {
                nodes.append(node)
            }
        }
        return nodes
    }

    // MARK: - Tags

    @inline(never)
    private mutating func variable(_ name: String, escaped: Bool, at: Int, in file: TemplateLibrary.Parsed) -> Node {
        let (lookup, kind) = resolve(name, at: at, in: file)
        if typed { checkPrintable(name, kind, at: at, in: file) }
        return .value(lookup, escaped: escaped)
    }

    @inline(never)
    private mutating func section(_ name: String, inverted: Bool, _ children: [Syntax], at: Int, in file: TemplateLibrary.Parsed) -> Node {
        let (lookup, kind) = resolve(name, at: at, in: file)
        let place = Place(offset: at, file: file)
        bounds.sections += 1
        defer { bounds.sections -= 1 }
        if inverted {
            return .section(lookup, inverted: true, pushes: false, body: body(children, in: file, place: place))
        }
        var pushed = kind, isList = false
        if case .list(let element) = kind { pushed = element; isList = true }
        if case .dynamic = kind { isList = true }
        let pushes: Bool
        if case .flag = kind { pushes = false } else { pushes = true }
        if pushes { frames.append(pushed) }
        if isList { loops += 1 }
        let inner = body(children, in: file, place: place)
        if isList { loops -= 1 }
        if pushes { frames.removeLast() }
        return .section(lookup, inverted: false, pushes: pushes, body: inner)
    }

    @inline(never)
    private mutating func partial(_ name: String, indent: [UInt8]?, at: Int, in file: TemplateLibrary.Parsed) -> Node? {
        guard let partial = find(name, at: at, in: file, role: "partial"),
              mayInclude(name, role: "partial", at: at, in: file) else { return nil }
        let place = Place(offset: at, file: file)
        let key = memoKey(name, indent)
        let inner: Int
        if let known = memo[key] {
            guard fits(known, at: place) else { return nil }
            inner = known
        } else {
            inner = newBody()
            memo[key] = inner
            bounds.including.append((name, bounds.sections))
            fill(inner, with: partial.syntax, in: partial, place: place)
            bounds.including.removeLast()
        }
        return indent.map { $0.isEmpty ? .call(inner) : .indented($0, firstLine: true, body: inner) } ?? .call(inner)
    }

    @inline(never)
    private mutating func parent(_ name: String, indent: [UInt8]?, arguments: [String: [Syntax]], at: Int,
                                 in file: TemplateLibrary.Parsed) -> Node? {
        guard let parent = find(name, at: at, in: file, role: "parent"),
              mayInclude(name, role: "parent", at: at, in: file) else { return nil }
        overrides.append((nextOverride, file, arguments))
        nextOverride += 1
        bounds.including.append((name, bounds.sections))
        let inner = body(parent.syntax, in: parent, place: Place(offset: at, file: file))
        bounds.including.removeLast()
        overrides.removeLast()
        return indent.map { $0.isEmpty ? .call(inner) : .indented($0, firstLine: true, body: inner) } ?? .call(inner)
    }

    @inline(never)
    private mutating func block(_ name: String, defaultContent: [Syntax], placement: BlockPlacement, at: Int,
                                in file: TemplateLibrary.Parsed) -> Node {
        let argument = overrides.lazy.compactMap { entry in entry.arguments[name].map { (entry.file, $0) } }.first
        let place = Place(offset: at, file: file)
        let inner = argument.map { body($0.1, in: $0.0, place: place) } ?? body(defaultContent, in: file, place: place)
        switch placement {
        case .inline: return .call(inner)
        case .continuing(let indent): return indent.isEmpty ? .call(inner) : .indented(indent, firstLine: false, body: inner)
        case .lines(let indent): return indent.isEmpty ? .call(inner) : .indented(indent, firstLine: true, body: inner)
        }
    }

    // MARK: - Partials and parents

    private mutating func find(_ name: String, at: Int, in file: TemplateLibrary.Parsed, role: String) -> TemplateLibrary.Parsed? {
        if let found = library.parsed[name] {
            included.insert(name)
            return found
        }
        if typed {
            var message = "there is no template '\(TemplateLimits.shown(name))' for this \(role)"
            if let suggestion = Suggestions.closest(to: name, among: Array(library.parsed.keys)) { message += "; did you mean '\(suggestion)'?" }
            report(message, at: at, in: file)
        }
        return nil
    }

    /// A partial compiled once per indentation, context and set of blocks in force; a partial that includes
    /// itself under the same ones becomes a call to its own body.
    private func memoKey(_ name: String, _ indent: [UInt8]?) -> String {
        var key = name + "|" + String(decoding: indent ?? [], as: UTF8.self) + "|" + overrides.map { String($0.id) }.joined(separator: ",")
        // Without a schema every name is looked up when rendering: the context does not change the compiled body.
        guard typed else { return key }
        key += "|\(loops > 0)"
        for frame in frames { key += "|" + Self.signature(frame) }
        return key
    }

    private static func signature(_ kind: TemplateKind) -> String {
        switch kind {
        case .text: "t"
        case .html: "h"
        case .flag: "f"
        case .number: "n"
        case .strings: "s"
        case .dynamic: "d"
        case .view(let schema): "v\(ObjectIdentifier(schema).hashValue)"
        case .list(let element): "l" + signature(element)
        }
    }

    // MARK: - Names

    private mutating func resolve(_ name: String, at: Int, in file: TemplateLibrary.Parsed) -> (Lookup, TemplateKind) {
        if name == "." { return (.top, frames[frames.count - 1]) }
        if let open = name.firstIndex(of: "("), name.hasSuffix(")") {
            // Each transform is a level of recursion here and when rendering.
            guard name.utf8.count(where: { $0 == UInt8(ascii: "(") }) <= TemplateLimits.transforms else {
                report("'\(TemplateLimits.shown(name))' applies more than \(TemplateLimits.transforms) transforms", at: at, in: file)
                return (.search([name]), .dynamic)
            }
            let function = String(name[..<open])
            let argument = String(name[name.index(after: open)..<name.index(before: name.endIndex)]).trimmingSpaces
            if argument.isEmpty, let property = LoopProperty(rawValue: function) {
                if typed, loops == 0 { report("'\(TemplateLimits.shown(name))' is used outside a list section", at: at, in: file) }
                return (.loop(property), property == .index ? .number : .flag)
            }
            guard let transform = Transform(rawValue: function), !argument.isEmpty else {
                let known = LoopProperty.allCases.map { $0.rawValue + "()" } + Transform.allCases.map { $0.rawValue + "(…)" }
                report("'\(TemplateLimits.shown(name))' is not a transform the templates know (\(known.joined(separator: ", ")))", at: at, in: file)
                return (.search([name]), .dynamic)
            }
            let (inner, kind) = resolve(argument, at: at, in: file)
            let result: TemplateKind
            switch transform {
            case .empty: result = .flag
            case .count: result = .number
            default: result = kind
            }
            return (.transform(transform, inner), result)
        }
        let components = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !components.contains(where: \.isEmpty) else {
            report("'\(TemplateLimits.shown(name))' is not a name (a dot stands at its start, its end or beside another)", at: at, in: file)
            return (.search(components), .dynamic)
        }
        var found: (depth: Int, steps: [Step], kind: TemplateKind)?
        search: for depth in frames.indices.reversed() {
            switch frames[depth] {
            case .view(let schema):
                if let index = schema.index(of: components[0]) { found = (depth, [.field(index)], schema.fields[index].kind); break search }
            case .dynamic:
                return (.search(components), .dynamic)
            case .strings:
                found = (depth, [.name(components[0])], .text)
                break search
            default:
                continue
            }
        }
        guard var (depth, steps, kind) = found else {
            let candidates = frames.reversed().flatMap { frame -> [String] in
                if case .view(let schema) = frame { return schema.fields.map(\.name) } else { return [] }
            }
            unknown(name, component: 0, components, candidates: candidates, at: at, in: file)
            return (.search(components), .dynamic)
        }
        for (offset, component) in components.enumerated().dropFirst() {
            switch kind {
            case .view(let schema):
                guard let index = schema.index(of: component) else {
                    unknown(name, component: offset, components, candidates: schema.fields.map(\.name), at: at, in: file)
                    return (.search(components), .dynamic)
                }
                steps.append(.field(index))
                kind = schema.fields[index].kind
            case .strings:
                steps.append(.name(component))
                kind = .text
            case .dynamic:
                steps.append(.name(component))
            default:
                let head = components[..<offset].joined(separator: ".")
                report("'\(TemplateLimits.shown(name))' names a field of '\(TemplateLimits.shown(head))', which is \(Self.describe(kind)) and has no fields", at: at, in: file)
                return (.search(components), .dynamic)
            }
        }
        return (.frame(depth, steps), kind)
    }

    private mutating func unknown(_ name: String, component: Int, _ components: [String], candidates: [String],
                                  at: Int, in file: TemplateLibrary.Parsed) {
        var message = "'\(TemplateLimits.shown(name))' is not a name of the \(viewName) view"
        if let suggestion = Suggestions.closest(to: components[component], among: candidates) {
            var fixed = components
            fixed[component] = suggestion
            message += "; did you mean '\(fixed.joined(separator: "."))'?"
        } else if component == 0, let owner = fieldOwning(components[0]) {
            // `{{title}}` where `page.title` is meant.
            message += "; did you mean '\(([owner] + components).joined(separator: "."))'?"
        }
        report(message, at: at, in: file)
    }

    /// A view field of a frame in context that has a field `name` (`page` for `title`), the innermost first.
    private func fieldOwning(_ name: String) -> String? {
        for frame in frames.reversed() {
            guard case .view(let schema) = frame else { continue }
            for field in schema.fields {
                if case .view(let inner) = field.kind, inner.index(of: name) != nil { return field.name }
            }
        }
        return nil
    }

    /// `{{page.body}}` renders nothing: a view or a list is not a text.
    private mutating func checkPrintable(_ name: String, _ kind: TemplateKind, at: Int, in file: TemplateLibrary.Parsed) {
        switch kind {
        case .view(let schema):
            report("'\(TemplateLimits.shown(name))' is a view, not a text: name one of its fields (\(schema.fields.map(\.name).joined(separator: ", ")))", at: at, in: file)
        case .list, .strings:
            report("'\(TemplateLimits.shown(name))' is \(Self.describe(kind)), not a text: use it as a section ({{#\(TemplateLimits.shown(name))}}…{{/\(TemplateLimits.shown(name))}})", at: at, in: file)
        default: break
        }
    }

    private static func describe(_ kind: TemplateKind) -> String {
        switch kind {
        case .text, .html: "a text"
        case .flag: "a flag"
        case .number: "a number"
        case .list: "a list"
        case .strings: "a table of interface strings"
        case .view: "a view"
        case .dynamic: "a value"
        }
    }

    mutating func report(_ message: String, at offset: Int, in file: TemplateLibrary.Parsed) {
        let problem = file.problem(message, at: offset)
        if reported.insert(problem).inserted { problems.append(problem) }
    }
}

extension String {
    var trimmingSpaces: String {
        String(drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed())
    }
}
