/// The bounds of `TemplateLimits`, kept while compiling: a template that includes itself, nests too deep, would
/// write too much or compile too large is an error at the tag, when the theme loads. What the compiler accepts
/// renders with a stack of at most `TemplateLimits.nesting` bodies and no loop the data does not drive, so the
/// renderer checks nothing.
extension Compiler {
    /// A tag that opens a body (a section, partial, parent or block), where a limit the body crosses is reported.
    struct Place {
        let offset: Int
        let file: TemplateLibrary.Parsed
    }

    /// The most bodies the renderer has in progress at once: the entry's, and `TemplateLimits.nesting` more.
    static var deepest: Int { TemplateLimits.nesting + 1 }

    struct Bounds {
        /// The templates being compiled, the entry first, then each partial and parent inside the previous one,
        /// with the number of sections open when it was entered.
        var including: [(name: String, sections: Int)] = []
        /// Sections open where the compiler stands.
        var sections = 0
        /// Bodies being compiled where the compiler stands: how deep the renderer will be there.
        var live = 0
        /// For each body: how many bodies deep rendering it goes (itself included), -1 while it is compiled.
        var heights: [Int] = []
        /// For each body: what it writes when each of its sections renders once (saturating).
        var expansions: [Int] = []
        /// Instructions and text compiled so far, in bytes (`TemplateLimits.instructionCost` per instruction).
        var compiledSize = 0
        /// `TemplateLimits.expansion` and `compiledSize`, each with the templates' own size added.
        var expansionLimit = TemplateLimits.expansion
        var sizeLimit = TemplateLimits.compiledSize
        /// A limit was crossed: the rest is not compiled (it could only repeat the error, or take long).
        var stopped = false
    }

    mutating func newBody() -> Int {
        bodies.append([])
        bounds.heights.append(-1)
        bounds.expansions.append(0)
        return bodies.count - 1
    }

    /// Compiles `syntax` into body `index`, unless that is deeper than the renderer may go; then measures it.
    mutating func fill(_ index: Int, with syntax: [Syntax], in file: TemplateLibrary.Parsed, place: Place) {
        guard !bounds.stopped else { return }
        guard bounds.live < Self.deepest else { return stopTooDeep(at: place) }
        bounds.live += 1
        let nodes = compile(syntax, in: file)
        bounds.live -= 1
        // Stopped inside: every body around would cross the same limit again.
        guard !bounds.stopped else { return }
        bodies[index] = nodes
        var height = 0, expansion = 0, size = 0
        for node in nodes {
            size += TemplateLimits.instructionCost
            switch node {
            case .text(let bytes):
                expansion = Self.sum(expansion, bytes.count)
                size += bytes.count
            case .value:
                break
            case .section(_, _, _, let inner), .call(let inner):
                height = max(height, bounds.heights[inner])
                expansion = Self.sum(expansion, bounds.expansions[inner])
            case .indented(let indent, _, let inner):
                height = max(height, bounds.heights[inner])
                expansion = Self.sum(expansion, Self.sum(bounds.expansions[inner], indent.count))
                size += indent.count
            }
        }
        bounds.heights[index] = height + 1
        bounds.expansions[index] = expansion
        bounds.compiledSize += size
        if expansion > bounds.expansionLimit {
            stop("the templates write more than \(bounds.expansionLimit >> 20) MiB here before any list repeats anything"
                 + "\(through()): partials that include others several times over multiply what they write", at: place)
        } else if bounds.compiledSize > bounds.sizeLimit {
            stop("the templates compile to more than \(bounds.sizeLimit >> 20) MiB here\(through()): a parent is"
                 + " compiled again at each call, so parents that call others several times over multiply", at: place)
        }
    }

    /// Whether a call at `place` of a compiled `body` keeps the renderer within `deepest` bodies.
    mutating func fits(_ body: Int, at place: Place) -> Bool {
        guard bounds.live + bounds.heights[body] > Self.deepest else { return true }
        stopTooDeep(at: place)
        return false
    }

    /// Whether template `name` may be included where the compiler stands: not inside itself. Without a schema (the
    /// Mustache spec's own tests), a partial may include itself inside a section, where the data ends the
    /// recursion, and a parent may call itself with other blocks (it is compiled anew at each call, within
    /// `TemplateLimits.nesting`).
    mutating func mayInclude(_ name: String, role: String, at offset: Int, in file: TemplateLibrary.Parsed) -> Bool {
        guard let first = bounds.including.firstIndex(where: { $0.name == name }) else { return true }
        let chain = Self.chain(bounds.including[first...].map(\.name) + [name])
        let shown = TemplateLimits.shown(name)
        if typed {
            report("the \(role) '\(shown)' includes itself (\(chain)); a template cannot include itself", at: offset, in: file)
            return false
        }
        if role == "parent" || bounds.sections > bounds.including[first].sections { return true }
        report("the \(role) '\(shown)' includes itself outside any section (\(chain)), without end", at: offset, in: file)
        return false
    }

    // MARK: - Reporting

    private mutating func stopTooDeep(at place: Place) {
        stop("sections, partials, parents and blocks nest more than \(TemplateLimits.nesting) deep here\(through())", at: place)
    }

    private mutating func stop(_ message: String, at place: Place) {
        report(message, at: place.offset, in: place.file)
        bounds.stopped = true
    }

    /// ` (through country → base → list)`: the templates being compiled, when there are several.
    private func through() -> String {
        bounds.including.count > 1 ? " (through \(Self.chain(bounds.including.map(\.name))))" : ""
    }

    /// `a → b → a`, the middle left out of a long chain.
    private static func chain(_ names: [String]) -> String {
        let shown = names.map(TemplateLimits.shown)
        let kept = shown.count <= 8 ? shown : Array(shown.prefix(3)) + ["…"] + Array(shown.suffix(4))
        return kept.joined(separator: " → ")
    }

    /// `a + b`, held below a quarter of `Int.max` (a sum of two of them cannot overflow).
    private static func sum(_ a: Int, _ b: Int) -> Int {
        min(a + b, Int.max / 4)
    }
}
