import Foundation
import RapportCore

/// A file the preview serves: the bytes of the last good build, with their validator.
struct ServedFile: Sendable {
    let bytes: [UInt8]
    /// A strong validator of the bytes (FNV-1a, 64 bits), so that an unchanged file keeps its ETag across builds.
    let etag: String

    init(bytes: [UInt8]) {
        self.bytes = bytes
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        etag = "\"\(String(hash, radix: 16))-\(bytes.count)\""
    }
}

/// What the event stream tells open pages.
enum PreviewEvent: Sendable, Equatable {
    /// A build finished (good or bad): pages reload and show the new site, or the overlay.
    case reload(generation: Int)
    /// Nothing happened; keeps the connection alive and finds closed tabs (a write to one fails).
    case heartbeat
}

/// The preview's state: the site being built, the last good site that is served, the current problems, and
/// the pages listening for reloads. Every change goes through this actor, so a request sees one whole site:
/// the swap to a new build is one assignment, after the build is complete.
public actor PreviewSite {
    private let build: IncrementalBuild
    /// The last good build, by output path.
    private var served: [String: ServedFile] = [:]
    /// Errors of the current sources; empty after a good build.
    public private(set) var errors: [Diagnostic] = []
    /// Every problem of the current sources (warnings included).
    public private(set) var diagnostics: [Diagnostic] = []
    public private(set) var generation = 0
    /// The site's languages, for the 404 page of a request's language.
    public var languages: [String] { build.languages }
    private var listeners: [UUID: AsyncStream<PreviewEvent>.Continuation] = [:]

    /// Builds `source` in memory (with `baseURL`, so that the 404 pages link from the server's root).
    public init(source: SiteSource, baseURL: String) {
        build = IncrementalBuild(source: source, options: BuildOptions(baseURL: baseURL))
        diagnostics = build.diagnostics
        errors = build.diagnostics.filter { $0.severity == .error }
        // There is no last good site yet: serve this one, with the overlay listing its errors.
        served = build.files.mapValues { ServedFile(bytes: $0.contents.bytes) }
    }

    /// Applies changed files; when the build succeeds, its site replaces the served one in one step.
    /// - Returns: the update, and whether the build succeeded.
    @discardableResult
    public func apply(_ changes: [SourceChange]) -> (update: IncrementalBuild.Update, succeeded: Bool) {
        let update = build.apply(changes)
        finishBuild(changed: update.changedPaths)
        return (update, build.succeeded)
    }

    /// Replaces everything (a folder appeared or vanished): the same as starting again.
    public func reload(_ source: SiteSource) {
        let changes = source.contentFiles.map(SourceChange.write) + source.templates.map(SourceChange.write)
            + source.assets.map { SourceChange.write(SourceFile(path: $0.path, bytes: $0.bytes)) }
        let present = Set(changes.map(\.path))
        let removals = build.sourcePaths.subtracting(present).map { SourceChange.remove(path: $0) }
        _ = build.apply(changes + removals)
        finishBuild(changed: nil)
    }

    private func finishBuild(changed: Set<String>?) {
        diagnostics = build.diagnostics
        errors = build.diagnostics.filter { $0.severity == .error }
        if build.succeeded {
            if let changed {
                for path in changed { served[path] = build.files[path].map { ServedFile(bytes: $0.contents.bytes) } }
            } else {
                served = build.files.mapValues { ServedFile(bytes: $0.contents.bytes) }
            }
        }
        generation += 1
        for listener in listeners.values { listener.yield(.reload(generation: generation)) }
    }

    func file(_ path: String) -> ServedFile? { served[path] }

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
