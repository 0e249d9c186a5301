import Foundation
import RapportTemplates

/// Renders the pages of one site. A class: every page's rendering, on every thread, shares one renderer, and a
/// copy of a struct this size (the site graph, the theme, the strings) cost tens of reference-count changes each
/// time a closure captured it.
public final class SiteRenderer: Sendable {
    public let site: Site
    public let theme: Theme
    public let strings: [String: InterfaceStrings]
    /// `content/assets/…` and `templates/assets/…` as they will be published: `assets/…`.
    public let assetPaths: Set<String>
    /// The Markdown options of every body (raw HTML from site.yaml; typography per language).
    let markdownOptions: @Sendable (String) -> MarkdownOptions
    /// Number formatting per language code, made once.
    let formats: [String: NumberFormatting]
    /// The data sets bodies place with `<!-- table: NAME -->`.
    public let dataSets: DataSets
    /// The PDF of each edition and language, when PDFs are made (stage "pdf", before the pages that link to them):
    /// see `with(pdfs:)`.
    public let pdfs: [EditionScope: PublishedPDF]
    /// Every path the site answers, for links written as its URLs (made when a page first needs it).
    private let addressTable: OnDemand<SiteAddresses>
    var addresses: SiteAddresses { addressTable.value }
    /// The page files, for "did you mean" on links to missing ones (made when a link first needs it).
    private let pageFileTable: OnDemand<NearestPaths>
    var pageFiles: NearestPaths { pageFileTable.value }

    public init(site: Site, theme: Theme, strings: [String: InterfaceStrings], assetPaths: Set<String>,
                dataSets: DataSets = DataSets()) {
        self.site = site
        pdfs = [:]
        self.dataSets = dataSets
        self.theme = theme
        self.strings = strings
        self.assetPaths = assetPaths
        let allowRawHTML = site.config.allowRawHTML
        let notesStrings = strings.mapValues { (title: $0[.notesTitle] ?? "Notes", back: $0[.noteBack] ?? "↩") }
        // Each language's glossary terms, indexed once for every page.
        let abbreviations = Dictionary(uniqueKeysWithValues: site.config.languageCodes.map { language in
            (language, Abbreviations(expansions: site.glossary.expansions(in: language)))
        }).filter { !$0.value.isEmpty }
        self.markdownOptions = { language in
            var options = MarkdownOptions(allowRawHTML: allowRawHTML, typography: Self.usesFrenchTypography(language) ? .french : nil,
                                          notesTitle: notesStrings[language]?.title ?? "Notes", noteBackLabel: notesStrings[language]?.back ?? "↩")
            options.abbreviations = abbreviations[language]
            return options
        }
        addressTable = OnDemand {
            SiteAddresses(site: site, dataFiles: Self.publishedDataSets(dataSets, of: site).map { Route.dataFile(edition: $0.edition, name: $0.name) },
                          assetPaths: assetPaths)
        }
        pageFileTable = OnDemand { NearestPaths(site.pageByFile.keys) }
        self.formats = Dictionary(uniqueKeysWithValues: site.config.languages.map { ($0.code, NumberFormatting(localeIdentifier: $0.locale)) })
    }

    private init(_ other: SiteRenderer, pdfs: [EditionScope: PublishedPDF]) {
        site = other.site
        theme = other.theme
        strings = other.strings
        assetPaths = other.assetPaths
        markdownOptions = other.markdownOptions
        formats = other.formats
        dataSets = other.dataSets
        self.pdfs = pdfs
        addressTable = other.addressTable
        pageFileTable = other.pageFileTable
    }

    /// This renderer, with the PDFs that pages link to.
    public func with(pdfs: [EditionScope: PublishedPDF]) -> SiteRenderer { SiteRenderer(self, pdfs: pdfs) }

    /// French rules for French (`fr`, `fr-…`); no other language is touched by them.
    static func usesFrenchTypography(_ language: String) -> Bool { language == "fr" || language.hasPrefix("fr-") || language.hasPrefix("fr_") }

    /// Text shown as text (titles, achievements, labels) in `language`'s typography.
    func text(_ value: String, _ language: String) -> String {
        Self.usesFrenchTypography(language) ? FrenchTypography.apply(value) : value
    }

    public struct AnchorLink: Sendable {
        /// The file of the page the link leads to.
        public var target: String
        public var anchor: String
        public var location: SourceLocation
    }

    // MARK: - Content pages

    /// Renders the content page `id`.
    public func renderPage(_ id: Site.PageID) -> PageResult {
        let page = site.pages[id]
        let url = site.urls[id]
        let linker = Linker(mode: .relative(from: url))
        var log = DiagnosticLog(stage: .markdown)
        var notes = LinkNotes()
        var rewrites = LinkRewrites()
        var placed: [String: Int] = [:]
        let printLinker = page.edition.map { Linker(mode: .relative(from: Route.print(language: page.language, edition: $0).path)) }
        // The layout first: data markers in the body render their tables and charts with it.
        let chrome = makeChrome(for: id, linker: linker)
        let markdown = Markdown.render(page.body, options: markdownOptions(page.language), reservedIDs: theme.elementIDs,
                                       printIDPrefix: page.edition == nil ? nil : printPrefix(of: id)) { link in
            if let known = rewrites.rewrite(of: link) { return known }
            let logged = log.items.count, anchors = notes.anchors.count
            let rewrite: MarkdownLinkRewrite?
            switch resolve(link, on: page, id: id, log: &log, notes: &notes) {
            case nil: rewrite = nil
            case .blocked: rewrite = MarkdownLinkRewrite(href: "", printHref: "")
            case .site(let path, let fragment):
                let suffix = fragment.map { "#" + $0 } ?? ""
                rewrite = MarkdownLinkRewrite(href: linker.href(path) + suffix, printHref: printLinker.map { $0.href(path) + suffix })
            }
            rewrites.keep(rewrite, of: link, quiet: log.items.count == logged && notes.anchors.count == anchors)
            return rewrite
        } placeData: { marker in
            placeData(marker, on: id, chrome: chrome, linker: linker, printLinker: printLinker, log: &log, placed: &placed)
        }
        reportMarkdownProblems(markdown, on: page, log: &log)
        let pageChrome = withPageImage(chrome, notes.firstImage, language: page.language)
        let body = BodyView(intro: markdown.intro, rest: markdown.hasMoreMarker ? markdown.rest : nil,
                            notes: markdown.notes.isEmpty ? nil : markdown.notes)
        let t = strings[page.language]?.strings ?? [:]
        // Formatted once: the page and its print section show the same figures.
        let keyData = page.kind.isCountry ? makeKeyData(id) : nil
        let html: [UInt8]
        switch page.kind {
        case .country(let edition):
            let view = makeCountryView(id, edition: edition, body: body, linker: linker, idPrefix: "", keyData: keyData)
            html = render(PageContext(chrome: pageChrome, t: t, page: view), .country)
        case .region(let edition):
            let countries = (site.countriesOfRegion[id] ?? []).map { LinkView(label: title(of: $0), href: linker.href(site.urls[$0])) }
            let view = RegionView(title: title(of: id), summary: page.summary, body: body, edition: edition, countries: countries)
            html = render(PageContext(chrome: pageChrome, t: t, page: view), .region)
        case .editionHome(let edition):
            html = render(PageContext(chrome: pageChrome, t: t, page: makeEditionView(id, edition: edition, body: body, linker: linker)), .edition)
        case .chapter(let edition, _), .chapterPage(let edition, _):
            let view = makeChapterView(id, edition: edition, body: body, headings: markdown.headings, linker: linker)
            html = render(PageContext(chrome: pageChrome, t: t, page: view), .chapter)
        case .standalone:
            let view = StandaloneView(title: title(of: id), summary: page.summary, body: body)
            html = render(PageContext(chrome: pageChrome, t: t, page: view), .page)
        }
        var printSection: [UInt8]?
        if let printBody = markdown.print, let printLinker, !page.kind.isEditionHome {
            let prefix = printPrefix(of: id)
            var country: CountryView?
            if case .country(let edition) = page.kind {
                country = makeCountryView(id, edition: edition, body: BodyView(intro: printBody, rest: nil, notes: nil), linker: printLinker,
                                          idPrefix: prefix, keyData: keyData)
            }
            let section = PrintSectionView(id: String(prefix.dropLast()), title: title(of: id), isRegion: page.kind.isRegion,
                                           body: printBody, country: country)
            printSection = render(PageContext(chrome: chrome, t: t, page: section), .printSection)
        } else {
            printSection = markdown.print
        }
        let searchEntry = markdown.plainTextBytes.withUnsafeBufferPointer {
            SearchIndex.entryBytes(url: url, title: title(of: id), summary: page.summary, text: $0, others: page.country?.achievements ?? [])
        }
        return PageResult(file: RenderedFile(path: url + "index.html", bytes: html), diagnostics: log.items,
                          headingIDs: Set(markdown.headings.map(\.id)), anchorLinks: notes.anchors,
                          printSection: printSection, searchEntry: searchEntry)
    }

    /// The page's HTML: its context rendered with the compiled template (every template of `Theme.entries` is compiled).
    func render<Content: TemplateView>(_ context: PageContext<Content>, _ template: TemplateName) -> [UInt8] {
        theme.compiled[template]?.render(context) ?? []
    }

    func siteTitle(_ language: String) -> String { text(site.config.title[language] ?? "", language) }
    /// A page's title as shown in its language.
    func title(of id: Site.PageID) -> String { text(site.pages[id].title.value, site.pages[id].language) }
    /// The interface strings of `language`, for templates (`{{t.KEY}}`).
    func t(_ language: String) -> [String: String] { strings[language]?.strings ?? [:] }
    /// An interface string Rapport writes itself, in `language`.
    func string(_ key: InterfaceKey, in language: String) -> String? { strings[language]?[key] }
    /// A goal's name in `language`: the site's interface string (`sdg_7`) when it has one, else Rapport's.
    func goalName(_ goal: SDG, _ language: String) -> String {
        strings[language]?.goalName(goal).map { text($0, language) } ?? goal.name(in: language)
    }
    func formatting(_ language: String) -> NumberFormatting {
        formats[language] ?? NumberFormatting(localeIdentifier: language)
    }
}
