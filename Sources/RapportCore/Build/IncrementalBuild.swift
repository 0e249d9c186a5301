import Foundation

/// A change to one file of the site root, as the preview's watcher reports it.
public enum SourceChange: Sendable, Equatable {
    /// A file written (created or changed), with its new contents.
    case write(SourceFile)
    /// A file removed.
    case remove(path: String)

    public var path: String {
        switch self {
        case .write(let file): file.path
        case .remove(let path): path
        }
    }
}

/// The preview's builder: keeps the result of every stage, so that a change to one page re-renders only what
/// depends on it (the page, its translations' switchers, its region and edition lists, the pages that link to it,
/// the same country in other editions, the sitemap and language homes), while a change to site.yaml, a template
/// or interface strings re-renders everything. The site lives in memory; nothing is written.
///
/// Not thread-safe: the preview keeps it inside an actor.
public final class IncrementalBuild {
    /// What one `apply` did.
    public struct Update: Sendable, Equatable {
        /// Output paths whose bytes changed, appeared or disappeared.
        public var changedPaths: Set<String>
        /// How many content pages were rendered again.
        public var renderedPages: Int
        /// Whether everything was rendered again (site.yaml, templates, interface strings, the set of editions).
        public var full: Bool
    }

    public let options: BuildOptions
    /// The built site, by output path (`fr/2020/index.html`); kept even when the build has errors.
    public private(set) var files: [String: RenderedFile] = [:]
    /// Every problem of the current sources, sorted.
    public private(set) var diagnostics: [Diagnostic] = []
    public var succeeded: Bool { !diagnostics.hasErrors }
    /// The language codes of site.yaml (empty while it cannot be read).
    public var languages: [String] { config?.languageCodes ?? [] }
    /// Every source file the build knows, by path.
    public var sourcePaths: Set<String> { Set(contentFiles.keys).union(templateFiles.keys).union(assetFiles.keys) }

    private var contentFiles: [String: SourceFile] = [:]
    private var templateFiles: [String: SourceFile] = [:]
    private var assetFiles: [String: SourceFile] = [:]
    private var readDiagnostics: [Diagnostic] = []

    private var config: SiteConfig?
    private var configDiagnostics: [Diagnostic] = []
    private var theme: Theme?
    private var themeDiagnostics: [Diagnostic] = []
    private var loaded: [String: (SiteBuilder.LoadedFile, [Diagnostic])] = [:]
    private var site: Site?
    private var siteDiagnostics: [Diagnostic] = []
    private var dataDiagnostics: [Diagnostic] = []
    /// Loaded again only when a data file changed (a page edit does not read every CSV again).
    private var dataSets: DataSets?
    private var renderer: SiteRenderer?
    /// Rendered content pages by source file.
    private var results: [String: SiteRenderer.PageResult] = [:]
    private var generatedPaths: Set<String> = []

    /// The preview shows drafts (each marked as one): `options.includeDrafts` is always on here.
    public init(source: SiteSource, options: BuildOptions = BuildOptions()) {
        var options = options
        options.includeDrafts = true
        self.options = options
        for file in source.contentFiles { contentFiles[file.path] = file }
        for file in source.templates { templateFiles[file.path] = file }
        for file in source.assets { assetFiles[file.path] = file }
        readDiagnostics = source.readDiagnostics
        _ = rebuildAll()
    }

    /// Applies changed files and renders again what depends on them.
    @discardableResult
    public func apply(_ changes: [SourceChange]) -> Update {
        var needsAll = false, assetSetChanged = false, assetChanged = false
        var changedPages: Set<String> = []
        for change in changes {
            let path = change.path
            if path.hasPrefix("content/assets/") || path.hasPrefix("templates/assets/") {
                let existed = assetFiles[path] != nil
                if case .write(let file) = change { assetFiles[path] = file } else { assetFiles[path] = nil }
                assetSetChanged = assetSetChanged || existed != (assetFiles[path] != nil)
                assetChanged = true
            } else if path.hasPrefix("templates/") {
                if case .write(let file) = change { templateFiles[path] = file } else { templateFiles[path] = nil }
                needsAll = true
            } else if path.hasPrefix("content/") {
                if case .write(let file) = change { contentFiles[path] = file } else { contentFiles[path] = nil }
                if path == "content/site.yaml" || path.hasPrefix("content/i18n/") { needsAll = true } else { changedPages.insert(path) }
            }
        }
        if needsAll || assetSetChanged || config == nil || theme == nil { return rebuildAll() }
        let before = files
        if assetChanged { publishAssets() }
        guard !changedPages.isEmpty else { return finish(before: before, rendered: 0, full: false) }
        return renderChanges(changedPages, before: before)
    }

    // MARK: - Everything

    private func rebuildAll() -> Update {
        let before = files
        let source = SiteSource(contentFiles: Array(contentFiles.values), templates: Array(templateFiles.values),
                                assets: assetFiles.values.sorted { $0.path < $1.path })
        (config, configDiagnostics) = SiteBuilder.loadConfig(source, baseURL: options.baseURL)
        (theme, themeDiagnostics) = Theme.load(templates: source.templates)
        loaded = [:]
        dataSets = nil
        results = [:]
        files = [:]
        guard let config else {
            site = nil
            renderer = nil
            siteDiagnostics = []
            dataDiagnostics = []
            return finish(before: before, rendered: 0, full: true)
        }
        let languages = config.languageCodes
        let list = source.contentFiles
        let slots = ResultSlots<(SiteBuilder.LoadedFile, [Diagnostic])>(count: list.count)
        let sourceLanguage = config.defaultLanguage
        ReadingThreads.forEach(list.count) { slots[$0] = SiteBuilder.loadFile(list[$0], languages: languages, sourceLanguage: sourceLanguage) }
        for (index, value) in slots.values.enumerated() { loaded[list[index].path] = value }
        makeSite()
        guard let site, let renderer else { return finish(before: before, rendered: 0, full: true) }
        let rendered = SiteBuilder.renderPages(renderer, count: site.pages.count, to: nil).results
        for (id, result) in rendered.enumerated() {
            results[site.pages[id].file] = result
            files[result.file.path] = result.file
        }
        publishGenerated()
        publishAssets()
        return finish(before: before, rendered: site.pages.count, full: true)
    }

    // MARK: - Some pages

    private func renderChanges(_ changed: Set<String>, before: [String: RenderedFile]) -> Update {
        guard let config, let oldSite = site else { return rebuildAll() }
        for path in changed {
            if let file = contentFiles[path] {
                loaded[path] = SiteBuilder.loadFile(file, languages: config.languageCodes, sourceLanguage: config.defaultLanguage)
            } else {
                loaded[path] = nil
            }
        }
        // The common edit (a body, key data): the graph stays as it is and only the page itself is rendered.
        if let onlyPage = sameGraphEdit(changed, in: oldSite), let renderer {
            let (id, page) = onlyPage
            site = oldSite.replacing(id, with: page)
            self.renderer = renderer.replacingSite(site!)
            results[page.file] = nil
            let result = self.renderer!.renderPage(id)
            results[page.file] = result
            files[result.file.path] = result.file
            // Its print section and search entry: the print page of its edition, the index of its language.
            let outputs = pageOutputs(site!)
            if let edition = page.edition,
               let print = self.renderer!.renderPrint(edition: edition, language: page.language, section: outputs.printSection) {
                files[print.path] = print
            }
            let index = self.renderer!.renderSearchIndex(language: page.language, entry: outputs.searchEntry)
            files[index.path] = index
            return finish(before: before, rendered: 1, full: false)
        }
        if changed.contains(where: { ContentEntry.isDataFile($0) }) { dataSets = nil }
        makeSite()
        guard let site, let renderer else { return rebuildAll() }

        // A change to what every page shows (the editions of the navigation, the privacy notice's URL) is a full render.
        let editionsBefore = oldSite.editionHomes.mapValues { $0.keys.sorted() }
        let editionsAfter = site.editionHomes.mapValues { $0.keys.sorted() }
        let footerBefore = oldSite.privacyPages.mapValues { oldSite.urls[$0] }.merging(oldSite.accessibilityPages.mapValues { "a:" + oldSite.urls[$0] }) { $0 + $1 }
        let footerAfter = site.privacyPages.mapValues { site.urls[$0] }.merging(site.accessibilityPages.mapValues { "a:" + site.urls[$0] }) { $0 + $1 }
        if editionsBefore != editionsAfter || footerBefore != footerAfter || oldSite.config != site.config
            || Self.movedPages(from: oldSite, to: site) {
            return rerenderAll(before: before)
        }

        var affected = changed
        for path in changed {
            affected.formUnion(Self.dependents(of: path, in: oldSite))
            affected.formUnion(Self.dependents(of: path, in: site))
        }
        for (file, result) in results where !result.linkedFiles.isDisjoint(with: changed) {
            affected.insert(file)
        }
        // Drop what the old render of the affected pages produced, then render them again.
        for path in affected {
            if let old = results.removeValue(forKey: path) { files[old.file.path] = nil }
        }
        let ids = affected.compactMap { site.pageByFile[$0] }.sorted()
        let slots = ResultSlots<SiteRenderer.PageResult>(count: ids.count)
        DispatchQueue.concurrentPerform(iterations: ids.count) { slots[$0] = renderer.renderPage(ids[$0]) }
        for (index, result) in slots.values.enumerated() {
            results[site.pages[ids[index]].file] = result
            files[result.file.path] = result.file
        }
        publishGenerated()
        return finish(before: before, rendered: ids.count, full: false)
    }

    private func rerenderAll(before: [String: RenderedFile]) -> Update {
        guard let site, let renderer else { return rebuildAll() }
        for result in results.values { files[result.file.path] = nil }
        results = [:]
        let rendered = SiteBuilder.renderPages(renderer, count: site.pages.count, to: nil).results
        for (id, result) in rendered.enumerated() {
            results[site.pages[id].file] = result
            files[result.file.path] = result.file
        }
        publishGenerated()
        return finish(before: before, rendered: site.pages.count, full: true)
    }

    /// The page id and new page when `changed` is one page whose graph fields did not change, and whose old and
    /// new versions both loaded without a diagnostic that the site graph would add to.
    private func sameGraphEdit(_ changed: Set<String>, in site: Site) -> (Site.PageID, Page)? {
        guard changed.count == 1, let path = changed.first, let id = site.pageByFile[path],
              case .page(let page?)? = loaded[path]?.0, page.hasSameGraphFields(as: site.pages[id]) else { return nil }
        return (id, page)
    }

    /// Whether a page that both graphs have changed its URL (a chapter folder's slug moves every page under it):
    /// every page that links to one of them would have to be found, so everything is rendered again.
    static func movedPages(from old: Site, to new: Site) -> Bool {
        for (id, page) in old.pages.enumerated() {
            if let now = new.pageByFile[page.file], new.urls[now] != old.urls[id] { return true }
        }
        return false
    }

    /// Pages whose HTML shows something of the page at `path`: its translations (switchers), its region (the
    /// country list), the countries of a region (their region link), its edition's homes in every language,
    /// the same country in the other editions, and in its edition's reading order: its neighbours (their
    /// previous/next links), the chapters above it (their contents) and the pages below it (their breadcrumbs).
    static func dependents(of path: String, in site: Site) -> Set<String> {
        guard let id = site.pageByFile[path] else { return [] }
        let page = site.pages[id]
        var ids: Set<Site.PageID> = Set(site.translations[id].values)
        ids.formUnion([site.reading.previous[id], site.reading.next[id]].compactMap { $0 })
        ids.formUnion(site.reading.trail[id] ?? [])
        var below = site.reading.children[id] ?? []
        while let node = below.popLast() {
            ids.insert(node.page)
            below += node.children
        }
        if let region = site.regionOfCountry[id] { ids.formUnion(site.translations[region].values) }
        ids.formUnion(site.countriesOfRegion[id] ?? [])
        if let edition = page.edition { ids.formUnion(site.editionHomes[edition]?.values ?? [:].values) }
        for other in site.sameCountryInOtherEditions(id) { ids.formUnion(site.translations[other].values) }
        return Set(ids.map { site.pages[$0].file })
    }

    // MARK: - Shared steps

    private func makeSite() {
        guard let config else { return }
        var pages: [Page] = [], unloaded: Set<String> = [], dataFiles: [DataFile] = []
        for (path, (file, _)) in loaded {
            switch file {
            case .page(let page?): pages.append(page)
            case .page(nil): unloaded.insert(path)
            case .data(let dataFile): dataFiles.append(dataFile)
            default: break
            }
        }
        let made = Site.make(config: config, pages: pages, unloadedFiles: unloaded)
        site = made.site
        siteDiagnostics = made.diagnostics
        if dataSets == nil { (dataSets, dataDiagnostics) = DataSets.load(dataFiles, languages: config.languageCodes) }
        let dataSets = self.dataSets ?? DataSets()
        renderer = theme.map {
            SiteRenderer(site: made.site, theme: $0, strings: strings(), assetPaths: Set(SiteBuilder.publishedAssets(Array(assetFiles.values)).keys),
                         dataSets: dataSets)
        }
    }

    private func pageOutputs(_ site: Site) -> PageOutputs {
        PageOutputs(searchEntry: { [results] in results[site.pages[$0].file]?.searchEntry },
                    printSection: { [results] in results[site.pages[$0].file]?.printSection })
    }

    private func strings() -> [String: InterfaceStrings] {
        var tables: [String: InterfaceStrings] = [:]
        for (loadedFile, _) in loaded.values { if case .strings(let table) = loadedFile { tables[table.language] = table } }
        return tables
    }

    private func publishGenerated() {
        for path in generatedPaths { files[path] = nil }
        generatedPaths = []
        guard let renderer else { return }
        for file in SiteBuilder.generatedFiles(renderer, pages: pageOutputs(renderer.site)).files {
            files[file.path] = file
            generatedPaths.insert(file.path)
        }
    }

    private func publishAssets() {
        for path in files.keys where path.hasPrefix("assets/") { files[path] = nil }
        for (path, file) in SiteBuilder.publishedAssets(Array(assetFiles.values)) {
            files[path] = RenderedFile(path: path, contents: .bytes(file.bytes))
        }
    }

    private func finish(before: [String: RenderedFile], rendered: Int, full: Bool) -> Update {
        var all = readDiagnostics + configDiagnostics + themeDiagnostics + siteDiagnostics + dataDiagnostics
        if let site { all += TranslationStatus.warnings(site) }
        for (_, found) in loaded.values { all += found }
        if let config {
            let tables = strings()
            all += SiteBuilder.missingStringFiles(tables, languages: config.languageCodes)
            if let theme { all += theme.checkStrings(tables, languages: config.languageCodes) }
        }
        for result in results.values { all += result.diagnostics }
        all += SiteBuilder.anchorDiagnostics(headingIDs: { self.results[$0]?.headingIDs ?? [] },
                                             links: results.values.lazy.flatMap(\.anchorLinks))
        all = Array(Set(all)).sorted()
        diagnostics = options.strict ? all.strict() : all
        var changed: Set<String> = []
        for (path, file) in files where before[path] != file { changed.insert(path) }
        for path in before.keys where files[path] == nil { changed.insert(path) }
        return Update(changedPaths: changed, renderedPages: rendered, full: full)
    }
}
