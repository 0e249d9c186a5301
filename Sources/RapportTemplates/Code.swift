/// A program laid out for rendering: every instruction, lookup and step a plain value in one buffer, texts in one
/// byte pool. Reading an instruction copies no reference, so the render loop does no reference counting for the
/// template itself, only for the values it writes.
final class Code: @unchecked Sendable {
    /// What a body does, in order. Texts and indentations are spans of `bytes`; lookups are indices of `lookups`.
    enum Instruction {
        case text(Span)
        case value(lookup: Int, escaped: Bool)
        case section(lookup: Int, inverted: Bool, pushes: Bool, body: Int)
        case indented(Span, firstLine: Bool, body: Int)
        case call(Int)
    }

    struct Span {
        var start: Int
        var count: Int
    }

    /// A `Lookup` with its steps as a span of `steps` (the names of a search are `.name` steps).
    struct FlatLookup {
        enum Kind { case top, frame, search, loop, transform }
        var kind: Kind
        var depth = 0
        var steps = Span(start: 0, count: 0)
        var loop = LoopProperty.first
        var transform = Transform.empty
        var inner = 0
    }

    enum FlatStep {
        case field(Int)
        /// An index of `names`.
        case name(Int)
    }

    /// Each body's instructions: `instructions[bodies[n]]`.
    let bodies: [Range<Int>]
    let instructions: UnsafeMutableBufferPointer<Instruction>
    let lookups: UnsafeMutableBufferPointer<FlatLookup>
    let steps: UnsafeMutableBufferPointer<FlatStep>
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let names: [String]

    init(bodies nodes: [[Node]]) {
        var instructions: [Instruction] = [], lookups: [FlatLookup] = [], steps: [FlatStep] = []
        var bytes: [UInt8] = [], names: [String] = [], nameIndex: [String: Int] = [:]
        var ranges: [Range<Int>] = []

        func span(_ text: [UInt8]) -> Span {
            defer { bytes += text }
            return Span(start: bytes.count, count: text.count)
        }
        func name(_ text: String) -> Int {
            if let known = nameIndex[text] { return known }
            names.append(text)
            nameIndex[text] = names.count - 1
            return names.count - 1
        }
        func flatten(_ lookup: Lookup) -> Int {
            var flat: FlatLookup
            switch lookup {
            case .top:
                flat = FlatLookup(kind: .top)
            case .frame(let depth, let path):
                flat = FlatLookup(kind: .frame, depth: depth, steps: Span(start: steps.count, count: path.count))
                for step in path {
                    switch step {
                    case .field(let index): steps.append(.field(index))
                    case .name(let text): steps.append(.name(name(text)))
                    }
                }
            case .search(let path):
                flat = FlatLookup(kind: .search, steps: Span(start: steps.count, count: path.count))
                for text in path { steps.append(.name(name(text))) }
            case .loop(let property):
                flat = FlatLookup(kind: .loop, loop: property)
            case .transform(let transform, let inner):
                flat = FlatLookup(kind: .transform, transform: transform, inner: flatten(inner))
            }
            lookups.append(flat)
            return lookups.count - 1
        }
        for body in nodes {
            let start = instructions.count
            for node in body {
                switch node {
                case .text(let text): instructions.append(.text(span(text)))
                case .value(let found, let escaped): instructions.append(.value(lookup: flatten(found), escaped: escaped))
                case .section(let found, let inverted, let pushes, let inner):
                    instructions.append(.section(lookup: flatten(found), inverted: inverted, pushes: pushes, body: inner))
                case .indented(let indent, let firstLine, let inner):
                    instructions.append(.indented(span(indent), firstLine: firstLine, body: inner))
                case .call(let inner): instructions.append(.call(inner))
                }
            }
            ranges.append(start..<instructions.count)
        }
        self.bodies = ranges
        self.instructions = Self.copy(instructions)
        self.lookups = Self.copy(lookups)
        self.steps = Self.copy(steps)
        self.bytes = Self.copy(bytes)
        self.names = names
    }

    deinit {
        instructions.deallocate()
        lookups.deallocate()
        steps.deallocate()
        bytes.deallocate()
    }

    private static func copy<T>(_ values: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(values.count, 1))
        _ = buffer.initialize(from: values)
        return buffer
    }

    func text(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[span.start..<(span.start + span.count)])
    }
}
