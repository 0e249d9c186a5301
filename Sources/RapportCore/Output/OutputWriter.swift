import CRapportSystem
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

}

/// A site being written: a temporary sibling of the output folder, swapped in by `commit()` or removed by
/// `discard()`. `write` may be called from several threads at once (each file once).
///
/// The output folder is judged by its real path and may only be replaced when Rapport made it (`OutputFolder`):
/// the staging folder gets the marker file before anything else, so the folder swapped in is marked.
///
/// One build at a time writes into an output folder: `StagedOutput` holds an `flock` on `.NAME.lock` beside it
/// from its creation until `commit()` or `discard()` (a second build waits, or fails at once when asked not to
/// wait). Holding it, it removes the `NAME.rapport-tmp-*` and `NAME.rapport-old-*` siblings that killed builds left
/// behind — only folders that hold the marker or nothing: no running build can own them, and no folder of a
/// person's is taken for one. The swap is one `renameat2(RENAME_EXCHANGE)` on Linux, so `output/` never stops
/// existing; elsewhere (or where the filesystem refuses it) two renames.
public final class StagedOutput: @unchecked Sendable {
    public let output: URL
    private let outputPath: String
    private let stagingPath: String
    private let force: Bool
    private let lock = NSLock()
    /// Folders known to exist, so that each is made once (guarded by `lock`).
    private var folders: Set<String> = []
    /// The first write that failed: the build has failed, later writes are not tried (guarded by `lock`).
    private var failure: OutputError?
    /// The open lock file (closing it releases the lock), or -1 once released.
    private var lockDescriptor: Int32

    /// Whether a second build into the same folder waits for the first, or fails at once.
    public enum Waiting: Sendable { case wait, failAtOnce }

    /// How the last `commit()` swapped the folders (docs/reference/cli.md, "What a build guarantees", and the tests say which).
    public private(set) var swap: Swap?
    public enum Swap: Sendable { case exchanged, renamedTwice, movedIn }

    /// - Parameters:
    ///   - force: an existing output folder that Rapport did not make may be replaced (`--force`).
    ///   - onWait: called once when another build holds the folder and this one starts waiting for it.
    /// - Throws: `OutputFolder.Refusal` when the output folder may not be replaced; `OutputError` when it cannot.
    public init(output: URL, waiting: Waiting = .wait, force: Bool = false, onWait: (() -> Void)? = nil) throws {
        self.output = output
        self.force = force
        outputPath = OutputFolder.realPath(of: output.path)
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        stagingPath = "\(parent)/\(name)\(Self.stagingInfix)\(Self.token())"
        do {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        } catch {
            throw OutputError(path: outputPath, reason: Self.reason(error))
        }
        lockDescriptor = try Self.lock("\(parent)/.\(name).lock", for: outputPath, waiting: waiting, onWait: onWait)
        if let refusal = OutputFolder.ownership(of: outputPath, force: force) {
            release()
            throw refusal
        }
        do {
            Self.removeLeftovers(of: name, in: parent)
            try FileManager.default.createDirectory(atPath: stagingPath, withIntermediateDirectories: false)
            try Self.writeBytes(Array(OutputFolder.markerText.utf8), to: stagingPath + "/" + OutputFolder.markerName,
                                reporting: OutputFolder.markerName, in: outputPath)
        } catch {
            try? FileManager.default.removeItem(atPath: stagingPath)
            release()
            throw (error as? OutputError) ?? OutputError(path: outputPath, reason: Self.reason(error))
        }
        folders.insert(stagingPath)
    }

    private static let stagingInfix = ".rapport-tmp-", retiredInfix = ".rapport-old-"

    /// Sixteen random hexadecimal digits: a staging folder's name is one no person would choose.
    private static func token() -> String {
        let digits = String(UInt64.random(in: .min ... .max), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    deinit { release() }

    /// Writes one file under the staging folder: plain `write(2)` calls, no `fsync` (the swap is what must be
    /// atomic, not each file's durability). After a failed write, others are not tried (`OutputError.skipped`).
    public func write(_ file: RenderedFile) throws {
        if let failure = lock.withLock({ failure }) { throw OutputError.skipped(after: failure) }
        do {
            let path = stagingPath + "/" + file.path
            try makeFolder(Self.folder(of: path), for: file.path)
            switch file.contents {
            case .bytes(let bytes):
                try Self.writeBytes(bytes, to: path, reporting: file.path, in: outputPath)
            case .file(let absolutePath):
                switch FileBytes.load(atPath: absolutePath) {
                case .success(let bytes): try Self.writeBytes(bytes, to: path, reporting: file.path, in: outputPath)
                case .failure(let failure): throw OutputError(path: file.path, reason: "cannot read \(absolutePath): \(failure)")
                }
            }
        } catch let error as OutputError {
            lock.withLock { if failure == nil { failure = error } }
            throw error
        }
    }

    /// Replaces the output folder with the staged one, then removes the old one and releases the lock.
    public func commit() throws {
        defer { release() }
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let hadOutput = manager.fileExists(atPath: outputPath, isDirectory: &isDirectory)
        if hadOutput, !isDirectory.boolValue {
            discard()
            throw OutputError(path: outputPath, reason: "exists and is not a folder")
        }
        // Judged again at the last moment: what is swapped out must still be Rapport's (or given up by --force).
        if hadOutput, let refusal = OutputFolder.ownership(of: outputPath, force: force) {
            discard()
            throw refusal
        }
        guard hadOutput else {
            guard rename(stagingPath, outputPath) == 0 else {
                let reason = String(cString: strerror(errno))
                discard()
                throw OutputError(path: outputPath, reason: reason)
            }
            swap = .movedIn
            return
        }
        // The old output is about to be removed: marked first (an empty folder, or one given up by --force), so that
        // a build killed before the removal ends leaves a folder the next build knows as its own.
        if !OutputFolder.isMarked(outputPath) {
            try? Self.writeBytes(Array(OutputFolder.markerText.utf8), to: outputPath + "/" + OutputFolder.markerName,
                                 reporting: OutputFolder.markerName, in: outputPath)
        }
        // One step: the staged folder becomes the output, and the old output is left under the staging name.
        if rapport_exchange(stagingPath, outputPath) == 0 {
            swap = .exchanged
            Self.removeOwnFolder(stagingPath)
            return
        }
        // No exchange here (another system, or a filesystem without it): two renames, with a moment between them.
        let retiredPath = stagingPath.replacingOccurrences(of: Self.stagingInfix, with: Self.retiredInfix)
        guard rename(outputPath, retiredPath) == 0 else {
            let reason = String(cString: strerror(errno))
            discard()
            throw OutputError(path: outputPath, reason: reason)
        }
        guard rename(stagingPath, outputPath) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = rename(retiredPath, outputPath)
            discard()
            throw OutputError(path: outputPath, reason: reason)
        }
        swap = .renamedTwice
        Self.removeOwnFolder(retiredPath)
    }

    /// Removes the staging folder and releases the lock; the output folder is untouched.
    public func discard() {
        Self.removeOwnFolder(stagingPath)
        release()
    }

    private func release() {
        lock.lock()
        defer { lock.unlock() }
        if lockDescriptor >= 0 {
            close(lockDescriptor)
            lockDescriptor = -1
        }
    }

    // MARK: - The lock and the leftovers

    private static func lock(_ path: String, for output: String, waiting: Waiting, onWait: (() -> Void)?) throws -> Int32 {
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        func attempt(_ operation: Int32) -> Int32 {
            while flock(descriptor, operation) != 0 {
                if errno != EINTR { return errno }
            }
            return 0
        }
        var failure = attempt(LOCK_EX | LOCK_NB)
        if failure == EWOULDBLOCK, waiting == .wait {
            onWait?()
            failure = attempt(LOCK_EX)
        }
        guard failure != 0 else { return descriptor }
        close(descriptor)
        throw failure == EWOULDBLOCK ? OutputError(path: output, reason: "another build is writing into this folder (it holds \(path))")
                                     : OutputError(path: path, reason: String(cString: strerror(failure)))
    }

    /// `NAME.rapport-tmp-*` and `NAME.rapport-old-*` beside the output: what builds killed before their end left.
    /// Called with the lock held, so none of them belongs to a running build. Only a real folder (not a link) named
    /// exactly so (sixteen hexadecimal digits) and holding the marker, or nothing, is removed: a person's folder is
    /// never taken for a leftover, whatever its name.
    private static func removeLeftovers(of name: String, in parent: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
        for entry in entries where isLeftoverName(entry, of: name) {
            let path = parent + "/" + entry
            guard rapport_entry_kind(path, 0) == 2 else { continue }
            let isEmpty = (try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty ?? false
            if OutputFolder.isMarked(path) || isEmpty { removeOwnFolder(path) }
        }
    }

    /// Removes a folder this writer made (staging, or a site swapped out), its marker last: a build killed during
    /// the removal leaves a folder that is still marked, which the next build recognises as its own and removes.
    static func removeOwnFolder(_ path: String) {
        let manager = FileManager.default
        for entry in (try? manager.contentsOfDirectory(atPath: path)) ?? [] where entry != OutputFolder.markerName {
            try? manager.removeItem(atPath: path + "/" + entry)
        }
        try? manager.removeItem(atPath: path)
    }

    static func isLeftoverName(_ entry: String, of name: String) -> Bool {
        for infix in [stagingInfix, retiredInfix] where entry.hasPrefix(name + infix) {
            let token = entry.utf8.dropFirst(name.utf8.count + infix.utf8.count)
            return token.count == 16 && token.allSatisfy { (48...57).contains($0) || (97...102).contains($0) }
        }
        return false
    }

    private static func reason(_ error: Error) -> String {
        let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let underlying, underlying.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        return (error as NSError).localizedDescription
    }

    /// The folder part of a path this writer made (`/`-separated, no trailing `/`): what is before the last `/`.
    private static func folder(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(path[..<slash])
    }

    /// Makes `folder` and the folders above it that this writer has not made yet. The lock guards the set of
    /// made folders only, never a system call: where making a folder is slow (ext4 without a journal, right after
    /// a deletion, scans the recently freed inodes), the other threads go on writing meanwhile. Two threads may
    /// both make a shared parent: for the second, `EEXIST` is success.
    private func makeFolder(_ folder: String, for file: String) throws {
        var missing: [String] = []
        lock.withLock {
            var current = folder
            while !folders.contains(current), current.utf8.count > stagingPath.utf8.count {
                missing.append(current)
                current = Self.folder(of: current)
            }
        }
        guard !missing.isEmpty else { return }
        for path in missing.reversed() {
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw OutputError(path: file, reason: Self.describe(errno, output: outputPath))
            }
        }
        lock.withLock { folders.formUnion(missing) }
    }

    /// A system error in words; running out of space names the output folder, whose disk is full.
    private static func describe(_ code: Int32, output: String) -> String {
        code == ENOSPC ? "no space left on the disk of the output folder \(output)" : String(cString: strerror(code))
    }

    private static func writeBytes(_ bytes: [UInt8], to path: String, reporting name: String, in output: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw OutputError(path: name, reason: describe(errno, output: output)) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, bytes.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw OutputError(path: name, reason: describe(errno, output: output))
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
    /// A write not tried because an earlier one failed (it is not reported again).
    public var isSkipped = false
    public var description: String { "\(path): \(reason)" }

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    static func skipped(after failure: OutputError) -> OutputError {
        var error = failure
        error.isSkipped = true
        return error
    }
}
