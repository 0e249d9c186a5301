import Foundation

/// URL segments and ids made from text.
public enum Slug {
    /// Lowercase ASCII letters and digits joined by single hyphens: "Données clés 2020" → "donnees-cles-2020".
    public static func make(from text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return makeFromASCII(text.utf8) }
        if let folded = foldedLatin(text) { return makeFromASCII(folded) }
        return makeWithFoundation(from: text)
    }

    /// The rule with Foundation's diacritic folding, for any text.
    static func makeWithFoundation(from text: String) -> String {
        let folded = text
            .replacingOccurrences(of: "œ", with: "oe").replacingOccurrences(of: "Œ", with: "oe")
            .replacingOccurrences(of: "æ", with: "ae").replacingOccurrences(of: "Æ", with: "ae")
            .replacingOccurrences(of: "ß", with: "ss")
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var slug = ""
        var pendingHyphen = false
        for scalar in folded.unicodeScalars {
            if scalar.isASCII, CharacterSet.alphanumerics.contains(scalar) {
                if pendingHyphen, !slug.isEmpty { slug.append("-") }
                slug.unicodeScalars.append(scalar)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return slug.lowercased()
    }

    /// The same rule on ASCII bytes, without Foundation's folding (the common case, and a hot one).
    private static func makeFromASCII(_ bytes: some Collection<UInt8>) -> String {
        var slug: [UInt8] = []
        slug.reserveCapacity(bytes.count)
        var pendingHyphen = false
        for byte in bytes {
            let lower = (0x41...0x5A).contains(byte) ? byte + 0x20 : byte
            if (0x61...0x7A).contains(lower) || (0x30...0x39).contains(lower) {
                if pendingHyphen, !slug.isEmpty { slug.append(UInt8(ascii: "-")) }
                slug.append(lower)
                pendingHyphen = false
            } else {
                pendingHyphen = true
            }
        }
        return String(decoding: slug, as: UTF8.self)
    }

    /// `text` with its Latin letters folded to ASCII (é → e, Œ → oe), when every other character is ASCII,
    /// punctuation, a symbol or a space, which all separate words; `nil` when Foundation's folding is needed
    /// (other letters and digits, combining marks).
    private static func foldedLatin(_ text: String) -> [UInt8]? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let folded = LatinFolding.fold(scalar.value) {
                bytes += folded
            } else {
                switch scalar.properties.generalCategory {
                case .spaceSeparator, .lineSeparator, .paragraphSeparator, .connectorPunctuation, .dashPunctuation,
                     .openPunctuation, .closePunctuation, .initialPunctuation, .finalPunctuation, .otherPunctuation,
                     .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                    bytes.append(UInt8(ascii: " "))
                default:
                    return nil
                }
            }
        }
        return bytes
    }

    /// The longest slug: a folder name of the output, and file systems allow 255 bytes in one (ext4, APFS, NTFS).
    public static let maximumLength = 255

    /// Whether `text` is one safe URL segment: lowercase letters, digits and single inner hyphens, short enough
    /// to be a folder name.
    public static func isValid(_ text: String) -> Bool {
        guard text.utf8.count <= maximumLength else { return false }
        // On bytes: every allowed character is ASCII (every page's slug and region come here).
        var previous: UInt8 = UInt8(ascii: "-")
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): break
            case UInt8(ascii: "-"): if previous == byte { return false }
            default: return false
            }
            previous = byte
        }
        return previous != UInt8(ascii: "-")
    }
}
