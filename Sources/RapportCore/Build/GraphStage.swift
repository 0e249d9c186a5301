/// What the site-graph stage gives: the graph of the published pages, and the drafts left out of it.
struct SiteGraph: Sendable {
    var site: Site
    /// Draft pages left out (`build` without `--drafts`): checked apart (`DraftCheck`), never published.
    var drafts: [Page]
}

/// Stage "site graph": pairs translations, links regions and countries, checks figures across pages, gives each
/// page its route and the reading order, then compares translations with their sources. Run whole on every build
/// and every preview rebuild alike; its independent passes run side by side (`Site.make`).
enum GraphStage {
    static func run(_ loaded: LoadedSite, includeDrafts: Bool, log: inout BuildLog) -> SiteGraph {
        let drafts = includeDrafts ? [] : loaded.pages.filter(\.draft)
        let published = drafts.isEmpty ? loaded.pages : loaded.pages.filter { !$0.draft }
        var glossaryLog = DiagnosticLog(stage: .glossary)
        let glossaryRoutes = Site.glossaryRoutes(of: loaded.glossary, strings: loaded.strings, languages: loaded.config.languageCodes,
                                                 log: &glossaryLog)
        log.add(glossaryLog.items)
        let (site, diagnostics) = Site.make(config: loaded.config, pages: published, unloadedFiles: loaded.unloaded, drafts: drafts,
                                            glossary: loaded.glossary, glossaryRoutes: glossaryRoutes)
        log.add(diagnostics)
        log.add(TranslationStatus.warnings(site))
        return SiteGraph(site: site, drafts: drafts)
    }
}
