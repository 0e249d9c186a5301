import Synchronization

/// A problem in a template, at its file, line and column (columns count Unicode scalars, from 1).
public struct TemplateProblem: Error, Hashable, Sendable, CustomStringConvertible {
    public let path: String
    public let line: Int
    public let column: Int
    public let message: String

    public var description: String { "\(path):\(line):\(column): error: \(message)" }
}

/// Every template of a theme, parsed once; partials and parents are found among them by name.
public struct TemplateLibrary: Sendable {
    /// One template's text as parsed, with what locates a byte offset of it.
    struct Parsed: Sendable {
        let name: String
        let path: String
        let syntax: [Syntax]
        /// Byte offsets where each line starts, and the text, to count columns in scalars.
        let lineStarts: [Int]
        let source: [UInt8]
        /// The scalars before every `checkpointBytes`-th byte: a column is counted from the nearest checkpoint, so
        /// that many problems on one long line do not each count the line from its start.
        let checkpoints: [Int]
        static let checkpointBytes = 256

        init(name: String, path: String, syntax: [Syntax], source: [UInt8]) {
            var lineStarts = [0]
            var checkpoints: [Int] = []
            checkpoints.reserveCapacity(source.count / Self.checkpointBytes + 1)
            var scalars = 0
            for (offset, byte) in source.enumerated() {
                if offset % Self.checkpointBytes == 0 { checkpoints.append(scalars) }
                if byte & 0xC0 != 0x80 { scalars += 1 }
                if byte == 0x0A { lineStarts.append(offset + 1) }
            }
            if source.count % Self.checkpointBytes == 0 { checkpoints.append(scalars) }
            self.name = name
            self.path = path
            self.syntax = syntax
            self.lineStarts = lineStarts
            self.source = source
            self.checkpoints = checkpoints
        }

        private func scalars(before offset: Int) -> Int {
            let block = offset / Self.checkpointBytes
            let start = block * Self.checkpointBytes
            return checkpoints[block] + source[start..<offset].reduce(0) { $1 & 0xC0 == 0x80 ? $0 : $0 + 1 }
        }

        func problem(_ message: String, at offset: Int) -> TemplateProblem {
            var line = 0
            var low = 0, high = lineStarts.count - 1
            while low <= high {
                let middle = (low + high) / 2
                if lineStarts[middle] <= offset { line = middle; low = middle + 1 } else { high = middle - 1 }
            }
            let column = scalars(before: max(lineStarts[line], min(offset, source.count))) - scalars(before: lineStarts[line]) + 1
            return TemplateProblem(path: path, line: line + 1, column: column, message: message)
        }
    }

    let parsed: [String: Parsed]
    /// The bytes of all the templates: what compiling may take grows with it.
    let sourceSize: Int
    /// The syntax errors of the templates, each at its place.
    public let problems: [TemplateProblem]

    /// Parses each template: `name` is what partials and parents call it by, `path` where messages point.
    public init(templates: [(name: String, path: String, text: String)]) {
        var parsed: [String: Parsed] = [:]
        var problems: [TemplateProblem] = []
        for template in templates {
            let source = Array(template.text.utf8)
            do {
                let syntax = try Parser.parse(source)
                parsed[template.name] = Parsed(name: template.name, path: template.path, syntax: syntax, source: source)
            } catch {
                let located = Parsed(name: template.name, path: template.path, syntax: [], source: source)
                problems.append(located.problem(error.message, at: error.offset))
            }
        }
        self.parsed = parsed
        self.sourceSize = templates.reduce(0) { $0 + $1.text.utf8.count }
        self.problems = problems
    }

    /// The names of the templates that parsed.
    public var names: Set<String> { Set(parsed.keys) }

    /// Compiles template `name` for views of `schema`: every name it uses, through its partials and parents,
    /// must be a field there (or of the sections it opens). Without a schema, names are looked up when rendering.
    public func compile(_ name: String, for schema: TemplateSchema?) -> (template: CompiledTemplate?, problems: [TemplateProblem]) {
        guard let file = parsed[name] else {
            return (nil, [TemplateProblem(path: name, line: 1, column: 1, message: "there is no template '\(name)'")])
        }
        var compiler = Compiler(library: self, root: schema.map(TemplateKind.view) ?? .dynamic, viewName: schema?.name ?? name)
        compiler.bounds.expansionLimit += sourceSize
        compiler.bounds.sizeLimit += TemplateLimits.compiledPerSourceByte * sourceSize
        let entry = compiler.compileEntry(file)
        guard compiler.problems.isEmpty else { return (nil, compiler.problems) }
        return (CompiledTemplate(program: Program(bodies: compiler.bodies, entry: entry), templates: compiler.included), [])
    }
}

/// A template ready to render: names resolved, partials and parents in place.
public struct CompiledTemplate: Sendable {
    let program: Program
    /// The names of the templates it is made of: its own, and those of the partials and parents it includes.
    public let templates: Set<String>
    /// The largest output so far: the next render reserves that much at once (a page's buffer is not grown and
    /// copied as it fills).
    private let largest = LargestSize()

    init(program: Program, templates: Set<String> = []) {
        self.program = program
        self.templates = templates
    }

    /// The template rendered with `root` at the bottom of the context, as UTF-8 bytes. `capacity`: what to reserve
    /// (by default, the largest output of this template so far).
    public func render(_ root: TemplateValue, capacity: Int? = nil) -> [UInt8] {
        var renderer = Renderer(program: program, root: root, capacity: capacity ?? max(largest.value, 4096))
        renderer.run()
        largest.note(renderer.output.count)
        return renderer.output
    }

    public func render(_ view: some TemplateView, capacity: Int? = nil) -> [UInt8] {
        render(.view(view), capacity: capacity)
    }
}

/// A size shared by the rendering threads, only ever raised.
final class LargestSize: Sendable {
    private let size = Atomic<Int>(0)

    var value: Int { size.load(ordering: .relaxed) }

    func note(_ count: Int) {
        var known = size.load(ordering: .relaxed)
        while count > known {
            let (exchanged, original) = size.compareExchange(expected: known, desired: count, ordering: .relaxed)
            if exchanged { return }
            known = original
        }
    }
}
