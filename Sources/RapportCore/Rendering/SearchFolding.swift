import Foundation

/// The one folding rule of search: the build folds the index's words with it (`WordCollector`), and the shipped
/// script `templates/assets/rapport.js` folds the reader's query with the same rule, written again in JavaScript
/// (its `foldCharacter`; a test runs that script with Node.js on the built index). Scalar by scalar:
/// - an ASCII letter or digit is itself, in lowercase;
/// - a combining mark (general category M) is nothing, inside a word: "e" + U+0301 is "e";
/// - any other alphabetic scalar is lowercased, decomposed (canonical decomposition, NFD), its marks dropped
///   ("É" → "e", "Ộ" → "o", "İ" → "i"), then `œ` → `oe`, `æ` → `ae`, `ß` → `ss`, `đ` → `d`, `ø` → `o`,
///   `ł` → `l`, `ı` → `i` (letters that have no decomposition but that readers type without their stroke);
/// - anything else — spaces, punctuation, apostrophes (`’`, `'`), hyphens, symbols, other digits — ends a word.
///
/// A word is kept when it has at least two characters once folded. So an elided article is no word ("l’aide"
/// gives `aide`, "d’œuvre" `oeuvre`), and the query "l’aide" finds what "aide" finds.
enum SearchFolding {
    /// Letters that keep a stroke or form a ligature under decomposition, as readers type them.
    static let plainLetters: [Unicode.Scalar: String] = [
        "œ": "oe", "æ": "ae", "ß": "ss", "đ": "d", "ø": "o", "ł": "l", "ı": "i",
    ]

    /// The folding of one scalar: its UTF-8, empty for a mark, nil where a word ends.
    static func fold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x61...0x7A, 0x30...0x39: return [UInt8(value)]
            case 0x41...0x5A: return [UInt8(value + 0x20)]
            default: return nil
            }
        }
        if isMark(scalar) { return [] }
        guard scalar.properties.isAlphabetic else { return nil }
        var folded: [UInt8] = []
        for part in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars where !isMark(part) {
            folded += (plainLetters[part] ?? String(part)).utf8
        }
        return folded
    }

    static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    /// The folding of scalars below U+0250 and of U+1E00–U+1EFF (Latin Extended Additional: Vietnamese), each
    /// packed in one integer, so that French and Vietnamese text fold with no lookup in the Unicode tables: 0 ends a
    /// word; `general`, a folding longer than three bytes (the collector then asks `fold`); else the high bit,
    /// the length (0 to 3) in the next seven bits, and the bytes, the first lowest.
    static let packedLatin: [UInt32] = (0..<0x250).map(pack)
    static let packedLatinAdditional: [UInt32] = (0x1E00..<0x1F00).map(pack)
    static let general: UInt32 = 0xFFFF_FFFF

    private static func pack(_ value: Int) -> UInt32 {
        guard let scalar = Unicode.Scalar(UInt32(value)), let folded = fold(scalar) else { return 0 }
        guard folded.count <= 3 else { return general }
        var packed: UInt32 = 0x8000_0000 | UInt32(folded.count) << 24
        for (index, byte) in folded.enumerated() { packed |= UInt32(byte) << UInt32(8 * index) }
        return packed
    }
}
