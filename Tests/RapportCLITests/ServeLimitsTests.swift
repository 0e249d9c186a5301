import Foundation
import RapportTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The preview out of file descriptors (issue 26: "out of descriptors, it spins both cores"), through the real
/// executable under `ulimit -n`: while every descriptor is held by idle connections the server waits instead of
/// spinning, and once they close it answers again.
@Suite("rapport serve out of file descriptors")
struct ServeLimitsTests {
    #if os(Linux)
    /// CPU time (user + system) of a process so far, in seconds, from /proc.
    static func cpuSeconds(_ pid: Int32) throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // Fields after the command name (which is in parentheses and may hold spaces): utime is the 14th field.
        let fields = stat[stat.index(after: try #require(stat.lastIndex(of: ")")))...].split(separator: " ")
        let ticks = try #require(Double(fields[11])) + (try #require(Double(fields[12])))
        return ticks / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The start of the answer to `GET /` (empty when there was none within 5 seconds).
    static func get(port: Int) -> String {
        let connection = Loopback.connect(port: port)
        guard connection >= 0 else { return "" }
        defer { close(connection) }
        var timeout = timeval(tv_sec: 5, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let request = Array("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n".utf8)
        guard send(connection, request, request.count, 0) == request.count else { return "" }
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = recv(connection, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }

    @Test("with every descriptor held by idle connections, the server does not spin, and answers once they close")
    func outOfDescriptors() throws {
        let root = try TestFolders.copyOfRepositorySite("rapport-descriptors")
        defer { TestFolders.remove(root) }
        let preview = try Preview(arguments: ["serve", "--port", "0"], in: root, descriptorLimit: 256)
        defer { preview.stop() }
        let port = try preview.port()

        // More connections than the server has descriptors: the kernel completes them (the listen backlog), the
        // server's accept(2) fails with EMFILE.
        var connections: [Int32] = []
        defer { for connection in connections { close(connection) } }
        for _ in 0..<400 {
            let connection = Loopback.connect(port: port)
            if connection >= 0 { connections.append(connection) }
        }
        Thread.sleep(forTimeInterval: 1)
        let before = try Self.cpuSeconds(preview.process.processIdentifier)
        Thread.sleep(forTimeInterval: 3)
        let spent = try Self.cpuSeconds(preview.process.processIdentifier) - before
        // Spinning on accept(2) burns about 3 s per core in 3 s; waiting costs almost nothing.
        #expect(spent < 0.75, "the server used \(spent) s of CPU in 3 s while out of descriptors")
        #expect(preview.process.isRunning)

        for connection in connections { close(connection) }
        connections = []
        // Answers again (the idle connections it accepted are closed by their peer; those still in the backlog
        // are accepted and closed in turn).
        let deadline = Date().addingTimeInterval(30)
        var answered = false
        while Date() < deadline, !answered {
            answered = Self.get(port: port).hasPrefix("HTTP/1.1 200")
            if !answered { Thread.sleep(forTimeInterval: 0.2) }
        }
        #expect(answered, "the server did not answer within 30 s once the connections closed")
    }
    #endif
}
