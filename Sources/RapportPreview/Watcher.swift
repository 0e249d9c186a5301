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

/// Watches the root, `content/` and `templates/` and reports bursts of changes, coalesced: editors write several
/// files (and temporary files) per save, so a batch is reported once no event has come for `quietPeriod`.
///
/// It cannot lose an edit: a folder created, removed, moved or recreated (the root included), and an overflow
/// of the kernel's event queue, give `.everything` (a whole read of the root), and every folder is watched again
/// before that read. On Linux it uses inotify (no polling: a save is seen at once); elsewhere it compares
/// modification times.
final class Watcher: @unchecked Sendable {
    let root: String
    let quietPeriod: Duration

    #if canImport(Glibc)
    /// The inotify descriptor and the folder of each watch, set up in `init`: a save made as soon as the server
    /// says it is ready must not be missed. Used by the watching task only, after `init`.
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF
                                     | IN_MOVE_SELF | IN_ATTRIB)
    #endif
    private var initialSnapshot: [String: Date] = [:]

    init(root: URL, quietPeriod: Duration = .milliseconds(10)) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath().path
        self.quietPeriod = quietPeriod
        #if canImport(Glibc)
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        if descriptor >= 0 {
            watchAll()
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
    /// Watches the root (for `content/` and `templates/` themselves) and every folder below those two. Adding a
    /// watch to a folder already watched gives its watch again, so this is called before every whole read.
    /// - Returns: whether the root itself is watched.
    @discardableResult
    private func watchAll() -> Bool {
        let rootWatch = inotify_add_watch(descriptor, root, UInt32(IN_CREATE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR))
        if rootWatch >= 0 { folders[rootWatch] = "" }
        watch("content")
        watch("templates")
        return rootWatch >= 0
    }

    /// Watches `relative` and every folder below it (dot folders aside: a build never reads them).
    private func watch(_ relative: String) {
        let watchDescriptor = inotify_add_watch(descriptor, root + "/" + relative, Self.mask | UInt32(IN_ONLYDIR))
        guard watchDescriptor >= 0 else { return }
        folders[watchDescriptor] = relative
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

    /// Batches until the stream is dropped.
    func batches() -> AsyncStream<WatchBatch> {
        AsyncStream { continuation in
            #if canImport(Glibc)
            if descriptor >= 0 {
                // inotify on a thread of its own, waiting in poll(2): a save wakes it at once, and waiting never
                // holds one of the few threads that run the server's tasks.
                let stop = StopFlag()
                let thread = Thread { [self] in
                    self.watchWithInotify(continuation, stopped: stop.isSet)
                    continuation.finish()
                }
                thread.name = "rapport-watcher"
                thread.start()
                continuation.onTermination = { _ in stop.set() }
                return
            }
            #endif
            let task = Task.detached { [self] in
                await self.watchByPolling(continuation)
                continuation.finish()
            }
            continuation.onTermination = { _ in task.cancel() }
        }
    }

    #if canImport(Glibc)
    /// Reads inotify's events until `stopped()`; between reads, waits in poll(2) for the next event, the end of
    /// the quiet period, or the next look for a removed root (at most 100 ms, when `stopped` is asked again).
    private func watchWithInotify(_ continuation: AsyncStream<WatchBatch>.Continuation, stopped: () -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var pending: Set<String> = []
        var everything = false
        var rootWatched = folders.values.contains("")
        var lastEvent = ContinuousClock.now
        var lastRootCheck = ContinuousClock.now
        while !stopped() {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                var batch = InotifyBatch(pending: pending, everything: everything, folders: folders, rootWatched: rootWatched)
                buffer.withUnsafeBytes { batch.read(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
                (pending, everything, folders, rootWatched) = (batch.pending, batch.everything, batch.folders, batch.rootWatched)
                lastEvent = .now
                continue
            }
            // The root was removed: look for it again now and then; once back, everything is watched and read.
            if !rootWatched, ContinuousClock.now - lastRootCheck >= .milliseconds(100) {
                lastRootCheck = .now
                if watchAll() {
                    rootWatched = true
                    everything = true
                    lastEvent = .now
                }
            }
            if everything || !pending.isEmpty, ContinuousClock.now - lastEvent >= quietPeriod {
                if everything { rootWatched = watchAll() }
                continuation.yield(everything ? .everything : .files(pending))
                pending = []
                everything = false
            }
            // Until the next event; with a batch pending, no longer than the rest of its quiet period.
            let rest = quietPeriod - (ContinuousClock.now - lastEvent)
            // (Whole milliseconds, rounded down: woken up to 1 ms early, the loop waits again for what is left.)
            let timeout = everything || !pending.isEmpty ? Int32(min(100, max(1, PreviewServer.milliseconds(rest)))) : 100
            var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            _ = poll(&ready, 1, timeout)
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

    /// The changes for a batch of paths: the new contents of each file, or its removal; nil when one of them
    /// needs a whole read of the root to be judged as a build judges it (a symbolic link, a file that cannot be
    /// read now): a failed read is never taken for a deletion.
    func changes(for paths: Set<String>) -> [SourceChange]? {
        var changes: [SourceChange] = []
        for path in paths.sorted() {
            switch SiteSource.readFile(path, root: root) {
            case .file(let file): changes.append(.write(file))
            case .absent: changes.append(.remove(path: path))
            case .needsWholeRead: return nil
            }
        }
        return changes
    }
}

/// A flag one thread sets and another reads: the watching thread's signal to stop.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    /// Read and written under `lock`.
    private var value = false

    func set() { lock.withLock { value = true } }
    func isSet() -> Bool { lock.withLock { value } }
}

#if canImport(Glibc)
/// What one read of inotify's events says: the files a build reads that changed, or that everything must be read
/// again (a folder appeared, vanished or moved; the kernel's queue overflowed and dropped events).
struct InotifyBatch {
    var pending: Set<String>
    var everything: Bool
    /// The folder (relative to the root, "" for the root) of each watch; a watch that ends is removed.
    var folders: [Int32: String]
    var rootWatched: Bool

    /// Takes in the events in `bytes` (whole `inotify_event` records, each followed by its name).
    mutating func read(_ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset + MemoryLayout<inotify_event>.size <= bytes.count {
            let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
            let nameStart = offset + MemoryLayout<inotify_event>.size
            // (The kernel gives whole records; one cut short is left alone rather than read past.)
            guard nameStart + Int(event.len) <= bytes.count else { return }
            let nameBytes = bytes[nameStart..<(nameStart + Int(event.len))].prefix { $0 != 0 }
            offset = nameStart + Int(event.len)
            take(watch: event.wd, mask: event.mask, name: String(decoding: nameBytes, as: UTF8.self))
        }
    }

    mutating func take(watch wd: Int32, mask eventMask: UInt32, name: String) {
        // The queue overflowed (events were dropped, `wd` is -1): only a whole read knows what changed.
        if eventMask & UInt32(IN_Q_OVERFLOW) != 0 { everything = true; return }
        guard let folder = folders[wd] else { return }
        if eventMask & UInt32(IN_IGNORED) != 0 {
            // The folder is gone (or unmounted): its watch with it.
            folders[wd] = nil
            if folder.isEmpty { rootWatched = false }
            everything = true
        } else if folder.isEmpty {
            // In the root, only `content/` and `templates/` (or the root itself) matter.
            if name == "content" || name == "templates" || eventMask & UInt32(IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
                everything = true
            }
        } else if eventMask & UInt32(IN_ISDIR) != 0, name.hasPrefix(".") {
            // A hidden folder (a tool's staging folder, `.git`) is never content: a build does not read it, so it
            // changes nothing. Renamed to a visible name, it arrives as that name.
            return
        } else if eventMask & UInt32(IN_ISDIR | IN_DELETE_SELF | IN_MOVE_SELF) != 0 {
            everything = true
        } else if !name.isEmpty, SiteSource.role(of: folder + "/" + name) != nil {
            // A file a build reads; an editor's hidden temporary or swap file is not one, and changes nothing (its
            // rename to the real name arrives as that name).
            pending.insert(folder + "/" + name)
        }
    }
}
#endif
