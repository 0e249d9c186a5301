import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import RapportCore
import ServiceLifecycle

/// `rapport serve`: builds the site in memory, serves it, rebuilds on every save and reloads open pages.
public struct PreviewServer: Sendable {
    public let root: URL
    public let host: String
    public let port: Int
    /// How long a connection may stay without a request in progress (idle, or sending its request's head too
    /// slowly) before it is closed; event streams are requests in progress and stay open.
    public let idleTimeout: Duration
    /// Called with each line the terminal should show (the server's URL, rebuilds, diagnostics).
    let report: @Sendable (String) -> Void

    public init(root: URL, host: String = "127.0.0.1", port: Int = 8000, idleTimeout: Duration = .seconds(30),
                report: @escaping @Sendable (String) -> Void) {
        self.root = root
        self.host = host
        self.port = port
        self.idleTimeout = idleTimeout
        self.report = report
    }

    /// The state served, made from the site root on disk. With `--port 0` the port is known once the server
    /// listens: the site is then built again with it (`makeApplication`), before the server says it is ready.
    public func makeSite() -> PreviewSite {
        PreviewSite(source: SiteSource.read(root: root), baseURL: baseURL(port: port == 0 ? 80 : port))
    }

    func baseURL(port: Int) -> String {
        "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
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
            server: .http1(configuration: .init(idleTimeout: .nanoseconds(Int64(PreviewServer.milliseconds(idleTimeout)) * 1_000_000))),
            configuration: .init(address: .hostname(host, port: port), serverName: "rapport",
                                 availableConnectionsDelegate: MaximumAvailableConnections(
                                     DescriptorBudget.connections(forLimit: DescriptorBudget.raiseLimit()))),
            services: services,
            onServerRunning: { [port] channel in
                let bound = channel.localAddress?.port ?? 0
                names.bind(port: bound)
                if port == 0 { await site.rebase(baseURL: baseURL(port: bound)) }
                await onReady(bound)
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
        do {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            throw PortInUse(port: port)
        }
    }

    /// Another program (or another preview) listens on the port asked for.
    public struct PortInUse: Error, CustomStringConvertible {
        public let port: Int
        public var description: String { "port \(port) is in use: try --port 0 (Rapport then picks a free port)" }
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
                    // After a failed build, the next one starts again from the whole root on disk, as does a batch
                    // with a file that only a whole read can judge.
                    let succeeded: Bool
                    if case .files(let paths) = batch, await !site.lastBuildFailed, let changes = watcher.changes(for: paths) {
                        succeeded = await site.apply(changes)
                    } else {
                        succeeded = await site.reload(SiteSource.read(root: root))
                    }
                    let elapsed = PreviewServer.milliseconds(ContinuousClock.now - started)
                    if ProcessInfo.processInfo.environment["RAPPORT_TIMINGS"] == "1" {
                        let laps = await site.timings.map { "\($0.stage) \($0.duration.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))" }
                        report("timing: " + laps.joined(separator: ", "))
                    }
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
