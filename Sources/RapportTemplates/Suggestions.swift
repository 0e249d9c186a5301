/// "Did you mean …?": the closest candidate by edit distance, when it is close enough to be a typo.
public enum Suggestions {
    public static func closest(to word: String, among candidates: [String]) -> String? {
        // The distance costs the product of the lengths; a word this long is no typo.
        guard word.utf8.count <= 200 else { return nil }
        let scored = candidates.map { ($0, distance(word.lowercased(), $0.lowercased())) }
        guard let best = scored.min(by: { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }) else { return nil }
        let limit = max(2, min(word.count, best.0.count) / 3)
        if best.1 <= limit { return best.0 }
        // A word cut short or run on ("budget" for "budget_eur") is a typo too.
        let lowered = word.lowercased()
        return candidates.sorted().first { lowered.count >= 4 && $0.count >= 3 && ($0.lowercased().hasPrefix(lowered) || lowered.hasPrefix($0.lowercased())) }
    }

    /// Levenshtein distance over characters.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
