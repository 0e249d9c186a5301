import CRapportSystem
import Foundation

/// The folder a build may replace, judged by its real path (every symbolic link and `..` resolved), never by how
/// the command line wrote it.
///
/// A build replaces its output folder whole, so it may only be a folder Rapport made: one holding the marker file
/// (`.rapport-output`) that every build writes at its root, or an empty or missing one. Anything else is refused
/// unless the user says `--force`. The folder may not be the root, hold the root, lie inside `content/` or
/// `templates/`, or be a mount point (a mount point cannot be renamed, so it cannot be swapped).
public struct OutputFolder: Sendable, Equatable {
    /// The file every build writes at the root of its output: what makes a folder Rapport's.
    public static let markerName = ".rapport-output"
    /// The marker's bytes: the same at every build, so that two builds of the same files give the same folder.
    static let markerText = "This folder was made by Rapport (rapport build). Every build replaces all of it: keep no file of your own here.\n"

    /// The real path of the output folder (what exists of it resolved; the rest written plainly).
    public let path: String

    /// Why a folder may not be the output.
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case isRoot
        case containsRoot
        case insideSources(folder: String)
        case containsSources(folder: String)
        case notAFolder(String)
        case mountPoint(String)
        /// An existing folder with files and no marker; `earlierRapport` when it looks like an earlier build's.
        case notRapports(String, earlierRapport: Bool)

        public var description: String {
            switch self {
            case .isRoot: return "the output folder cannot be the site root"
            case .containsRoot: return "the output folder cannot contain the site root"
            case .insideSources(let folder): return "the output folder cannot be inside \(folder)/"
            case .containsSources(let folder): return "the output folder cannot contain the site's \(folder)/ folder"
            case .notAFolder(let path): return "the output path \(path) is a file, not a folder"
            case .mountPoint(let path):
                return "the output folder \(path) is a mount point (a disk or a share mounted there); a build replaces its output folder whole, which cannot be done to a mount point: build into a folder inside it, e.g. --output \(path)/site"
            case .notRapports(let path, let earlier):
                let why = earlier
                    ? "the output folder \(path) looks like the output of an earlier version of Rapport, from before output folders were marked (it has no \(OutputFolder.markerName) file); if nothing in it is yours, delete it or build once with --force: later builds will know it as theirs"
                    : "the output folder \(path) already holds files that Rapport did not make (it has no \(OutputFolder.markerName) file); a build replaces everything in its output folder, so nothing in it was touched: choose a new or empty folder, or add --force to replace all of it"
                return why
            }
        }
    }

    /// The output folder for `output` and the site at `root`, or why it is refused.
    /// - Parameter force: an existing folder that Rapport did not make may be replaced (`--force`).
    public static func judge(output: URL, root: URL, force: Bool) -> Result<OutputFolder, Refusal> {
        let out = realPath(of: output.path)
        let rootPath = realPath(of: root.path)
        if out == rootPath { return .failure(.isRoot) }
        if out == "/" || rootPath.hasPrefix(out + "/") { return .failure(.containsRoot) }
        for folder in ["content", "templates"] {
            let source = realPath(of: rootPath + "/" + folder)
            if out == source || out.hasPrefix(source + "/") { return .failure(.insideSources(folder: folder)) }
            if source.hasPrefix(out + "/") { return .failure(.containsSources(folder: folder)) }
        }
        if let refusal = ownership(of: out, force: force) { return .failure(refusal) }
        return .success(OutputFolder(path: out))
    }

    /// Whether the existing folder at the real path `path` may be replaced by a build: nil when it may (missing,
    /// empty, marked, or `force`), else why not.
    static func ownership(of path: String, force: Bool) -> Refusal? {
        switch rapport_entry_kind(path, 1) {
        case 0: return nil   // nothing there yet
        case 2: break
        default: return .notAFolder(path)
        }
        if rapport_is_mount_point(path) == 1 { return .mountPoint(path) }
        if force || isMarked(path) { return nil }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path), !entries.isEmpty else {
            // An empty folder holds nothing to lose; one that cannot be listed is left to the build to report.
            return nil
        }
        let earlier = rapport_entry_kind(path + "/assets/rapport.css", 0) == 1 && rapport_entry_kind(path + "/sitemap.xml", 0) == 1
        return .notRapports(path, earlierRapport: earlier)
    }

    /// Whether the folder at `path` holds the marker as a regular file of its own (not through a link).
    static func isMarked(_ path: String) -> Bool {
        rapport_entry_kind(path + "/" + markerName, 0) == 1
    }

    /// The real path of `path`, made as the system walks a path: one component at a time, each folder that exists
    /// resolved (links and all), `..` going to the parent of what the path has reached so far; folders not made
    /// yet are added as written.
    static func realPath(of path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var current = "/"
        for part in absolute.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": current = (current as NSString).deletingLastPathComponent
            default:
                let next = current == "/" ? "/" + part : current + "/" + part
                current = SiteWalk.realPath(next) ?? next
            }
        }
        return current
    }
}
