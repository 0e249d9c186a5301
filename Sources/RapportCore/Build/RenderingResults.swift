import Foundation

// What the rendering threads hand back to the build: result slots, spooled outputs, a progress count, and
// the write that turns an output error into a diagnostic.

/// One slot per index, each written once by one thread of `concurrentPerform`, read after it returns.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> Value? {
        get { lock.lock(); defer { lock.unlock() }; return slots[index] }
        set { lock.lock(); slots[index] = newValue; lock.unlock() }
    }

    var values: [Value] { slots.map { $0! } }
    /// The slots, written or not.
    var optionalValues: [Value?] { slots }
}

/// The pages' results, with the print sections and search entries that wait in a spool.
struct SpooledResults: Sendable {
    struct Ranges: Sendable {
        var search: Range<Int>
        var print: Range<Int>?
    }

    let results: [SiteRenderer.PageResult]
    let ranges: [Ranges?]
    let spool: Spool?

    /// Moves `result`'s search entry and print section to `spool`; if the spool cannot take them, they stay.
    static func setAside(_ result: inout SiteRenderer.PageResult, in spool: Spool) -> Ranges? {
        guard let search = spool.append(result.searchEntry) else { return nil }
        var print: Range<Int>?
        if let section = result.printSection {
            guard let range = spool.append(section) else { return nil }
            print = range
        }
        result.searchEntry = []
        result.printSection = nil
        return Ranges(search: search, print: print)
    }

    /// Each page's search entry and print section, read back from the spool where they wait there.
    var outputs: PageOutputs {
        PageOutputs(searchEntry: { id in
            guard let spool, let ranges = ranges[id] else { return results[id].searchEntry }
            return spool.read(ranges.search)
        }, printSection: { id in
            guard let spool, let ranges = ranges[id] else { return results[id].printSection }
            return ranges.print.flatMap { spool.read($0) }
        })
    }
}

/// What the generated pages take from the rendered pages: each page's search entry and print-page section.
struct PageOutputs: Sendable {
    let searchEntry: @Sendable (Site.PageID) -> [UInt8]?
    let printSection: @Sendable (Site.PageID) -> [UInt8]?
}

extension StagedOutput {
    /// Writes `file`; a failure is an error at `path` (the page's source file, or the output path).
    func tryWrite(_ file: RenderedFile, reportedAt path: String? = nil) -> Diagnostic? {
        do {
            try write(file)
            return nil
        } catch let error as OutputError where error.isSkipped {
            return nil
        } catch {
            return Diagnostic(.error, .outputFailed("\(error)"), at: SourceLocation(path: path ?? file.path), stage: .output)
        }
    }
}

/// A count shared by threads: the pages rendered so far, or the next index to take.
final class SharedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0

    /// Adds one; gives the count after it.
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
