import CRapportSystem
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The regular files below a folder of the site root, found by reading the folders themselves (`readdir`), so that
/// every name is seen as the bytes it is: a name that is not UTF-8 is reported, never dropped or changed.
///
/// Only regular files and folders are taken. A named pipe, socket or device is an error naming it (reading one
/// would hang or never end); so is a folder that cannot be opened, a symbolic link that leads nowhere, loops, leaves
/// the root or leads to a hidden file or folder (a name starting with `.`, such as `.git/config`), and a name that
/// is not UTF-8. Names starting with `.` are not content (editors' and systems' own files) and are passed over.
struct SiteWalk {
    /// A file found: its path relative to the root (`/`-separated), and the real path to read it from.
    struct Found: Sendable, Equatable {
        var path: String
        var absolutePath: String
    }

    /// The real path of the site root (no symbolic link, no `..`).
    let rootPath: String

    /// Regular files below `folder` (relative to the root), sorted by path; what cannot be taken is in `log`.
    func files(below folder: String, log: inout DiagnosticLog) -> [Found] {
        var found: [Found] = []
        // `content/` itself may be a link to a folder elsewhere: links inside it may lead anywhere in it.
        let base = Self.realPath(rootPath + "/" + folder) ?? rootPath + "/" + folder
        // Each folder is walked once, by its real path, so that a link to a folder above it cannot loop.
        var visited: Set<String> = [base]
        var pending = [(relative: folder, real: base)]
        while let current = pending.popLast() {
            guard let entries = Self.entries(of: current.real) else {
                log.error(.unreadableFolder(Self.systemReason(errno)), at: SourceLocation(path: current.relative + "/"))
                continue
            }
            for entry in entries {
                guard let name = String(validating: entry.name, as: UTF8.self) else {
                    let shown = Self.escaped(entry.name)
                    log.error(.fileNameNotUTF8(byte: shown.firstInvalid ?? 0), at: SourceLocation(path: current.relative + "/" + shown.text))
                    continue
                }
                if name.hasPrefix(".") { continue }
                let relative = current.relative + "/" + name
                let real = current.real + "/" + name
                var kind = entry.kind
                var target = real
                if kind == .unknown { kind = Kind(rapport_entry_kind(real, 0)) }
                if kind == .link {
                    guard let resolved = resolveLink(real, at: relative, within: [rootPath, base], log: &log) else { continue }
                    target = resolved.path
                    kind = resolved.kind
                }
                switch kind {
                case .file:
                    found.append(Found(path: relative, absolutePath: target))
                case .folder:
                    if visited.insert(target).inserted { pending.append((relative, target)) }
                case .pipe, .socket, .device:
                    log.error(.specialFile(kind.description), at: SourceLocation(path: relative))
                case .link, .unknown:
                    log.error(.unreadableFile(Self.systemReason(errno)), at: SourceLocation(path: relative))
                }
            }
        }
        return found.sorted { $0.path < $1.path }
    }

    // MARK: - Symbolic links

    /// Where the link at `real` leads, or nil (and a diagnostic) when it may not be followed: it must lead inside one
    /// of `bases` (the root, or the real folder being walked), to no hidden file or folder of it.
    private func resolveLink(_ real: String, at relative: String, within bases: [String], log: inout DiagnosticLog) -> (path: String, kind: Kind)? {
        let written = Self.linkText(real) ?? "?"
        guard let resolved = Self.realPath(real) else {
            let code = errno
            let reason: Reason = switch code {
            case ENOENT, ENOTDIR: .danglingSymlink(written)
            case ELOOP: .loopingSymlink(written)
            default: .unreadableFile(Self.systemReason(code))
            }
            log.error(reason, at: SourceLocation(path: relative))
            return nil
        }
        guard let container = bases.first(where: { resolved == $0 || resolved.hasPrefix($0 + "/") }) else {
            log.error(.symlinkOutsideRoot(written), at: SourceLocation(path: relative))
            return nil
        }
        let inside = resolved.dropFirst(container.utf8.count).split(separator: "/")
        if inside.contains(where: { $0.hasPrefix(".") }) {
            log.error(.symlinkToHidden(written), at: SourceLocation(path: relative))
            return nil
        }
        let kind = Kind(rapport_entry_kind(resolved, 1))
        return (resolved, kind)
    }

    /// The real path of `path` (every link and `..` resolved), or nil with `errno` set.
    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func linkText(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: 4097)
        let count = readlink(path, &buffer, 4096)
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    // MARK: - Reading a folder

    /// What an entry is, from the folder listing (`d_type`) or from `lstat` where the file system does not say.
    enum Kind: CustomStringConvertible {
        case file, folder, link, pipe, socket, device, unknown

        init(_ code: Int32) {
            self = switch code {
            case 1: .file
            case 2: .folder
            case 3: .link
            case 4: .pipe
            case 5: .socket
            case 6: .device
            default: .unknown
            }
        }

        /// `d_type`'s values, the same on Linux and the BSDs.
        init(directoryType: UInt8) {
            self = switch directoryType {
            case 8: .file
            case 4: .folder
            case 10: .link
            case 1: .pipe
            case 12: .socket
            case 2, 6: .device
            default: .unknown
            }
        }

        var description: String {
            switch self {
            case .pipe: "a named pipe (FIFO)"
            case .socket: "a socket"
            case .device: "a device"
            default: "not a regular file"
            }
        }
    }

    private struct Entry {
        var name: [UInt8]
        var kind: Kind
    }

    /// The entries of the folder at `path` (without `.` and `..`), sorted by name; nil with `errno` set when it
    /// cannot be opened.
    private static func entries(of path: String) -> [Entry]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var entries: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: &entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            entries.append(Entry(name: name, kind: Kind(directoryType: entry.pointee.d_type)))
        }
        return entries.sorted { $0.name.lexicographicallyPrecedes($1.name) }
    }

    // MARK: - Words for what went wrong

    static func systemReason(_ code: Int32) -> String {
        code == EACCES || code == EPERM ? "permission denied" : String(cString: strerror(code))
    }

    /// A name with its bytes that are not UTF-8 written `\xE9`, so that the message names the file as it is; and
    /// the first such byte.
    static func escaped(_ name: [UInt8]) -> (text: String, firstInvalid: UInt8?) {
        var text = "", firstInvalid: UInt8?
        var index = 0
        while index < name.count {
            // The shortest run of one to four bytes from here that is UTF-8; none: this byte is not.
            let length = (1...4).first { index + $0 <= name.count && String(validating: name[index..<index + $0], as: UTF8.self) != nil }
            if let length {
                text += String(decoding: name[index..<index + length], as: UTF8.self)
                index += length
            } else {
                text += "\\x" + String(name[index], radix: 16, uppercase: true)
                if firstInvalid == nil { firstInvalid = name[index] }
                index += 1
            }
        }
        return (text, firstInvalid)
    }
}
