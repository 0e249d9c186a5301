import Foundation
import RapportCore
#if canImport(Glibc)
import Glibc
#endif

/// What the watcher saw in one burst of saves.
enum WatchBatch: Sendable {
    /// These files (paths relative to the root) were written or removed.
    case files(Set<String>)
    /// A folder appeared, vanished or moved: read everything again.
    case everything
}

/// Watches `content/` and `templates/` and reports bursts of changes, coalesced: editors write several files
/// (and temporary files) per save, so a batch is reported once no event has come for `quietPeriod`.
///
/// On Linux it uses inotify (no polling: a save is seen at once); elsewhere it compares modification times.
final class Watcher: @unchecked Sendable {
    let root: String
    let quietPeriod: Duration

    #if canImport(Glibc)
    /// The inotify descriptor and the folder of each watch, set up in `init`: a save made as soon as the server
    /// says it is ready must not be missed.
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ATTRIB)
    #endif
    private var initialSnapshot: [String: Date] = [:]

    init(root: URL, quietPeriod: Duration = .milliseconds(10)) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath().path
        self.quietPeriod = quietPeriod
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor >= 0 {
            watch("content")
            watch("templates")
        } else {
            initialSnapshot = snapshot()
        }
        #else
        initialSnapshot = snapshot()
        #endif
    }

    deinit {
        #if canImport(Glibc)
        if descriptor >= 0 { close(descriptor) }
        #endif
    }

    #if canImport(Glibc)
    /// Watches `relative` and every folder below it.
    private func watch(_ relative: String) {
        let watchDescriptor = inotify_add_watch(descriptor, root + "/" + relative, Self.mask)
        if watchDescriptor >= 0 { folders[watchDescriptor] = relative }
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root + "/" + relative)) ?? []
        for name in names where !name.hasPrefix(".") {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + relative + "/" + name, isDirectory: &isDirectory),
               isDirectory.boolValue {
                watch(relative + "/" + name)
            }
        }
    }
    #endif

    /// Batches until the task is cancelled.
    func batches() -> AsyncStream<WatchBatch> {
        AsyncStream { continuation in
            let task = Task.detached { [self] in
                #if canImport(Glibc)
                await self.watchWithInotify(continuation)
                #else
                await self.watchByPolling(continuation)
                #endif
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    /// Editors' temporary and backup files: never content.
    static func isNoise(_ name: String) -> Bool {
        name.hasPrefix(".") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx")
            || (name.hasPrefix("#") && name.hasSuffix("#")) || name == "4913"
    }

    #if canImport(Glibc)
    private func watchWithInotify(_ continuation: AsyncStream<WatchBatch>.Continuation) async {
        guard descriptor >= 0 else { return await watchByPolling(continuation) }
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        var everything = false
        var lastEvent = ContinuousClock.now
        while !Task.isCancelled {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                var offset = 0
                while offset + MemoryLayout<inotify_event>.size <= count {
                    let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                        let event = raw.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                        return (event.wd, event.mask, Int(event.len))
                    }
                    let nameStart = offset + MemoryLayout<inotify_event>.size
                    let nameBytes = buffer[nameStart..<min(nameStart + nameLength, count)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset = nameStart + nameLength
                    guard let folder = folders[wd] else { continue }
                    if eventMask & UInt32(IN_ISDIR) != 0 || eventMask & UInt32(IN_DELETE_SELF) != 0 || eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                        everything = true
                        if eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, !name.isEmpty { watch(folder + "/" + name) }
                    } else if !name.isEmpty, !Self.isNoise(name) {
                        pending.insert(folder + "/" + name)
                    }
                }
                lastEvent = .now
                continue
            }
            if (everything || !pending.isEmpty), ContinuousClock.now - lastEvent >= quietPeriod {
                continuation.yield(everything ? .everything : .files(pending))
                pending = []
                everything = false
            }
            try? await Task.sleep(for: .milliseconds(3))
        }
    }
    #endif

    private func watchByPolling(_ continuation: AsyncStream<WatchBatch>.Continuation) async {
        var known = initialSnapshot
        while !Task.isCancelled {
            try? await Task.sleep(for: .milliseconds(100))
            let now = snapshot()
            guard now != known else { continue }
            let changed = Set(now.keys.filter { known[$0] != now[$0] }).union(known.keys.filter { now[$0] == nil })
            known = now
            continuation.yield(.files(changed))
        }
    }

    private func snapshot() -> [String: Date] {
        var dates: [String: Date] = [:]
        for folder in ["content", "templates"] {
            guard let enumerator = FileManager.default.enumerator(atPath: root + "/" + folder) else { continue }
            while let relative = enumerator.nextObject() as? String {
                let path = folder + "/" + relative
                if let attributes = try? FileManager.default.attributesOfItem(atPath: root + "/" + path),
                   attributes[.type] as? FileAttributeType == .typeRegular {
                    dates[path] = attributes[.modificationDate] as? Date
                }
            }
        }
        return dates
    }

    /// The changes for a batch of paths: the new contents of each file, or its removal. A link out of the root
    /// is read as a removal (the full read reports it).
    func changes(for paths: Set<String>) -> [SourceChange] {
        paths.sorted().map { path in
            let absolute = root + "/" + path
            let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
            guard resolved.hasPrefix(root + "/"), let data = FileManager.default.contents(atPath: absolute) else {
                return .remove(path: path)
            }
            return .write(SourceFile(path: path, bytes: Array(data)))
        }
    }
}
