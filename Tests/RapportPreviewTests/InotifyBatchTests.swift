#if canImport(Glibc)
import Glibc
@testable import RapportPreview
import Testing

/// The watcher's reading of inotify's records (issue 26: "when the kernel's event queue overflows, edits are
/// dropped silently"): the bytes a read(2) of the inotify descriptor gives, made here record by record.
@Suite("the watcher's reading of inotify events")
struct InotifyBatchTests {
    /// One `inotify_event` record followed by its name, padded with zeros to `padded` bytes as the kernel does.
    static func record(watch: Int32, mask: Int32, name: String = "", padded: Int = 16) -> [UInt8] {
        let nameBytes = name.isEmpty ? [] : Array(name.utf8) + Array(repeating: 0, count: padded - name.utf8.count)
        var event = inotify_event()
        event.wd = watch
        event.mask = UInt32(mask)
        event.len = UInt32(nameBytes.count)
        return withUnsafeBytes(of: &event) { Array($0) } + nameBytes
    }

    static func batch(_ bytes: [UInt8]) -> InotifyBatch {
        var batch = InotifyBatch(pending: [], everything: false, folders: [1: "", 2: "content", 3: "content/2020/fr"], rootWatched: true)
        bytes.withUnsafeBytes { batch.read($0) }
        return batch
    }

    @Test("an overflow of the kernel's queue (watch -1) asks for a whole read, among other events")
    func overflow() {
        let batch = Self.batch(Self.record(watch: 3, mask: IN_CLOSE_WRITE, name: "index.md")
                               + Self.record(watch: -1, mask: IN_Q_OVERFLOW)
                               + Self.record(watch: 3, mask: IN_CLOSE_WRITE, name: "preface.md"))
        #expect(batch.everything)
        #expect(batch.pending == ["content/2020/fr/index.md", "content/2020/fr/preface.md"])
    }

    @Test("a saved page is pending; an editor's swap file, a hidden folder and a file of another folder are not")
    func files() {
        let batch = Self.batch(Self.record(watch: 3, mask: IN_CLOSE_WRITE, name: "index.md")
                               + Self.record(watch: 3, mask: IN_CLOSE_WRITE, name: ".index.md.swp", padded: 32)
                               + Self.record(watch: 2, mask: IN_CREATE | IN_ISDIR, name: ".staging")
                               + Self.record(watch: 1, mask: IN_CREATE, name: "notes.txt")
                               + Self.record(watch: 99, mask: IN_CLOSE_WRITE, name: "gone.md"))
        #expect(!batch.everything)
        #expect(batch.pending == ["content/2020/fr/index.md"])
    }

    @Test("a folder made, removed or moved, and the root's own removal, ask for a whole read; an ended watch is forgotten")
    func folders() {
        #expect(Self.batch(Self.record(watch: 3, mask: IN_CREATE | IN_ISDIR, name: "countries")).everything)
        #expect(Self.batch(Self.record(watch: 1, mask: IN_CREATE | IN_ISDIR, name: "content")).everything)
        #expect(!Self.batch(Self.record(watch: 1, mask: IN_CREATE | IN_ISDIR, name: "output")).everything)
        let ended = Self.batch(Self.record(watch: 1, mask: IN_IGNORED))
        #expect(ended.everything && !ended.rootWatched && ended.folders[1] == nil)
    }

    @Test("a record cut short at the end of the read is left alone, never read past")
    func truncated() {
        let whole = Self.record(watch: 3, mask: IN_CLOSE_WRITE, name: "index.md")
        let batch = Self.batch(whole + Array(Self.record(watch: 3, mask: IN_CLOSE_WRITE, name: "preface.md").prefix(10)))
        #expect(batch.pending == ["content/2020/fr/index.md"])
        let cutName = Self.batch(Array(whole.prefix(whole.count - 10)))
        #expect(cutName.pending.isEmpty && !cutName.everything)
    }
}
#endif
