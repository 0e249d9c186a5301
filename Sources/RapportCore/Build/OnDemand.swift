import Foundation

/// A value made the first time a thread asks for it; a thread that asks meanwhile waits for it. For what only
/// some builds need: the table of the site's addresses is read by a page that links by URL, and a preview
/// rebuild that renders one page (or none) rarely does.
final class OnDemand<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    /// Read and written under `lock`.
    private var made: Value?
    private let make: @Sendable () -> Value

    init(_ make: @escaping @Sendable () -> Value) { self.make = make }

    var value: Value {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let value = make()
        made = value
        return value
    }
}
