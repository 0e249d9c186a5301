/// Edits of a page file's front matter made on its bytes: one line set, added or replaced, every other byte as it
/// was (a byte-order mark, CRLF or CR line endings, comments and the order of keys included). The lines are those
/// `FrontMatterLines` finds, as the loader does: a file that builds is a file these edits can read.
public enum FrontMatterEdit {
    /// The file with its top-level `key:` line set to `key: value`: that line replaced (its line ending kept), or a
    /// line added before the closing `---` (with the line ending of the opening one). `nil`: no front matter.
    public static func setting(_ key: String, to value: String, in bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buffer in
            guard case .success(let lines) = FrontMatterLines.scan(buffer) else { return nil }
            let replacement = Array("\(key): \(value)".utf8)
            if let line = lines.line(settingKey: key, in: buffer) {
                return Array(bytes[..<line.start]) + replacement + Array(bytes[line.contentEnd...])
            }
            let ending = Array(bytes[lines.opening.contentEnd..<lines.opening.end])
            let at = lines.closing.start
            return Array(bytes[..<at]) + replacement + (ending.isEmpty ? [0x0A] : ending) + Array(bytes[at...])
        }
    }

    /// The file with the top-level `key:` and the block under it (indented lines and `- ` items) replaced by
    /// `key: value`. Unchanged when the key is absent.
    public static func replacingBlock(_ key: String, with value: String, in bytes: [UInt8]) -> [UInt8]? {
        bytes.withUnsafeBufferPointer { buffer in
            guard case .success(let lines) = FrontMatterLines.scan(buffer) else { return nil }
            guard let index = lines.inside.firstIndex(where: { FrontMatterLines.valueStart(of: $0, key: key, in: buffer) != nil }) else { return bytes }
            var last = index
            while last + 1 < lines.inside.count {
                let next = lines.inside[last + 1]
                guard next.start < next.contentEnd, [0x20, 0x09, UInt8(ascii: "-")].contains(buffer[next.start]) else { break }
                last += 1
            }
            let start = lines.inside[index].start, end = lines.inside[last].contentEnd
            return Array(bytes[..<start]) + Array("\(key): \(value)".utf8) + Array(bytes[end...])
        }
    }

    /// The one-line text value of the top-level `key` of a file's front matter (`FrontMatterLines.value(ofKey:in:)`).
    public static func value(ofKey key: String, in bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer { buffer in
            guard case .success(let lines) = FrontMatterLines.scan(buffer) else { return nil }
            return lines.value(ofKey: key, in: buffer)
        }
    }
}
