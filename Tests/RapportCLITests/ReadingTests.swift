import Foundation
import RapportTestSupport
import Testing

/// "Only regular files are read": the kinds of file a site root may hold, through the real executable. Each hang
/// case runs under a watchdog (a bounded time, not a measured one); each case ends with a located message.
extension CommandLineTests {
    /// `rapport` with a watchdog: killed (and the test failed) if it runs longer than `limit` seconds.
    func rapportWithin(_ limit: Double, _ arguments: [String], in folder: URL, runAs user: String? = nil) throws -> Run {
        let process = Process()
        if let user {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=\(user)", "--regid=\(user)", "--clear-groups", Self.executable.path] + arguments
        } else {
            process.executableURL = Self.executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = folder
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let watchdog = DispatchWorkItem { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        DispatchQueue.global().asyncAfter(deadline: .now() + limit, execute: watchdog)
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        #expect(process.terminationReason == .exit, "rapport \(arguments) did not end within \(limit) s")
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// A copy of the repository's site with a `content/assets/` folder (the report has none).
    func siteCopyWithAssets() throws -> URL {
        let root = try siteCopy()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/assets"), withIntermediateDirectories: true)
        return root
    }

    func makeFIFO(_ url: URL) throws {
        try #require(mkfifo(url.path, 0o644) == 0, "mkfifo \(url.path)")
    }

    @Test("named pipes in content/, content/assets/, templates/ and templates/assets/ are errors naming each, never a hang")
    func fifos() throws {
        let root = try siteCopyWithAssets()
        defer { TestFolders.remove(root) }
        let pipes = ["content/2022/fr/countries/tube.md", "content/assets/flux.svg", "templates/boucle.mustache", "templates/assets/flux.css",
                     "content/i18n/de.yaml"]
        for path in pipes { try makeFIFO(root.appendingPathComponent(path)) }
        let before = try snapshot(of: root.appendingPathComponent("content/2022/en"))
        for command in [["build"], ["check"]] {
            let run = try rapportWithin(60, command, in: root)
            #expect(run.status == 1, "\(command): \(run.stderr)")
            for path in pipes {
                #expect(run.stderr.contains("\(path):1:1: error: this is a named pipe (FIFO), not a file: Rapport reads only regular files and folders"),
                        "\(command) \(path): \(run.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
        #expect(try snapshot(of: root.appendingPathComponent("content/2022/en")) == before)
    }

    @Test("a socket and a device node in the site root are errors naming them (device: root only)")
    func socketsAndDevices() throws {
        let root = try siteCopyWithAssets()
        defer { TestFolders.remove(root) }
        let socketPath = root.appendingPathComponent("content/assets/prise.sock").path
        let descriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        _ = withUnsafeMutableBytes(of: &address.sun_path) { buffer in socketPath.utf8CString.withUnsafeBytes { buffer.copyMemory(from: $0) } }
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        defer { close(descriptor) }
        try #require(bound == 0)
        var devices: [String] = []
        if getuid() == 0 {
            // /dev/zero's numbers: read as a file it would never end.
            try #require(mknod(root.appendingPathComponent("content/2022/fr/zero.md").path, S_IFCHR | 0o644, dev_t((1 << 8) | 5)) == 0)
            devices.append("content/2022/fr/zero.md")
        }
        let run = try rapportWithin(60, ["build"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/assets/prise.sock:1:1: error: this is a socket, not a file"), "\(run.stderr)")
        for device in devices {
            #expect(run.stderr.contains("\(device):1:1: error: this is a device, not a file"), "\(run.stderr)")
        }
    }

    @Test("dangling and looping symbolic links named like content are errors naming them; a link to a hidden file, and a file or folder named with a leading dot, is never published")
    func links() throws {
        let root = try siteCopyWithAssets()
        defer { TestFolders.remove(root) }
        let manager = FileManager.default
        let countries = root.appendingPathComponent("content/2022/fr/countries")
        try manager.createSymbolicLink(atPath: countries.appendingPathComponent("fantome.md").path, withDestinationPath: "disparu.md")
        try manager.createSymbolicLink(atPath: countries.appendingPathComponent("a.md").path, withDestinationPath: "b.md")
        try manager.createSymbolicLink(atPath: countries.appendingPathComponent("b.md").path, withDestinationPath: "a.md")
        try manager.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[credential]\ntoken = SECRET-TOKEN\n".utf8).write(to: root.appendingPathComponent(".git/config"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("content/assets/config.txt").path, withDestinationPath: "../../.git/config")
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("content/assets/depot").path, withDestinationPath: "../../.git")
        // A link to a folder above it: walked once, no loop.
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("content/assets/boucle").path, withDestinationPath: "..")
        let run = try rapportWithin(60, ["build"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/2022/fr/countries/fantome.md:1:1: error: symbolic link to 'disparu.md', which does not exist"), "\(run.stderr)")
        #expect(run.stderr.contains("content/2022/fr/countries/a.md:1:1: error: symbolic link to 'b.md', which leads back to itself without end"))
        #expect(run.stderr.contains("content/2022/fr/countries/b.md:1:1: error: symbolic link to 'a.md', which leads back to itself without end"))
        #expect(run.stderr.contains("content/assets/config.txt:1:1: error: symbolic link to '../../.git/config', a hidden file or folder"))
        #expect(run.stderr.contains("content/assets/depot:1:1: error: symbolic link to '../../.git', a hidden file or folder"))
        #expect(!manager.fileExists(atPath: root.appendingPathComponent("output").path))
        // Without the broken links, the build succeeds — and still publishes nothing of .git.
        for name in ["fantome.md", "a.md", "b.md"] { try manager.removeItem(at: countries.appendingPathComponent(name)) }
        let built = try rapportWithin(60, ["build"], in: root)
        #expect(built.status == 1, "the links to .git stay errors")
        try manager.removeItem(at: root.appendingPathComponent("content/assets/config.txt"))
        try manager.removeItem(at: root.appendingPathComponent("content/assets/depot"))
        // Names starting with '.' are not content: passed over, never published (an editor's swap file, a .env).
        try Data("SECRET-TOKEN=1".utf8).write(to: root.appendingPathComponent("content/assets/.env"))
        try Data("garbage".utf8).write(to: countries.appendingPathComponent(".mongolie.md.swp"))
        try manager.createDirectory(at: root.appendingPathComponent("content/assets/.cache"), withIntermediateDirectories: true)
        try Data("SECRET-TOKEN".utf8).write(to: root.appendingPathComponent("content/assets/.cache/token"))
        let clean = try rapportWithin(60, ["build"], in: root)
        #expect(clean.status == 0, "\(clean.stderr)")
        let published = try snapshot(of: root.appendingPathComponent("output"))
        #expect(!published.values.contains { String(decoding: $0, as: UTF8.self).contains("SECRET-TOKEN") })
        #expect(!published.keys.contains { $0.contains("/.env") || $0.contains(".cache") || $0.contains(".swp") })
    }

    @Test("a file name that is not UTF-8 is an error naming it with the byte, never a page dropped")
    func nonUTF8Name() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        // "sénégal.md" in Latin-1: 0xE9 for é.
        let folder = root.appendingPathComponent("content/2022/fr/countries").path
        var name = Array(folder.utf8) + Array("/s".utf8) + [0xE9] + Array("n\u{65}gal.md".utf8)
        name.append(0)
        let descriptor = name.withUnsafeBufferPointer { open(UnsafeRawPointer($0.baseAddress!).assumingMemoryBound(to: CChar.self), O_CREAT | O_WRONLY, 0o644) }
        try #require(descriptor >= 0)
        close(descriptor)
        let run = try rapportWithin(60, ["build"], in: root)
        #expect(run.status == 1)
        #expect(run.stderr.contains("content/2022/fr/countries/s\\xE9negal.md:1:1: error: this file name is not valid UTF-8 (byte 0xE9): rename the file"), "\(run.stderr)")
    }

    @Test("an unreadable file or folder is an error naming it, never a build that exits 0 with pages missing (run as nobody)")
    func unreadable() throws {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: needs root and setpriv to run the build as another user")
            return
        }
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        // The build runs as nobody: the root is theirs to write in, two sources are not theirs to read.
        _ = chmod(root.path, 0o777)
        let page = root.appendingPathComponent("content/2022/fr/countries/mongolie.md")
        let folder = root.appendingPathComponent("content/2022/en/regions")
        #expect(chmod(page.path, 0o600) == 0 && chmod(folder.path, 0o700) == 0)
        guard FileManager.default.isExecutableFile(atPath: Self.executable.path) else { return }
        let run = try rapportWithin(60, ["build"], in: root, runAs: "65534")
        #expect(run.status == 1, "\(run.stderr)")
        #expect(run.stderr.contains("content/2022/fr/countries/mongolie.md:1:1: error: cannot read the file: permission denied"), "\(run.stderr)")
        #expect(run.stderr.contains("content/2022/en/regions/:1:1: error: cannot open the folder: permission denied"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
    }
}
