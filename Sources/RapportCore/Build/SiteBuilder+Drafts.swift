// MARK: - Drafts: checked like any page, left out of the site

extension SiteBuilder {
    /// The problems of the draft pages that a build leaves out: each draft is rendered (and dropped) in a graph
    /// that holds every page, so that its front matter, links and anchors are checked as a published page's are.
    /// Only problems in draft files are kept: the published pages' own are those of the site without drafts.
    static func checkDrafts(_ drafts: [Page], among pages: [Page], unloaded: Set<String>,
                            config: SiteConfig, renderer: SiteRenderer, published: [SiteRenderer.PageResult]) -> [Diagnostic] {
        let draftFiles = Set(drafts.map(\.file))
        let (whole, wholeDiagnostics) = Site.make(config: config, pages: pages, unloadedFiles: unloaded)
        let checker = SiteRenderer(site: whole, theme: renderer.theme, strings: renderer.strings, assetPaths: renderer.assetPaths,
                                   dataSets: renderer.dataSets)
        var diagnostics = wholeDiagnostics.filter { draftFiles.contains($0.location.path) && !$0.isMissingTranslation }
        var results: [String: SiteRenderer.PageResult] = [:]
        for (id, page) in whole.pages.enumerated() where page.draft {
            let result = checker.renderPage(id)
            diagnostics += result.diagnostics
            results[page.file] = result
        }
        let publishedIDs = Dictionary(uniqueKeysWithValues: zip(renderer.site.pages.map(\.file), published.map(\.headingIDs)))
        diagnostics += anchorDiagnostics(headingIDs: { results[$0]?.headingIDs ?? publishedIDs[$0] ?? [] },
                                         links: results.values.lazy.flatMap(\.anchorLinks))
        return diagnostics
    }
}

extension Diagnostic {
    /// A draft's missing translation is no warning (the contract's "Drafts").
    var isMissingTranslation: Bool {
        if case .missingTranslation = reason { true } else { false }
    }
}
