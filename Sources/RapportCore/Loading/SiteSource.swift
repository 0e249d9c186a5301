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
            switch self {
            case .bytes(let bytes): bytes
            case .file(let absolutePath): FileBytes.read(atPath: absolutePath)
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
    /// `templates/*.mustache`, sorted by path.
    public var templates: [SourceFile]
    /// `templates/assets/**` then `content/assets/**`: copied to `output/assets/`.
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
        let rootPath = root.standardizedFileURL.resolvingSymlinksInPath().path
        var content: [SourceFile] = [], templates: [SourceFile] = [], themeAssets: [SourceFile] = [], contentAssets: [SourceFile] = []
        for folder in ["content", "templates"] {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: rootPath + "/" + folder, isDirectory: &isDirectory), isDirectory.boolValue else {
                log.error(.missingFolder("\(folder)/"), at: SourceLocation(path: folder))
                continue
            }
            for relative in walk(rootPath: rootPath, folder: folder, log: &log) {
                let absolute = rootPath + "/" + relative
                if relative.hasPrefix("content/assets/") {
                    contentAssets.append(SourceFile(path: relative, absolutePath: absolute))
                } else if relative.hasPrefix("templates/assets/") {
                    themeAssets.append(SourceFile(path: relative, absolutePath: absolute))
                } else if folder == "templates" {
                    guard relative.hasSuffix(".mustache") else { continue }
                    templates.append(readFile(relative, absolute, log: &log))
                } else {
                    content.append(SourceFile(path: relative, absolutePath: absolute))
                }
            }
        }
        var source = SiteSource(contentFiles: content, templates: templates, assets: themeAssets + contentAssets)
        source.readDiagnostics = log.items
        return source
    }

    private static func readFile(_ relative: String, _ absolute: String, log: inout DiagnosticLog) -> SourceFile {
        guard let bytes = FileBytes.read(atPath: absolute) else {
            log.append(contentsOf: [Diagnostic.unreadable(relative)])
            return SourceFile(path: relative, bytes: [])
        }
        return SourceFile(path: relative, bytes: bytes)
    }

    /// Regular files below `folder`, relative to the root, sorted; symbolic links that leave the root are refused.
    private static func walk(rootPath: String, folder: String, log: inout DiagnosticLog) -> [String] {
        var found: [String] = []
        var pending = [folder]
        var visited: Set<String> = []
        let manager = FileManager.default
        while let current = pending.popLast() {
            guard let names = try? manager.contentsOfDirectory(atPath: rootPath + "/" + current) else {
                log.error(.unreadableFile("cannot list the folder"), at: SourceLocation(path: current))
                continue
            }
            for name in names.sorted() {
                let relative = current + "/" + name
                let absolute = rootPath + "/" + relative
                // One `lstat` per entry; only a link is asked where it leads (Foundation's question throws an
                // error object for every file that is not a link).
                var isDirectory: Bool
                switch rapport_entry_kind(absolute) {
                case 1: isDirectory = false
                case 2: isDirectory = true
                case 3:
                    if let target = try? manager.destinationOfSymbolicLink(atPath: absolute) {
                        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
                        guard resolved == rootPath || resolved.hasPrefix(rootPath + "/") else {
                            log.error(.symlinkOutsideRoot(target), at: SourceLocation(path: relative))
                            continue
                        }
                    }
                    var linksToDirectory: ObjCBool = false
                    guard manager.fileExists(atPath: absolute, isDirectory: &linksToDirectory) else { continue }
                    isDirectory = linksToDirectory.boolValue
                default: continue
                }
                if isDirectory {
                    // A linked folder is walked once, so that a link to a parent cannot loop.
                    let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
                    if !name.hasPrefix("."), visited.insert(resolved).inserted { pending.append(relative) }
                } else {
                    found.append(relative)
                }
            }
        }
        return found.sorted()
    }
}

extension Diagnostic {
    /// A file of the site root that cannot be read.
    static func unreadable(_ path: String) -> Diagnostic {
        Diagnostic(.error, .unreadableFile("permission denied or not a regular file"), at: SourceLocation(path: path), stage: .read)
    }
}
