import Foundation

/// A value computed on a thread of its own while the calling thread does something else: the build loads the
/// theme this way while it makes the site graph, a serial stage during which the other cores would idle.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    /// Written once by the thread, read after `done` is signalled.
    private var result: Value?

    init(_ compute: @escaping @Sendable () -> Value) {
        Thread { [self] in
            result = compute()
            done.signal()
        }.start()
    }

    /// The value, once computed (waits for it the first time).
    lazy var value: Value = {
        done.wait()
        return result!
    }()
}
