/// The bounds a theme's templates must keep, checked when the theme loads so that no template can crash, hang or
/// exhaust the memory of a build, and rendering needs no check of its own. Each bound is far above what a real
/// theme reaches, and a template past one is an error at the tag that crosses it.
enum TemplateLimits {
    /// The deepest nesting of sections, partials, parents and blocks, counted along the way the renderer goes
    /// (through partials too). The parser, the compiler and the renderer recurse once per level: the bound keeps
    /// their stacks small, on the 512 KiB stack of a rendering thread too.
    static let nesting = 100

    /// The most bytes a template may write before any list repeats anything (every section shown once), beyond
    /// the size of the templates themselves. Partials are compiled as shared bodies, so a partial that includes the
    /// previous one twice, forty times over, compiles small, but it would write 2⁴⁰ bytes: this bound refuses that
    /// when the theme loads. (The theme of the report writes under 5 KB so.)
    static let expansion = 64 << 20

    /// The most compiled code one page template may take, in bytes (each instruction counted as 32, with its text),
    /// beyond `compiledPerSourceByte` times the size of the templates. A partial is compiled once per context and a
    /// parent once per call (its blocks differ each time), so a chain of parents that each call the previous one
    /// twice would otherwise compile 2ⁿ bodies. (The report's largest page template compiles to about 20 KB.)
    static let compiledSize = 8 << 20
    static let compiledPerSourceByte = 4
    static let instructionCost = 32

    /// The longest delimiter `{{=<% %>=}}` may set: finding a delimiter costs its length at every byte.
    static let delimiterLength = 32

    /// The most transforms one tag may apply (`uppercased(reversed(page.title))` applies two): each is a level of
    /// recursion when compiling and rendering.
    static let transforms = 8

    /// A name shown in a message at most this long (a tag may hold a megabyte of text).
    static let shownName = 60

    /// `name` as a message shows it: cut short with "…" past `shownName` characters, control characters written
    /// `\u{1B}` (a message must not drive the terminal or CI log that shows it).
    static func shown(_ name: String) -> String {
        let cut = name.count <= shownName ? name : String(name.prefix(shownName)) + "…"
        guard cut.unicodeScalars.contains(where: isControl) else { return cut }
        return cut.unicodeScalars.map { isControl($0) ? "\\u{\(String($0.value, radix: 16, uppercase: true))}" : String($0) }.joined()
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
