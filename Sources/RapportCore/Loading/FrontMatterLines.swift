/// The one reader of a page file's lines around and inside its front matter, shared by everything that reads or
/// edits front matter without composing its YAML: the loader (where the YAML and the body start), the French checks
/// (`FrenchFrontMatter`), `translations --accept` and `new-edition` (`FrontMatterEdit`, `NewEdition`) and the
/// translation digest (its `draft:` line). One reader, so a page that builds is a page every command can read.
///
/// It works on bytes: a UTF-8 byte-order mark is passed over; lines end in LF, CRLF or CR alone (as `SourceText`
/// reads them); a fence is `---` followed by nothing but spaces and tabs.
public struct FrontMatterLines: Sendable, Equatable {
    /// One line of a file, by byte offsets.
    public struct Line: Sendable, Equatable {
        /// The line's number in the file, from 1.
        public var number: Int
        /// The offsets of its first byte, of the end of its content (before the line break) and of the next line.
        public var start: Int, contentEnd: Int, end: Int
    }

    /// Why a file has no front matter to read.
    public enum Problem: Error, Sendable, Equatable {
        /// Its first line is not `---`.
        case missingOpening
        /// No `---` line closes the front matter.
        case unclosed
    }

    public var opening: Line
    /// The lines between the fences.
    public var inside: [Line]
    public var closing: Line

    /// The front matter's lines of `bytes` (a whole page file, or its text already decoded).
    public static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Result<FrontMatterLines, Problem> {
        var offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var number = 0
        var opening: Line?
        var inside: [Line] = []
        while offset < bytes.count {
            number += 1
            let line = nextLine(in: bytes, from: offset, number: number)
            if let opening {
                if isFence(line, in: bytes) { return .success(FrontMatterLines(opening: opening, inside: inside, closing: line)) }
                inside.append(line)
            } else {
                guard isFence(line, in: bytes) else { return .failure(.missingOpening) }
                opening = line
            }
            offset = line.end
        }
        return .failure(opening == nil ? .missingOpening : .unclosed)
    }

    public static func scan(_ bytes: [UInt8]) -> Result<FrontMatterLines, Problem> {
        bytes.withUnsafeBufferPointer { scan($0) }
    }

    public static func scan(_ text: String) -> Result<FrontMatterLines, Problem> {
        var text = text
        return text.withUTF8 { scan($0) }
    }

    /// Every line of `bytes` (a YAML text), with the same line breaks as `scan`.
    static func lines(_ bytes: UnsafeBufferPointer<UInt8>) -> [Line] {
        var lines: [Line] = []
        var offset = 0
        while offset < bytes.count {
            let line = nextLine(in: bytes, from: offset, number: lines.count + 1)
            lines.append(line)
            offset = line.end
        }
        return lines
    }

    private static func nextLine(in bytes: UnsafeBufferPointer<UInt8>, from start: Int, number: Int) -> Line {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        var next = end
        if next < bytes.count {
            next += bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A ? 2 : 1
        }
        return Line(number: number, start: start, contentEnd: end, end: next)
    }

    private static func isFence(_ line: Line, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard line.contentEnd - line.start >= 3,
              bytes[line.start] == UInt8(ascii: "-"), bytes[line.start + 1] == UInt8(ascii: "-"), bytes[line.start + 2] == UInt8(ascii: "-")
        else { return false }
        return bytes[(line.start + 3)..<line.contentEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 }
    }

    // MARK: - Top-level keys and their one-line values

    /// The line inside the front matter that sets the top-level `key` (`key:` at the line's start, then a space,
    /// a tab or the line's end).
    public func line(settingKey key: String, in bytes: UnsafeBufferPointer<UInt8>) -> Line? {
        inside.first { Self.valueStart(of: $0, key: key, in: bytes) != nil }
    }

    /// The offset after `key:` when `line` sets the top-level `key`.
    static func valueStart(of line: Line, key: String, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let name = key.utf8
        guard line.contentEnd - line.start > name.count,
              bytes[line.start..<(line.start + name.count)].elementsEqual(name) else { return nil }
        let colon = line.start + name.count
        guard bytes[colon] == UInt8(ascii: ":") else { return nil }
        guard colon + 1 == line.contentEnd || bytes[colon + 1] == 0x20 || bytes[colon + 1] == 0x09 else { return nil }
        return colon + 1
    }

    /// The one-line text value of the top-level `key`, as YAML reads a simple scalar: quotes removed (`''` and the
    /// common escapes `\" \\` undone), a plain value ended by a comment (` #`) and trimmed. `nil`: no such line, or
    /// an empty value.
    public func value(ofKey key: String, in bytes: UnsafeBufferPointer<UInt8>) -> String? {
        guard let line = line(settingKey: key, in: bytes),
              let start = Self.valueStart(of: line, key: key, in: bytes) else { return nil }
        var offset = start
        while offset < line.contentEnd, bytes[offset] == 0x20 || bytes[offset] == 0x09 { offset += 1 }
        guard offset < line.contentEnd else { return nil }
        let quote = bytes[offset]
        var text: [UInt8] = []
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            var index = offset + 1
            while index < line.contentEnd {
                let byte = bytes[index]
                if byte == quote {
                    guard quote == UInt8(ascii: "'"), index + 1 < line.contentEnd, bytes[index + 1] == quote else { break }
                    index += 1
                } else if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), index + 1 < line.contentEnd {
                    index += 1
                }
                text.append(bytes[index])
                index += 1
            }
        } else {
            var index = offset
            while index < line.contentEnd {
                if bytes[index] == UInt8(ascii: "#"), bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { break }
                index += 1
            }
            while index > offset, bytes[index - 1] == 0x20 || bytes[index - 1] == 0x09 { index -= 1 }
            text = Array(bytes[offset..<index])
        }
        return text.isEmpty ? nil : String(decoding: text, as: UTF8.self)
    }
}
