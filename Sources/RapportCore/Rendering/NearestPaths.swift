import RapportTemplates

/// "Did you mean …?" for paths and URLs: the closest known one by edit distance (`Suggestions.distance`), when
/// it is close enough to be a typo in the path's last segment: at most a third of that segment's characters, and
/// at least two when the segment is longer (`nigr.md` → `niger.md`, `…/nigerr/` → `…/niger/`, but never
/// `…/mali/` for `…/nigerr/`, nor the page itself for `y`).
struct NearestPaths: Sendable {
    /// The known paths by their length in characters, each list sorted: only lengths within the allowed
    /// distance are compared, and ties go to the first in order.
    private let byLength: [Int: [String]]

    init(_ paths: some Sequence<String>) {
        var byLength: [Int: [String]] = [:]
        for path in paths { byLength[path.count, default: []].append(path) }
        self.byLength = byLength.mapValues { $0.sorted() }
    }

    /// The known path closest to `path`, or nil when none is close enough (or `path` is too long to be a typo).
    func nearest(to path: String) -> String? {
        guard path.utf8.count <= 400 else { return nil }
        let limit = Self.allowedDistance(for: path)
        guard limit > 0 else { return nil }
        let length = path.count
        var best: (path: String, distance: Int)?
        for candidateLength in max(0, length - limit)...(length + limit) {
            for candidate in byLength[candidateLength] ?? [] where candidate != path {
                let distance = Suggestions.distance(path, candidate)
                guard distance <= limit else { continue }
                if best.map({ distance < $0.distance || (distance == $0.distance && candidate < $0.path) }) ?? true {
                    best = (candidate, distance)
                }
            }
        }
        return best?.path
    }

    /// A third of the last segment's characters (a trailing `/` aside), at least two, but fewer than the
    /// segment has: a segment wholly replaced or dropped is no typo (`…/niger/y` does not mean `…/niger/`).
    static func allowedDistance(for path: String) -> Int {
        let trimmed = path.hasSuffix("/") ? path.dropLast() : Substring(path)
        let segment = trimmed.lastIndex(of: "/").map { trimmed[trimmed.index(after: $0)...] } ?? trimmed
        return min(max(2, segment.count / 3), segment.count - 1)
    }
}
