import Foundation
import Testing
@testable import RapportCore

@Suite("Background value")
struct BackgroundValueTests {
    @Test("the value is computed on another thread while the caller goes on, and read as often as wanted")
    func concurrent() {
        let callerWentOn = DispatchSemaphore(value: 0)
        // Waits for a signal the caller gives only after the initializer returned: computed inline, it would time out.
        let background = BackgroundValue { callerWentOn.wait(timeout: .now() + 5) == .success ? "in the background" : "inline" }
        callerWentOn.signal()
        #expect(background.value == "in the background")
        #expect(background.value == "in the background")
    }

    @Test("threads are kept for the next values; a value that waits for another never waits for a thread")
    func workerThreads() {
        let workers = WorkerThreads(idleLifetime: 10)
        final class Box<T>: @unchecked Sendable { var value: T?; init() {} }
        // One after another: the first thread, idle again, computes every next value.
        for round in 0..<50 {
            let done = DispatchSemaphore(value: 0)
            let box = Box<Int>()
            workers.run { box.value = round; done.signal() }
            #expect(done.wait(timeout: .now() + 5) == .success)
            #expect(box.value == round)
            // (The thread is idle once it waits again: given the time to, it takes the next job.)
            for _ in 0..<1_000 where workers.idleCount == 0 { usleep(1_000) }
        }
        #expect(workers.started == 1)
        // Twenty jobs at once, each waiting for the last one queued: a job never waits for a thread, or this would
        // hang (the last job would find no thread free).
        let last = DispatchSemaphore(value: 0)
        let finished = DispatchGroup()
        for index in 0..<20 {
            finished.enter()
            workers.run {
                if index == 19 { for _ in 0..<19 { last.signal() } } else { last.wait() }
                finished.leave()
            }
        }
        #expect(finished.wait(timeout: .now() + 10) == .success)
        #expect(workers.started <= 20)
    }

    @Test("an idle thread ends after its lifetime, and the next job starts a new one")
    func idleThreadsEnd() {
        let workers = WorkerThreads(idleLifetime: 0.05)
        let done = DispatchSemaphore(value: 0)
        workers.run { done.signal() }
        #expect(done.wait(timeout: .now() + 5) == .success)
        for _ in 0..<1_000 where workers.threadCount > 0 { usleep(1_000) }
        #expect(workers.threadCount == 0)
        workers.run { done.signal() }
        #expect(done.wait(timeout: .now() + 5) == .success)
        #expect(workers.started == 2)
    }

    @Test("a build reports the theme's errors and the site graph's together")
    func themeAndSiteDiagnostics() {
        let country = "content/2020/fr/countries/niger.md"
        let site = TestSite([
            "templates/home.mustache": "{{<base}}{{$main}}Home: {{page.titel}}|{{/main}}{{/base}}",
            country: TestSite.baseline[country]!.replacingOccurrences(of: "region: sahel", with: "region: nowhere"),
        ])
        let messages = site.build().messages
        #expect(messages.contains { $0.hasPrefix("templates/home.mustache:1:") && $0.contains("'page.titel'") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("\(country):") && $0.contains("nowhere") }, "\(messages)")
    }
}
