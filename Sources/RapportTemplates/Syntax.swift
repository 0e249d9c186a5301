/// A template's text as parsed: tags found, standalone lines removed, block indentation worked out.
/// Names are not resolved yet (that needs the views): `TemplateCompiler` does it.
indirect enum Syntax: Sendable {
    case text([UInt8])
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(String, escaped: Bool, at: Int)
    /// `{{#name}}…{{/name}}` or `{{^name}}…{{/name}}`.
    case section(String, inverted: Bool, [Syntax], at: Int)
    /// `{{>name}}`; `indent` is the whitespace before a standalone tag, prepended to each line of the partial.
    case partial(String, indent: [UInt8]?, at: Int)
    /// `{{<name}}{{$block}}…{{/block}}{{/name}}`: the parent with the blocks it overrides.
    case parent(String, indent: [UInt8]?, arguments: [String: [Syntax]], at: Int)
    /// `{{$name}}default{{/name}}` outside a parent: a place a child may fill.
    case block(String, defaultContent: [Syntax], placement: BlockPlacement, at: Int)
}

/// How the content of a block is indented where the block stands.
enum BlockPlacement: Equatable, Sendable {
    /// The block's tags are inside a line: its content goes there as it is.
    case inline
    /// The opening tag starts its line after this whitespace: the content's later lines get it too.
    case continuing([UInt8])
    /// The opening tag stands alone on its line: every line of the content gets this indentation.
    case lines([UInt8])
}

/// A problem in a template's text, at a byte offset of that text.
struct SyntaxProblem: Error {
    let message: String
    let offset: Int
}
