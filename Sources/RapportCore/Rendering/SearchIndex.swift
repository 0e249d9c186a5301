/// The per-language search index written at build time (`/<lang>/search.json`) and the matching rule that
/// `assets/search.js` applies in the browser: accent- and case-insensitive prefixes of words
/// ("education" finds "éducation", "coop" finds "Coopération").
public enum SearchIndex {
    /// One page's entry, as a JSON object: URL path, title, summary, and the distinct folded words of its
    /// title, summary and text.
    public static func entry(url: String, title: String, summary: String?, text: String) -> String {
        let words = distinctWords(in: [title, summary ?? "", text].joined(separator: " "))
        return "{\"u\":\(DiagnosticPrinting.quoted(url)),\"t\":\(DiagnosticPrinting.quoted(title)),"
            + "\"s\":\(DiagnosticPrinting.quoted(summary ?? "")),\"w\":\(DiagnosticPrinting.quoted(words.joined(separator: " ")))}"
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
    public static func distinctWords(in text: String) -> [String] {
        var seen: Set<String> = [], words: [String] = [], current = ""
        func flush() {
            if current.count >= 2, seen.insert(current).inserted { words.append(current) }
            current = ""
        }
        for scalar in text.unicodeScalars {
            if let folded = fold(scalar) { current += folded } else { flush() }
        }
        flush()
        return words
    }

    /// A letter or digit in lowercase ASCII where Latin accents allow; `nil` for anything that ends a word.
    static func fold(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "a"..."z", "0"..."9": return String(scalar)
        case "A"..."Z": return String(Character(scalar)).lowercased()
        default: break
        }
        guard scalar.properties.isAlphabetic else { return nil }
        switch scalar {
        case "à", "á", "â", "ã", "ä", "å", "À", "Á", "Â", "Ã", "Ä", "Å": return "a"
        case "ç", "Ç": return "c"
        case "è", "é", "ê", "ë", "È", "É", "Ê", "Ë": return "e"
        case "ì", "í", "î", "ï", "Ì", "Í", "Î", "Ï": return "i"
        case "ñ", "Ñ": return "n"
        case "ò", "ó", "ô", "õ", "ö", "Ò", "Ó", "Ô", "Õ", "Ö": return "o"
        case "ù", "ú", "û", "ü", "Ù", "Ú", "Û", "Ü": return "u"
        case "ý", "ÿ", "Ý": return "y"
        case "œ", "Œ": return "oe"
        case "æ", "Æ": return "ae"
        case "ß": return "ss"
        default: return String(scalar).lowercased()
        }
    }
}
