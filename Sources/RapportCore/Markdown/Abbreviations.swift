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

    private typealias Candidate = (scalars: [Unicode.Scalar], term: String, expansion: String)

    /// Terms that start with a letter or digit, by their first word (`Team` for "Team Europe"), longest first: a
    /// place in the text is tried only against the terms whose first word is the text's word there, so 10,000
    /// terms cost no more than ten.
    private let byFirstWord: [String: [Candidate]]
    /// The other terms («X», "#1"), by their first scalar, longest first.
    private let byFirstScalar: [Unicode.Scalar: [Candidate]]

    /// - Parameter expansions: each term of the language with its expansion (`Glossary.expansions(in:)`).
    public init(expansions: [String: String]) {
        var words: [String: [Candidate]] = [:], others: [Unicode.Scalar: [Candidate]] = [:]
        for (term, expansion) in expansions {
            let scalars = Array(term.unicodeScalars)
            guard let first = scalars.first else { continue }
            if Self.isWordScalar(first) {
                words[Self.word(at: 0, in: scalars).text, default: []].append((scalars, term, expansion))
            } else {
                others[first, default: []].append((scalars, term, expansion))
            }
        }
        let longestFirst = { (list: [Candidate]) in
            list.sorted { $0.scalars.count != $1.scalars.count ? $0.scalars.count > $1.scalars.count : $0.term < $1.term }
        }
        byFirstWord = words.mapValues(longestFirst)
        byFirstScalar = others.mapValues(longestFirst)
    }

    public var isEmpty: Bool { byFirstWord.isEmpty && byFirstScalar.isEmpty }

    /// The pieces of `text`: the first occurrence of each term not in `used` becomes an abbreviation, and joins
    /// `used`; every other character stays text. Pieces of text are never empty, and joined they give `text`
    /// back (with the terms in place).
    public func pieces(of text: String, used: inout Set<String>) -> [Piece] {
        guard !isEmpty else { return text.isEmpty ? [] : [.text(text)] }
        let scalars = Array(text.unicodeScalars)
        var pieces: [Piece] = []
        var pending = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            // A bare URL is an address, not words: `https://example.org/APD/` keeps its letters.
            if let end = Self.endOfURL(at: index, in: scalars) {
                pending.append(contentsOf: scalars[index..<end])
                index = end
                continue
            }
            let atWord = Self.isWordScalar(scalars[index])
            let word = atWord ? Self.word(at: index, in: scalars) : nil
            if let match = longestTerm(at: index, word: word?.text, in: scalars) {
                if used.insert(match.term).inserted {
                    if !pending.isEmpty { pieces.append(.text(String(pending))); pending = String.UnicodeScalarView() }
                    pieces.append(.abbreviation(term: match.term, expansion: match.expansion))
                } else {
                    pending.append(contentsOf: scalars[index..<index + match.length])
                }
                index += match.length
            } else {
                // A word that starts no term is passed whole: a term never starts inside a word.
                let end = word?.end ?? index + 1
                pending.append(contentsOf: scalars[index..<end])
                index = end
            }
        }
        if !pending.isEmpty { pieces.append(.text(String(pending))) }
        return pieces
    }

    /// The longest term that starts at `index` (the start of `word`, when a word starts there) as a whole word: a
    /// term that begins (ends) with a letter or digit is not preceded (followed) by one.
    private func longestTerm(at index: Int, word: String?, in scalars: [Unicode.Scalar]) -> (term: String, expansion: String, length: Int)? {
        let found = word.map { byFirstWord[$0] } ?? byFirstScalar[scalars[index]]
        guard let candidates = found else { return nil }
        for candidate in candidates {
            let end = index + candidate.scalars.count
            guard end <= scalars.count, scalars[index..<end].elementsEqual(candidate.scalars) else { continue }
            if let last = candidate.scalars.last, Self.isWordScalar(last), end < scalars.count, Self.isWordScalar(scalars[end]) { continue }
            return (candidate.term, candidate.expansion, candidate.scalars.count)
        }
        return nil
    }

    /// Where the bare URL that starts at `index` (`http://`, `https://`, `www.`, at a word's start) ends: at the
    /// next space.
    private static func endOfURL(at index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard scalars[index] == "h" || scalars[index] == "w", index == 0 || !isWordScalar(scalars[index - 1]) else { return nil }
        let rest = scalars[index...]
        guard ["https://", "http://", "www."].contains(where: { rest.starts(with: $0.unicodeScalars) }) else { return nil }
        return rest.firstIndex(where: { $0.properties.isWhitespace }) ?? scalars.count
    }

    /// The word (letters, digits and marks) that starts at `index`, and where it ends.
    private static func word(at index: Int, in scalars: [Unicode.Scalar]) -> (text: String, end: Int) {
        var end = index
        while end < scalars.count, isWordScalar(scalars[end]) { end += 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[index..<end])
        return (String(text), end)
    }

    /// A letter, a digit, or a mark that belongs to the letter before it.
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
            || properties.generalCategory == .nonspacingMark || properties.generalCategory == .spacingMark
    }
}
