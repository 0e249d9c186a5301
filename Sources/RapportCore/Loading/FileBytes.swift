#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A file's bytes, read with the system's calls straight into the array that keeps them: no `Data` between, and
/// no second copy (the loading stage reads every content file of the site at every build).
enum FileBytes {
    /// Why a file could not be read, in words for the person who put it there.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// Not a regular file (a named pipe, socket, device or folder): never read, since it may never end.
        case notARegularFile(String)
        /// The system's error (`errno`).
        case system(Int32)

        var description: String {
            switch self {
            case .notARegularFile(let kind): "this is \(kind), not a file: Rapport reads only regular files"
            case .system(let code): SiteWalk.systemReason(code)
            }
        }
    }

    /// The bytes of the file at `path`; nil when it cannot be opened or read (a folder, no permission, gone).
    static func read(atPath path: String) -> [UInt8]? {
        try? load(atPath: path).get()
    }

    /// The bytes of the regular file at `path`, or why they cannot be read. The file is opened without waiting
    /// (`O_NONBLOCK`: a named pipe put in its place does not hang the build) and refused unless it is a regular file.
    static func load(atPath path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(.system(errno)) }
        let type = status.st_mode & S_IFMT
        guard type == S_IFREG else {
            let kind = type == S_IFIFO ? "a named pipe (FIFO)" : type == S_IFSOCK ? "a socket" : type == S_IFDIR ? "a folder" : "a device"
            return .failure(.notARegularFile(kind))
        }
        // One byte more than the size: a file that grew since is seen to have, and read on.
        let expected = max(Int(status.st_size), 0) + 1
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected) { buffer, count in
            count = 0
            while count < buffer.count {
                let read = systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read < 0, errno == EINTR { continue }
                if read < 0 { failure = errno; return }
                if read == 0 { return }
                count += read
            }
        }
        guard failure == 0 else { return .failure(.system(failure)) }
        guard bytes.count == expected else { return .success(bytes) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let read = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return .failure(.system(errno)) }
            if read == 0 { return .success(bytes) }
            bytes += chunk[0..<read]
        }
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#else
private let systemRead = Darwin.read
#endif
