/// Stage "output": the assets (the theme's `templates/assets/`, then `content/assets/`), published beside the
/// pages, and the files handed to the staged output when the build streams to disk.
enum OutputStage {
    /// The published assets as files, in path order, after checking that no content asset replaces a theme asset.
    static func assets(_ assets: [SourceFile], log: inout BuildLog) -> [RenderedFile] {
        log.add(assetCollisions(assets))
        return publishedAssets(assets).sorted { $0.key < $1.key }.map { RenderedFile(path: $0.key, contents: $0.value.contents) }
    }

    /// Writes `files` to `sink`; each failure is an error at its path.
    static func write(_ files: [RenderedFile], to sink: StagedOutput, log: inout BuildLog) {
        log.add(files.compactMap { sink.tryWrite($0) })
    }

    /// A file of `content/assets/` at the published path of one of the theme's assets would replace it on every
    /// page (the theme's `rapport.css` or `rapport.js`): an error naming both; the theme's own `templates/assets/`
    /// is where a theme is changed.
    static func assetCollisions(_ assets: [SourceFile]) -> [Diagnostic] {
        let theme = Set(assets.lazy.filter { $0.path.hasPrefix("templates/assets/") }.map { $0.path.dropFirst("templates/".count) })
        return assets.filter { $0.path.hasPrefix("content/assets/") && theme.contains($0.path.dropFirst("content/".count)) }.map {
            Diagnostic(.error, .assetReplacesTheme(theme: "templates/" + $0.path.dropFirst("content/".count)), at: SourceLocation(path: $0.path), stage: .read)
        }
    }

    /// Published asset path → file: the theme's `templates/assets/` first, then `content/assets/` (a clash between
    /// the two is an error, `assetCollisions`).
    static func publishedAssets(_ assets: [SourceFile]) -> [String: SourceFile] {
        var published: [String: SourceFile] = [:]
        for file in assets where file.path.hasPrefix("templates/assets/") {
            published["assets/" + file.path.dropFirst("templates/assets/".count)] = file
        }
        for file in assets where file.path.hasPrefix("content/assets/") {
            published["assets/" + file.path.dropFirst("content/assets/".count)] = file
        }
        return published
    }
}
