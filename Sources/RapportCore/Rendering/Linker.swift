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
    }

    let mode: Mode
    /// The folders of the page's URL, split once (a page writes dozens of links).
    private let fromFolders: [Substring]

    init(mode: Mode) {
        self.mode = mode
        if case .relative(let from) = mode { fromFolders = from.split(separator: "/") } else { fromFolders = [] }
    }

    /// The link to `target`, a path relative to the site root (`fr/2020/`, `assets/rapport.css`, `` for the root).
    func href(_ target: String) -> String {
        switch mode {
        case .absolute(let basePath):
            return basePath + target
        case .relative:
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
    }

    /// The prefix that leads to the site root: `../../` (relative) or the base path.
    var root: String {
        switch mode {
        case .absolute(let basePath): return basePath
        case .relative: return String(repeating: "../", count: fromFolders.count)
        }
    }
}
