/// The glossary's terms of one language, ready to be found in a body's text: the rule that marks the first use of
/// each term on a page `<abbr title="EXPANSION">TERM</abbr>`. Pure: the Markdown stage calls it on each text run
/// outside headings, links and code, in document order, with the terms the page has already used.
///
/// A match is whole-word and case-sensitive: `APD` in "l’APD, " but not in "APDX" nor "apd". Where terms overlap at one
/// place ("Team Europe" and "Europe"), the longest wins. The text is compared as Unicode scalars, exactly as written;
/// no character of a term is special (`<`, `&`, `"`, `.` are themselves).
public struct Abbreviations: Sendable {
    /// One piece of a text run: text as it was, or a term to mark.
    public enum Piece: Equatable, Sendable {
        case text(String)
        case abbreviation(term: String, expansion: String)
    }

    /// Terms by their first scalar, longest first; each with its expansion.
    private let byFirstScalar: [Unicode.Scalar: [(scalars: [Unicode.Scalar], term: String, expansion: String)]]

    /// - Parameter expansions: each term of the language with its expansion (`Glossary.expansions(in:)`).
    public init(expansions: [String: String]) {
        var index: [Unicode.Scalar: [(scalars: [Unicode.Scalar], term: String, expansion: String)]] = [:]
        for (term, expansion) in expansions {
            let scalars = Array(term.unicodeScalars)
            guard let first = scalars.first else { continue }
            index[first, default: []].append((scalars, term, expansion))
        }
        byFirstScalar = index.mapValues { $0.sorted { $0.scalars.count != $1.scalars.count ? $0.scalars.count > $1.scalars.count : $0.term < $1.term } }
    }

    public var isEmpty: Bool { byFirstScalar.isEmpty }

    /// The pieces of `text`: the first occurrence of each term not in `used` becomes an abbreviation, and joins
    /// `used`; every other character stays text. Pieces of text are never empty, and joined they give `text`
    /// back (with the terms in place).
    public func pieces(of text: String, used: inout Set<String>) -> [Piece] {
        guard !byFirstScalar.isEmpty else { return [.text(text)] }
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var pending = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let match = longestTerm(at: index, in: scalars) {
                if used.insert(match.term).inserted {
                    if !pending.isEmpty { pieces.append(.text(String(pending))); pending = String.UnicodeScalarView() }
                    pieces.append(.abbreviation(term: match.term, expansion: match.expansion))
                } else {
                    pending.append(contentsOf: scalars[index..<index + match.length])
                }
                index += match.length
            } else {
                pending.append(scalars[index])
                index += 1
            }
        }
        if !pending.isEmpty { pieces.append(.text(String(pending))) }
        return pieces
    }

    /// The longest term that starts at `index` as a whole word: a term that begins (ends) with a letter or digit
    /// is not preceded (followed) by one.
    private func longestTerm(at index: Int, in scalars: [Unicode.Scalar]) -> (term: String, expansion: String, length: Int)? {
        guard let candidates = byFirstScalar[scalars[index]] else { return nil }
        if Self.isWordScalar(scalars[index]), index > 0, Self.isWordScalar(scalars[index - 1]) { return nil }
        for candidate in candidates {
            let end = index + candidate.scalars.count
            guard end <= scalars.count, scalars[index..<end].elementsEqual(candidate.scalars) else { continue }
            if let last = candidate.scalars.last, Self.isWordScalar(last), end < scalars.count, Self.isWordScalar(scalars[end]) { continue }
            return (candidate.term, candidate.expansion, candidate.scalars.count)
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
