import Foundation
import Testing
import RapportCore
import RapportTestSupport

/// Random damage to the *kinds* of the files of a site root on disk — a file or folder replaced by a named pipe, a
/// symbolic link that dangles, loops, leaves the root, leads to a hidden file or to a device, an unreadable file or
/// folder — read and built as the CLI does. No hang (the suite's time limit), no crash; every damaged place that
/// cannot be read is named by an error; a failed build leaves the last good output as it was.
@Suite("Fuzzing the kinds of file of a site root", .timeLimit(.minutes(4)))
struct FileKindFuzzTests {
    enum Damage: CaseIterable {
        case fifo, dangling, loop, outsideRoot, hidden, device, unreadable, linkToSibling

        /// Whether the build must fail with an error at the damaged path. An unreadable file is unreadable only to
        /// a user who is not root (root reads it anyway); a link to a sibling file is a fine link.
        var mustFail: Bool {
            switch self {
            case .unreadable: getuid() != 0
            case .linkToSibling: false
            default: true
            }
        }
    }

    @Test("200 damaged site roots: no crash, no hang, each unreadable place named, last good output intact")
    func damagedKinds() throws {
        let pristine = TestFolders.temporary("rapport-kinds-pristine")
        let root = TestFolders.temporary("rapport-kinds")
        let outputFolder = TestFolders.temporary("rapport-kinds-output")
        defer { for folder in [pristine, root, outputFolder] { TestFolders.remove(folder) } }
        let fixture = FuzzTests.testsFolder.appendingPathComponent("RapportCoreTests/Fixtures/minimal-site/content")
        let manager = FileManager.default
        try manager.copyItem(at: fixture, to: pristine.appendingPathComponent("content"))
        try manager.copyItem(at: FuzzTests.repositoryRoot.appendingPathComponent("templates"), to: pristine.appendingPathComponent("templates"))
        try? manager.removeItem(at: pristine.appendingPathComponent("content/i18n"))
        try manager.copyItem(at: FuzzTests.repositoryRoot.appendingPathComponent("content/i18n"), to: pristine.appendingPathComponent("content/i18n"))
        try manager.createDirectory(at: pristine.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("token = SECRET".utf8).write(to: pristine.appendingPathComponent(".git/config"))
        for name in ["content", "templates", ".git"] { try manager.copyItem(at: pristine.appendingPathComponent(name), to: root.appendingPathComponent(name)) }
        // Every file and folder below content/ and templates/ may be damaged.
        var places: [String] = []
        for folder in ["content", "templates"] {
            let enumerator = manager.enumerator(atPath: pristine.appendingPathComponent(folder).path)!
            for case let relative as String in enumerator { places.append(folder + "/" + relative) }
        }
        places.sort()
        let output = outputFolder.appendingPathComponent("site")
        var random = SplitMix64(seed: 25_000_025)
        var lastGood: [String: Data]?
        var failed = 0, succeeded = 0
        for _ in 0..<200 {
            var damaged: [(path: String, damage: Damage)] = []
            for _ in 0..<Int.random(in: 1...2, using: &random) {
                let path = places.randomElement(using: &random)!
                // A place under one already damaged is gone with it.
                guard !damaged.contains(where: { path == $0.path || path.hasPrefix($0.path + "/") || $0.path.hasPrefix(path + "/") }) else { continue }
                let damage = Damage.allCases.randomElement(using: &random)!
                try apply(damage, at: root.appendingPathComponent(path), in: root)
                damaged.append((path, damage))
            }
            let source = SiteSource.read(root: root)
            let staged = try StagedOutput(output: output)
            let outcome = SiteBuilder.build(source, output: staged)
            for (path, damage) in damaged where damage.mustFail {
                #expect(outcome.diagnostics.contains { $0.severity == .error && ($0.location.path == path || $0.location.path == path + "/") },
                        "\(damage) at \(path) is not named: \(outcome.diagnostics.map(\.description))")
            }
            if outcome.succeeded {
                succeeded += 1
                try staged.commit()
                lastGood = try TestFolders.snapshot(of: output)
                #expect(!lastGood!.values.contains { String(decoding: $0, as: UTF8.self).contains("SECRET") })
            } else {
                failed += 1
                staged.discard()
                if let lastGood { #expect(try TestFolders.snapshot(of: output) == lastGood) }
            }
            for (path, _) in damaged { try restore(path, from: pristine, to: root) }
        }
        #expect(failed > 0 && succeeded > 0, "the damage should both break and spare the site (\(failed) failed, \(succeeded) built)")
    }

    func apply(_ damage: Damage, at url: URL, in root: URL) throws {
        let manager = FileManager.default
        let path = url.path
        switch damage {
        case .unreadable:
            _ = chmod(path, 0)
            return
        default: try manager.removeItem(at: url)
        }
        switch damage {
        case .fifo: _ = mkfifo(path, 0o644)
        case .dangling: try manager.createSymbolicLink(atPath: path, withDestinationPath: "nowhere-\(url.lastPathComponent)")
        case .loop: try manager.createSymbolicLink(atPath: path, withDestinationPath: url.lastPathComponent)
        case .outsideRoot: try manager.createSymbolicLink(atPath: path, withDestinationPath: "/etc/hostname")
        case .hidden: try manager.createSymbolicLink(atPath: path, withDestinationPath: root.appendingPathComponent(".git/config").path)
        case .device: try manager.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        case .linkToSibling: try manager.createSymbolicLink(atPath: path, withDestinationPath: root.appendingPathComponent("content/site.yaml").path)
        case .unreadable: break
        }
    }

    func restore(_ relative: String, from pristine: URL, to root: URL) throws {
        let target = root.appendingPathComponent(relative)
        _ = chmod(target.path, 0o755)
        try? FileManager.default.removeItem(at: target)
        try FileManager.default.copyItem(at: pristine.appendingPathComponent(relative), to: target)
    }
}
