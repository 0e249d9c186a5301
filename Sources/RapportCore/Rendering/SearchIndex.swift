import Foundation

/// The per-language search index written at build time (`/<lang>/search.json`). The shipped script
/// `templates/assets/rapport.js` finds the entries in which every word of the reader's query begins a word, both
/// folded by one rule (`SearchFolding`): "education" finds "éducation", "coop" finds "Coopération", "noi" finds
/// "Hà Nội".
public enum SearchIndex {
    /// One page's entry, as a JSON object: URL path, title, summary, and the distinct folded words of its
    /// title, summary, text and other texts (a country's achievements).
    public static func entry(url: String, title: String, summary: String?, text: String, others: [String] = []) -> String {
        String(decoding: entryBytes(url: url, title: title, summary: summary, text: text, others: others), as: UTF8.self)
    }

    /// The entry as UTF-8, as the build spools and joins it.
    static func entryBytes(url: String, title: String, summary: String?, text: String, others: [String] = []) -> [UInt8] {
        var text = text
        return text.withUTF8 { entryBytes(url: url, title: title, summary: summary, text: $0, others: others) }
    }

    /// The same for a text as UTF-8 (a body's plain text, as the Markdown stage gives it).
    static func entryBytes(url: String, title: String, summary: String?, text: UnsafeBufferPointer<UInt8>, others: [String] = []) -> [UInt8] {
        var words = WordCollector()
        words.add(title)
        words.add(summary ?? "")
        words.add(text)
        for other in others { words.add(other) }
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

    /// The words of `text` folded as search folds them (`SearchFolding`), each once, in order of appearance.
    public static func distinctWords(in text: String) -> [String] {
        var words = WordCollector()
        words.add(text)
        return words.joined.split(separator: " ").map(String.init)
    }
}

/// Latin letters with accents, and ligatures, to lowercase ASCII: slugs (and so heading ids) fold with it. Search
/// has its own rule (`SearchFolding`), wider; this one stays as it is, so that no URL or heading id changes.
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
