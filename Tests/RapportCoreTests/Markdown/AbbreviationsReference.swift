@testable import RapportCore

/// The rule of `Abbreviations`, written the plain way: on an array of Unicode scalars, a `String` for every word. It is
/// the specification the byte-level scanner in `Sources/RapportCore/Markdown/Abbreviations.swift` is compared with
/// (`AbbreviationsTests.sameAsReference`); it was the shipped code until the scanner replaced it for speed.
struct ReferenceAbbreviations {
    typealias Piece = Abbreviations.Piece

    typealias Candidate = (scalars: [Unicode.Scalar], term: String, expansion: String)

    /// Terms that start with a letter or digit, by their first word (`Team` for "Team Europe"), longest first: a
    /// place in the text is tried only against the terms whose first word is the text's word there, so 10,000
    /// terms cost no more than ten.
    let byFirstWord: [String: [Candidate]]
    /// The other terms («X», "#1"), by their first scalar, longest first.
    let byFirstScalar: [Unicode.Scalar: [Candidate]]

    /// - Parameter expansions: each term of the language with its expansion (`Glossary.expansions(in:)`).
    init(expansions: [String: String]) {
        var words: [String: [Candidate]] = [:], others: [Unicode.Scalar: [Candidate]] = [:]
        for (term, expansion) in expansions {
            let scalars = Array(term.unicodeScalars)
            guard let first = scalars.first else { continue }
            if Abbreviations.isWordScalar(first) {
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

    var isEmpty: Bool { byFirstWord.isEmpty && byFirstScalar.isEmpty }

    /// The pieces of `text`: the first occurrence of each term not in `used` becomes an abbreviation, and joins
    /// `used`; every other character stays text. Pieces of text are never empty, and joined they give `text`
    /// back (with the terms in place).
    func pieces(of text: String, used: inout Set<String>) -> [Piece] {
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
            let atWord = Abbreviations.isWordScalar(scalars[index])
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
    func longestTerm(at index: Int, word: String?, in scalars: [Unicode.Scalar]) -> (term: String, expansion: String, length: Int)? {
        let found = word.map { byFirstWord[$0] } ?? byFirstScalar[scalars[index]]
        guard let candidates = found else { return nil }
        for candidate in candidates {
            let end = index + candidate.scalars.count
            guard end <= scalars.count, scalars[index..<end].elementsEqual(candidate.scalars) else { continue }
            if let last = candidate.scalars.last, Abbreviations.isWordScalar(last), end < scalars.count, Abbreviations.isWordScalar(scalars[end]) { continue }
            return (candidate.term, candidate.expansion, candidate.scalars.count)
        }
        return nil
    }

    /// Where the bare URL that starts at `index` (`http://`, `https://`, `www.`, at a word's start) ends: at the
    /// next space.
    static func endOfURL(at index: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard scalars[index] == "h" || scalars[index] == "w", index == 0 || !Abbreviations.isWordScalar(scalars[index - 1]) else { return nil }
        let rest = scalars[index...]
        guard ["https://", "http://", "www."].contains(where: { rest.starts(with: $0.unicodeScalars) }) else { return nil }
        return rest.firstIndex(where: { $0.properties.isWhitespace }) ?? scalars.count
    }

    /// The word (letters, digits and marks) that starts at `index`, and where it ends.
    static func word(at index: Int, in scalars: [Unicode.Scalar]) -> (text: String, end: Int) {
        var end = index
        while end < scalars.count, Abbreviations.isWordScalar(scalars[end]) { end += 1 }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[index..<end])
        return (String(text), end)
    }
}
