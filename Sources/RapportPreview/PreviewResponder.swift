import Foundation
import Hummingbird
import NIOCore
import RapportCore
import ServiceLifecycle

/// Answers the preview's requests from the in-memory site: only paths of the built site exist, so nothing
/// outside it (`..`, symbolic links, absolute paths) can ever be served.
enum PreviewResponder {
    static let eventsPath = "/__rapport/events"
    static let scriptPath = "/__rapport/live.js"

    static func respond(to request: Request, site: PreviewSite) async -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = String(request.uri.path)
        if rawPath == eventsPath { return await events(site) }
        if rawPath == scriptPath {
            return Response(status: .ok, headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-store"],
                            body: .init(byteBuffer: ByteBuffer(string: LiveReload.script)))
        }
        guard let path = sitePath(rawPath) else { return await notFound(rawPath, site: site) }

        if let file = await site.file(path.isEmpty ? "index.html" : path) {
            return await serve(file, path: path.isEmpty ? "index.html" : path, request: request, site: site)
        }
        if path.hasSuffix("/"), let file = await site.file(path + "index.html") {
            return await serve(file, path: path + "index.html", request: request, site: site)
        }
        if !path.hasSuffix("/"), await site.hasFolder(path) {
            return Response(status: .movedPermanently, headers: [.location: "/" + path + "/"])
        }
        return await notFound(rawPath, site: site)
    }

    /// The site path of a request path (`/fr/2020/` → `fr/2020/`), or `nil` for anything that is not one:
    /// bad percent-encoding, `.` or `..` segments in any encoding, backslashes, NUL, a path not starting with `/`.
    static func sitePath(_ rawPath: String) -> String? {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return nil }
        guard !decoded.contains("\\"), !decoded.contains("\0"), !decoded.contains("//") else { return nil }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments where segment == ".." || segment == "." { return nil }
        // Encoded once more (`%252e%252e`): a literal segment that no built path has; refused outright all the same.
        if decoded.contains("%") && decoded.removingPercentEncoding != decoded { return nil }
        return String(decoded.dropFirst())
    }

    private static func serve(_ file: ServedFile, path: String, request: Request, site: PreviewSite, status: HTTPResponse.Status = .ok) async -> Response {
        let type = contentType(of: path)
        var bytes = file.bytes
        var etag = file.etag
        if type.hasPrefix("text/html") {
            let errors = await site.errors
            bytes = LiveReload.inject(into: bytes, errors: errors)
            etag = "\"\(file.etag.dropFirst().dropLast())-\(await site.generation)-\(errors.count)\""
        }
        var headers: HTTPFields = [.contentType: type, .eTag: etag, .cacheControl: "no-cache"]
        if status == .ok, let match = request.headers[.ifNoneMatch], match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag }) {
            return Response(status: .notModified, headers: headers)
        }
        headers[.contentLength] = String(bytes.count)
        let body = request.method == .head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes))
        return Response(status: status, headers: headers, body: body)
    }

    /// The site's own 404 page, in the language of the requested path when it has one.
    private static func notFound(_ rawPath: String, site: PreviewSite) async -> Response {
        let first = rawPath.split(separator: "/").first.map(String.init) ?? ""
        let candidates = await site.languages.contains(first) ? [Route.notFound(language: first).file, Route.notFound(language: nil).file] : [Route.notFound(language: nil).file]
        for candidate in candidates {
            if let file = await site.file(candidate) {
                let errors = await site.errors
                let bytes = LiveReload.inject(into: file.bytes, errors: errors)
                return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                                body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
            }
        }
        // No site yet (the first build failed): a bare page that still shows the errors and reloads.
        let bare = Array("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>Not found</title></head>\n<body>\n<h1>Not found</h1>\n</body>\n</html>\n".utf8)
        return Response(status: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: .init(byteBuffer: ByteBuffer(bytes: LiveReload.inject(into: bare, errors: await site.errors))))
    }

    /// Server-Sent Events: `reload` after every build; a comment line as heartbeat. Ends on graceful shutdown.
    private static func events(_ site: PreviewSite) async -> Response {
        let stream = await site.subscribe()
        let generation = await site.generation
        let headers: HTTPFields = [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: "retry: 500\nevent: hello\ndata: \(generation)\n\n"))
            for await event in stream.cancelOnGracefulShutdown() {
                switch event {
                case .reload(let generation):
                    try await writer.write(ByteBuffer(string: "event: reload\ndata: \(generation)\n\n"))
                case .heartbeat:
                    try await writer.write(ByteBuffer(string: ": heartbeat\n\n"))
                }
            }
            try await writer.finish(nil)
        })
    }

    static func contentType(of path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html", "htm": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js", "mjs": "text/javascript; charset=utf-8"
        case "json": "application/json; charset=utf-8"
        case "xml": "application/xml; charset=utf-8"
        case "txt": "text/plain; charset=utf-8"
        case "svg": "image/svg+xml; charset=utf-8"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "webp": "image/webp"
        case "ico": "image/x-icon"
        case "pdf": "application/pdf"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        default: "application/octet-stream"
        }
    }
}

/// The preview-only additions to pages: the reload script, and the overlay that lists the current errors.
/// Never part of a build's output.
enum LiveReload {
    static let script = """
        (() => {
          const events = new EventSource("/__rapport/events");
          let seen = null;
          events.addEventListener("hello", (e) => { if (seen !== null && e.data !== seen) location.reload(); seen = e.data; });
          events.addEventListener("reload", (e) => { seen = e.data; location.reload(); });
        })();

        """

    /// `bytes` (an HTML page) with the overlay (when there are errors) and the script before `</body>`.
    static func inject(into bytes: [UInt8], errors: [Diagnostic]) -> [UInt8] {
        var addition = ""
        if !errors.isEmpty {
            let lines = errors.map { XML.escape("\($0.location.path):\($0.location.line):\($0.location.column): \($0.message)") }
            addition += """
                <div id="rapport-overlay" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
                background:#fff4f4;color:#5c0000;border-top:4px solid #b00020;font:14px/1.5 ui-monospace,monospace;padding:1rem 1.25rem">\
                <strong>Rapport: the last build failed (\(errors.count) error\(errors.count == 1 ? "" : "s")); this is the last good site.</strong>\
                <ul style="margin:.5rem 0 0;padding-left:1.25rem">\(lines.map { "<li>\($0)</li>" }.joined())</ul></div>
                """
        }
        addition += "<script src=\"\(PreviewResponder.scriptPath)\"></script>\n"
        let marker = Array("</body>".utf8)
        guard let index = lastIndex(of: marker, in: bytes) else { return bytes + Array(addition.utf8) }
        return Array(bytes[..<index]) + Array(addition.utf8) + Array(bytes[index...])
    }

    private static func lastIndex(of marker: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= marker.count else { return nil }
        var index = bytes.count - marker.count
        while index >= 0 {
            if bytes[index] == marker[0], Array(bytes[index..<index + marker.count]) == marker { return index }
            index -= 1
        }
        return nil
    }
}
