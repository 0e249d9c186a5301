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
        words.append(to: &entry)
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

    /// The same by index, each folding as one or two ASCII bytes packed (the first in the low byte), 0 where the
    /// table has none: the search words read it with no array per letter.
    static let packedByIndex: [UInt16] = byIndex.map { folded in
        folded.map { $0.reversed().reduce(0) { $0 << 8 | UInt16($1) } } ?? 0
    }

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
