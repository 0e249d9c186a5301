/// What the load stage gives: site.yaml, every page's front matter, the interface strings, the glossary and the
/// data files read (not yet paired), with the page files that could not be loaded.
struct LoadedSite: Sendable {
    var config: SiteConfig
    var pages: [Page]
    var strings: [String: InterfaceStrings]
    var dataFiles: [DataFile]
    /// `content/glossary.yaml` (empty when the site has none).
    var glossary: Glossary
    /// Page files that exist but could not be loaded (their errors are reported).
    var unloaded: Set<String>
}

/// Stage "load": site.yaml first (it names the languages the layout is checked against), then every content file
/// on the loading threads (`ReadingThreads`); each file's problems are its own.
///
/// With a `BuildMemo` (the preview), a file whose bytes are exactly those of its last load is not loaded again:
/// its result is a function of its path, its bytes and the languages, all part of the memo's key.
enum LoadStage {
    /// The loaded site, or nil when site.yaml cannot be read (its problems are in `log`).
    static func run(_ source: SiteSource, options: BuildOptions, memo: BuildMemo?, log: inout BuildLog) -> LoadedSite? {
        let (loadedConfig, configDiagnostics) = memo?.config(of: source, baseURL: options.baseURL) { loadConfig(source, baseURL: options.baseURL) }
            ?? loadConfig(source, baseURL: options.baseURL)
        log.add(configDiagnostics)
        guard let config = loadedConfig else { return nil }
        let languages = config.languageCodes
        let context = LoadContext(languages: languages, sourceLanguage: config.defaultLanguage)
        let files = source.contentFiles
        let slots = ResultSlots<(LoadedFile, [Diagnostic])>(count: files.count)
        // The memo is read and written on this thread only; the loading threads take the files it did not have.
        var missing: [Int] = []
        for index in files.indices {
            if let memo, let known = memo.loadedFile(files[index], in: context) { slots[index] = known } else { missing.append(index) }
        }
        let toLoad = missing
        ReadingThreads.forEach(toLoad.count) { turn in
            let index = toLoad[turn]
            slots[index] = loadFile(files[index], languages: languages, sourceLanguage: config.defaultLanguage)
        }
        if let memo {
            for index in toLoad { memo.remember(files[index], in: context, loaded: slots[index]!) }
            memo.forgetFiles(except: Set(files.map(\.path)), count: files.count)
        }
        var site = LoadedSite(config: config, pages: [], strings: [:], dataFiles: [], glossary: Glossary(), unloaded: [])
        for (index, (loaded, found)) in slots.values.enumerated() {
            log.add(found)
            switch loaded {
            case .page(let page?): site.pages.append(page)
            case .page(nil): site.unloaded.insert(files[index].path)
            case .strings(let table): site.strings[table.language] = table
            case .data(let file): site.dataFiles.append(file)
            case .glossary(let glossary): site.glossary = glossary
            case .skipped: break
            }
        }
        log.add(missingStringFiles(site.strings, languages: languages))
        return site
    }

    /// `content/site.yaml`, with `baseURL` (from the command line) in place of its `base_url`.
    static let configPath = "content/site.yaml"

    static func loadConfig(_ source: SiteSource, baseURL: String?) -> (SiteConfig?, [Diagnostic]) {
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

    /// What a file's load depends on besides its path and bytes.
    struct LoadContext: Equatable {
        var languages: [String]
        /// The language whose pages' digests are computed (`loadFile`'s `sourceLanguage`).
        var sourceLanguage: String
    }

    /// What one content file gives.
    enum LoadedFile: Sendable {
        case page(Page?)
        case strings(InterfaceStrings)
        /// A data set's CSV or schema, read, for the data stage (which needs both).
        case data(DataFile)
        /// `content/glossary.yaml`, read (its entries with a problem left out).
        case glossary(Glossary)
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
        case .interfaceStrings, .page, .glossary:
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
        if entry == .glossary {
            let loaded = GlossaryLoader.load(from: text, languages: languages)
            return (.glossary(loaded.glossary), loaded.diagnostics)
        }
        guard case .page(let kind, let language, let pathInLanguage, let stem) = entry else { return (.skipped, []) }
        let loaded = PageLoader.loadPage(from: text, kind: kind, language: language,
                                         pathInLanguage: pathInLanguage, fileStem: stem,
                                         computesDigest: sourceLanguage.map { $0 == language } ?? true)
        return (.page(loaded.page), loaded.diagnostics)
    }

    static func missingStringFiles(_ strings: [String: InterfaceStrings], languages: [String]) -> [Diagnostic] {
        languages.filter { strings[$0] == nil }.map {
            Diagnostic(.error, .missingI18nFile(language: $0), at: SourceLocation(path: "content/i18n/\($0).yaml"), stage: .i18n)
        }
    }
}
