import Foundation
import RapportTestSupport
import Testing

/// Faults of the machine, through the real executable: builds killed at random moments, a full disk, an output
/// folder that cannot be written, builds racing into one folder, leftovers of killed builds.
extension CommandLineTests {
    /// A generated report (bench/make_corpus.py) with the repository's theme: big enough that a build takes a while.
    static func generatedSite(countries: Int = 30, years: [String] = ["2021", "2022"]) throws -> URL {
        let root = TestFolders.temporary("rapport-faults")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", TestFolders.repositoryRoot.appendingPathComponent("bench/make_corpus.py").path,
                             "--countries", String(countries), "--years"] + years + ["--out", root.path, "--force"]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        for folder in ["templates", "content/i18n"] {
            try FileManager.default.copyItem(at: TestFolders.repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    /// The site's title changed: every page of the built site differs.
    static func retitle(_ root: URL, to title: String) throws {
        let path = root.appendingPathComponent("content/site.yaml")
        var lines = try String(contentsOf: path, encoding: .utf8).components(separatedBy: "\n")
        let index = try #require(lines.firstIndex { $0.hasPrefix("  fr: ") })
        lines[index] = "  fr: \(title)"
        try lines.joined(separator: "\n").write(to: path, atomically: true, encoding: .utf8)
    }

    /// What a build or a kill left beside the output folder.
    static func leftovers(beside output: URL) throws -> [String] {
        let name = output.lastPathComponent
        return try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)
            .filter { $0.hasPrefix(name + ".rapport-tmp-") || $0.hasPrefix(name + ".rapport-old-") }.sorted()
    }

    /// Starts `rapport build` and returns the process (not waited for).
    func startBuild(_ root: URL, extra: [String] = []) throws -> Process {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["build", "--root", root.path] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test("kill -9 at 50 random moments (seeded): output/ always exists, whole, the previous site or the new one; no leftover after the next build")
    func killedBuilds() throws {
        let root = try Self.generatedSite(countries: 20)
        defer { TestFolders.remove(root) }
        let output = root.appendingPathComponent("output")
        var sites: [[String: Data]] = []
        var timings: [Double] = []
        for title in ["Rapport A", "Rapport B", "Rapport A", "Rapport B"] {
            try Self.retitle(root, to: title)
            let start = Date()
            let run = try rapport(["build"], in: root)
            timings.append(Date().timeIntervalSince(start))
            try #require(run.status == 0, "\(run.stderr)")
            if sites.count < 2 { sites.append(try snapshot(of: output)) }
        }
        #expect(sites[0] != sites[1])
        // Kills spread over a warm build's duration (the last runs), a few past its end.
        let span = timings.suffix(2).min()! * 1.1
        var random = SplitMix64(seed: 20261201)
        var current = 1   // output/ holds site B
        var before = 0, after = 0, finished = 0
        for attempt in 0..<50 {
            let target = 1 - current
            try Self.retitle(root, to: target == 0 ? "Rapport A" : "Rapport B")
            // Every other kill aims at the end of the build, where the swap and the old folder's removal are.
            let fraction = Double(random.next() % 10_000) / 10_000
            let delay = attempt.isMultiple(of: 2) ? fraction * span : (0.75 + 0.4 * fraction) * span / 1.1
            let process = try startBuild(root)
            Thread.sleep(forTimeInterval: delay)
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            let wasKilled = process.terminationReason == .uncaughtSignal
            let now = try snapshot(of: output)
            #expect(!now.isEmpty, "output/ must exist after every kill")
            if now == sites[target] {
                current = target
                if wasKilled { after += 1 } else { finished += 1 }
            } else {
                #expect(now == sites[current], "output/ is neither the previous site nor the new one (kill after \(delay) s)")
                before += 1
            }
        }
        print("kill -9: \(before) killed before the swap, \(after) after it, \(finished) finished first")
        // The invariants above are the test; this only checks that kills did land inside builds.
        // At least a tenth: the share varies with the machine's load (half the kills aim mid-build).
        #expect(before >= 5, "the kills must land inside builds: \(before) before, \(after) after, \(finished) finished")
        let run = try rapport(["build"], in: root)
        #expect(run.status == 0)
        #expect(try Self.leftovers(beside: output) == [])
    }

    @Test("two, then eight, builds at once into one folder: each waits its turn, all succeed, one whole site results")
    func concurrentBuilds() throws {
        let root = try Self.generatedSite(countries: 10, years: ["2022"])
        defer { TestFolders.remove(root) }
        let output = root.appendingPathComponent("output")
        let run = try rapport(["build"], in: root)
        try #require(run.status == 0)
        let expected = try snapshot(of: output)
        for count in [2, 8] {
            let processes = try (0..<count).map { _ in try startBuild(root) }
            for process in processes { process.waitUntilExit() }
            #expect(processes.allSatisfy { $0.terminationStatus == 0 }, "\(processes.map(\.terminationStatus))")
            #expect(try snapshot(of: output) == expected)
            #expect(try Self.leftovers(beside: output) == [])
        }
    }

    @Test("a build waits while another holds the output's lock; with --no-wait it fails at once, saying so")
    func lockedOutput() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let lockPath = root.appendingPathComponent(".output.lock").path
        let descriptor = open(lockPath, O_CREAT | O_RDWR, 0o644)
        try #require(descriptor >= 0 && flock(descriptor, LOCK_EX) == 0)
        let refused = try rapport(["build", "--no-wait"], in: root)
        #expect(refused.status == 1)
        #expect(refused.stderr == "error: cannot write the output: \(root.appendingPathComponent("output").path): another build is writing into this folder (it holds \(lockPath))\n")
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = ["build", "--root", root.path]
        let errors = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = errors
        try process.run()
        let waiting = process
        Thread.sleep(forTimeInterval: 1.0)
        #expect(waiting.isRunning, "the build waits for the lock")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("output").path))
        close(descriptor)
        let said = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        waiting.waitUntilExit()
        #expect(waiting.terminationStatus == 0)
        #expect(said == "Another build is writing into \(root.appendingPathComponent("output").path); waiting for it to finish…\n")
        #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("output/index.html").path))
    }

    @Test("leftovers of killed builds of this output are removed — only folders named so and marked (or empty) — never a person's output.old-2023")
    func leftoversCleaned() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let marker = ".rapport-output"
        let ours = ["output.rapport-tmp-00000000deadbeef", "output.rapport-old-00000000deadbee2"]
        let theirs = ["output.old-2023", "output.tmp-dead0001", "outputs.rapport-tmp-00000000deadbeef", "output.rapport-tmp-backup"]
        for folder in ours + theirs {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder + "/fr"), withIntermediateDirectories: true)
            try Data("<p>page</p>".utf8).write(to: root.appendingPathComponent(folder + "/fr/index.html"))
            try Data().write(to: root.appendingPathComponent(folder + "/" + marker))
        }
        let run = try rapport(["build"], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let left = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.contains("tmp-") || $0.contains("old-") }.sorted()
        #expect(left == theirs.sorted())
        for folder in theirs {
            #expect(try Data(contentsOf: root.appendingPathComponent(folder + "/fr/index.html")) == Data("<p>page</p>".utf8), "\(folder) is intact")
        }
    }

    @Test("an output path that is a file is refused before anything is built (exit 64)")
    func outputIsAFile() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let file = root.appendingPathComponent("output")
        try Data("not a folder".utf8).write(to: file)
        let run = try rapport(["build"], in: root)
        #expect(run.status == 64)
        #expect(run.stderr.contains("Error: the output path \(file.path) is a file, not a folder"), "\(run.stderr)")
        #expect(try Data(contentsOf: file) == Data("not a folder".utf8))
    }

    /// Runs `body` with a tmpfs mounted at a new folder (`options`, e.g. `size=1m`), or skips when not root.
    func withTmpfs(_ options: String, _ body: (URL) throws -> Void) throws {
        guard getuid() == 0 else {
            print("skipped: mounting a tmpfs needs root")
            return
        }
        let mountPoint = TestFolders.temporary("rapport-tmpfs")
        defer { TestFolders.remove(mountPoint) }
        func mount(_ arguments: [String]) throws -> Int32 {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = arguments
            try process.run()
            process.waitUntilExit()
            return process.terminationStatus
        }
        guard try mount(["mount", "-t", "tmpfs", "-o", options, "tmpfs", mountPoint.path]) == 0 else {
            print("skipped: mount -t tmpfs failed here")
            return
        }
        defer { _ = try? mount(["umount", "-l", mountPoint.path]) }
        try body(mountPoint)
    }

    @Test("out of disk: a clear error naming the output folder and 'no space left', exit 1, the previous output intact")
    func outOfDisk() throws {
        try withTmpfs("size=3m") { disk in
            let root = try siteCopy()
            defer { TestFolders.remove(root) }
            let output = disk.appendingPathComponent("site")
            let first = try rapport(["build", "--output", output.path], in: root)
            try #require(first.status == 0, "the first build must fit: \(first.stderr)")
            let previous = try snapshot(of: output)
            // An asset as large as the disk: the next build cannot fit.
            try FileManager.default.createDirectory(at: root.appendingPathComponent("content/assets"), withIntermediateDirectories: true)
            try Data(repeating: 0x2A, count: 3 * 1_048_576).write(to: root.appendingPathComponent("content/assets/big.bin"))
            let run = try rapport(["build", "--output", output.path], in: root)
            #expect(run.status == 1)
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1, "one error, not one per file: \(run.stderr)")
            #expect(run.stderr.contains("error: cannot write the output: ") && run.stderr.contains("no space left on the disk of the output folder \(output.path)"),
                    "\(run.stderr)")
            #expect(try snapshot(of: output) == previous)
            #expect(try Self.leftovers(beside: output) == [])
        }
    }

    @Test("a read-only disk under the output: a clear error, exit 1, nothing changed")
    func readOnlyParent() throws {
        try withTmpfs("ro,size=1m") { disk in
            let root = try siteCopy()
            defer { TestFolders.remove(root) }
            let output = disk.appendingPathComponent("site")
            let run = try rapport(["build", "--output", output.path], in: root)
            #expect(run.status == 1)
            #expect(run.stderr.hasPrefix("error: cannot write the output: ") && run.stderr.contains("Read-only file system"), "\(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == [])
        }
    }

    @Test("--version, a missing site.yaml, and JSON diagnostics on standard output")
    func smallDefects() throws {
        let root = try siteCopy()
        defer { TestFolders.remove(root) }
        let version = try rapport(["--version"], in: root)
        #expect(version.status == 0)
        #expect(version.stdout.wholeMatch(of: /\d+\.\d+\.\d+\n/) != nil, "\(version.stdout)")
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/site.yaml"))
        let text = try rapport(["check"], in: root)
        #expect(text.status == 1)
        #expect(text.stderr == "content/site.yaml:1:1: error: the site has no content/site.yaml: create it (title, base_url, default_language, languages)\n")
        let json = try rapport(["check", "--format", "json"], in: root)
        #expect(json.status == 1)
        #expect(json.stderr == "")
        #expect(json.stdout.hasPrefix("{") && json.stdout.contains("\"file\":\"content/site.yaml\""), "\(json.stdout)")
    }
}
