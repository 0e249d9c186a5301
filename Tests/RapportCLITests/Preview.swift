import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `rapport serve …` running in the background, its standard output gathered as it comes.
final class Preview: @unchecked Sendable {
    let process = Process()
    private let lock = NSLock()
    private var output = ""

    /// - Parameter descriptorLimit: when given, the server runs under `ulimit -n` of that many open files.
    init(arguments: [String], in folder: URL, descriptorLimit: Int? = nil) throws {
        if let descriptorLimit {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "ulimit -n \(descriptorLimit) && exec \"$0\" \"$@\"", CommandLineTests.executable.path] + arguments
        } else {
            process.executableURL = CommandLineTests.executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
            let data = handle.availableData
            guard let self, !data.isEmpty else { return }
            lock.withLock { output += String(decoding: data, as: UTF8.self) }
        }
        try process.run()
    }

    /// The port from "serving on http://127.0.0.1:PORT/", waiting at most a minute for it.
    func port() throws -> Int {
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, process.isRunning {
            let text = lock.withLock { output }
            if let match = text.firstMatch(of: /serving on http:\/\/127\.0\.0\.1:(\d+)\//), let port = Int(match.1) { return port }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw WalkthroughError("the preview did not say it was serving: \(lock.withLock { output })")
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}

/// TCP connections to 127.0.0.1.
enum Loopback {
    /// A connected socket to 127.0.0.1:`port`, or -1 when none could be made.
    static func connect(port: Int) -> Int32 {
        let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socketDescriptor >= 0 else { return -1 }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { close(socketDescriptor); return -1 }
        return socketDescriptor
    }
}
