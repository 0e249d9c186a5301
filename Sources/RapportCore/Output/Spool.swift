import Foundation

/// Text set aside in an unnamed temporary file while a build runs: each page's print-page section and search
/// entry are only needed once every page is rendered, and keeping them in memory measured about a fifth of a
/// large build's peak memory. The file is unlinked as soon as it is created, so nothing is left behind, even
/// after a crash. `append` and `read` may be called from several threads at once.
final class Spool: @unchecked Sendable {
    private let descriptor: Int32
    private let lock = NSLock()
    /// The end of the written data (guarded by `lock`).
    private var end = 0
    /// Whether a `read` failed (guarded by `lock`): the build must then fail rather than publish a page without it.
    private var readFailed = false
    var hasFailedRead: Bool { lock.withLock { readFailed } }

    /// A spool in the system's temporary folder; `nil` if no file can be made there (the caller keeps the text).
    init?() {
        var template = Array((NSTemporaryDirectory() + "/rapport-spool-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { return nil }
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// Writes `text` at the end; gives where it is, or `nil` if it could not be written.
    func append(_ text: [UInt8]) -> Range<Int>? {
        text.withUnsafeBufferPointer { bytes in
            lock.lock()
            let start = end
            end += bytes.count
            lock.unlock()
            var offset = 0
            while offset < bytes.count {
                let written = pwrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset, off_t(start + offset))
                if written < 0 {
                    if errno == EINTR { continue }
                    return nil
                }
                offset += written
            }
            return start..<(start + bytes.count)
        }
    }

    /// The text written at `range`.
    func read(_ range: Range<Int>) -> [UInt8]? {
        var bytes = [UInt8](repeating: 0, count: range.count)
        var offset = 0
        while offset < range.count {
            let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress! + offset, range.count - offset, off_t(range.lowerBound + offset)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                lock.withLock { readFailed = true }
                return nil
            }
            offset += count
        }
        return bytes
    }
}
