/// A page file cut in two: the YAML between the `---` lines and the Markdown body after them.
public struct ParsedDocument: Sendable, Equatable {
    public var path: String
    public var yaml: String
    /// The line of the file on which the YAML starts (the line after the opening `---`).
    public var yamlFirstLine: Int
    public var body: String
    /// The line of the file on which the body starts.
    public var bodyFirstLine: Int

    /// Splits a page at its front matter, or says why it cannot. Scans only up to the closing fence.
    public static func split(_ source: SourceText) -> Result<ParsedDocument, Diagnostic> {
        let text = source.text
        func failure(_ reason: Reason, line: Int = 1) -> Result<ParsedDocument, Diagnostic> {
            .failure(Diagnostic(.error, reason, at: SourceLocation(path: source.path, line: line), stage: .frontMatter))
        }
        let utf8 = text.utf8
        if utf8.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }) { return failure(.emptyFile) }
        var lineStart = utf8.startIndex
        var lineNumber = 0
        var yamlStart: String.Index?
        while lineStart < utf8.endIndex {
            let lineEnd = utf8[lineStart...].firstIndex(of: 0x0A) ?? utf8.endIndex
            lineNumber += 1
            let line = text[lineStart..<lineEnd]
            let next = lineEnd < utf8.endIndex ? utf8.index(after: lineEnd) : lineEnd
            if lineNumber == 1 {
                guard isFence(line) else { return failure(.missingFrontMatter) }
                yamlStart = next
            } else if isFence(line), let yamlStart {
                return .success(ParsedDocument(
                    path: source.path,
                    yaml: String(text[yamlStart..<lineStart]),
                    yamlFirstLine: 2,
                    body: String(text[next...]),
                    bodyFirstLine: lineNumber + 1))
            }
            lineStart = next
        }
        return failure(.unclosedFrontMatter)
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.hasPrefix("---") && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" }
    }
}
