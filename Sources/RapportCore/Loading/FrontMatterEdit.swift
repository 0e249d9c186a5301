/// Edits of a page file's front matter made on its bytes: one line set, added or replaced, every other byte as it
/// was (a byte-order mark, CRLF line endings, comments and the order of keys included).
public enum FrontMatterEdit {
    /// The file with its top-level `key:` line set to `key: value`: that line replaced (its line ending kept), or a
    /// line added before the closing `---` (with the line ending of the opening one). `nil`: no front matter.
    public static func setting(_ key: String, to value: String, in bytes: [UInt8]) -> [UInt8]? {
        guard let lines = frontMatterLines(bytes) else { return nil }
        let prefix = Array((key + ":").utf8)
        let replacement = Array("\(key): \(value)".utf8)
        if let line = lines.inside.first(where: { bytes[$0.start..<$0.contentEnd].starts(with: prefix) }) {
            return Array(bytes[..<line.start]) + replacement + Array(bytes[line.contentEnd...])
        }
        let ending = Array(bytes[lines.opening.contentEnd..<lines.opening.end])
        let at = lines.closing.start
        return Array(bytes[..<at]) + replacement + (ending.isEmpty ? [0x0A] : ending) + Array(bytes[at...])
    }

    /// The file with the top-level `key:` and the block under it (indented lines and `- ` items) replaced by
    /// `key: value`. Unchanged when the key is absent.
    public static func replacingBlock(_ key: String, with value: String, in bytes: [UInt8]) -> [UInt8]? {
        guard let lines = frontMatterLines(bytes) else { return nil }
        let prefix = Array((key + ":").utf8)
        guard let index = lines.inside.firstIndex(where: { bytes[$0.start..<$0.contentEnd].starts(with: prefix) }) else { return bytes }
        var last = index
        while last + 1 < lines.inside.count {
            let next = lines.inside[last + 1]
            guard let first = bytes[next.start..<next.contentEnd].first, first == 0x20 || first == 0x09 || first == 0x2D else { break }
            last += 1
        }
        let start = lines.inside[index].start, end = lines.inside[last].contentEnd
        return Array(bytes[..<start]) + Array("\(key): \(value)".utf8) + Array(bytes[end...])
    }

    struct Line { var start: Int; var contentEnd: Int; var end: Int }

    /// The opening `---` line, the lines inside, and the closing `---` line of a file's front matter.
    static func frontMatterLines(_ bytes: [UInt8]) -> (opening: Line, inside: [Line], closing: Line)? {
        var lines: [Line] = []
        var start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var contentEnd = end
            if contentEnd > start, bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let next = end < bytes.count ? end + 1 : end
            lines.append(Line(start: start, contentEnd: contentEnd, end: next))
            if lines.count > 1, Array(bytes[start..<contentEnd]) == Array("---".utf8) { break }
            start = next
        }
        guard lines.count >= 2, Array(bytes[lines[0].start..<lines[0].contentEnd]) == Array("---".utf8),
              let closing = lines.last, Array(bytes[closing.start..<closing.contentEnd]) == Array("---".utf8) else { return nil }
        return (lines[0], Array(lines[1..<(lines.count - 1)]), closing)
    }
}
