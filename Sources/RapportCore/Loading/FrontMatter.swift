/// A page file cut in two: the YAML between the `---` lines and the Markdown body after them.
public struct ParsedDocument: Sendable, Equatable {
    public var path: String
    public var yaml: String
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// The line of the file on which the body starts.
    public var bodyFirstLine: Int

    /// Splits a page at its front matter (found by `FrontMatterLines`), or says why it cannot.
    public static func split(_ source: SourceText) -> Result<ParsedDocument, Diagnostic> {
        func failure(_ reason: Reason, line: Int = 1) -> Result<ParsedDocument, Diagnostic> {
            .failure(Diagnostic(.error, reason, at: SourceLocation(path: source.path, line: line), stage: .frontMatter))
        }
        var text = source.text
        if text.utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return failure(.emptyFile) }
        switch text.withUTF8(FrontMatterLines.scan) {
        case .failure(.missingOpening): return failure(.missingFrontMatter)
        case .failure(.unclosed): return failure(.unclosedFrontMatter)
        case .success(let lines):
            // Each part copied from the text, not decoded again: the text is valid UTF-8 already, and the parts
            // start and end at line breaks.
            func part(_ start: Int, _ end: Int) -> String {
                let utf8 = text.utf8
                let lower = utf8.index(utf8.startIndex, offsetBy: start), upper = utf8.index(utf8.startIndex, offsetBy: end)
                return String(Substring(utf8[lower..<upper]))
            }
            return .success(ParsedDocument(
                path: source.path,
                yaml: part(lines.opening.end, lines.closing.start),
                yamlFirstLine: lines.opening.number + 1,
                body: part(lines.closing.end, text.utf8.count),
                bodyFirstLine: lines.closing.number + 1))
        }
    }
}
