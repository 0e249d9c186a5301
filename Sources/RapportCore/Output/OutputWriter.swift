import Foundation

/// Stage "output": puts a built site on disk, whole or not at all.
///
/// The files go to a temporary sibling of the output folder, which replaces the output folder only once
/// every file is written; a failed build or write leaves the last good output exactly as it was.
public enum OutputWriter {
    /// Why `output` may not be used for the site at `root`, or `nil` when it may.
    public static func refusal(output: URL, root: URL) -> String? {
        let out = normalized(output), rootPath = normalized(root)
        if out == rootPath { return "the output folder cannot be the site root" }
        if rootPath.hasPrefix(out + "/") || out == "/" { return "the output folder cannot contain the site root" }
        for folder in ["content", "templates"] where out == rootPath + "/" + folder || out.hasPrefix(rootPath + "/" + folder + "/") {
            return "the output folder cannot be inside \(folder)/"
        }
        return nil
    }

    /// Writes `files` as the new contents of `output`.
    /// - Throws: `OutputError` naming the path that failed; the old output is then untouched.
    public static func write(_ files: [RenderedFile], to output: URL) throws {
        let manager = FileManager.default
        let outputPath = normalized(output)
        let parent = (outputPath as NSString).deletingLastPathComponent
        let name = (outputPath as NSString).lastPathComponent
        let token = UUID().uuidString.prefix(8)
        let staging = "\(parent)/\(name).tmp-\(token)"
        let retired = "\(parent)/\(name).old-\(token)"
        do {
            try manager.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try manager.createDirectory(atPath: staging, withIntermediateDirectories: false)
            var folders: Set<String> = [staging]
            for file in files {
                let path = staging + "/" + file.path
                let folder = (path as NSString).deletingLastPathComponent
                if folders.insert(folder).inserted {
                    try manager.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                switch file.contents {
                case .bytes(let bytes):
                    guard manager.createFile(atPath: path, contents: Data(bytes)) else { throw OutputError(path: file.path, reason: "cannot create the file") }
                case .file(let absolutePath):
                    try manager.copyItem(atPath: absolutePath, toPath: path)
                }
            }
            var isDirectory: ObjCBool = false
            let hadOutput = manager.fileExists(atPath: outputPath, isDirectory: &isDirectory)
            if hadOutput {
                guard isDirectory.boolValue else { throw OutputError(path: outputPath, reason: "exists and is not a folder") }
                try manager.moveItem(atPath: outputPath, toPath: retired)
            }
            do {
                try manager.moveItem(atPath: staging, toPath: outputPath)
            } catch {
                if hadOutput { try? manager.moveItem(atPath: retired, toPath: outputPath) }
                throw error
            }
            if hadOutput { try? manager.removeItem(atPath: retired) }
        } catch let error as OutputError {
            try? manager.removeItem(atPath: staging)
            throw error
        } catch {
            try? manager.removeItem(atPath: staging)
            throw OutputError(path: outputPath, reason: (error as NSError).localizedDescription)
        }
    }

    static func normalized(_ url: URL) -> String {
        let path = url.standardizedFileURL.resolvingSymlinksInPath().path
        return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
    }
}

public struct OutputError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }
}
