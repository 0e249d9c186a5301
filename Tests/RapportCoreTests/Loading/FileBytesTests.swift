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
}
