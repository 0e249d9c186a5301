import CRapportSystem
import Foundation
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// `rapport theme --copy NAME`: the built-in theme's file `NAME`, copied into the site's `templates/` for the
/// writer to change. It never replaces a file (the copy is created, or nothing is), and never writes outside the
/// site root: `templates/` and its folders are judged by their real paths, and a symbolic link on the way that
/// leads out of the root stops it.
public enum ThemeCopy {
    /// Why a copy was not made: the message names what to do.
    public struct Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        public let reason: Reason
        public let path: String
        public var description: String { Diagnostic(.error, reason, at: SourceLocation(path: path), stage: .output).description }
    }

    /// The theme's name of `requested` (`base.mustache`; also `base`, `templates/base.mustache`,
    /// `(built-in theme)/base.mustache`), or nil when the built-in theme has no such file.
    public static func builtInName(_ requested: String) -> String? {
        let name = ThemeFiles.name(ofPath: requested) ?? requested
        for candidate in [name, name + ".mustache"] where ThemeFiles.isThemeFile(candidate) && ThemeFiles.builtIn.contains(candidate) {
            return candidate
        }
        return nil
    }

    /// Copies the built-in file `requested` to `templates/NAME` under `root`; returns the path written, relative
    /// to the root.
    public static func copy(_ requested: String, into root: URL) -> Result<String, Refusal> {
        guard let name = builtInName(requested), let bytes = ThemeFiles.builtIn.bytes(of: name) else {
            let known = ThemeFiles.builtIn.names.filter(ThemeFiles.isThemeFile)
            let suggestion = NearestPaths(known).nearest(to: requested)
            return .failure(Refusal(reason: .unknownThemeFile(PrintableText.escaped(requested), suggestion: suggestion), path: requested))
        }
        let relative = ThemeFiles.siteFolder + name
        // Only into a report's folder (one with content/): never a templates/ made in the wrong folder.
        guard let rootPath = SiteWalk.realPath(root.path), rapport_entry_kind(rootPath + "/content", 1) == 2 else {
            let exists = rapport_entry_kind(SiteWalk.realPath(root.path) ?? root.path, 1) == 2
            return .failure(Refusal(reason: .notASiteRoot(folderExists: exists), path: SiteWalk.realPath(root.path) ?? root.path))
        }
        // Each folder on the way: made when missing, and a real folder inside the root when there.
        var folder = rootPath
        for part in relative.split(separator: "/").dropLast() {
            let next = folder + "/" + part
            switch rapport_entry_kind(next, 0) {
            case 0:
                guard mkdir(next, 0o755) == 0 || errno == EEXIST else {
                    return .failure(Refusal(reason: .themeCopyFailed(SiteWalk.systemReason(errno)), path: relative))
                }
            case 2: break
            case 3:
                // A link to a folder is taken only when its real path stays in the root.
                guard let real = SiteWalk.realPath(next), real.hasPrefix(rootPath + "/"), rapport_entry_kind(real, 0) == 2 else {
                    return .failure(Refusal(reason: .themeCopyOutsideRoot, path: String(next.dropFirst(rootPath.count + 1))))
                }
            default:
                return .failure(Refusal(reason: .themeCopyFailed("\(part) is not a folder"), path: String(next.dropFirst(rootPath.count + 1))))
            }
            guard let real = SiteWalk.realPath(next), real.hasPrefix(rootPath + "/") else {
                return .failure(Refusal(reason: .themeCopyOutsideRoot, path: String(next.dropFirst(rootPath.count + 1))))
            }
            folder = real
        }
        let target = folder + "/" + (relative.split(separator: "/").last.map(String.init) ?? name)
        // O_EXCL with O_NOFOLLOW: an existing file, folder or link (even one that leads nowhere) is never replaced.
        let descriptor = open(target, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            let reason: Reason = errno == EEXIST ? .themeCopyExists : .themeCopyFailed(SiteWalk.systemReason(errno))
            return .failure(Refusal(reason: reason, path: relative))
        }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result < 0, errno == EINTR { continue }
            guard result > 0 else {
                unlink(target)
                return .failure(Refusal(reason: .themeCopyFailed(SiteWalk.systemReason(errno)), path: relative))
            }
            written += result
        }
        return .success(relative)
    }
}
