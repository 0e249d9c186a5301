import Foundation

/// The progress of a long build on one line of a terminal: `Building: 1,234 / 2,144 pages`, drawn over itself,
/// only when standard error is a terminal and the build has taken more than a second; erased when it ends.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = ContinuousClock.now
    private let terminal = isatty(STDERR_FILENO) == 1
    /// After how long the line appears: a second (`RAPPORT_PROGRESS_AFTER_MS` changes it, for the tests).
    private let delay: Duration = .milliseconds(Int(ProcessInfo.processInfo.environment["RAPPORT_PROGRESS_AFTER_MS"] ?? "") ?? 1000)
    private var lastDrawn: ContinuousClock.Instant?

    /// Seconds since the build started: `0.61 s`.
    var elapsed: String {
        let duration = ContinuousClock.now - start
        let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
        return String(format: "%.2f s", seconds)
    }

    func update(done: Int, total: Int) {
        guard terminal else { return }
        let now = ContinuousClock.now
        lock.lock()
        defer { lock.unlock() }
        guard now - start >= delay, lastDrawn.map({ now - $0 > .milliseconds(100) }) ?? true else { return }
        lastDrawn = now
        FileHandle.standardError.write(Data("\r\u{1B}[2KBuilding: \(Self.grouped(done)) / \(Self.grouped(total)) pages".utf8))
    }

    /// Erases the line, if it was drawn, so that diagnostics and the final line start clean.
    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if lastDrawn != nil { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        lastDrawn = nil
    }

    /// `2144` → `2,144` (the same in every locale: the line is for the terminal, in English).
    static func grouped(_ number: Int) -> String {
        let digits = Array(String(number))
        var result = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(digit)
        }
        return result
    }
}
