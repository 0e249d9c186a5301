/// A template compiled for one kind of view: every partial and parent resolved, every name resolved to where
/// its value is found. Bodies refer to each other by index (a recursive partial is a call to its own body).
struct Program: Sendable {
    let entry: Int
    /// The bodies laid out for the renderer.
    let code: Code

    init(bodies: [[Node]], entry: Int) {
        self.entry = entry
        code = Code(bodies: bodies)
    }
}

enum Node: Sendable {
    case text([UInt8])
    case value(Lookup, escaped: Bool)
    /// A section: `pushes` is false for a flag, whose section adds nothing to the context.
    case section(Lookup, inverted: Bool, pushes: Bool, body: Int)
    /// Content indented as a standalone partial, parent or block is: every line gets `indent`, the first one
    /// too unless `firstLine` is false (the whitespace is already there).
    case indented([UInt8], firstLine: Bool, body: Int)
    case call(Int)
}

/// Where a name's value is found.
indirect enum Lookup: Sendable {
    /// `{{.}}`: the top of the context.
    case top
    /// A frame of the context, known when compiling, then fields of it.
    case frame(Int, [Step])
    /// Names looked up when rendering, from the top of the context down (views without a schema).
    case search([String])
    /// `first()`, `last()`, `index()`, `even()`, `odd()`: the innermost list being rendered.
    case loop(LoopProperty)
    /// `empty(name)`, `count(name)`, `uppercased(name)` …
    case transform(Transform, Lookup)
}

enum Step: Sendable {
    /// A field of a view with a schema, by index.
    case field(Int)
    /// A key of an interface-string table, or a name of a view without a schema.
    case name(String)
}

enum LoopProperty: String, Sendable, CaseIterable {
    case first, last, index, even, odd
}

enum Transform: String, Sendable, CaseIterable {
    case empty, count, uppercased, lowercased, capitalized, reversed
}
