/// What the preview keeps from one run of the pipeline to the next, so that a save costs little: each content
/// file's load result, the compiled theme, the data sets, and each content page's rendering. Every entry is
/// keyed by everything its value is computed from, compared exactly (bytes) or by SHA-256, so an entry is used
/// only when computing it again would give the same value: the pipeline's output never depends on what the memo
/// holds, only its speed does. No list of fields decides anything here.
///
/// Not thread-safe: the pipeline reads and writes it from its own thread (the preview keeps it in an actor).
public final class BuildMemo: @unchecked Sendable {
    public init() {}

    // MARK: - Loads

    private struct LoadEntry {
        var context: LoadStage.LoadContext
        /// The file's exact bytes: the key.
        var bytes: [UInt8]
        var loaded: (LoadStage.LoadedFile, [Diagnostic])
        /// SHA-256 of the path and of what other pages' renderings can read of this file (`renderInputs`).
        var fingerprint: [UInt8]
    }

    private var loads: [String: LoadEntry] = [:]

    /// The load result of `file` when its bytes and `context` are those of its last load.
    func loadedFile(_ file: SourceFile, in context: LoadStage.LoadContext) -> (LoadStage.LoadedFile, [Diagnostic])? {
        guard case .bytes(let bytes) = file.contents, let entry = loads[file.path], entry.context == context,
              entry.bytes == bytes else { return nil }
        return entry.loaded
    }

    /// Keeps `loaded` for `file`; a file read from disk (not bytes in memory) is not kept, having no bytes to compare.
    func remember(_ file: SourceFile, in context: LoadStage.LoadContext, loaded: (LoadStage.LoadedFile, [Diagnostic])) {
        guard case .bytes(let bytes) = file.contents else { loads[file.path] = nil; return }
        loads[file.path] = LoadEntry(context: context, bytes: bytes, loaded: loaded,
                                     fingerprint: Self.fingerprint(path: file.path, bytes: bytes, loaded: loaded.0))
    }

    /// Drops the entries of files that are gone.
    func forgetFiles(except present: Set<String>) {
        for path in loads.keys where !present.contains(path) { loads[path] = nil }
        for path in renders.keys where !present.contains(path) { renders[path] = nil }
    }

    /// What other pages' renderings can read of a content file. A page's fields that the site graph and the other
    /// pages' views read are decoded from its path and its front matter; its body is read only by the rendering
    /// of the page itself (`SiteRenderer.renderPage` reads `site.pages[id].body` and no other page's), and the
    /// digest of its whole file only by `TranslationStatus`, a check across pages that every run makes again.
    /// So for a page that loaded, the front matter (the lines before its body) is what counts; for any other file
    /// (site.yaml, interface strings, data sets, a page that did not load), all its bytes.
    private static func fingerprint(path: String, bytes: [UInt8], loaded: LoadStage.LoadedFile) -> [UInt8] {
        var shown = bytes[...]
        if case .page(let page?) = loaded {
            var line = 1, index = bytes.startIndex
            while line < page.bodyFirstLine, let newline = bytes[index...].firstIndex(of: 0x0A) {
                index = newline + 1
                line += 1
            }
            shown = bytes[..<index]
        }
        return SHA256.hash(Array(path.utf8) + [0] + shown)
    }

    // MARK: - Theme and data sets

    private var theme: (templates: [SourceFile], value: (theme: Theme?, diagnostics: [Diagnostic]))?
    private var dataSets: (files: [DataFile], languages: [String], value: (DataSets, [Diagnostic]))?

    /// The compiled theme of `templates`, compiled again only when a template's path or bytes changed.
    func theme(of templates: [SourceFile], compile: () -> (theme: Theme?, diagnostics: [Diagnostic])) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        if let theme, theme.templates == templates { return theme.value }
        let value = compile()
        theme = (templates, value)
        return value
    }

    /// The data sets of `files`, loaded again only when a data file's path or bytes (or the languages) changed.
    func dataSets(of files: [DataFile], languages: [String]) -> (DataSets, [Diagnostic]) {
        let sorted = files.sorted { $0.file.path < $1.file.path }
        if let dataSets, dataSets.files == sorted, dataSets.languages == languages { return dataSets.value }
        let value = DataSets.load(sorted, languages: languages)
        dataSets = (sorted, languages, value)
        return value
    }

    // MARK: - Renderings

    /// What a content page's rendering is computed from: its own file's bytes, and the digest of everything
    /// site-wide that any page's rendering can read (`renderInputs`).
    private struct RenderKey: Equatable {
        var ownBytes: [UInt8]
        var siteInputs: [UInt8]
    }

    private var renders: [String: (key: RenderKey, result: SiteRenderer.PageResult)] = [:]

    /// The digest of every input a content page's rendering reads besides its own file, or nil when one of them
    /// has no known bytes (a file that could not be read into memory): then every page is rendered.
    ///
    /// `SiteRenderer.renderPage` reads the site graph (made from every page's path and front matter, the unloaded
    /// and draft files, and site.yaml), the interface strings, the compiled theme (from the templates), the
    /// published asset paths (never their bytes), the data sets (their CSV and schema files) and the Markdown
    /// options (from site.yaml), and the build options that reach the graph (`baseURL`, `includeDrafts`). The
    /// digest covers each: every content file's `fingerprint` (its path and front matter, or all its bytes),
    /// every template's path and bytes, every asset's path, and the options.
    func renderInputs(_ source: SiteSource, options: BuildOptions) -> [UInt8]? {
        var message: [UInt8] = Array("\(options.baseURL ?? "")\u{0}\(options.includeDrafts)\u{0}".utf8)
        for file in source.contentFiles {
            guard case .bytes(let bytes) = file.contents, let entry = loads[file.path], entry.bytes == bytes else { return nil }
            message += entry.fingerprint
        }
        for template in source.templates {
            guard case .bytes(let bytes) = template.contents else { return nil }
            message += SHA256.hash(Array(template.path.utf8) + [0] + bytes)
        }
        for asset in source.assets { message += Array(asset.path.utf8) + [0] }
        return SHA256.hash(message)
    }

    /// For each page of `site`, its last rendering when its rendering inputs are the same as then.
    func reusableRenderings(_ site: Site, siteInputs: [UInt8]?) -> [SiteRenderer.PageResult?] {
        guard let siteInputs else { return [] }
        return site.pages.map { page in
            guard let known = renders[page.file], let entry = loads[page.file],
                  known.key == RenderKey(ownBytes: entry.bytes, siteInputs: siteInputs) else { return nil }
            return known.result
        }
    }

    /// Keeps each page's rendering with the inputs it was made from.
    func rememberRenderings(_ site: Site, results: [SiteRenderer.PageResult], siteInputs: [UInt8]?) {
        guard let siteInputs else { renders = [:]; return }
        for (id, page) in site.pages.enumerated() {
            guard let entry = loads[page.file] else { renders[page.file] = nil; continue }
            renders[page.file] = (RenderKey(ownBytes: entry.bytes, siteInputs: siteInputs), results[id])
        }
    }

    // MARK: - Generated pages

    private var generated: (siteInputs: [UInt8], files: [GeneratedStage.Group: GeneratedStage.GeneratedFiles])?

    /// The generated files of the last build, when they were made from the same `siteInputs`.
    func generatedFiles(for siteInputs: [UInt8]) -> [GeneratedStage.Group: GeneratedStage.GeneratedFiles]? {
        guard let generated, generated.siteInputs == siteInputs else { return nil }
        return generated.files
    }

    func rememberGeneratedFiles(_ files: [GeneratedStage.Group: GeneratedStage.GeneratedFiles], for siteInputs: [UInt8]) {
        generated = (siteInputs, files)
    }
}
