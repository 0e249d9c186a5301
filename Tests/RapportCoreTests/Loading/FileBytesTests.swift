import Foundation
import Testing
@testable import RapportCore

@Suite("Reading a file's bytes")
struct FileBytesTests {
    @Test("a file's bytes exactly, whatever its size; nil for a folder or a missing file")
    func bytes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for size in [0, 1, 4095, 4096, 65_537, 300_001] {
            let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 8) }
            let file = folder.appendingPathComponent("file-\(size)")
            try Data(bytes).write(to: file)
            #expect(FileBytes.read(atPath: file.path) == bytes, "size \(size)")
        }
        #expect(FileBytes.read(atPath: folder.path) == nil)
        #expect(FileBytes.read(atPath: folder.appendingPathComponent("missing").path) == nil)
    }

    @Test("a file longer than its size said (it grew) is read to its end: /proc files say 0",
          .enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func grownFile() throws {
        let status = try #require(FileBytes.read(atPath: "/proc/self/status"))
        #expect(status.count > 0)
        #expect(String(decoding: status, as: UTF8.self).contains("Name:"))
    }

    @Test("a named pipe, a device or a folder is refused without waiting (no writer ever comes), saying what it is")
    func notRegular() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-filebytes-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pipe = folder.appendingPathComponent("pipe.md")
        try #require(mkfifo(pipe.path, 0o644) == 0)
        #expect(FileBytes.load(atPath: pipe.path) == .failure(.notARegularFile("a named pipe (FIFO)")))
        #expect(FileBytes.load(atPath: "/dev/zero") == .failure(.notARegularFile("a device")))
        #expect(FileBytes.load(atPath: folder.path) == .failure(.notARegularFile("a folder")))
        #expect(FileBytes.load(atPath: folder.appendingPathComponent("missing").path) == .failure(.system(ENOENT)))
    }
}
