/// Stage "output": the assets (the theme's — the built-in theme's `assets/` and the site's `templates/assets/` in
/// place of those of the same names — then `content/assets/`), published beside the pages, and the files handed to
/// the staged output when the build streams to disk.
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
    /// page (the theme's `rapport.css` or `rapport.js`): an error naming both. A theme's file is replaced in one
    /// place only, `templates/` (`rapport theme --copy`), so that no published file has two sources and a writer
    /// cannot change the theme by accident while adding a picture.
    static func assetCollisions(_ assets: [SourceFile]) -> [Diagnostic] {
        var theme: [Substring: String] = [:]
        for file in assets {
            if let name = ThemeFiles.name(ofPath: file.path), ThemeFiles.isAsset(name) { theme[Substring(name)] = file.path }
        }
        return assets.filter { $0.path.hasPrefix("content/assets/") && theme[$0.path.dropFirst("content/".count)] != nil }.map {
            Diagnostic(.error, .assetReplacesTheme(theme: theme[$0.path.dropFirst("content/".count)]!), at: SourceLocation(path: $0.path), stage: .read)
        }
    }

    /// Published asset path → file: the theme's assets first, then `content/assets/` (a clash between the two is
    /// an error, `assetCollisions`).
    static func publishedAssets(_ assets: [SourceFile]) -> [String: SourceFile] {
        var published: [String: SourceFile] = [:]
        for file in assets {
            if let name = ThemeFiles.name(ofPath: file.path), ThemeFiles.isAsset(name) { published[name] = file }
        }
        for file in assets where file.path.hasPrefix("content/assets/") {
            published["assets/" + file.path.dropFirst("content/assets/".count)] = file
        }
        return published
    }
}
