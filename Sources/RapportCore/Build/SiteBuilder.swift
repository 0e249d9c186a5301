import Foundation

/// The pipeline: read → front matter → site graph → render. Writes nothing (see `OutputWriter`).
public enum SiteBuilder {
    /// Builds the site of `source`: in memory (the files are in the outcome), or streamed to `output` as pages
    /// are rendered (the caller then commits `output` if the outcome succeeded, and discards it otherwise).
    /// Pages are rendered in parallel on every core; the result does not depend on their order.
    public static func build(_ source: SiteSource, options: BuildOptions = BuildOptions(), output: StagedOutput? = nil) -> BuildOutcome {
        var diagnostics: [Diagnostic] = source.readDiagnostics
        var clock = StageClock()
        func finish(_ files: [RenderedFile], pages: Int) -> BuildOutcome {
            var all = Array(Set(diagnostics)).sorted()
            if options.strict { all = all.strict() }
            return BuildOutcome(files: all.hasErrors || output != nil ? [] : files.sorted { $0.path < $1.path },
                                diagnostics: all, pageCount: pages, timings: clock.timings)
        }

        // MARK: site.yaml first: it names the languages the layout is checked against.
        let (loadedConfig, configDiagnostics) = loadConfig(source, baseURL: options.baseURL)
        diagnostics += configDiagnostics
        guard let config = loadedConfig else { return finish([], pages: 0) }

        // MARK: Front matter of every page, interface strings
        let loaded = loadContent(source, languages: config.languageCodes, sourceLanguage: config.defaultLanguage)
        diagnostics += loaded.diagnostics
        clock.lap("front matter")

        // MARK: Theme, compiled on a thread of its own while the data sets and the site graph are made
        let themeLoad = BackgroundValue { Theme.load(templates: source.templates) }

        // MARK: Data sets: schemas and figures
        let (dataSets, dataDiagnostics) = DataSets.load(loaded.dataFiles, languages: config.languageCodes)
        diagnostics += dataDiagnostics

        // MARK: Site graph (drafts left out unless asked for)
        let drafts = options.includeDrafts ? [] : loaded.pages.filter(\.draft)
        let published = drafts.isEmpty ? loaded.pages : loaded.pages.filter { !$0.draft }
        let (site, siteDiagnostics) = Site.make(config: config, pages: published, unloadedFiles: loaded.unloaded, drafts: drafts)
        diagnostics += siteDiagnostics
        diagnostics += TranslationStatus.warnings(site)

        // MARK: The theme, and the strings it uses
        let (theme, themeDiagnostics) = themeLoad.value
        diagnostics += themeDiagnostics
        if let theme { diagnostics += theme.checkStrings(loaded.strings, languages: config.languageCodes) }
        clock.lap("theme and site graph")
        guard let theme else { return finish([], pages: 0) }

        // MARK: Rendering
        let assets = publishedAssets(source.assets)
        diagnostics += assetCollisions(source.assets)
        let renderer = SiteRenderer(site: site, theme: theme, strings: loaded.strings, assetPaths: Set(assets.keys), dataSets: dataSets)
        // Nothing is written once an error is known; pages are still rendered, for their own diagnostics.
        let failing = options.strict ? !diagnostics.isEmpty : diagnostics.hasErrors
        let sink = failing ? nil : output
        var files: [RenderedFile] = []
        let rendered = renderPages(renderer, count: site.pages.count, to: sink, spool: sink == nil ? nil : Spool(),
                                   progress: options.progress)
        let results = rendered.results
        for result in results {
            if sink == nil { files.append(result.file) }
            diagnostics += result.diagnostics
        }
        clock.lap("pages")
        diagnostics += anchorDiagnostics(headingIDs: { site.pageByFile[$0].map { results[$0].headingIDs } ?? [] },
                                         links: results.lazy.flatMap(\.anchorLinks))
        if !drafts.isEmpty {
            diagnostics += checkDrafts(drafts, among: loaded.pages, unloaded: loaded.unloaded, config: config, renderer: renderer, published: results)
        }
        let generated = generatedFiles(renderer, to: sink, pages: rendered.outputs)
        files += generated.files
        diagnostics += generated.diagnostics
        if rendered.spool?.hasFailedRead == true {
            diagnostics.append(Diagnostic(.error, .outputFailed("a temporary file of the build could not be read back"),
                                          at: SourceLocation(path: "."), stage: .output))
        }
        clock.lap("generated pages")
        for (path, file) in assets.sorted(by: { $0.key < $1.key }) {
            files.append(RenderedFile(path: path, contents: file.contents))
        }
        if let sink {
            diagnostics += files.compactMap { sink.tryWrite($0) }
            clock.lap("write assets")
        }
        if options.keepsWorkingSet { _ = Unmanaged.passRetained(WorkingSet(values: (loaded, site, renderer, rendered, generated))) }
        return finish(files, pages: site.pages.count)
    }

    /// `content/site.yaml`, with `baseURL` (from the command line) in place of its `base_url`.
    static func loadConfig(_ source: SiteSource, baseURL: String?) -> (SiteConfig?, [Diagnostic]) {
        let configPath = "content/site.yaml"
        guard let configFile = source.contentFiles.first(where: { $0.path == configPath }) else {
            return (nil, [Diagnostic(.error, .missingSiteFile, at: SourceLocation(path: configPath), stage: .config)])
        }
        let bytes: [UInt8]
        switch configFile.contents.load() {
        case .success(let read): bytes = read
        case .failure(let failure): return (nil, [.unreadable(configPath, failure)])
        }
        switch SourceText.decode(bytes, path: configPath) {
        case .success(let text):
            var (config, diagnostics) = ConfigLoader.loadConfig(from: text)
            if let baseURL { config?.baseURL = baseURL }
            return (config, diagnostics)
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        }
    }

    /// The pages that are not content files: language homes and search indexes, 404 pages, the root, the
    /// sitemap, robots.txt, and per edition and language the goal pages, the key-data comparison and the print page.
    /// With a sink, each file is written as soon as its group is rendered, and not returned.
    static func generatedFiles(_ renderer: SiteRenderer, to sink: StagedOutput? = nil,
                               pages: PageOutputs) -> (files: [RenderedFile], diagnostics: [Diagnostic]) {
        let site = renderer.site
        let config = site.config
        // Independent groups of files, rendered on every core and joined in this order.
        enum Group { case language(String), site, edition(String, language: String) }
        let groups = config.languageCodes.map(Group.language) + [.site] + site.editions.flatMap { edition in
            config.languageCodes.filter { site.editionHomes[edition]?[$0] != nil }.map { Group.edition(edition, language: $0) }
        }
        let slots = ResultSlots<(files: [RenderedFile], diagnostics: [Diagnostic])>(count: groups.count)
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let files: [RenderedFile]
            switch groups[index] {
            case .language(let language):
                files = [renderer.renderLanguageHome(language), renderer.renderNotFound(language, atRoot: false),
                         renderer.renderSearchIndex(language: language, entry: pages.searchEntry)]
            case .site:
                files = [renderer.renderNotFound(config.defaultLanguage, atRoot: true), renderer.renderRoot(),
                         renderer.renderSitemap(), renderer.renderRobots()] + renderer.renderDataFiles()
            case .edition(let edition, let language):
                files = editionFiles(renderer, edition: edition, language: language, pages: pages)
            }
            guard let sink else { slots[index] = (files, []); return }
            slots[index] = ([], files.compactMap { sink.tryWrite($0) })
        }
        return (slots.values.flatMap(\.files), slots.values.flatMap(\.diagnostics))
    }

    /// The generated pages of one edition in one language.
    static func editionFiles(_ renderer: SiteRenderer, edition: String, language: String,
                             pages: PageOutputs) -> [RenderedFile] {
        var files = renderer.renderGoalPages(edition: edition, language: language)
        files.append(renderer.renderComparison(edition: edition, language: language))
        if let print = renderer.renderPrint(edition: edition, language: language, section: pages.printSection) {
            files.append(print)
        }
        return files
    }

    /// `#anchor` links whose target page has no heading with that id.
    static func anchorDiagnostics(headingIDs: (String) -> Set<String>, links: some Sequence<SiteRenderer.AnchorLink>) -> [Diagnostic] {
        links.filter { !headingIDs($0.target).contains($0.anchor) }.map {
            Diagnostic(.error, .missingAnchor($0.anchor, inFile: $0.target), at: $0.location, stage: .markdown)
        }
    }

    /// Renders every page on every core. With a sink, each page is written as soon as it is rendered and its
    /// HTML is not kept (a large site never sits in memory whole); with a spool too, its print section and search
    /// entry wait there instead of in memory, and `SpooledResults` gives them back.
    static func renderPages(_ renderer: SiteRenderer, count: Int, to sink: StagedOutput?, spool: Spool? = nil,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) -> SpooledResults {
        let results = ResultSlots<SiteRenderer.PageResult>(count: count)
        let spooled = ResultSlots<SpooledResults.Ranges>(count: count)
        let done = SharedCount()
        let order = renderingOrder(renderer.site.urls.prefix(count))
        DispatchQueue.concurrentPerform(iterations: count) { turn in
            let id = order[turn]
            defer {
                // Every 64 pages, and the last one: often enough for a progress line, too rarely to cost anything.
                if let progress, case let finished = done.increment(), finished % 64 == 0 || finished == count { progress(finished, count) }
            }
            var result = renderer.renderPage(id)
            if let sink {
                if let problem = sink.tryWrite(result.file, reportedAt: renderer.site.pages[id].file) {
                    result.diagnostics.append(problem)
                }
                result.file = RenderedFile(path: result.file.path, contents: .bytes([]))
            }
            if let spool { spooled[id] = SpooledResults.setAside(&result, in: spool) }
            results[id] = result
        }
        return SpooledResults(results: results.values, ranges: spooled.optionalValues, spool: spool)
    }

    /// The order the threads take pages in: one page of each output folder in turn (`fr/2024/countries/`,
    /// `en/2024/countries/`, … then the second of each), so that pages rendered at the same moment make their
    /// folders in different parents. A filesystem makes the folders of one parent one at a time; on ext4
    /// without a journal, right after a deletion, making one can take a long scan. The results keep page order.
    static func renderingOrder(_ urls: some Collection<String>) -> [Site.PageID] {
        var groups: [[Site.PageID]] = []
        var groupOfParent: [Substring: Int] = [:]
        for (id, url) in urls.enumerated() {
            let folder = url.hasSuffix("/") ? url.dropLast() : Substring(url)
            let parent = folder.lastIndex(of: "/").map { folder[..<$0] } ?? ""
            if let group = groupOfParent[parent] {
                groups[group].append(id)
            } else {
                groupOfParent[parent] = groups.count
                groups.append([id])
            }
        }
        var order: [Site.PageID] = []
        order.reserveCapacity(urls.count)
        for turn in 0..<(groups.map(\.count).max() ?? 0) {
            for group in groups where turn < group.count { order.append(group[turn]) }
        }
        return order
    }

    /// What one content file gives.
    enum LoadedFile {
        case page(Page?)
        case strings(InterfaceStrings)
        /// A data set's CSV or schema, read, for the data stage (which needs both).
        case data(DataFile)
        /// Not a page or string file (site.yaml, assets, dot files), or a misplaced one (its diagnostic says so).
        case skipped
    }

    /// Loads one content file: a page's front matter, or a language's interface strings.
    /// `sourceLanguage`: the default language, whose pages are the sources translations record a digest of (only
    /// those pages' digests are computed); nil: every page's.
    static func loadFile(_ file: SourceFile, languages: [String], sourceLanguage: String? = nil) -> (LoadedFile, [Diagnostic]) {
        let entry = ContentEntry.classify(file.path, languages: languages)
        switch entry {
        case .siteConfig, .ignored, .asset:
            return (.skipped, [])
        case .misplaced(let reason):
            return (.skipped, [Diagnostic(.error, reason, at: SourceLocation(path: file.path), stage: .read)])
        case .interfaceStrings, .page:
            break
        case .dataFile(let edition, let name, let isSchema):
            let bytes: [UInt8]
            switch file.contents.load() {
            case .success(let read): bytes = read
            case .failure(let failure): return (.skipped, [.unreadable(file.path, failure)])
            }
            return (.data(DataFile(edition: edition, name: name, isSchema: isSchema, file: SourceFile(path: file.path, bytes: bytes))), [])
        }
        let bytes: [UInt8]
        switch file.contents.load() {
        case .success(let read): bytes = read
        case .failure(let failure): return (.page(nil), [.unreadable(file.path, failure)])
        }
        let text: SourceText
        switch SourceText.decode(bytes, path: file.path) {
        case .success(let decoded): text = decoded
        case .failure(let diagnostic): return (.page(nil), [diagnostic])
        }
        if case .interfaceStrings(let language) = entry {
            let loaded = InterfaceStrings.load(from: text, language: language)
            return (.strings(loaded.strings), loaded.diagnostics)
        }
        guard case .page(let kind, let language, let pathInLanguage, let stem) = entry else { return (.skipped, []) }
        let loaded = PageLoader.loadPage(from: text, kind: kind, language: language,
                                         pathInLanguage: pathInLanguage, fileStem: stem,
                                         computesDigest: sourceLanguage.map { $0 == language } ?? true)
        return (.page(loaded.page), loaded.diagnostics)
    }

    /// Loads every page and interface-string file, on more threads than cores (`ReadingThreads`); each file's
    /// problems are its own.
    static func loadContent(_ source: SiteSource, languages: [String], sourceLanguage: String? = nil)
        -> (pages: [Page], strings: [String: InterfaceStrings], dataFiles: [DataFile], diagnostics: [Diagnostic], unloaded: Set<String>) {
        let files = source.contentFiles
        let slots = ResultSlots<(LoadedFile, [Diagnostic])>(count: files.count)
        ReadingThreads.forEach(files.count) { index in
            slots[index] = loadFile(files[index], languages: languages, sourceLanguage: sourceLanguage)
        }
        var pages: [Page] = [], strings: [String: InterfaceStrings] = [:], diagnostics: [Diagnostic] = []
        var unloaded: Set<String> = [], dataFiles: [DataFile] = []
        for (index, (loaded, found)) in slots.values.enumerated() {
            diagnostics += found
            switch loaded {
            case .page(let page?): pages.append(page)
            case .page(nil): unloaded.insert(files[index].path)
            case .strings(let table): strings[table.language] = table
            case .data(let file): dataFiles.append(file)
            case .skipped: break
            }
        }
        diagnostics += missingStringFiles(strings, languages: languages)
        return (pages, strings, dataFiles, diagnostics, unloaded)
    }

    static func missingStringFiles(_ strings: [String: InterfaceStrings], languages: [String]) -> [Diagnostic] {
        languages.filter { strings[$0] == nil }.map {
            Diagnostic(.error, .missingI18nFile(language: $0), at: SourceLocation(path: "content/i18n/\($0).yaml"), stage: .i18n)
        }
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

/// What a build worked with, kept past its end (`BuildOptions.keepsWorkingSet`).
private final class WorkingSet {
    let values: Any
    init(values: Any) { self.values = values }
}
