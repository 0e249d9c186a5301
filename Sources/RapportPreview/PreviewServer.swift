import Foundation
import Hummingbird
import Logging
import NIOCore
import RapportCore
import ServiceLifecycle

/// `rapport serve`: builds the site in memory, serves it, rebuilds on every save and reloads open pages.
public struct PreviewServer: Sendable {
    public let root: URL
    public let host: String
    public let port: Int
    /// Called with each line the terminal should show (the server's URL, rebuilds, diagnostics).
    let report: @Sendable (String) -> Void

    public init(root: URL, host: String = "127.0.0.1", port: Int = 8000, report: @escaping @Sendable (String) -> Void) {
        self.root = root
        self.host = host
        self.port = port
        self.report = report
    }

    /// The state served, made from the site root on disk.
    public func makeSite() -> PreviewSite {
        let source = SiteSource.read(root: root)
        let hostInURL = host.contains(":") ? "[\(host)]" : host
        return PreviewSite(source: source, baseURL: "http://\(hostInURL):\(port == 0 ? 80 : port)/")
    }

    /// Builds the Hummingbird application that serves `site`; `onReady` gets the bound port.
    public func makeApplication(site: PreviewSite, watch: Bool = true,
                                onReady: @escaping @Sendable (Int) async -> Void = { _ in }) -> some ApplicationProtocol {
        var logger = Logger(label: "rapport.preview")
        logger.logLevel = .warning
        let names = HostNames(host: host)
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            // DNS rebinding: a page of another site that resolves its own name to 127.0.0.1 sends that name.
            guard names.accepts(request.head.authority) else {
                return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                                body: .init(byteBuffer: ByteBuffer(string: "The preview answers only to its own address.\n")))
            }
            return await PreviewResponder.respond(to: request, site: site)
        }
        let services: [any Service] = watch ? [RebuildService(site: site, watcher: Watcher(root: root), root: root, report: report)]
                                            : [HeartbeatService(site: site)]
        return Application(
            responder: responder,
            configuration: .init(address: .hostname(host, port: port), serverName: "rapport"),
            services: services,
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                names.bind(port: port)
                await onReady(port)
            },
            logger: logger)
    }

    /// Runs until SIGINT or SIGTERM; open event streams are ended so that Ctrl-C stops at once.
    public func run() async throws {
        let started = ContinuousClock.now
        let site = makeSite()
        for diagnostic in await site.diagnostics { report(diagnostic.description) }
        let host = host.contains(":") ? "[\(host)]" : host
        let app = makeApplication(site: site) { [report] port in
            let elapsed = ContinuousClock.now - started
            report("Built in \(Self.milliseconds(elapsed)) ms; serving on http://\(host):\(port)/ (Ctrl-C stops)")
        }
        try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
    }

    static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}

/// Rebuilds on every burst of saves, reports what happened, and beats the heart of the event streams.
struct RebuildService: Service {
    let site: PreviewSite
    let watcher: Watcher
    let root: URL
    let report: @Sendable (String) -> Void

    func run() async throws {
        try await withGracefulShutdownHandler {
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { try? await HeartbeatService(site: site).run() }
                for await batch in watcher.batches().cancelOnGracefulShutdown() {
                    let started = ContinuousClock.now
                    let succeeded: Bool
                    switch batch {
                    case .files(let paths):
                        succeeded = await site.apply(watcher.changes(for: paths)).succeeded
                    case .everything:
                        await site.reload(SiteSource.read(root: root))
                        succeeded = await site.errors.isEmpty
                    }
                    let elapsed = PreviewServer.milliseconds(ContinuousClock.now - started)
                    if succeeded {
                        report("Rebuilt in \(elapsed) ms")
                    } else {
                        for diagnostic in await site.diagnostics { report(diagnostic.description) }
                        report("Build failed (\(await site.errors.count) errors); still serving the last good site")
                    }
                }
                group.cancelAll()
            }
        } onGracefulShutdown: {
            Task { await site.closeAll() }
        }
    }
}

/// Beats every 10 seconds, so that closed tabs are noticed (a write to a closed connection fails).
struct HeartbeatService: Service {
    let site: PreviewSite

    func run() async throws {
        await withGracefulShutdownHandler {
            while !Task.isCancelled, !Task.isShuttingDownGracefully {
                try? await Task.sleep(for: .seconds(10))
                await site.heartbeat()
            }
        } onGracefulShutdown: {
            Task { await site.closeAll() }
        }
    }
}

/// The names the preview answers to: `127.0.0.1:PORT`, `localhost:PORT`, `[::1]:PORT` and the `--host` it
/// listens on, with that port (without it when the port is 80). Anything else gets 403.
final class HostNames: @unchecked Sendable {
    private let lock = NSLock()
    private let host: String
    private var allowed: Set<String> = []

    init(host: String) { self.host = host }

    /// Called once the server listens, with the port it got (port 0 picks one).
    func bind(port: Int) {
        let listening = host.contains(":") ? "[\(host.lowercased())]" : host.lowercased()
        var names: Set<String> = []
        for name in ["127.0.0.1", "localhost", "[::1]", listening] {
            names.insert("\(name):\(port)")
            if port == 80 { names.insert(name) }
        }
        lock.withLock { allowed = names }
    }

    func accepts(_ authority: String?) -> Bool {
        guard let authority else { return false }
        return lock.withLock { allowed.contains(authority.lowercased()) }
    }
}
