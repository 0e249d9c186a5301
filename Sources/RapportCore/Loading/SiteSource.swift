import CRapportSystem
import Foundation

/// A file of the site root: its path relative to the root, and its bytes (or where to find them).
public struct SourceFile: Sendable, Equatable {
    public enum Contents: Sendable, Equatable {
        case bytes([UInt8])
        /// A file copied as it is (an asset): read when written.
        case file(absolutePath: String)

        /// The bytes, read from disk for `.file` (empty when the file cannot be read).
        public var bytes: [UInt8] { read() ?? [] }

        /// The bytes, read from disk for `.file`; `nil` when the file cannot be read.
        public func read() -> [UInt8]? {
            try? load().get()
        }

        /// The bytes, read from disk for `.file`, or why they cannot be read.
        func load() -> Result<[UInt8], FileBytes.Failure> {
            switch self {
            case .bytes(let bytes): .success(bytes)
            case .file(let absolutePath): FileBytes.load(atPath: absolutePath)
            }
        }
    }

    public var path: String
    public var contents: Contents

    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.contents = .bytes(bytes)
    }

    public init(path: String, text: String) { self.init(path: path, bytes: Array(text.utf8)) }

    public init(path: String, absolutePath: String) {
        self.path = path
        self.contents = .file(absolutePath: absolutePath)
    }

    public var bytes: [UInt8] { contents.bytes }
}

/// Stage "read": everything a build reads, gathered before anything is parsed.
///
/// Reading lists the site root and reads the templates; the content files' bytes are read by the loading stage,
/// one file per task on its threads, so that a large site is never held in memory whole. Tests and the preview
/// make a `SiteSource` from memory instead.
public struct SiteSource: Sendable {
    /// `content/**` pages and YAML files, sorted by path. Assets are in `assets`. Read from disk, they are
    /// `.file` contents: each is read when it is loaded, on the loading thread, and not kept.
    public var contentFiles: [SourceFile]
    /// The site's own `templates/**.mustache`, sorted by path (a build puts them over the built-in theme's:
    /// `ThemeFiles.merged`).
    public var templates: [SourceFile]
    /// The site's `templates/assets/**` then `content/assets/**`: copied to `output/assets/` with the built-in theme's.
    public var assets: [SourceFile]
    /// Problems met while reading (unreadable files, links out of the root): part of the build's diagnostics.
    public var readDiagnostics: [Diagnostic] = []

    public init(contentFiles: [SourceFile], templates: [SourceFile], assets: [SourceFile]) {
        self.contentFiles = contentFiles.sorted { $0.path < $1.path }
        self.templates = templates.sorted { $0.path < $1.path }
        self.assets = assets
    }

    /// Builds a source from `path → text` (tests): `content/…` and `templates/…` keys.
    public init(files: [String: String]) {
        var content: [SourceFile] = [], templates: [SourceFile] = [], assets: [SourceFile] = []
        for (path, text) in files {
            let file = SourceFile(path: path, text: text)
            if path.hasPrefix("content/assets/") || path.hasPrefix("templates/assets/") { assets.append(file) }
            else if path.hasPrefix("templates/") { templates.append(file) }
            else { content.append(file) }
        }
        self.init(contentFiles: content, templates: templates, assets: assets.sorted { $0.path < $1.path })
    }

    /// Reads the site root at `root` from disk; problems met are in `readDiagnostics`.
    public static func read(root: URL) -> SiteSource {
        var log = DiagnosticLog(stage: .read)
        let rootPath = SiteWalk.realPath(root.path) ?? root.standardizedFileURL.path
        let walk = SiteWalk(rootPath: rootPath)
        var content: [SourceFile] = [], templates: [SourceFile] = [], themeAssets: [SourceFile] = [], contentAssets: [SourceFile] = []
        for folder in ["content", "templates"] {
            // `templates/` is optional: without it, the built-in theme is used whole.
            guard rapport_entry_kind(rootPath + "/" + folder, 1) == 2 else {
                if folder == "content" || rapport_entry_kind(rootPath + "/" + folder, 0) != 0 { log.error(.missingFolder("\(folder)/"), at: SourceLocation(path: folder)) }
                continue
            }
            for file in walk.files(below: folder, log: &log) {
                let relative = file.path
                switch role(of: relative) {
                case .asset where relative.hasPrefix("content/"):
                    contentAssets.append(SourceFile(path: relative, absolutePath: file.absolutePath))
                case .asset:
                    themeAssets.append(SourceFile(path: relative, absolutePath: file.absolutePath))
                case .template:
                    templates.append(readFile(relative, file.absolutePath, log: &log))
                case .content:
                    content.append(SourceFile(path: relative, absolutePath: file.absolutePath))
                case nil:
                    continue
                }
            }
        }
        var source = SiteSource(contentFiles: content, templates: templates, assets: themeAssets + contentAssets)
        source.readDiagnostics = log.items
        return source
    }

    /// The one error for a root with neither `content/` nor `templates/` (a command started in the wrong folder), at
    /// the root's full path; nil for anything else, whose missing parts a build reports one by one.
    public static func notASiteRoot(_ root: URL) -> Diagnostic? {
        let rootPath = SiteWalk.realPath(root.path) ?? root.standardizedFileURL.path
        let found = ["content", "templates"].contains { rapport_entry_kind(rootPath + "/" + $0, 1) == 2 }
        guard !found else { return nil }
        let exists = rapport_entry_kind(rootPath, 1) == 2
        return Diagnostic(.error, .notASiteRoot(folderExists: exists), at: SourceLocation(path: rootPath), stage: .read)
    }

    /// What a file of the site root is to a build.
    public enum Role: Sendable {
        /// `content/**` outside `content/assets/`: pages, site.yaml, interface strings, data sets (and misplaced files,
        /// which the load stage reports).
        case content
        /// `templates/**.mustache`.
        case template
        /// `templates/assets/**` and `content/assets/**`.
        case asset
    }

    /// The role of the file at `path` (relative to the root), from its path alone; nil for what a build never reads
    /// (dot files and folders, files of `templates/` that are neither templates nor assets, anything else). The one
    /// rule that `read` and the preview's watcher share, so that the preview reads what a build reads.
    public static func role(of path: String) -> Role? {
        if path.utf8.split(separator: UInt8(ascii: "/")).contains(where: { $0.first == UInt8(ascii: ".") }) { return nil }
        if path.hasPrefix("content/assets/") || path.hasPrefix("templates/assets/") { return .asset }
        if path.hasPrefix("templates/") { return path.hasSuffix(".mustache") ? .template : nil }
        if path.hasPrefix("content/") { return .content }
        return nil
    }

    /// What reading one file of the root (the preview, after a save) found.
    public enum SingleRead: Sendable {
        /// A regular file, read whole.
        case file(SourceFile)
        /// No such file, or one a build never reads (`role(of:)`).
        case absent
        /// Something only a whole read can judge as a build does: a symbolic link, a folder, a named pipe, or a
        /// file that could not be read (no permission, too many open files) — never taken for a deletion.
        case needsWholeRead
    }

    /// Reads the one file at `path` (relative to `root`, a real path).
    public static func readFile(_ path: String, root: String) -> SingleRead {
        guard role(of: path) != nil else { return .absent }
        let absolute = root + "/" + path
        switch rapport_entry_kind(absolute, 0) {
        case 0: return errno == ENOENT || errno == ENOTDIR ? .absent : .needsWholeRead
        case 1: break
        default: return .needsWholeRead
        }
        switch FileBytes.load(atPath: absolute) {
        case .success(let bytes): return .file(SourceFile(path: path, bytes: bytes))
        case .failure: return .needsWholeRead
        }
    }

    private static func readFile(_ relative: String, _ absolute: String, log: inout DiagnosticLog) -> SourceFile {
        switch FileBytes.load(atPath: absolute) {
        case .success(let bytes): return SourceFile(path: relative, bytes: bytes)
        case .failure(let failure):
            log.append(contentsOf: [Diagnostic.unreadable(relative, failure)])
            return SourceFile(path: relative, bytes: [])
        }
    }
}

extension Diagnostic {
    /// A file of the site root that cannot be read, and why.
    static func unreadable(_ path: String, _ failure: FileBytes.Failure) -> Diagnostic {
        Diagnostic(.error, .unreadableFile(failure.description), at: SourceLocation(path: path), stage: .read)
    }
}
