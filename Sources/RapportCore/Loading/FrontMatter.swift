/// A page file cut in two: the YAML between the `---` lines and the Markdown body after them.
public struct ParsedDocument: Sendable, Equatable {
    public var path: String
    public var yaml: String
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// The line of the file on which the body starts.
    public var bodyFirstLine: Int

    /// Splits a page at its front matter, or says why it cannot.
    public static func split(_ source: SourceText) -> Result<ParsedDocument, Diagnostic> {
        let text = source.text
        func failure(_ reason: Reason, line: Int = 1) -> Result<ParsedDocument, Diagnostic> {
            .failure(Diagnostic(.error, reason, at: SourceLocation(path: source.path, line: line), stage: .frontMatter))
        }
        if text.allSatisfy(\.isWhitespace) { return failure(.emptyFile) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
        guard let first = lines.popFirst(), isFence(first) else { return failure(.missingFrontMatter) }
        var yamlLines: [Substring] = []
        var lineNumber = 1
        while let line = lines.popFirst() {
            lineNumber += 1
            if isFence(line) {
                return .success(ParsedDocument(
                    path: source.path,
                    yaml: yamlLines.joined(separator: "\n") + "\n",
                    yamlFirstLine: 2,
                    body: lines.joined(separator: "\n"),
                    bodyFirstLine: lineNumber + 1))
            }
            yamlLines.append(line)
        }
        return failure(.unclosedFrontMatter)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
