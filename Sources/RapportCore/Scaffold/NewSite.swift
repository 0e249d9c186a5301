import CRapportSystem
import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `rapport init DIR`: a new site root, from the scaffold compiled into the tool (`scaffold/` of the repository,
/// `EmbeddedFolder.scaffold`): site.yaml, the interface strings, one edition in French and English, the privacy and
/// accessibility pages — and no `templates/`, so that it builds with the built-in theme.
///
/// DIR is judged by its real path: a new name (its folder must exist), or an empty folder, or a symbolic link to an
/// empty folder. Anything else — a folder that holds anything, a file, a named pipe, a link that leads nowhere — is
/// refused, and nothing is written. The files are written into a hidden staging folder inside DIR
/// (`.rapport-init-XXXXXX`), then its `content/` is moved to `DIR/content` in one rename that never replaces
/// anything: an interrupted init leaves no `content/`, so nothing that looks like a site (only the staging folder,
/// which a second `rapport init` names).
public enum NewSite {
    /// The name every staging folder starts with.
    public static let stagingPrefix = ".rapport-init-"

    /// Why no site was made: the message names what to do.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: Reason
        /// The path the message is about, as the writer typed it.
        public let path: String
        public var description: String {
            Diagnostic(.error, reason, at: SourceLocation(path: PrintableText.escaped(path)), stage: .output).description
        }
    }

    /// What `create` made.
    public struct Created: Sendable, Equatable {
        /// The site root's real path.
        public let root: String
        /// The files written, relative to the root, in byte order.
        public let files: [String]
    }

    /// Makes a new site root at `path` (as typed: relative paths are read from the current folder) whose edition is
    /// `year` (four digits), in `languages`.
    public static func create(at path: String, year: String, languages: StarterLanguages = .both) -> Result<Created, Refusal> {
        let typed = path.count > 1 && path.hasSuffix("/") ? String(path.reversed().drop { $0 == "/" }.reversed()) : path
        guard ContentEntry.isEdition(year) else {
            return .failure(Refusal(reason: .initFailed("'\(year)' is not a report year (four digits, such as 2025)"), path: typed))
        }
        let files = scaffoldFiles(year: year, languages: languages)
        let root: String, madeRoot: Bool
        switch judge(typed) {
        case .failure(let refusal): return .failure(refusal)
        case .success(let judged): (root, madeRoot) = judged
        }
        guard let staging = makeStaging(in: root) else {
            let why = SiteWalk.systemReason(errno)
            if madeRoot { rmdir(root) }
            return .failure(Refusal(reason: .initFailed(why), path: typed))
        }
        if let why = writeFiles(files, into: staging) ?? move(staging + "/content", to: root + "/content") {
            removeTree(staging)
            if madeRoot { rmdir(root) }
            return .failure(Refusal(reason: .initFailed(why), path: typed))
        }
        rmdir(staging)
        return .success(Created(root: root, files: files.map(\.path)))
    }

    /// The scaffold's files for the edition `year` in `languages`: the folder `YEAR` is named `year`, and `{{year}}`
    /// in a page or a YAML file is replaced by it; the files and YAML entries of a language left out are left out.
    public static func scaffoldFiles(year: String, languages: StarterLanguages = .both) -> [(path: String, bytes: [UInt8])] {
        EmbeddedFolder.scaffold.names.compactMap { name in
            guard !languages.leavesOut(name), var bytes = EmbeddedFolder.scaffold.bytes(of: name) else { return nil }
            let path = name.split(separator: "/", omittingEmptySubsequences: false)
                .map { $0 == "YEAR" ? year : String($0) }.joined(separator: "/")
            if name.hasSuffix(".md") || name.hasSuffix(".yaml") {
                var text = String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "{{year}}", with: year)
                if name.hasSuffix(".yaml"), languages != .both { text = languages.yaml(text, isSiteFile: name == "content/site.yaml") }
                bytes = Array(text.utf8)
            }
            return (path, bytes)
        }.sorted { Array($0.path.utf8).lexicographicallyPrecedes(Array($1.path.utf8)) }
    }
}

// MARK: - Judging DIR

private extension NewSite {
    /// The real path of the folder to write into, and whether it was made now (an empty folder that already
    /// existed is kept on any failure).
    static func judge(_ typed: String) -> Result<(String, Bool), Refusal> {
        func refuse(_ reason: Reason, _ path: String = typed) -> Result<(String, Bool), Refusal> {
            .failure(Refusal(reason: reason, path: path))
        }
        switch rapport_entry_kind(typed, 0) {
        case 0:
            guard errno == ENOENT || errno == ENOTDIR else { return refuse(.initFailed(SiteWalk.systemReason(errno))) }
            // The folder it goes in and its name, as typed: `reports/2025` is `2025` in `reports`.
            let slash = typed.lastIndex(of: "/")
            let parentTyped = slash.map { $0 == typed.startIndex ? "/" : String(typed[..<$0]) } ?? "."
            let name = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
            guard let parent = SiteWalk.realPath(parentTyped), rapport_entry_kind(parent, 0) == 2 else {
                return refuse(.initParentMissing(PrintableText.escaped(parentTyped)))
            }
            let root = (parent == "/" ? "" : parent) + "/" + name
            guard mkdir(root, 0o755) == 0 else {
                return errno == EEXIST ? judgeExisting(typed, made: false) : refuse(.initFailed(SiteWalk.systemReason(errno)))
            }
            return .success((root, true))
        case 3:
            // A link is judged by where it leads: to an empty folder, fine; to nothing, or in a loop, refused.
            guard rapport_entry_kind(typed, 1) != 0 else { return refuse(.initDanglingLink) }
            return judgeExisting(typed, made: false)
        default:
            return judgeExisting(typed, made: false)
        }
    }

    /// An existing `typed` (a link followed): an empty folder, or a refusal.
    static func judgeExisting(_ typed: String, made: Bool) -> Result<(String, Bool), Refusal> {
        guard let root = SiteWalk.realPath(typed) else {
            return .failure(Refusal(reason: .initFailed(SiteWalk.systemReason(errno)), path: typed))
        }
        switch rapport_entry_kind(root, 0) {
        case 2: break
        case 1: return .failure(Refusal(reason: .initNotAFolder("a file"), path: typed))
        case 4: return .failure(Refusal(reason: .initNotAFolder("a named pipe (FIFO)"), path: typed))
        case 5: return .failure(Refusal(reason: .initNotAFolder("a socket"), path: typed))
        default: return .failure(Refusal(reason: .initNotAFolder("a device"), path: typed))
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: root) else {
            return .failure(Refusal(reason: .initFailed("the folder cannot be read (\(SiteWalk.systemReason(EACCES)))"), path: typed))
        }
        guard entries.isEmpty else {
            let sorted = entries.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            let shown = sorted.prefix(3).map { PrintableText.escaped($0) }
            return .failure(Refusal(reason: .initFolderNotEmpty(entries: shown, more: sorted.count - shown.count), path: typed))
        }
        return .success((root, made))
    }
}

// MARK: - Writing

private extension NewSite {
    /// A new hidden folder in `root`, only this process's (mode 0700 until its `content/` is moved out).
    static func makeStaging(in root: String) -> String? {
        var template = Array((root + "/" + stagingPrefix + "XXXXXX").utf8CString)
        return template.withUnsafeMutableBufferPointer { buffer in
            mkdtemp(buffer.baseAddress!).map { String(cString: $0) }
        }
    }

    /// Writes every file below `staging`; the system's reason on the first failure.
    static func writeFiles(_ files: [(path: String, bytes: [UInt8])], into staging: String) -> String? {
        var made: Set<String> = []
        for file in files {
            var folder = staging
            for part in file.path.split(separator: "/").dropLast() {
                folder += "/" + part
                if made.insert(folder).inserted, mkdir(folder, 0o755) != 0 { return SiteWalk.systemReason(errno) }
            }
            let descriptor = open(staging + "/" + file.path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { return SiteWalk.systemReason(errno) }
            defer { close(descriptor) }
            var written = 0
            while written < file.bytes.count {
                let result = file.bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
                if result < 0, errno == EINTR { continue }
                guard result > 0 else { return SiteWalk.systemReason(errno) }
                written += result
            }
        }
        return nil
    }

    /// Moves the finished `content/` into place in one step that never replaces anything.
    static func move(_ from: String, to: String) -> String? {
        guard rapport_rename_noreplace(from, to) == 0 else {
            return errno == EEXIST ? "something named content appeared in the folder meanwhile" : SiteWalk.systemReason(errno)
        }
        return nil
    }

    /// Removes the staging folder this run made, and everything in it (all of it this run's).
    static func removeTree(_ path: String) {
        if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
            for name in names {
                let child = path + "/" + name
                if rapport_entry_kind(child, 0) == 2 { removeTree(child) } else { unlink(child) }
            }
        }
        rmdir(path)
    }
}
