/// Writes links between pages of the site.
///
/// Pages link relatively (`../../regions/asie/`), so the site works under any sub-path of `base_url`,
/// from a preview server and from a folder; pages served at any URL (the 404 page) link from the
/// base path instead (`/rapport/fr/`).
struct Linker: Sendable {
    enum Mode: Sendable, Equatable {
        /// From the page at this URL path (relative to the site root, ending with `/`, or `` for the root).
        case relative(from: String)
        /// From anywhere: the base path of `base_url` (`/` or `/rapport/`).
        case absolute(basePath: String)
        /// From the edition's PDF: a page of the edition is a place in the document (page URL path → its id
        /// there), anything else its public URL (`base_url` + path).
        case document(baseURL: String, places: [String: String])
    }

    let mode: Mode
    /// The page's URL path, and how many folders it has (a page writes dozens of links).
    private let from: String
    private let fromDepth: Int
    /// Whether `from` is a clean folder path (see `isClean`), which the byte rule needs.
    private let fromIsCleanFolder: Bool

    init(mode: Mode) {
        self.mode = mode
        if case .relative(let path) = mode {
            from = path
            fromDepth = path.split(separator: "/").count
        } else {
            from = ""
            fromDepth = 0
        }
        fromIsCleanFolder = Self.isClean(from) && (from.isEmpty || from.hasSuffix("/"))
    }

    /// The link to `target`, a path relative to the site root (`fr/2020/`, `assets/rapport.css`, `` for the root).
    func href(_ target: String) -> String {
        switch mode {
        case .absolute(let basePath):
            return basePath + target
        case .document(let baseURL, let places):
            return places[target].map { "#" + $0 } ?? baseURL + target
        case .relative:
            // Paths the site makes are clean (no empty or dot segments, folders end with `/`): the common folders
            // are the longest common prefix that ends with `/`, found on bytes.
            guard fromIsCleanFolder else { return Self.reference(from: from, to: target) }
            var from = from, target = target
            let link: String? = from.withUTF8 { from in
                target.withUTF8 { target in
                    guard Self.isClean(target) else { return nil }
                    var shared = 0, sharedFolders = 0
                    var index = 0
                    while index < from.count, index < target.count, from[index] == target[index] {
                        index += 1
                        if from[index - 1] == UInt8(ascii: "/") { shared = index; sharedFolders += 1 }
                    }
                    let ups = fromDepth - sharedFolders
                    guard ups > 0 || shared < target.count else { return "./" }
                    return String(unsafeUninitializedCapacity: ups * 3 + target.count - shared) { buffer in
                        var written = 0
                        for _ in 0..<ups {
                            buffer[written] = UInt8(ascii: "."); buffer[written + 1] = UInt8(ascii: "."); buffer[written + 2] = UInt8(ascii: "/")
                            written += 3
                        }
                        for byte in target[shared...] { buffer[written] = byte; written += 1 }
                        return written
                    }
                }
            }
            return link ?? Self.reference(from: from, to: target)
        }
    }

    /// Whether a path has no leading `/`, no empty segment and no `.` or `..` segment.
    private static func isClean(_ path: String) -> Bool {
        var path = path
        return path.withUTF8 { isClean($0) }
    }

    private static func isClean(_ path: UnsafeBufferPointer<UInt8>) -> Bool {
        var length = 0, allDots = true
        for byte in path {
            if byte == UInt8(ascii: "/") {
                if length == 0 || (allDots && length <= 2) { return false }
                length = 0
                allDots = true
            } else {
                length += 1
                if byte != UInt8(ascii: ".") { allDots = false }
            }
        }
        return !(length > 0 && allDots && length <= 2)
    }

    /// The rule on split segments, for any path: the definition the byte path above follows.
    static func reference(from: String, to target: String) -> String {
        let fromFolders = from.split(separator: "/")
        var targetParts = target.split(separator: "/", omittingEmptySubsequences: true)
        let targetIsFolder = target.isEmpty || target.hasSuffix("/")
        let targetFolders = targetIsFolder ? targetParts : targetParts.dropLast()
        var common = 0
        while common < min(fromFolders.count, targetFolders.count), fromFolders[common] == targetFolders[common] {
            common += 1
        }
        targetParts.removeFirst(common)
        let ups = String(repeating: "../", count: fromFolders.count - common)
        let rest = targetParts.joined(separator: "/") + (targetIsFolder && !targetParts.isEmpty ? "/" : "")
        let link = ups + rest
        return link.isEmpty ? "./" : link
    }

    /// Links from the edition's PDF (`Mode.document`).
    var isDocument: Bool { if case .document = mode { true } else { false } }

    /// The prefix that leads to the site root: `../../` (relative) or the base path.
    var root: String {
        switch mode {
        case .absolute(let basePath): return basePath
        case .document(let baseURL, _): return baseURL
        case .relative: return String(repeating: "../", count: fromDepth)
        }
    }
}
