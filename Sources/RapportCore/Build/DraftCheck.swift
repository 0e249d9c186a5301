/// Stage "drafts": the problems of the draft pages that a build leaves out. Each draft is rendered (and dropped)
/// in a graph that holds every page, so that its front matter, links and anchors are checked as a published
/// page's are. Only problems in draft files are kept: the published pages' own are those of the site without drafts.
enum DraftCheck {
    static func run(_ drafts: [Page], among loaded: LoadedSite, renderer: SiteRenderer,
                    published: [SiteRenderer.PageResult], log: inout BuildLog) {
        let draftFiles = Set(drafts.map(\.file))
        let (whole, wholeDiagnostics) = Site.make(config: loaded.config, pages: loaded.pages, unloadedFiles: loaded.unloaded)
        let checker = SiteRenderer(site: whole, theme: renderer.theme, strings: renderer.strings, assetPaths: renderer.assetPaths,
                                   dataSets: renderer.dataSets)
        log.add(wholeDiagnostics.filter { draftFiles.contains($0.location.path) && !$0.isMissingTranslation })
        var results: [String: SiteRenderer.PageResult] = [:]
        for (id, page) in whole.pages.enumerated() where page.draft {
            let result = checker.renderPage(id)
            log.add(result.diagnostics)
            results[page.file] = result
        }
        let publishedIDs = Dictionary(uniqueKeysWithValues: zip(renderer.site.pages.map(\.file), published.map(\.headingIDs)))
        log.add(RenderStage.anchorDiagnostics(headingIDs: { results[$0]?.headingIDs ?? publishedIDs[$0] ?? [] },
                                              links: results.values.lazy.flatMap(\.anchorLinks)))
    }
}

extension Diagnostic {
    /// A draft's missing translation is no warning (the contract's "Drafts").
    var isMissingTranslation: Bool {
        if case .missingTranslation = reason { true } else { false }
    }
}
