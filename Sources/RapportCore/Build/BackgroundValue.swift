import Foundation

/// A value computed on another thread while the calling thread does something else: the build loads the theme
/// this way while it makes the site graph, and the site graph makes its independent passes side by side.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the worker, read after `done` is signalled.
    private var result: Value?

    init(_ compute: @escaping @Sendable () -> Value) {
        WorkerThreads.shared.run { [self] in
            result = compute()
            done.signal()
        }
    }

    /// The value, once computed (waits for it the first time).
    lazy var value: Value = {
        done.wait()
        return result!
    }()
}

/// The threads that compute `BackgroundValue`s, kept between builds: a job goes to an idle thread, or to a new
/// one when none is idle, so no job ever waits for another (a job may itself wait for a value); a thread idle for
/// `idleLifetime` ends. Starting a thread costs from a tenth of a millisecond to several on a busy machine, and the
/// preview computes five values at each save.
final class WorkerThreads: @unchecked Sendable {
    static let shared = WorkerThreads(idleLifetime: 10)

    private let condition = NSCondition()
    private var jobs: [@Sendable () -> Void] = []
    private var idle = 0
    private let idleLifetime: TimeInterval
    /// Threads started so far, threads running, threads idle (the tests see that threads are reused, and end).
    private var startedCount = 0, runningCount = 0
    var started: Int { condition.withLock { startedCount } }
    var threadCount: Int { condition.withLock { runningCount } }
    var idleCount: Int { condition.withLock { idle } }

    init(idleLifetime: TimeInterval) { self.idleLifetime = idleLifetime }

    func run(_ job: @escaping @Sendable () -> Void) {
        condition.lock()
        jobs.append(job)
        // Every queued job has a thread to run it: an idle one woken, or a new one.
        if idle > 0 { condition.signal() }
        let starts = jobs.count > idle
        if starts { (startedCount, runningCount) = (startedCount + 1, runningCount + 1) }
        condition.unlock()
        if starts { Thread { [self] in work() }.start() }
    }

    private func work() {
        condition.lock()
        while true {
            while jobs.isEmpty {
                idle += 1
                let woken = condition.wait(until: Date(timeIntervalSinceNow: idleLifetime))
                idle -= 1
                if !woken, jobs.isEmpty {
                    runningCount -= 1
                    condition.unlock()
                    return
                }
            }
            let job = jobs.removeFirst()
            condition.unlock()
            job()
            condition.lock()
        }
    }
}
