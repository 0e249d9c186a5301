import Foundation
import Testing
@testable import RapportCore

@Suite("Reading threads")
struct ReadingThreadsTests {
    @Test("every index is visited exactly once, with fewer, as many or more threads than indices")
    func everyIndexOnce() {
        for (count, width) in [(0, 8), (1, 8), (5, 8), (8, 8), (1000, 8), (1000, 1), (37, 3), (10, 0)] {
            let visits = ResultSlots<Int>(count: count)
            let counter = NSLock()
            nonisolated(unsafe) var total = 0
            ReadingThreads.forEach(count, width: width) { index in
                visits[index] = (visits[index] ?? 0) + 1
                counter.withLock { total += 1 }
            }
            #expect(total == count, "count \(count), width \(width)")
            #expect(visits.optionalValues.allSatisfy { $0 == 1 }, "count \(count), width \(width)")
        }
    }

    @Test("more calls wait at once than there are cores: eight reads blocked together all get through")
    func moreInFlightThanCores() {
        // Each call waits until all eight have started: with one thread per core, on a machine of fewer than eight
        // cores (this one has two), that never happens.
        let width = 8
        let arrived = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let timedOut = NSLock()
        nonisolated(unsafe) var failures = 0
        let watcher = Thread {
            for _ in 0..<width where arrived.wait(timeout: .now() + 3) == .timedOut { timedOut.withLock { failures += 1 } }
            for _ in 0..<width { release.signal() }
        }
        watcher.start()
        ReadingThreads.forEach(width, width: width) { _ in
            arrived.signal()
            release.wait()
        }
        #expect(failures == 0, "\(failures) of \(width) calls never started while the others waited")
    }

    @Test("the loading stage uses at least eight threads, and one per core beyond that")
    func width() {
        #expect(ReadingThreads.width >= 8)
        #expect(ReadingThreads.width >= ProcessInfo.processInfo.activeProcessorCount)
    }
}
