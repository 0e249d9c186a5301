/// What the preview keeps from one run of the pipeline to the next, so that a save costs little: each content
/// file's load result, the compiled theme, the data sets, and each content page's rendering. Every entry is
/// keyed by everything its value is computed from, compared exactly (bytes) or by SHA-256, so an entry is used
/// only when computing it again would give the same value: the pipeline's output never depends on what the memo
/// holds, only its speed does. No list of fields decides anything here.
///
/// Not thread-safe: one pipeline at a time uses it (the preview keeps it in an actor), from its own thread and
/// from the threads it starts beside the site graph, each on its own part: the theme's entry (the theme's thread)
/// and `renderInputs`, which only reads the load entries that the load stage wrote before it started.
public final class BuildMemo: @unchecked Sendable {
    public init() {}

    // MARK: - Loads

    /// A class: looked up for every file at every build, an entry is then one reference, not four.
    private final class LoadEntry {
        let context: LoadStage.LoadContext
        /// The file's exact bytes: the key.
        let bytes: [UInt8]
        let loaded: (LoadStage.LoadedFile, [Diagnostic])
        /// SHA-256 of the path and of what other pages' renderings can read of this file (`renderInputs`).
        let fingerprint: [UInt8]
        /// The page's last rendering, with the digest of the site-wide inputs it was made from (its own inputs
        /// are `bytes`).
        var rendering: (siteInputs: [UInt8], result: SiteRenderer.PageResult)?

        init(context: LoadStage.LoadContext, bytes: [UInt8], loaded: (LoadStage.LoadedFile, [Diagnostic]), fingerprint: [UInt8]) {
            (self.context, self.bytes, self.loaded, self.fingerprint) = (context, bytes, loaded, fingerprint)
        }
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

    /// Drops the entries of files that are gone. Each of the `count` present files has at most one entry, so
    /// when there are no more entries than files, only a file that was not in memory (no entry) can hide one
    /// that is gone: that one costs memory, never a wrong result (entries are found by path and compared by bytes).
    func forgetFiles(except present: @autoclosure () -> Set<String>, count: Int) {
        guard loads.count > count else { return }
        let present = present()
        for path in loads.keys where !present.contains(path) { loads[path] = nil }
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

    // MARK: - Config, theme and data sets

    private var config: (bytes: [UInt8], baseURL: String?, value: (SiteConfig?, [Diagnostic]))?

    /// site.yaml loaded, again only when its bytes (or the base URL given on the command line) changed.
    func config(of source: SiteSource, baseURL: String?, load: () -> (SiteConfig?, [Diagnostic])) -> (SiteConfig?, [Diagnostic]) {
        guard let file = source.contentFiles.first(where: { $0.path == LoadStage.configPath }),
              case .bytes(let bytes) = file.contents else { config = nil; return load() }
        if let config, config.bytes == bytes, config.baseURL == baseURL { return config.value }
        let value = load()
        config = (bytes, baseURL, value)
        return value
    }

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

    /// For each page of `site`, its last rendering when its rendering inputs are the same as then: its own file's
    /// bytes (the load entry's key) and the digest of everything else (`siteInputs`).
    func reusableRenderings(_ site: Site, siteInputs: [UInt8]?) -> [SiteRenderer.PageResult?] {
        guard let siteInputs else { return [] }
        return site.pages.map { page in
            guard let rendering = loads[page.file]?.rendering, rendering.siteInputs == siteInputs else { return nil }
            return rendering.result
        }
    }

    /// Keeps each page's rendering with the inputs it was made from (a load entry holds the file's bytes).
    func rememberRenderings(_ site: Site, results: [SiteRenderer.PageResult], siteInputs: [UInt8]?) {
        for (id, page) in site.pages.enumerated() {
            guard let entry = loads[page.file] else { continue }
            entry.rendering = siteInputs.map { ($0, results[id]) }
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
