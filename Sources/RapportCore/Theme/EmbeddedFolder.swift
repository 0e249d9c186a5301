import Foundation

/// A folder of the repository compiled into the binary: file name (relative to the folder, `/`-separated) → bytes.
///
/// The `EmbedFolders` build-tool plugin (Plugins/EmbedFolders) writes one `EmbeddedFolder` static property per
/// embedded folder (`EmbeddedFolder.builtInTheme` is `templates/`, `EmbeddedFolder.scaffold` is `scaffold/`, the
/// site `rapport init` writes) each time the folder changes, so the executable needs no file beside it. Another
/// folder is embedded by adding a row to the plugin's table; this type reads them all alike.
public struct EmbeddedFolder: Sendable {
    /// The file names, in byte order.
    public let names: [String]
    private let base64: [String: String]

    /// The table the generated file declares: names with their bytes in Base64.
    init(base64Files: [(String, String)]) {
        names = base64Files.map(\.0)
        base64 = Dictionary(base64Files, uniquingKeysWith: { first, _ in first })
    }

    /// The bytes of the file `name`, or nil when the folder has none.
    public func bytes(of name: String) -> [UInt8]? {
        base64[name].flatMap { Data(base64Encoded: $0) }.map { [UInt8]($0) }
    }

    public func contains(_ name: String) -> Bool { base64[name] != nil }
}
