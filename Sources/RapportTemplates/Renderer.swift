/// Renders a compiled program into one byte buffer. No Foundation, no dynamic casts.
struct Renderer {
    private let code: Code
    private let entry: Int
    private var frames: [TemplateValue]
    private var loops: [(index: Int, count: Int)] = []
    /// The root's fields that are views, each boxed once per render (`page.title`, `chrome.root` … read them often).
    private var rootFields: [TemplateValue?] = []
    private var indent: [UInt8] = []
    private var lineStart = true
    var output: [UInt8] = []

    init(program: Program, root: TemplateValue, capacity: Int) {
        self.code = program.code
        self.entry = program.entry
        self.frames = [root]
        frames.reserveCapacity(16)
        output.reserveCapacity(capacity)
    }

    mutating func run() { render(entry) }

    private mutating func render(_ body: Int) {
        for position in code.bodies[body] {
            switch code.instructions[position] {
            case .text(let span):
                if indent.isEmpty { output.append(contentsOf: code.text(span)) } else { writeIndented(code.text(span)) }
            case .value(let lookup, let escaped):
                write(resolve(lookup), escaped: escaped)
            case .section(let lookup, let inverted, let pushes, let inner):
                let value = resolve(lookup)
                if inverted {
                    if !value.isTruthy { render(inner) }
                } else if case .list(let list) = value {
                    let count = list.count
                    loops.append((0, count))
                    for index in 0..<count {
                        loops[loops.count - 1].index = index
                        frames.append(list.element(at: index))
                        render(inner)
                        frames.removeLast()
                    }
                    loops.removeLast()
                } else if value.isTruthy {
                    if pushes { frames.append(value) }
                    render(inner)
                    if pushes { frames.removeLast() }
                }
            case .indented(let more, let firstLine, let inner):
                let saved = indent
                indent += code.text(more)
                if firstLine { lineStart = true } else if more.count > 0 { lineStart = false }
                render(inner)
                indent = saved
            case .call(let inner):
                render(inner)
            }
        }
    }

    // MARK: - Values

    private mutating func resolve(_ index: Int) -> TemplateValue {
        let lookup = code.lookups[index]
        switch lookup.kind {
        case .top:
            return frames[frames.count - 1]
        case .frame:
            var step = lookup.steps.start
            let end = step + lookup.steps.count
            var value: TemplateValue
            if step < end, case .field(let index) = code.steps[step] {
                // The first field read from its frame in place, not from a copy of the frame's value.
                if lookup.depth == 0, lookup.steps.count > 1 {
                    value = rootField(index)
                } else {
                    guard case .view(let view) = frames[lookup.depth] else { return .null }
                    value = view.templateValue(at: index)
                }
                step += 1
            } else {
                value = frames[lookup.depth]
            }
            while step < end {
                switch code.steps[step] {
                case .field(let index):
                    guard case .view(let view) = value else { return .null }
                    value = view.templateValue(at: index)
                case .name(let name):
                    guard let found = Self.field(code.names[name], of: value) else { return .null }
                    value = found
                }
                step += 1
            }
            return value
        case .search:
            // The first name in the innermost frame that has it; the others inside what it gave.
            let start = lookup.steps.start, end = start + lookup.steps.count
            guard case .name(let first) = code.steps[start] else { return .null }
            let firstName = code.names[first]
            guard var value = frames.reversed().lazy.compactMap({ Self.field(firstName, of: $0) }).first else { return .null }
            for step in (start + 1)..<end {
                guard case .name(let name) = code.steps[step], let next = Self.field(code.names[name], of: value) else { return .null }
                value = next
            }
            return value
        case .loop:
            guard let loop = loops.last else { return .null }
            switch lookup.loop {
            case .first: return .flag(loop.index == 0)
            case .last: return .flag(loop.index == loop.count - 1)
            case .index: return .number(loop.index)
            case .even: return .flag(loop.index & 1 == 0)
            case .odd: return .flag(loop.index & 1 == 1)
            }
        case .transform:
            return Self.apply(lookup.transform, to: resolve(lookup.inner))
        }
    }

    private mutating func rootField(_ index: Int) -> TemplateValue {
        if index < rootFields.count, let known = rootFields[index] { return known }
        guard case .view(let root) = frames[0] else { return .null }
        let value = root.templateValue(at: index)
        if index >= rootFields.count { rootFields += Array(repeating: nil, count: index + 1 - rootFields.count) }
        rootFields[index] = value
        return value
    }

    /// A field by name: of a view without a schema, of a table of strings, or of a view with one.
    static func field(_ name: String, of value: TemplateValue) -> TemplateValue? {
        switch value {
        case .object(let fields): return fields[name]
        case .strings(let table): return table[name].map(TemplateValue.text)
        case .view(let view):
            return type(of: view).templateSchema.index(of: name).map(view.templateValue(at:))
        default: return nil
        }
    }

    static func apply(_ transform: Transform, to value: TemplateValue) -> TemplateValue {
        switch transform {
        case .empty:
            switch value {
            case .null: return .flag(true)
            case .list(let list): return .flag(list.count == 0)
            case .text(let text): return .flag(text.isEmpty)
            case .bytes(let bytes): return .flag(bytes.isEmpty)
            case .strings(let table): return .flag(table.isEmpty)
            case .object(let fields): return .flag(fields.isEmpty)
            default: return .flag(false)
            }
        case .count:
            switch value {
            case .list(let list): return .number(list.count)
            case .text(let text): return .number(text.count)
            case .bytes(let bytes): return .number(String(decoding: bytes, as: UTF8.self).count)
            default: return .null
            }
        case .uppercased, .lowercased, .capitalized, .reversed:
            if case .bytes(let bytes) = value { return apply(transform, to: .text(String(decoding: bytes, as: UTF8.self))) }
            guard case .text(let text) = value else {
                if transform == .reversed, case .list(let list) = value {
                    return .list(ValueList((0..<list.count).reversed().map(list.element(at:))))
                }
                return value
            }
            switch transform {
            case .uppercased: return .text(text.uppercased())
            case .lowercased: return .text(text.lowercased())
            case .capitalized: return .text(text.split(separator: " ", omittingEmptySubsequences: false)
                .map { $0.prefix(1).uppercased() + $0.dropFirst().lowercased() }.joined(separator: " "))
            default: return .text(String(text.reversed()))
            }
        }
    }

    // MARK: - Output

    private mutating func write(_ value: TemplateValue, escaped: Bool) {
        switch value {
        case .text(let text):
            if text.isEmpty { return }
            startLine()
            if escaped { MarkupEscaping.append(text, to: &output) } else { output.append(contentsOf: text.utf8) }
        case .bytes(let bytes):
            if bytes.isEmpty { return }
            startLine()
            if escaped { MarkupEscaping.append(bytes, to: &output) } else { output.append(contentsOf: bytes) }
        case .number(let number):
            startLine()
            output.append(contentsOf: String(number).utf8)
        case .flag(let flag):
            startLine()
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null, .view, .list, .strings, .object:
            return
        }
    }

    /// Before a value at the start of an indented line: the indentation.
    private mutating func startLine() {
        if lineStart, !indent.isEmpty { output.append(contentsOf: indent) }
        lineStart = false
    }

    /// Template text in indented content: the indentation before each line that has anything.
    private mutating func writeIndented(_ bytes: UnsafeBufferPointer<UInt8>) {
        for byte in bytes {
            if lineStart { output.append(contentsOf: indent); lineStart = false }
            output.append(byte)
            if byte == 0x0A { lineStart = true }
        }
    }
}
