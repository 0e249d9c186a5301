import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Stage "output": puts a built site on disk, whole or not at all.
///
/// The files go to a temporary sibling of the output folder (`StagedOutput`), which replaces the output folder
/// only once every file is written; a failed build or write leaves the last good output exactly as it was.
public enum OutputWriter {
    /// Why `output` may not be used for the site at `root`, or `nil` when it may.
    public static func refusal(output: URL, root: URL) -> String? {
        let out = normalized(output), rootPath = normalized(root)
        if out == rootPath { return "the output folder cannot be the site root" }
        if rootPath.hasPrefix(out + "/") || out == "/" { return "the output folder cannot contain the site root" }
        for folder in ["content", "templates"] where out == rootPath + "/" + folder || out.hasPrefix(rootPath + "/" + folder + "/") {
            return "the output folder cannot be inside \(folder)/"
        }
        return nil
    }

    /// Writes `files` as the new contents of `output`.
    /// - Throws: `OutputError` naming the path that failed; the old output is then untouched.
    public static func write(_ files: [RenderedFile], to output: URL) throws {
        let staged = try StagedOutput(output: output)
        do {
            for file in files { try staged.write(file) }
            try staged.commit()
        } catch {
            staged.discard()
            throw error
        }
    }

    static func normalized(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}

/// A site being written: a temporary sibling of the output folder, swapped in by `commit()` or removed by
/// `discard()`. `write` may be called from several threads at once (each file once).
public final class StagedOutput: @unchecked Sendable {
    public let output: URL
    private let outputPath: String
    private let stagingPath: String
    private let retiredPath: String
    private let lock = NSLock()
    /// Folders known to exist, so that each is created once (guarded by `lock`).
    private var folders: Set<String> = []

    public init(output: URL) throws {
        self.output = output
        outputPath = OutputWriter.normalized(output)
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        let token = UUID().uuidString.prefix(8)
        stagingPath = "\(parent)/\(name).tmp-\(token)"
        retiredPath = "\(parent)/\(name).old-\(token)"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: stagingPath, withIntermediateDirectories: false)
        } catch {
            throw OutputError(path: stagingPath, reason: (error as NSError).localizedDescription)
        }
        folders.insert(stagingPath)
    }

    /// Writes one file under the staging folder: plain `write(2)` calls, no `fsync` (the swap is what must be
    /// atomic, not each file's durability).
    public func write(_ file: RenderedFile) throws {
        let path = stagingPath + "/" + file.path
        try makeFolder((path as NSString).deletingLastPathComponent, for: file.path)
        switch file.contents {
        case .bytes(let bytes):
            try Self.writeBytes(bytes, to: path, reporting: file.path)
        case .file(let absolutePath):
            guard let data = FileManager.default.contents(atPath: absolutePath) else {
                throw OutputError(path: file.path, reason: "cannot read \(absolutePath)")
            }
            try Self.writeBytes(Array(data), to: path, reporting: file.path)
        }
    }

    /// Replaces the output folder with the staged one.
    public func commit() throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let hadOutput = manager.fileExists(atPath: outputPath, isDirectory: &isDirectory)
        do {
            if hadOutput {
                guard isDirectory.boolValue else { throw OutputError(path: outputPath, reason: "exists and is not a folder") }
                try manager.moveItem(atPath: outputPath, toPath: retiredPath)
            }
            do {
                try manager.moveItem(atPath: stagingPath, toPath: outputPath)
            } catch {
                if hadOutput { try? manager.moveItem(atPath: retiredPath, toPath: outputPath) }
                throw error
            }
        } catch let error as OutputError {
            discard()
            throw error
        } catch {
            discard()
            throw OutputError(path: outputPath, reason: (error as NSError).localizedDescription)
        }
        if hadOutput { try? manager.removeItem(atPath: retiredPath) }
    }

    /// Removes the staging folder; the output folder is untouched.
    public func discard() {
        try? FileManager.default.removeItem(atPath: stagingPath)
    }

    private func makeFolder(_ folder: String, for file: String) throws {
        lock.lock()
        defer { lock.unlock() }
        guard !folders.contains(folder) else { return }
        var missing: [String] = []
        var current = folder
        while !folders.contains(current), current.count > stagingPath.count {
            missing.append(current)
            current = (current as NSString).deletingLastPathComponent
        }
        for path in missing.reversed() {
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: file, reason: String(cString: strerror(errno)))
            }
            folders.insert(path)
        }
    }

    private static func writeBytes(_ bytes: [UInt8], to path: String, reporting name: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: name, reason: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: name, reason: String(cString: strerror(errno)))
            }
            offset += written
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif

public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
