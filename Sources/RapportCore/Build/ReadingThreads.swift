import Foundation

/// Runs the loading stage's work (read a file, then decode and parse it) on more threads than there are cores.
///
/// `DispatchQueue.concurrentPerform` keeps exactly one thread per core busy; when a file is not in the page cache,
/// its thread waits for the disk and its core idles, and only as many reads as cores are ever in flight. On a cold
/// cache (a first build after a reboot, or after the system reclaimed the cache) that made the stage wait for one
/// read after another. With `width` threads, that many reads wait together — a disk serves them at once — while
/// the cores parse what has arrived. On a warm cache the extra threads cost only their start (tens of
/// microseconds each): the work is the same and the kernel shares the cores among them.
enum ReadingThreads {
    /// Threads for the loading stage: eight, or one per core where there are more cores.
    static var width: Int { max(8, ProcessInfo.processInfo.activeProcessorCount) }

    /// Calls `body` once for each index in `0..<count`, from `width` threads at most (the calling one among them,
    /// alone when `width` is 1 or less), and returns when every call has returned. Indices are taken in order, each
    /// by the first free thread.
    static func forEach(_ count: Int, width: Int = ReadingThreads.width, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 0 else { return }
        let taken = SharedCount()
        let work: @Sendable () -> Void = {
            while case let index = taken.increment() - 1, index < count { body(index) }
        }
        let helpers = max(1, min(width, count)) - 1
        let finished = DispatchGroup()
        for _ in 0..<helpers {
            finished.enter()
            Thread {
                work()
                finished.leave()
            }.start()
        }
        work()
        finished.wait()
    }
}
