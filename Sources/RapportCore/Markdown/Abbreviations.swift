/// The glossary's terms of one language, ready to be found in a body's text: the rule that marks the first use of
/// each term on a page `<abbr title="EXPANSION">TERM</abbr>`. Pure: the Markdown stage calls it on each text run
/// outside headings, links and code, in document order, with the terms the page has already used.
///
/// A match is whole-word and case-sensitive: `APD` in "l’APD, " but not in "APDX" nor "apd". Where terms overlap at one
/// place ("Team Europe" and "Europe"), the longest wins. The text is compared as Unicode scalars, exactly as written;
/// no character of a term is special (`<`, `&`, `"`, `.` are themselves).
///
/// Every text run of every page passes through here, so the scan reads the run's UTF-8 bytes where they lie: a word
/// is classified by a table when it is ASCII and by `isWordScalar` otherwise, and looked up only when its first byte
/// and its length are those of some term's first word. The plain rule, on scalars and one `String` per word, is kept
/// beside the tests (`ReferenceAbbreviations`), and a differential test holds the two to the same pieces.
public struct Abbreviations: Sendable {
    /// One piece of a text run: text as it was, or a term to mark.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case abbreviation(term: String, expansion: String)
    }

    private struct Candidate: Sendable {
        let bytes: [UInt8]
        let term: String
        let expansion: String
        /// The term's last scalar is a letter, a digit or a mark: a word scalar may not follow it.
        let endsInWord: Bool
    }

    /// Terms that start with a letter or digit, by their first word (`Team` for "Team Europe"), longest first.
    private let byFirstWord: [String: [Candidate]]
    /// The other terms («X», "#1"), by their first scalar, longest first.
    private let byFirstScalar: [Unicode.Scalar: [Candidate]]
    /// The filter before the dictionaries: the first bytes of the terms' first words, the byte lengths of those
    /// words (all lengths past the table's end count as one), and the first bytes of the other terms.
    private let wordFirstBytes: [Bool]
    private let wordLengths: [Bool]
    private let otherFirstBytes: [Bool]

    /// - Parameter expansions: each term of the language with its expansion (`Glossary.expansions(in:)`).
    public init(expansions: [String: String]) {
        var words: [String: [(Int, Candidate)]] = [:], others: [Unicode.Scalar: [(Int, Candidate)]] = [:]
        var wordFirstBytes = [Bool](repeating: false, count: 256), otherFirstBytes = wordFirstBytes
        var wordLengths = [Bool](repeating: false, count: Self.lengthLimit + 1)
        for (term, expansion) in expansions {
            let scalars = Array(term.unicodeScalars)
            guard let first = scalars.first, let last = scalars.last else { continue }
            let bytes = Array(term.utf8)
            let candidate = Candidate(bytes: bytes, term: term, expansion: expansion, endsInWord: Self.isWordScalar(last))
            if Self.isWordScalar(first) {
                let wordEnd = scalars.firstIndex { !Self.isWordScalar($0) } ?? scalars.count
                let word = String(String.UnicodeScalarView(scalars[..<wordEnd]))
                words[word, default: []].append((scalars.count, candidate))
                wordFirstBytes[Int(bytes[0])] = true
                wordLengths[min(word.utf8.count, Self.lengthLimit)] = true
            } else {
                others[first, default: []].append((scalars.count, candidate))
                otherFirstBytes[Int(bytes[0])] = true
            }
        }
        let longestFirst = { (list: [(Int, Candidate)]) in
            list.sorted { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1.term < $1.1.term }.map(\.1)
        }
        byFirstWord = words.mapValues(longestFirst)
        byFirstScalar = others.mapValues(longestFirst)
        self.wordFirstBytes = wordFirstBytes
        self.wordLengths = wordLengths
        self.otherFirstBytes = otherFirstBytes
    }

    private static let lengthLimit = 64

    public var isEmpty: Bool { byFirstWord.isEmpty && byFirstScalar.isEmpty }

    /// The pieces of `text`: the first occurrence of each term not in `used` becomes an abbreviation, and joins
    /// `used`; every other character stays text. Pieces of text are never empty, and joined they give `text`
    /// back (with the terms in place).
    public func pieces(of text: String, used: inout Set<String>) -> [Piece] {
        var text = text
        let marked = text.withUTF8 { markedPieces(in: UnsafeRawBufferPointer($0), used: &used) }
        return marked ?? (text.isEmpty ? [] : [.text(text)])
    }

    /// The pieces of the UTF-8 text in `bytes`, as `pieces(of:used:)` gives them, or nil when no term is marked
    /// in it (the text stays as it is: the common case, which allocates nothing).
    public func markedPieces(in bytes: UnsafeRawBufferPointer, used: inout Set<String>) -> [Piece]? {
        guard !isEmpty else { return nil }
        let text = UTF8Text(bytes: bytes)
        var pieces: [Piece] = []
        var textStart = 0, index = 0
        while index < text.count {
            let byte = text[index]
            // A bare URL is an address, not words: `https://example.org/APD/` keeps its letters.
            if byte == UInt8(ascii: "h") || byte == UInt8(ascii: "w"), let end = text.endOfURL(at: index) {
                index = end
                continue
            }
            let (isWord, length) = text.classify(at: index)
            let wordEnd = isWord ? text.endOfWord(from: index + length) : index + length
            if let match = longestTerm(at: index, wordEnd: isWord ? wordEnd : nil, in: text) {
                if used.insert(match.term).inserted {
                    if textStart < index { pieces.append(.text(text.string(textStart..<index))) }
                    pieces.append(.abbreviation(term: match.term, expansion: match.expansion))
                    textStart = index + match.bytes.count
                }
                index += match.bytes.count
            } else {
                // A word that starts no term is passed whole: a term never starts inside a word.
                index = wordEnd
            }
        }
        guard !pieces.isEmpty else { return nil }
        if textStart < text.count { pieces.append(.text(text.string(textStart..<text.count))) }
        return pieces
    }

    /// The longest term that starts at `index` (the start of a word ending at `wordEnd`, when a word starts there)
    /// as a whole word: a term that begins (ends) with a letter or digit is not preceded (followed) by one.
    private func longestTerm(at index: Int, wordEnd: Int?, in text: UTF8Text) -> Candidate? {
        let first = Int(text[index])
        let found: [Candidate]?
        if let wordEnd {
            guard wordFirstBytes[first], wordLengths[min(wordEnd - index, Self.lengthLimit)] else { return nil }
            found = byFirstWord[text.string(index..<wordEnd)]
        } else {
            guard otherFirstBytes[first] else { return nil }
            found = byFirstScalar[text.scalar(at: index).scalar]
        }
        guard let candidates = found else { return nil }
        for candidate in candidates {
            let end = index + candidate.bytes.count
            guard end <= text.count, text.matches(candidate.bytes, at: index) else { continue }
            if candidate.endsInWord, end < text.count, text.classify(at: end).isWord { continue }
            return candidate
        }
        return nil
    }

    /// A letter, a digit, or a mark that belongs to the letter before it.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }
}

/// A text run's UTF-8 bytes, read scalar by scalar where it matters. A byte that does not begin a well-formed
/// sequence counts as one scalar, U+FFFD, which is not a word scalar: no input makes the scan stop or go back.
private struct UTF8Text {
    let bytes: UnsafeRawBufferPointer
    var count: Int { bytes.count }

    subscript(index: Int) -> UInt8 { bytes[index] }

    /// [0-9A-Za-z]: the ASCII scalars `Abbreviations.isWordScalar` accepts.
    private static let asciiWord: [Bool] = (0..<128).map { byte in
        (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
    }

    /// Whether the scalar at `index` is a word scalar, and its length in bytes.
    func classify(at index: Int) -> (isWord: Bool, length: Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (Self.asciiWord[Int(byte)], 1) }
        let (scalar, length) = scalar(at: index)
        return (Abbreviations.isWordScalar(scalar), length)
    }

    func endOfWord(from index: Int) -> Int {
        var end = index
        while end < count {
            let (isWord, length) = classify(at: end)
            guard isWord else { break }
            end += length
        }
        return end
    }

    /// Where the bare URL that starts at `index` (`http://`, `https://`, `www.`, at a word's start) ends: at the
    /// next whitespace.
    func endOfURL(at index: Int) -> Int? {
        guard matches(Self.https, at: index) || matches(Self.http, at: index) || matches(Self.www, at: index),
              !previousIsWord(index) else { return nil }
        var end = index
        while end < count {
            let byte = bytes[end]
            if byte < 0x80 {
                if byte == 0x20 || (0x09...0x0D).contains(byte) { break }
                end += 1
            } else {
                let (scalar, length) = scalar(at: end)
                if scalar.properties.isWhitespace { break }
                end += length
            }
        }
        return end
    }

    private static let https = Array("https://".utf8), http = Array("http://".utf8), www = Array("www.".utf8)

    /// Whether the scalar before `index` is a word scalar.
    private func previousIsWord(_ index: Int) -> Bool {
        guard index > 0 else { return false }
        var start = index - 1
        while start > 0, index - start < 4, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let (isWord, length) = classify(at: start)
        return start + length == index ? isWord : false
    }

    func matches(_ other: [UInt8], at index: Int) -> Bool {
        guard index + other.count <= count else { return false }
        for offset in other.indices where bytes[index + offset] != other[offset] { return false }
        return true
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }

    /// The scalar at `index` and its length in bytes; U+FFFD and 1 for a byte that begins no well-formed sequence.
    func scalar(at index: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = bytes[index]
        let length: Int, initial: UInt32, minimum: UInt32
        switch lead {
        case 0x00..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC2..<0xE0: (length, initial, minimum) = (2, UInt32(lead & 0x1F), 0x80)
        case 0xE0..<0xF0: (length, initial, minimum) = (3, UInt32(lead & 0x0F), 0x800)
        case 0xF0..<0xF5: (length, initial, minimum) = (4, UInt32(lead & 0x07), 0x10000)
        default: return ("\u{FFFD}", 1)
        }
        guard index + length <= count else { return ("\u{FFFD}", 1) }
        var value = initial
        for offset in 1..<length {
            let next = bytes[index + offset]
            guard next & 0xC0 == 0x80 else { return ("\u{FFFD}", 1) }
            value = value << 6 | UInt32(next & 0x3F)
        }
        guard value >= minimum, let scalar = Unicode.Scalar(value) else { return ("\u{FFFD}", 1) }
        return (scalar, length)
    }
}
