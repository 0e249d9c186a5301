import Foundation
import PackagePlugin

/// Embeds folders of the package in a target's code at build time, so that the executable needs no file beside it
/// (no `Bundle.module`): each folder becomes a generated Swift file declaring one `EmbeddedFolder` — a table of
/// file name (relative to the folder, `/`-separated) → bytes — that the target's own code reads.
///
/// The folders to embed, per target, are the table below; `embed-folder` (Sources/embed-folder) writes the file.
/// SwiftPM runs it again whenever a file of the folder changes, is added or is removed, so the embedded copy never
/// goes stale. To embed another folder (the `rapport init` scaffold, say), add a row and read
/// `EmbeddedFolder.<name>` in the target.
@main
struct EmbedFolders: BuildToolPlugin {
    /// Target name → the folders it embeds: a path relative to the package root, and the name of the
    /// `EmbeddedFolder` static property the generated file declares.
    static let embeddings: [String: [(folder: String, name: String)]] = [
        "RapportCore": [(folder: "templates", name: "builtInTheme"),
                        // `rapport init`'s new site (NewSite.swift).
                        (folder: "scaffold", name: "scaffold")],
    ]

    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        guard let rows = Self.embeddings[target.name] else { return [] }
        let tool = try context.tool(named: "embed-folder")
        return rows.map { row in
            let folder = context.package.directoryURL.appending(path: row.folder)
            let output = context.pluginWorkDirectoryURL.appending(path: "Embedded+\(row.name).swift")
            return .buildCommand(
                displayName: "Embedding \(row.folder)/ as EmbeddedFolder.\(row.name)",
                executable: tool.url,
                arguments: [folder.path, row.name, output.path],
                inputFiles: Self.files(below: folder),
                outputFiles: [output]
            )
        }
    }

    /// Every regular file below `folder` (dot files and folders left out, as the generator leaves them out).
    static func files(below folder: URL) -> [URL] {
        guard let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                        options: [.skipsHiddenFiles]) else { return [] }
        var found: [URL] = []
        for case let url as URL in walk where (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true {
            found.append(url)
        }
        // The folder itself too: SwiftPM then runs the command again when a file is added or removed.
        return [folder] + found.sorted { $0.path < $1.path }
    }
}
