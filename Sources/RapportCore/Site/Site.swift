/// Stage "site": the pages as one graph — URLs, translations paired, regions linked to their countries,
/// editions and their home pages. Templates never search: everything a page links to is decided here.
public struct Site: Sendable {
    public typealias PageID = Int

    public let config: SiteConfig
    /// Sorted by file path; a `PageID` indexes this array.
    public internal(set) var pages: [Page]
    /// Each page's route (`Route.editionPage(…)`), made in one place: `Site.routes(of:)`.
    public let routes: [Route]
    /// Each page's URL path relative to the site root, ending with `/`: `fr/2020/countries/mongolie/`.
    public let urls: [String]
    /// Each page's translations by language, itself included.
    public let translations: [[String: PageID]]
    /// Report years, oldest first.
    public let editions: [String]
    /// Edition homes by edition and language.
    public let editionHomes: [String: [String: PageID]]
    /// A region page's countries, sorted by title.
    public let countriesOfRegion: [PageID: [PageID]]
    /// A country page's region page.
    public let regionOfCountry: [PageID: PageID]
    /// Country pages of each edition and language, sorted by title.
    public let countriesOfEdition: [String: [String: [PageID]]]
    /// Region pages of each edition and language, sorted by title.
    public let regionsOfEdition: [String: [String: [PageID]]]
    /// Pages outside editions per language, sorted by title.
    public let standalonePages: [String: [PageID]]
    /// The privacy notice per language.
    public let privacyPages: [String: PageID]
    /// The accessibility statement per language.
    public let accessibilityPages: [String: PageID]
    /// A country's pages across editions, by language and country code, oldest edition first (one per edition:
    /// the first by title when an edition has two pages with the code).
    public let countryAcrossEditions: [String: [String: [PageID]]]
    /// Page by its file path.
    public let pageByFile: [String: PageID]
    /// Page files that exist but could not be loaded (their errors are reported): links to them and
    /// missing translations of them raise nothing more.
    public let unloadedFiles: Set<String>
    /// Draft pages left out of this graph (`build` without `--drafts`): a link to one is an error of its own,
    /// and a page whose translation is a draft misses nothing.
    public let draftFiles: Set<String>
    /// Each edition's table of contents, reading order, breadcrumb trails and neighbours.
    public let reading: ReadingOrder
    /// `content/glossary.yaml`: the terms bodies mark and the glossary pages list.
    public let glossary: Glossary
    /// The glossary page's route per language (none when the glossary is empty).
    public let glossaryRoutes: [String: Route]

    public func languageHomeURL(_ language: String) -> String { Route.languageHome(language: language).path }
}

extension Site {
    /// Builds the graph and reports what does not hold together.
    /// - Parameters:
    ///   - glossaryRoutes: the glossary page's route per language (`glossaryRoutes(of:strings:languages:)`).
    public static func make(config: SiteConfig, pages unsorted: [Page], unloadedFiles: Set<String> = [], drafts: [Page] = [],
                            glossary: Glossary = Glossary(), glossaryRoutes: [String: Route] = [:])
        -> (site: Site, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(stage: .site)
        let pages = unsorted.sorted { $0.file < $1.file }
        let languages = config.languageCodes
        var pageByFile: [String: PageID] = [:]
        pageByFile.reserveCapacity(pages.count)
        for (id, page) in pages.enumerated() { pageByFile[page.file] = id }

        // MARK: URLs, each used once, none of a generated page; chapter folders with their index.md
        // (On a thread of their own: nothing below needs them before the graph is assembled. Each pass that runs
        // beside another keeps its diagnostics apart; they are put back in the order of a serial run.)
        let addressing = BackgroundValue { () -> (routes: [Route], urls: [String], diagnostics: [Diagnostic]) in
            var log = DiagnosticLog(stage: .site)
            let routes = Site.routes(of: pages)
            let urls = routes.map(\.path)
            Site.checkURLs(urls, of: pages, glossaryRoutes: glossaryRoutes, log: &log)
            Site.checkChapterFolders(pages, unloadedFiles: unloadedFiles, log: &log)
            return (routes, urls, log.items)
        }

        // MARK: Translations (beside the lists of editions, regions and countries, which do not need them)
        let pairing = BackgroundValue {
            var log = DiagnosticLog(stage: .site)
            let translations = Site.pairTranslations(pages, languages: languages, unloadedFiles: unloadedFiles, drafts: drafts, log: &log)
            return (translations, log.items)
        }
        let draftFiles = Set(drafts.map(\.file))

        // MARK: Editions, their homes, regions and countries
        // Lists are in reading order of titles: accents and case ignored ("Égypte" among the E), file as tie-break.
        let editions = Set(pages.compactMap(\.edition)).sorted()
        var editionHomes: [String: [String: PageID]] = [:]
        var countriesOfEdition: [String: [String: [PageID]]] = [:]
        var regionsOfEdition: [String: [String: [PageID]]] = [:]
        var standalonePages: [String: [PageID]] = [:]
        for (id, page) in pages.enumerated() {
            switch page.kind {
            case .editionHome(let edition): editionHomes[edition, default: [:]][page.language] = id
            case .country(let edition): countriesOfEdition[edition, default: [:]][page.language, default: []].append(id)
            case .region(let edition): regionsOfEdition[edition, default: [:]][page.language, default: []].append(id)
            case .standalone: standalonePages[page.language, default: []].append(id)
            case .chapter, .chapterPage: break
            }
        }
        let byTitle: (PageID, PageID) -> Bool = { a, b in
            let (keyA, keyB) = (pages[a].titleSortKey, pages[b].titleSortKey)
            return keyA != keyB ? keyA < keyB : pages[a].file < pages[b].file
        }
        countriesOfEdition = countriesOfEdition.mapValues { $0.mapValues { $0.sorted(by: byTitle) } }
        regionsOfEdition = regionsOfEdition.mapValues { $0.mapValues { $0.sorted(by: byTitle) } }
        standalonePages = standalonePages.mapValues { $0.sorted(by: byTitle) }

        for edition in editions {
            for language in languages where editionHomes[edition]?[language] == nil {
                let hasPages = pages.contains { $0.edition == edition && $0.language == language }
                let home = "content/\(edition)/\(language)/index.md"
                if hasPages, draftFiles.contains(home) {
                    let published = pages.first { $0.edition == edition && $0.language == language }!
                    log.error(.editionHomeIsDraft(edition: edition, language: language, home: home), at: SourceLocation(path: published.file))
                } else if hasPages, !unloadedFiles.contains(home) {
                    log.error(.missingEditionHome(edition: edition, language: language),
                              at: SourceLocation(path: "content/\(edition)/\(language)"))
                }
            }
        }

        var regionOfCountry: [PageID: PageID] = [:]
        var countriesOfRegion: [PageID: [PageID]] = [:]
        var codes: [CountryCodeKey: PageID] = [:]
        codes.reserveCapacity(pages.count)
        for (id, page) in pages.enumerated() where page.kind.isCountry {
            guard let edition = page.edition, let country = page.country else { continue }
            let scope = CountryCodeKey(scope: EditionScope(edition: edition, language: page.language), code: country.code.value)
            if let other = codes[scope] {
                log.error(.duplicateCountryCode(country.code.value, otherFile: pages[other].file), at: country.code.location)
            } else {
                codes[scope] = id
            }
            guard let region = country.region else { continue }
            let candidates = regionsOfEdition[edition]?[page.language] ?? []
            if let match = candidates.first(where: { pages[$0].fileStem == region.value }) {
                regionOfCountry[id] = match
                countriesOfRegion[match, default: []].append(id)
            } else {
                log.error(.unknownRegion(region.value, known: candidates.map { pages[$0].fileStem }.sorted()), at: region.location)
            }
        }
        countriesOfRegion = countriesOfRegion.mapValues { $0.sorted(by: byTitle) }
        let (translations, translationDiagnostics) = pairing.value
        // Figures compared across pages, beside the lists and the reading order.
        let figures = BackgroundValue { [translations, regionOfCountry] in
            var log = DiagnosticLog(stage: .site)
            Site.checkFigures(pages: pages, translations: translations, regionOfCountry: regionOfCountry,
                              defaultLanguage: config.defaultLanguage, log: &log)
            return log.items
        }
        var laterLog = DiagnosticLog(stage: .site)

        // MARK: The privacy notice and the accessibility statement
        func namedPages(_ key: String?, missing: (String) -> Reason) -> [String: PageID] {
            guard let key else { return [:] }
            var found: [String: PageID] = [:]
            for language in languages {
                let match = standalonePages[language]?.first { pages[$0].translationKey == key || pages[$0].fileStem == key }
                if let match { found[language] = match }
            }
            if found.isEmpty { laterLog.error(missing(key), at: SourceLocation(path: "content/site.yaml")) }
            return found
        }
        let privacyPages = namedPages(config.privacyPage, missing: Reason.unknownPrivacyPage)
        let accessibilityPages = namedPages(config.accessibilityPage, missing: Reason.unknownAccessibilityPage)

        var countryAcrossEditions: [String: [String: [PageID]]] = [:]
        for edition in editions {
            for (language, countries) in countriesOfEdition[edition] ?? [:] {
                var seen: Set<String> = []
                for id in countries {
                    guard let code = pages[id].country?.code.value, seen.insert(code).inserted else { continue }
                    countryAcrossEditions[language, default: [:]][code, default: []].append(id)
                }
            }
        }

        let reading = ReadingOrder.make(pages: pages, editionHomes: editionHomes, regions: regionsOfEdition,
                                        countriesOfRegion: countriesOfRegion, countries: countriesOfEdition,
                                        regionOfCountry: regionOfCountry)
        let (routes, urls, addressDiagnostics) = addressing.value
        let site = Site(
            config: config, pages: pages, routes: routes, urls: urls, translations: translations, editions: editions,
            editionHomes: editionHomes, countriesOfRegion: countriesOfRegion, regionOfCountry: regionOfCountry,
            countriesOfEdition: countriesOfEdition, regionsOfEdition: regionsOfEdition,
            standalonePages: standalonePages, privacyPages: privacyPages, accessibilityPages: accessibilityPages,
            countryAcrossEditions: countryAcrossEditions, pageByFile: pageByFile, unloadedFiles: unloadedFiles,
            draftFiles: draftFiles, reading: reading, glossary: glossary, glossaryRoutes: glossaryRoutes)
        return (site, addressDiagnostics + translationDiagnostics + log.items + figures.value + laterLog.items)
    }

    /// Pass "translations": pages paired as translations of one another — the same path under their language
    /// folders, or the same `translation_key`, within one edition — each page's translations by language, itself
    /// included; and a warning for each translation missing (unless it is a draft, or a file that did not load).
    static func pairTranslations(_ pages: [Page], languages: [String], unloadedFiles: Set<String>, drafts: [Page],
                                 log: inout DiagnosticLog) -> [[String: PageID]] {
        var groups = UnionFind(count: pages.count)
        var pairing: [TranslationPairing: PageID] = [:]
        pairing.reserveCapacity(pages.count * 2)
        func pair(_ id: PageID, by key: TranslationPairing) {
            if let other = pairing[key] { groups.union(id, other) } else { pairing[key] = id }
        }
        for (id, page) in pages.enumerated() {
            pair(id, by: .path(edition: page.edition, pathInLanguage: page.pathInLanguage))
            if let key = page.translationKey { pair(id, by: .key(edition: page.edition, translationKey: key)) }
        }
        // Each group's members in page order, under its root's id.
        var members = [[PageID]](repeating: [], count: pages.count)
        for id in pages.indices { members[groups.find(id)].append(id) }
        var translations = [[String: PageID]](repeating: [:], count: pages.count)
        for ids in members where !ids.isEmpty {
            var set: [String: PageID] = [:]
            for id in ids {
                let page = pages[id]
                if let other = set[page.language] {
                    log.error(.duplicateTranslation(language: page.language, otherFile: pages[other].file),
                              at: SourceLocation(path: page.file))
                    continue
                }
                if let first = set.values.min(), !pages[first].kind.isSameKind(as: page.kind) {
                    log.error(.translationKindMismatch(otherFile: pages[first].file), at: SourceLocation(path: page.file))
                    continue
                }
                set[page.language] = id
            }
            for id in set.values { translations[id] = set }
            for id in ids where translations[id].isEmpty { translations[id] = [pages[id].language: id] }
        }
        // A draft's translation is not missing yet, nor is a translation that is a draft.
        let draftFiles = Set(drafts.map(\.file))
        let draftKeys = Set(drafts.compactMap { draft in
            draft.translationKey.map { LanguageTranslationKey(edition: draft.edition, language: draft.language, key: $0) }
        })
        for (id, page) in pages.enumerated() where !page.draft {
            for language in languages where translations[id][language] == nil {
                let expected = expectedFile(of: page, in: language)
                if unloadedFiles.contains(expected) || draftFiles.contains(expected) { continue }
                if let key = page.translationKey,
                   draftKeys.contains(LanguageTranslationKey(edition: page.edition, language: language, key: key)) { continue }
                log.warning(.missingTranslation(language: language, expectedFile: expected), at: SourceLocation(path: page.file))
            }
        }
        return translations
    }

    /// Where the translation of `page` into `language` would be found by path.
    static func expectedFile(of page: Page, in language: String) -> String {
        if let edition = page.edition { return "content/\(edition)/\(language)/\(page.pathInLanguage)" }
        return "content/pages/\(language)/\(page.pathInLanguage)"
    }
}

/// What pairs two pages as translations of one another: within one edition (or among the pages outside
/// editions, `edition` nil), the same path under their language folders, or the same `translation_key`.
enum TranslationPairing: Hashable {
    case path(edition: String?, pathInLanguage: String)
    case key(edition: String?, translationKey: String)
}

/// A `translation_key` in one language of one edition (`edition` nil: the pages outside editions).
struct LanguageTranslationKey: Hashable {
    var edition: String?
    var language: String
    var key: String
}

/// Disjoint sets over page ids, for pairing translations.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while parent[root] != root { root = parent[root] }
        var node = x
        while parent[node] != root { (parent[node], node) = (root, parent[node]) }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}

extension SourceLocation {
    func with(line: Int, column: Int = 1) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}
