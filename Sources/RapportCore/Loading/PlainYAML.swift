/// Reads the plain subset of YAML that front matter is written in — block mappings, block lists, one-line flow
/// lists, one-line plain and quoted scalars, comments — to the node tree Yams would compose, marks included.
///
/// Yams (libyaml, then an event per node, a tag and a class instance per node) costs about a tenth of a build's
/// CPU on front matter alone; these few shapes are read here in one pass over the bytes. Anything outside the
/// subset — tabs, block scalars, anchors, tags, flow mappings, a scalar over several lines, an empty value, a
/// duplicate key, a syntax error — gives `nil`, and Yams reads the text as before, with its own messages. So the
/// subset never decides what a file means: a differential test holds it to Yams' tree, node by node.
enum PlainYAML {
    /// The node tree of `yaml`, or `nil` when the text is outside the subset (or holds no mapping).
    static func read(_ yaml: String, nodeLimit: Int = YAMLFields.nodeLimit) -> YAMLNode? {
        var text = yaml
        return text.withUTF8 { bytes in
            var reader = Reader(bytes: bytes)
            guard reader.splitLines(), let first = reader.lines.first, first.indent == 0,
                  let root = reader.mapping(indent: 0), reader.index == reader.lines.count,
                  reader.nodes <= nodeLimit else { return nil }
            return root
        }
    }

    /// One line that holds content (not blank, not only a comment).
    struct Line {
        /// The YAML line number, from 1.
        var number: Int
        /// The number of leading spaces.
        var indent: Int
        /// The offsets of the first content byte and of the line's end (before its line break).
        var start: Int, end: Int
    }

    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var lines: [Line] = []
        var index = 0
        var nodes = 0

        init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

        /// Splits the text into content lines; `false` when a byte takes the text outside the subset: a tab, a
        /// carriage return, a control character, or a character libyaml treats specially (NEL, line and paragraph
        /// separators, byte-order mark, non-characters).
        mutating func splitLines() -> Bool {
            var offset = 0, number = 1
            let count = bytes.count
            while offset < count {
                var end = offset
                while end < count, bytes[end] != 0x0A {
                    let byte = bytes[end]
                    if byte < 0x20 || byte == 0x7F { return false }
                    if byte >= 0xC2, !Self.isOrdinary(lead: byte, at: end, in: bytes) { return false }
                    end += 1
                }
                var start = offset
                while start < end, bytes[start] == 0x20 { start += 1 }
                // Deeper than a file may nest: Yams' path reports it.
                if start - offset > YAMLFields.nestingLimit * 4 { return false }
                if start < end, bytes[start] != UInt8(ascii: "#") {
                    lines.append(Line(number: number, indent: start - offset, start: start, end: end))
                }
                offset = end + 1
                number += 1
            }
            return true
        }

        private static func isOrdinary(lead: UInt8, at offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            let second = offset + 1 < bytes.count ? bytes[offset + 1] : 0
            let third = offset + 2 < bytes.count ? bytes[offset + 2] : 0
            switch lead {
            case 0xC2: return second >= 0xA0                                        // C1 controls, NEL
            case 0xE2: return !(second == 0x80 && (third == 0xA8 || third == 0xA9))    // U+2028, U+2029
            case 0xEF: return !(second == 0xBB && third == 0xBF) && !(second == 0xBF && third >= 0xBE)
            default: return true
            }
        }

        // MARK: - Block structure

        /// A block mapping whose keys stand at `indent`.
        mutating func mapping(indent: Int) -> YAMLNode? {
            var pairs: [YAMLNode.Pair] = []
            var keys = Set<String>()
            var mark: YAMLMark?
            while index < lines.count {
                let line = lines[index]
                if line.indent < indent { break }
                guard line.indent == indent, let colon = keyEnd(line) else { return nil }
                let key = string(line.start, colon)
                guard keys.insert(key).inserted else { return nil }
                let keyMark = YAMLMark(line: line.number, column: indent + 1)
                if mark == nil { mark = keyMark }
                index += 1
                let valueStart = skipSpaces(colon + 1, line.end)
                let value: YAMLNode?
                if valueStart == line.end || bytes[valueStart] == UInt8(ascii: "#") {
                    value = blockValue(under: indent)
                } else {
                    value = inlineValue(line, valueStart)
                }
                guard let value else { return nil }
                pairs.append(YAMLNode.Pair(key: .scalar(.init(string: key, style: .plain, mark: keyMark)), value: value))
                nodes += 2
            }
            nodes += 1
            return .mapping(pairs, mark: mark)
        }

        /// The end of a plain key (`[A-Za-z0-9_][A-Za-z0-9_.-]*`) followed by `:` and a space or the line's end.
        private func keyEnd(_ line: Line) -> Int? {
            var offset = line.start
            guard Self.isKeyByte(bytes[offset]), bytes[offset] != UInt8(ascii: "-"), bytes[offset] != UInt8(ascii: ".") else { return nil }
            while offset < line.end, Self.isKeyByte(bytes[offset]) { offset += 1 }
            guard offset < line.end, bytes[offset] == UInt8(ascii: ":"),
                  offset + 1 == line.end || bytes[offset + 1] == 0x20 else { return nil }
            return offset
        }

        private static func isKeyByte(_ byte: UInt8) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"), UInt8(ascii: "."): true
            default: false
            }
        }

        /// The value of a key with nothing after its colon: a list (at the key's indentation or deeper) or a
        /// mapping (deeper). An empty value is left to Yams.
        private mutating func blockValue(under indent: Int) -> YAMLNode? {
            guard index < lines.count else { return nil }
            let next = lines[index]
            if isListItem(next), next.indent >= indent { return sequence(indent: next.indent) }
            if next.indent > indent { return mapping(indent: next.indent) }
            return nil
        }

        private func isListItem(_ line: Line) -> Bool {
            bytes[line.start] == UInt8(ascii: "-") && (line.start + 1 == line.end || bytes[line.start + 1] == 0x20)
        }

        /// A block list whose dashes stand at `indent`; each item a one-line scalar.
        private mutating func sequence(indent: Int) -> YAMLNode? {
            var items: [YAMLNode] = []
            let mark = YAMLMark(line: lines[index].number, column: indent + 1)
            while index < lines.count {
                let line = lines[index]
                if line.indent < indent { break }
                guard line.indent == indent else { return nil }
                guard isListItem(line) else { break }
                index += 1
                let start = skipSpaces(line.start + 1, line.end)
                guard start < line.end, bytes[start] != UInt8(ascii: "#"), bytes[start] != UInt8(ascii: "["),
                      let item = inlineValue(line, start) else { return nil }
                items.append(item)
                nodes += 1
            }
            nodes += 1
            return .sequence(items, mark: mark)
        }

        // MARK: - One-line values

        /// A scalar or flow list from `start` to the end of the line (a comment aside).
        private func inlineValue(_ line: Line, _ start: Int) -> YAMLNode? {
            let mark = YAMLMark(line: line.number, column: column(line, start))
            switch bytes[start] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let (text, end) = quoted(start, line.end), isTrailing(end, line.end) else { return nil }
                return .scalar(.init(string: text, style: bytes[start] == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted, mark: mark))
            case UInt8(ascii: "["):
                return flowSequence(line, start, mark: mark)
            default:
                guard startsPlain(start, line.end) else { return nil }
                var end = start
                while end < line.end {
                    let byte = bytes[end]
                    if byte == UInt8(ascii: ":"), end + 1 == line.end || bytes[end + 1] == 0x20 { return nil }
                    if byte == UInt8(ascii: "#"), bytes[end - 1] == 0x20 { break }
                    end += 1
                }
                while bytes[end - 1] == 0x20 { end -= 1 }
                return .scalar(.init(string: string(start, end), style: .plain, mark: mark))
            }
        }

        /// `[a, "b", 3]` on one line: plain items without `:`, or quoted items.
        private func flowSequence(_ line: Line, _ open: Int, mark: YAMLMark) -> YAMLNode? {
            var items: [YAMLNode] = []
            var offset = skipSpaces(open + 1, line.end)
            if offset < line.end, bytes[offset] == UInt8(ascii: "]") {
                return isTrailing(offset + 1, line.end) ? .sequence([], mark: mark) : nil
            }
            // Columns count on from the previous item: from the line's start each time, a one-line list of a million
            // items would take quadratic time.
            var counted = (offset: open, column: mark.column)
            while offset < line.end {
                counted = (offset, column(line, offset, from: counted))
                let itemMark = YAMLMark(line: line.number, column: counted.column)
                switch bytes[offset] {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    guard let (text, end) = quoted(offset, line.end) else { return nil }
                    items.append(.scalar(.init(string: text, style: bytes[offset] == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted, mark: itemMark)))
                    offset = end
                default:
                    guard startsPlain(offset, line.end) else { return nil }
                    var end = offset
                    while end < line.end, bytes[end] != UInt8(ascii: ","), bytes[end] != UInt8(ascii: "]") {
                        switch bytes[end] {
                        case UInt8(ascii: ":"), UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "}"): return nil
                        default: end += 1
                        }
                    }
                    var last = end
                    while bytes[last - 1] == 0x20 { last -= 1 }
                    items.append(.scalar(.init(string: string(offset, last), style: .plain, mark: itemMark)))
                    offset = end
                }
                offset = skipSpaces(offset, line.end)
                guard offset < line.end else { return nil }
                if bytes[offset] == UInt8(ascii: "]") {
                    guard isTrailing(offset + 1, line.end) else { return nil }
                    return .sequence(items, mark: mark)
                }
                guard bytes[offset] == UInt8(ascii: ",") else { return nil }
                offset = skipSpaces(offset + 1, line.end)
                if offset < line.end, bytes[offset] == UInt8(ascii: "]") { return nil }
            }
            return nil
        }

        /// A quoted scalar that closes on its line: its text and the offset after the closing quote. Single quotes
        /// know only `''`; double quotes the escapes `\" \\ \/ \n \t` (any other is left to Yams).
        private func quoted(_ open: Int, _ end: Int) -> (String, Int)? {
            let quote = bytes[open]
            var offset = open + 1
            var text: [UInt8] = []
            var plainRun = offset
            while offset < end {
                let byte = bytes[offset]
                if quote == UInt8(ascii: "'"), byte == quote {
                    guard offset + 1 < end, bytes[offset + 1] == quote else {
                        text.append(contentsOf: bytes[plainRun..<offset])
                        return (String(decoding: text, as: UTF8.self), offset + 1)
                    }
                    text.append(contentsOf: bytes[plainRun...offset])
                    offset += 2
                    plainRun = offset
                } else if quote == UInt8(ascii: "\""), byte == quote {
                    text.append(contentsOf: bytes[plainRun..<offset])
                    return (String(decoding: text, as: UTF8.self), offset + 1)
                } else if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    guard offset + 1 < end else { return nil }
                    let escaped: UInt8
                    switch bytes[offset + 1] {
                    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): escaped = bytes[offset + 1]
                    case UInt8(ascii: "n"): escaped = 0x0A
                    case UInt8(ascii: "t"): escaped = 0x09
                    default: return nil
                    }
                    text.append(contentsOf: bytes[plainRun..<offset])
                    text.append(escaped)
                    offset += 2
                    plainRun = offset
                } else {
                    offset += 1
                }
            }
            return nil
        }

        /// Whether a plain scalar may start at `offset`: not at an indicator, except `-` before a non-space.
        private func startsPlain(_ offset: Int, _ end: Int) -> Bool {
            switch bytes[offset] {
            case UInt8(ascii: "-"): return offset + 1 < end && bytes[offset + 1] != 0x20
            case UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
                 UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"),
                 UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""),
                 UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"): return false
            default: return true
            }
        }

        /// Whether only spaces, or spaces and then a comment, follow `offset`.
        private func isTrailing(_ offset: Int, _ end: Int) -> Bool {
            let next = skipSpaces(offset, end)
            return next == end || (next > offset && bytes[next] == UInt8(ascii: "#"))
        }

        private func skipSpaces(_ offset: Int, _ end: Int) -> Int {
            var offset = offset
            while offset < end, bytes[offset] == 0x20 { offset += 1 }
            return offset
        }

        /// libyaml's column: Unicode scalars from the line's start, plus one.
        private func column(_ line: Line, _ offset: Int) -> Int {
            column(line, offset, from: (line.start, line.indent + 1))
        }

        /// The column at `offset`, counted on from a known column at an earlier offset of the same line.
        private func column(_ line: Line, _ offset: Int, from known: (offset: Int, column: Int)) -> Int {
            var column = known.column
            for position in known.offset..<offset where bytes[position] & 0xC0 != 0x80 { column += 1 }
            return column
        }

        private func string(_ start: Int, _ end: Int) -> String {
            String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
        }
    }
}
