#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file's bytes, read with the system's calls straight into the array that keeps them: no `Data` between, and
/// no second copy (the loading stage reads every content file of the site at every build).
enum FileBytes {
    /// The bytes of the file at `path`; nil when it cannot be opened or read (a folder, no permission, gone).
    static func read(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        // One byte more than the size: a file that grew since is seen to have, and read on.
        let expected = max(Int(status.st_size), 0) + 1
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0, errno == EINTR { continue }
                if read < 0 { failed = true; return }
                if read == 0 { return }
                count += read
            }
        }
        guard !failed else { return nil }
        guard bytes.count == expected else { return bytes }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return nil }
            if read == 0 { return bytes }
            bytes += chunk[0..<read]
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
