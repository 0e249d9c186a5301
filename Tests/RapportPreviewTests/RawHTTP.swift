import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A minimal HTTP/1.1 client over a plain TCP socket: requests go out exactly as written (no URL normalising,
/// so `..` and odd encodings reach the server), and an event stream can be read as it arrives.
/// Blocking calls run on GCD threads, never on the Swift concurrency pool the server needs.
struct RawHTTP {
    let port: Int

    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    /// Runs `body` on a GCD thread.
    static func blocking<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(returning: body()) }
        }
    }

    func get(_ rawPath: String, headers: [String: String] = [:], host: String? = nil) async -> Response? {
        let port = port
        return await Self.blocking {
            guard let socket = Self.connect(port: port) else { return nil }
            defer { close(socket) }
            var request = "GET \(rawPath) HTTP/1.1\r\nHost: \(host ?? "127.0.0.1:\(port)")\r\nConnection: close\r\n"
            for (name, value) in headers { request += "\(name): \(value)\r\n" }
            request += "\r\n"
            guard Self.send(request, on: socket) else { return nil }
            var data = [UInt8]()
            var buffer = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { break }
                data += buffer[0..<count]
            }
            return Self.parse(data)
        }
    }

    static func parse(_ data: [UInt8]) -> Response? {
        let text = String(decoding: data, as: UTF8.self)
        guard let split = text.range(of: "\r\n\r\n") else { return nil }
        let head = text[..<split.lowerBound].components(separatedBy: "\r\n")
        guard let statusLine = head.first, statusLine.hasPrefix("HTTP/1.1 "),
              let status = Int(statusLine.dropFirst(9).prefix(3)) else { return nil }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        var body = String(text[split.upperBound...])
        if headers["transfer-encoding"] == "chunked" { body = dechunk(body) }
        return Response(status: status, headers: headers, body: body)
    }

    static func dechunk(_ body: String) -> String {
        var rest = Substring(body), out = ""
        while let lineEnd = rest.range(of: "\r\n"), let size = Int(rest[..<lineEnd.lowerBound], radix: 16), size > 0 {
            let start = lineEnd.upperBound
            let bytes = Array(rest[start...].utf8)
            out += String(decoding: bytes.prefix(size), as: UTF8.self)
            rest = Substring(String(decoding: bytes.dropFirst(size + 2), as: UTF8.self))
        }
        return out
    }

    static func connect(port: Int) -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else { close(socket); return nil }
        return socket
    }

    static func send(_ text: String, on socket: Int32) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, bytes.count, 0) } == bytes.count
    }
}

/// An open `text/event-stream` response, read event by event.
final class EventStream: @unchecked Sendable {
    private let socket: Int32
    private var pending = ""

    init?(port: Int, path: String = "/__rapport/events") {
        guard let socket = RawHTTP.connect(port: port) else { return nil }
        self.socket = socket
        guard RawHTTP.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n", on: socket) else { return nil }
    }

    deinit { close(socket) }

    /// The next event's name (`event:` line), skipping heartbeats; `nil` at end of stream or after `timeout` seconds.
    func next(timeout: Int = 30) async -> String? {
        await RawHTTP.blocking { [self] in
            var timeoutValue = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeoutValue, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                if let range = pending.range(of: "\nevent: ") ?? (pending.hasPrefix("event: ") ? pending.range(of: "event: ") : nil),
                   let end = pending[range.upperBound...].firstIndex(of: "\n") {
                    let name = String(pending[range.upperBound..<end])
                    pending = String(pending[end...])
                    return name
                }
                let count = recv(socket, &buffer, buffer.count, 0)
                if count <= 0 { return nil }
                pending += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
    }

    /// Whether the server closed the stream within `timeout` seconds.
    func closes(within timeout: Int) async -> Bool {
        await RawHTTP.blocking { [self] in
            var timeoutValue = timeval(tv_sec: timeout, tv_usec: 0)
            setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeoutValue, socklen_t(MemoryLayout<timeval>.size))
            var buffer = [UInt8](repeating: 0, count: 4096)
            while true {
                let count = recv(socket, &buffer, buffer.count, 0)
                if count == 0 { return true }
                if count < 0 { return false }
            }
        }
    }
}
