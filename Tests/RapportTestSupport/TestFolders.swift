import Foundation

/// Folders the test targets share: the repository, temporary copies of a site root, and a folder's contents.
public enum TestFolders {
    /// The repository root (the folder of Package.swift).
    public static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// A fresh folder under the system's temporary folder; remove it with `remove`.
    public static func temporary(_ prefix: String = "rapport-tests") -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A temporary copy of the repository's site root (`content/` and `templates/`).
    public static func copyOfRepositorySite(_ prefix: String = "rapport-site") throws -> URL {
        let root = temporary(prefix)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    public static func remove(_ url: URL) { try? FileManager.default.removeItem(at: url) }

    /// Every file below `folder` by its path relative to it, with its bytes: compares whole outputs.
    public static func snapshot(of folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where !url.hasDirectoryPath {
            files[url.path.replacingOccurrences(of: folder.path, with: "")] = try Data(contentsOf: url)
        }
        return files
    }
}
