import Foundation
import RapportCore

/// A file the preview serves: the bytes of the last good build, with their validator.
struct ServedFile: Sendable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) { self.bytes = bytes }

    /// A strong validator of the bytes (FNV-1a, 64 bits): a function of the bytes alone, so an unchanged file keeps
    /// its ETag across builds. Computed when a request asks, not for every file at every build (the generated pages
    /// of a large site are tens of megabytes, made again at each save).
    var etag: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return "\"\(String(hash, radix: 16))-\(bytes.count)\""
    }
}

/// What the event stream tells open pages.
enum PreviewEvent: Sendable, Equatable {
    /// A build finished (good or bad): pages reload and show the new site, or the overlay.
    case reload(generation: Int)
    /// Nothing happened; keeps the connection alive and finds closed tabs (a write to one fails).
    case heartbeat
}

/// The preview's state: the site root's files as last read, the last good site that is served, the current
/// problems, and the pages listening for reloads. Every change goes through this actor, so a request sees one
/// whole site: the swap to a new build is one assignment, after the build is complete.
///
/// Every change runs the build's own pipeline (`SiteBuilder.build`, drafts included) over the files as they are
/// now; a `BuildMemo` lets it skip only what is provably the same as in an earlier run. So what is served after a
/// build is always what a full build of the same files gives.
public actor PreviewSite {
    private var options: BuildOptions
    private let memo = BuildMemo()
    /// The site root's files, as the watcher last read them, by path (contents in memory when they could be read).
    private var sources: [String: SourceFile] = [:] {
        didSet { assembled = nil }
    }
    /// `sources` as the build takes them, with each file's place in it: kept while only the contents of known
    /// files change (a save), so that a save does not sort every path again.
    private var assembled: (source: SiteSource, places: [String: (SiteSource.Role, Int)])?
    /// What the last whole read of the root found (unreadable files and folders, links out of the root…).
    private var readDiagnostics: [Diagnostic] = []
    /// The last good build, by output path.
    private var served: [String: ServedFile] = [:]
    /// Errors of the current sources; empty after a good build.
    public private(set) var errors: [Diagnostic] = []
    /// Every problem of the current sources (warnings included).
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var generation = 0
    /// How long each stage of the last build took, and the preview's own steps around it (`RAPPORT_TIMINGS=1`).
    public private(set) var timings: [StageTiming] = []
    /// The site's languages, for the 404 page of a request's language.
    public private(set) var languages: [String] = []
    /// Whether the last build failed: the next change is then read from the whole root on disk.
    public var lastBuildFailed: Bool { !errors.isEmpty }
    private var listeners: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]

    /// Builds `source` in memory (with `baseURL`, so that the 404 pages link from the server's root).
    public init(source: SiteSource, baseURL: String) {
        options = BuildOptions(baseURL: baseURL, includeDrafts: true)
        (sources, readDiagnostics) = Self.files(of: source)
        // There is no last good site yet: serve this one, with the overlay listing its errors.
        let built = Self.build(Self.assemble(sources, readDiagnostics: readDiagnostics).source, options: options, memo: memo, keepingFailedFiles: true)
        (diagnostics, languages) = (built.diagnostics, built.languages)
        errors = diagnostics.filter { $0.severity == .error }
        served = built.served ?? [:]
    }

    /// Applies changed files and builds; when the build succeeds, its site replaces the served one in one step.
    /// - Returns: whether the build succeeded.
    @discardableResult
    public func apply(_ changes: [SourceChange]) -> Bool {
        for change in changes {
            switch change {
            case .write(let file) where SiteSource.role(of: file.path) != nil:
                // A file the assembled source has: changed in place (`sources`' own observer would drop it).
                if var kept = assembled, let (role, index) = kept.places[file.path] {
                    assembled = nil
                    switch role {
                    case .content: kept.source.contentFiles[index] = file
                    case .template: kept.source.templates[index] = file
                    case .asset: kept.source.assets[index] = file
                    }
                    sources[file.path] = file
                    assembled = kept
                } else {
                    sources[file.path] = file
                }
            case .write, .remove: sources[change.path] = nil
            }
        }
        return build()
    }

    /// Replaces every file with `source` (a whole read of the root: a folder appeared or vanished, the event
    /// queue overflowed, a file could not be read, or the last build failed) and builds.
    @discardableResult
    public func reload(_ source: SiteSource) -> Bool {
        replaceSources(source)
        return build()
    }

    /// Builds again with another base URL (the real port, once the server listens on the one `--port 0` picked).
    public func rebase(baseURL: String) {
        guard options.baseURL != baseURL else { return }
        options.baseURL = baseURL
        _ = build(keepingFailedFiles: served.isEmpty)
    }

    private func replaceSources(_ source: SiteSource) {
        (sources, readDiagnostics) = Self.files(of: source)
    }

    private static func files(of source: SiteSource) -> ([String: SourceFile], [Diagnostic]) {
        var files: [String: SourceFile] = [:]
        for file in source.contentFiles + source.templates + source.assets { files[file.path] = inMemory(file) }
        return (files, source.readDiagnostics)
    }

    /// The file with its bytes in memory; left to be read by the build (which reports why it cannot) when they
    /// cannot be read now.
    private static func inMemory(_ file: SourceFile) -> SourceFile {
        guard case .file = file.contents, let bytes = file.contents.read() else { return file }
        return SourceFile(path: file.path, bytes: bytes)
    }

    /// The files as a `SiteSource`, exactly as `SiteSource.read` would give them, with each file's place in it.
    private static func assemble(_ sources: [String: SourceFile], readDiagnostics: [Diagnostic])
        -> (source: SiteSource, places: [String: (SiteSource.Role, Int)]) {
        var content: [SourceFile] = [], templates: [SourceFile] = [], assets: [SourceFile] = []
        for (path, file) in sources {
            switch SiteSource.role(of: path) {
            case .content: content.append(file)
            case .template: templates.append(file)
            case .asset: assets.append(file)
            case nil: break
            }
        }
        var source = SiteSource(contentFiles: content, templates: templates, assets: assets.sorted { $0.path < $1.path })
        source.readDiagnostics = readDiagnostics
        var places: [String: (SiteSource.Role, Int)] = [:]
        places.reserveCapacity(sources.count)
        for (index, file) in source.contentFiles.enumerated() { places[file.path] = (.content, index) }
        for (index, file) in source.templates.enumerated() { places[file.path] = (.template, index) }
        for (index, file) in source.assets.enumerated() { places[file.path] = (.asset, index) }
        return (source, places)
    }

    private func build(keepingFailedFiles: Bool = false) -> Bool {
        let clock = ContinuousClock(), start = clock.now
        if assembled == nil { assembled = Self.assemble(sources, readDiagnostics: readDiagnostics) }
        let source = assembled!.source
        let assembled = clock.now
        let built = Self.build(source, options: options, memo: memo, keepingFailedFiles: keepingFailedFiles)
        timings = [StageTiming(stage: "sources", duration: assembled - start)] + built.timings
            + [StageTiming(stage: "served files", duration: clock.now - assembled - built.timings.reduce(.zero) { $0 + $1.duration })]
        if !built.languages.isEmpty { languages = built.languages }
        diagnostics = built.diagnostics
        errors = diagnostics.filter { $0.severity == .error }
        if let next = built.served { served = next }
        generation += 1
        for listener in listeners.values { listener.yield(.reload(generation: generation)) }
        return errors.isEmpty
    }

    /// Runs the pipeline; gives the files to serve when the build succeeded (or when asked to keep them).
    private static func build(_ source: SiteSource, options: BuildOptions, memo: BuildMemo,
                              keepingFailedFiles: Bool) -> (diagnostics: [Diagnostic], languages: [String], served: [String: ServedFile]?, timings: [StageTiming]) {
        var options = options
        options.keepsFailedFiles = keepingFailedFiles
        let outcome = SiteBuilder.build(source, options: options, memo: memo)
        let languages = outcome.languages
        guard outcome.succeeded || keepingFailedFiles else { return (outcome.diagnostics, languages, nil, outcome.timings) }
        var next: [String: ServedFile] = [:]
        next.reserveCapacity(outcome.files.count)
        for file in outcome.files { next[file.path] = ServedFile(bytes: file.contents.bytes) }
        return (outcome.diagnostics, languages, next, outcome.timings)
    }

    func file(_ path: String) -> ServedFile? { served[path] }

    /// Every served file's bytes, by output path (the tests compare them with a full build).
    var servedFiles: [String: [UInt8]] { served.mapValues(\.bytes) }

    /// The paths the page's folder would be found under, for `/dir` → `/dir/` redirects.
    func hasFolder(_ path: String) -> Bool { served[path + "/index.html"] != nil }

    // MARK: - Listeners

    func subscribe() -> AsyncStream<PreviewEvent> {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(of: PreviewEvent.self, bufferingPolicy: .bufferingNewest(8))
        listeners[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    private func unsubscribe(_ id: UUID) { listeners[id] = nil }

    public var listenerCount: Int { listeners.count }

    func heartbeat() {
        for listener in listeners.values { listener.yield(.heartbeat) }
    }

    /// Ends every event stream (graceful shutdown: browsers must not keep the server alive).
    public func closeAll() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }
}
