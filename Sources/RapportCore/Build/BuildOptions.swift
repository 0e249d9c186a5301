import Foundation

/// What a build is asked for, beyond the site root's own files.
public struct BuildOptions: Sendable {
    /// Warnings become errors (what CI uses).
    public var strict: Bool
    /// Replaces site.yaml's `base_url` (a deployment under another address or sub-path).
    public var baseURL: String?
    /// Told how many content pages are rendered so far, of how many (from the rendering threads, now and then).
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
    /// Draft pages are part of the site (`build --drafts`, the preview); else they are only checked.
    public var includeDrafts: Bool
    /// The build's working set (pages, site graph, theme, page results) is left in memory when the build ends,
    /// not freed: for a process that exits right after (`rapport build`, `rapport check`). Freeing it is a serial
    /// tail of a few percent of a build's wall time; the preview, which lives on, frees it.
    public var keepsWorkingSet = false
    /// An in-memory build returns its files even when it has errors: the preview's first build, which has no
    /// last good site to show instead.
    public var keepsFailedFiles = false
    /// Make each edition's PDF (`build --pdf`); site.yaml's `pdf: true` asks for them too.
    public var pdf = false
    /// The PDF engine found on this machine (`PDFEngine.locate`); nil: none, an error when PDFs are asked for.
    public var pdfEngine: PDFEngine?
    /// How long the engine may take for one document before it is stopped.
    public var pdfTimeout: Duration = .seconds(3600)

    public init(strict: Bool = false, baseURL: String? = nil, includeDrafts: Bool = false,
                progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil) {
        self.strict = strict
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.progress = progress
    }
}

/// The result of a build: every file of the site, and every problem found, in a stable order.
public struct BuildOutcome: Sendable {
    /// Sorted by path; empty when the build failed (unless `keepsFailedFiles`) or when the files went to a `StagedOutput`.
    public var files: [RenderedFile]
    public var diagnostics: [Diagnostic]
    public var succeeded: Bool { !diagnostics.hasErrors }
    /// How many content pages were rendered.
    public var pageCount: Int
    /// The site's languages, from site.yaml (empty when it could not be read).
    public var languages: [String] = []
    /// Wall time of each stage, in order (`RAPPORT_TIMINGS=1 rapport build` prints them).
    public var timings: [StageTiming] = []
}

/// How long one stage of a build took.
public struct StageTiming: Sendable {
    public var stage: String
    public var duration: Duration
    /// The process's resident memory when the stage ended, in bytes (Linux; `nil` elsewhere).
    public var residentBytes: Int?

    public init(stage: String, duration: Duration, residentBytes: Int? = StageTiming.isMemoryRecorded ? StageTiming.residentBytes() : nil) {
        self.stage = stage
        self.duration = duration
        self.residentBytes = residentBytes
    }

    /// Whether each stage's end reads the resident memory: only when the timings are printed (`RAPPORT_TIMINGS=1`),
    /// since every read opens `/proc/self/statm`, a cost a preview rebuild would pay at each of its stages.
    public static let isMemoryRecorded = ProcessInfo.processInfo.environment["RAPPORT_TIMINGS"] == "1"

    /// The current resident set size, from `/proc/self/statm`.
    public static func residentBytes() -> Int? {
        guard let statm = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = statm.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}

/// Records stage durations as a build goes.
struct StageClock {
    private let clock = ContinuousClock()
    private var last: ContinuousClock.Instant
    private(set) var timings: [StageTiming] = []

    init() { last = clock.now }

    mutating func lap(_ stage: String) {
        let now = clock.now
        timings.append(StageTiming(stage: stage, duration: now - last))
        last = now
    }
}
