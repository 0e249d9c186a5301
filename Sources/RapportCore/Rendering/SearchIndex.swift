import Foundation

/// The per-language search index written at build time (`/<lang>/search.json`) and the matching rule that
/// `assets/search.js` applies in the browser: accent- and case-insensitive prefixes of words
/// ("education" finds "éducation", "coop" finds "Coopération").
public enum SearchIndex {
    /// One page's entry, as a JSON object: URL path, title, summary, and the distinct folded words of its
    /// title, summary and text.
    public static func entry(url: String, title: String, summary: String?, text: String) -> String {
        String(decoding: entryBytes(url: url, title: title, summary: summary, text: text), as: UTF8.self)
    }

    /// The entry as UTF-8, as the build spools and joins it.
    static func entryBytes(url: String, title: String, summary: String?, text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { entryBytes(url: url, title: title, summary: summary, text: $0) }
    }

    /// The same for a text as UTF-8 (a body's plain text, as the Markdown stage gives it).
    static func entryBytes(url: String, title: String, summary: String?, text: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var words = WordCollector()
        words.add(title)
        words.add(summary ?? "")
        words.add(text)
        // The words are letters and digits: nothing in them needs a JSON escape.
        var entry = Array("{\"u\":\(JSON.string(url)),\"t\":\(JSON.string(title)),\"s\":\(JSON.string(summary ?? "")),\"w\":\"".utf8)
        entry += words.bytes
        entry += "\"}".utf8
        return entry
    }

    /// The index file: entries in page order.
    public static func file(entries: [[UInt8]]) -> [UInt8] {
        var file = Array("[\n".utf8)
        file.reserveCapacity(entries.reduce(8) { $0 + $1.count + 2 })
        for (index, entry) in entries.enumerated() {
            if index > 0 { file += ",\n".utf8 }
            file += entry
        }
        file += "\n]\n".utf8
        return file
    }

    /// Whether every word of `query` begins a word of `words` (folded, space-separated): the browser's rule.
    public static func matches(query: String, words: String) -> Bool {
        let wanted = distinctWords(in: query)
        guard !wanted.isEmpty else { return false }
        let available = words.split(separator: " ")
        return wanted.allSatisfy { word in available.contains { $0.hasPrefix(word) } }
    }

    /// Lowercase words of letters and digits, accents folded (é → e, œ → oe), each once, in order of appearance.
    public static func distinctWords(in text: String) -> [String] {
        var words = WordCollector()
        words.add(text)
        return words.joined.split(separator: " ").map(String.init)
    }
}

/// Collects the distinct folded words of texts, joined by spaces, on UTF-8 bytes: it runs over every page's whole
/// text at every build. Words already seen are found in an open-addressing table of ranges of the output.
struct WordCollector {
    private var output: [UInt8] = []
    private var current: [UInt8] = []
    /// `start << 32 | length` of each distinct word in `output`, plus one; 0 is an empty slot.
    private var slots = [UInt64](repeating: 0, count: 1024)
    private var count = 0

    /// The distinct words so far, separated by single spaces.
    var joined: String { String(decoding: output, as: UTF8.self) }
    /// The same, as UTF-8.
    var bytes: [UInt8] { output }

    /// Adds the words of `text` (a word never continues from one text to the next).
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// Adds the words of a text given as UTF-8.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        Self.asciiFolding.withUnsafeBufferPointer { fold in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte < 0x80, fold[Int(byte)] == 0 { index += 1; continue }
                // A word of ASCII letters and digits (most words): hashed and compared where it stands.
                let start = index
                var hash = Self.offsetBasis
                while index < count {
                    let byte = bytes[index]
                    guard byte < 0x80 else { break }
                    let folded = fold[Int(byte)]
                    guard folded != 0 else { break }
                    hash = (hash ^ UInt64(folded)) &* Self.prime
                    index += 1
                }
                if index == count || bytes[index] < 0x80 {
                    if index - start >= 2 { insertASCII(UnsafeBufferPointer(rebasing: bytes[start..<index]), hash: hash, fold: fold) }
                    continue
                }
                // A word with other letters: folded into `current`, from its start.
                index = start
                wordWithOtherLetters: while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        let folded = fold[Int(byte)]
                        guard folded != 0 else { break wordWithOtherLetters }
                        current.append(folded)
                        index += 1
                        continue
                    }
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    index += length
                    if let folded = LatinFolding.fold(value) {
                        current += folded
                    } else if Letters.isAlphabetic(value), let scalar = Unicode.Scalar(value) {
                        current += String(scalar).lowercased().utf8
                    } else {
                        break wordWithOtherLetters
                    }
                }
                flush()
            }
        }
    }

    /// Each ASCII byte's letter or digit in lowercase, 0 for the others.
    private static let asciiFolding: [UInt8] = (0..<128).map { byte in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        default: 0
        }
    }

    /// A word of ASCII letters and digits as written in the text; `hash` is that of its lowercase form.
    private mutating func insertASCII(_ word: UnsafeBufferPointer<UInt8>, hash: UInt64, fold: UnsafeBufferPointer<UInt8>) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Bool = output.withUnsafeBufferPointer { output in
            slots.withUnsafeBufferPointer { slots in
                while slots[slot] != 0 {
                    let entry = slots[slot] - 1
                    let start = Int(entry >> 32), length = Int(entry & 0xFFFF_FFFF)
                    if length == word.count {
                        var offset = 0
                        while offset < length, output[start + offset] == fold[Int(word[offset])] { offset += 1 }
                        if offset == length { return true }
                    }
                    slot = (slot + 1) & mask
                }
                return false
            }
        }
        guard !found else { return }
        if !output.isEmpty { output.append(UInt8(ascii: " ")) }
        slots[slot] = (UInt64(output.count) << 32 | UInt64(word.count)) + 1
        for byte in word { output.append(fold[Int(byte)]) }
        count += 1
        if count * 2 > slots.count { grow() }
    }

    /// The word in `current` (a word with letters beyond ASCII, folded).
    private mutating func flush() {
        defer { current.removeAll(keepingCapacity: true) }
        guard current.count >= 2 else { return }
        let mask = slots.count - 1
        var slot = 0
        let found: Bool = current.withUnsafeBufferPointer { word in
            slot = Self.hash(word) & mask
            return output.withUnsafeBufferPointer { output in
                while slots[slot] != 0 {
                    let entry = slots[slot] - 1
                    let start = Int(entry >> 32), length = Int(entry & 0xFFFF_FFFF)
                    if length == word.count, memcmp(output.baseAddress! + start, word.baseAddress!, length) == 0 { return true }
                    slot = (slot + 1) & mask
                }
                return false
            }
        }
        guard !found else { return }
        if !output.isEmpty { output.append(UInt8(ascii: " ")) }
        slots[slot] = (UInt64(output.count) << 32 | UInt64(current.count)) + 1
        output += current
        count += 1
        if count * 2 > slots.count { grow() }
    }

    private static let offsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325
    private static let prime: UInt64 = 0x100_0000_01B3

    /// FNV-1a.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash = offsetBasis
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return Int(truncatingIfNeeded: hash)
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            let start = Int((entry - 1) >> 32), length = Int((entry - 1) & 0xFFFF_FFFF)
            var slot = output.withUnsafeBufferPointer { Self.hash(UnsafeBufferPointer(rebasing: $0[start..<(start + length)])) } & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}

/// Latin letters with accents, and ligatures, to lowercase ASCII: search words and slugs fold with it.
enum LatinFolding {
    /// The folding of `value`, by index for U+00C0–U+017F (every letter of the table is there): no hashing
    /// for the accented letters of every French text.
    @inline(__always)
    static func fold(_ value: UInt32) -> [UInt8]? {
        guard value >= 0xC0, value < 0x180 else { return nil }
        return byIndex[Int(value - 0xC0)]
    }

    private static let byIndex: [[UInt8]?] = (0xC0..<0x180).map { table[UInt32($0)] }

    static let table: [UInt32: [UInt8]] = {
        var table: [UInt32: [UInt8]] = [:]
        let groups: [(String, String)] = [
            ("àáâãäåÀÁÂÃÄÅ", "a"), ("çÇ", "c"), ("èéêëÈÉÊË", "e"), ("ìíîïÌÍÎÏ", "i"), ("ñÑ", "n"),
            ("òóôõöÒÓÔÕÖ", "o"), ("ùúûüÙÚÛÜ", "u"), ("ýÿÝ", "y"), ("œŒ", "oe"), ("æÆ", "ae"), ("ß", "ss"),
        ]
        for (letters, base) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = Array(base.utf8) }
        }
        return table
    }()
}
