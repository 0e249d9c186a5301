/// The per-language search index written at build time (`/<lang>/search.json`) and the matching rule that
/// `assets/search.js` applies in the browser: accent- and case-insensitive prefixes of words
/// ("education" finds "éducation", "coop" finds "Coopération").
public enum SearchIndex {
    /// One page's entry, as a JSON object: URL path, title, summary, and the distinct folded words of its
    /// title, summary and text.
    public static func entry(url: String, title: String, summary: String?, text: String) -> String {
        let words = distinctWords(in: [title, summary ?? "", text].joined(separator: " "))
        return "{\"u\":\(JSON.string(url)),\"t\":\(JSON.string(title)),"
            + "\"s\":\(JSON.string(summary ?? "")),\"w\":\(JSON.string(words.joined(separator: " ")))}"
    }

    /// The index file: entries in page order.
    public static func file(entries: [String]) -> String {
        "[\n" + entries.joined(separator: ",\n") + "\n]\n"
    }

    /// Whether every word of `query` begins a word of `words` (folded, space-separated): the browser's rule.
    public static func matches(query: String, words: String) -> Bool {
        let wanted = distinctWords(in: query)
        guard !wanted.isEmpty else { return false }
        let available = words.split(separator: " ")
        return wanted.allSatisfy { word in available.contains { $0.hasPrefix(word) } }
    }

    /// Lowercase words of letters and digits, accents folded (é → e, œ → oe), each once, in order of appearance.
    /// Works on bytes: it runs over every page's whole text at every build.
    public static func distinctWords(in text: String) -> [String] {
        var seen: Set<String> = [], words: [String] = []
        var current: [UInt8] = []
        current.reserveCapacity(32)
        func flush() {
            if current.count >= 2 {
                let word = String(decoding: current, as: UTF8.self)
                if seen.insert(word).inserted { words.append(word) }
            }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                switch value {
                case 0x61...0x7A, 0x30...0x39: current.append(UInt8(value))
                case 0x41...0x5A: current.append(UInt8(value + 0x20))
                default: flush()
                }
            } else if let folded = LatinFolding.table[value] {
                current.append(contentsOf: folded)
            } else if scalar.properties.isAlphabetic {
                current.append(contentsOf: Array(String(scalar).lowercased().utf8))
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}

/// Latin letters with accents, and ligatures, to lowercase ASCII: search words and slugs fold with it.
enum LatinFolding {
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
