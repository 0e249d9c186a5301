import Foundation

/// Stage "generated pages": the pages that are not content files — language homes and search indexes, 404
/// pages, the root, the sitemap, robots.txt, the data files, and per edition and language the goal pages, the
/// key-data comparison and the print page. Always rendered whole: they read every page.
enum GeneratedStage {
    /// With a sink, each file is written as soon as its group is rendered, and not returned.
    static func run(_ renderer: SiteRenderer, to sink: StagedOutput? = nil, pages: PageOutputs, log: inout BuildLog) -> [RenderedFile] {
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
        log.add(slots.values.flatMap(\.diagnostics))
        return slots.values.flatMap(\.files)
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
}
