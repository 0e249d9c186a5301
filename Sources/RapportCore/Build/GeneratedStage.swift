import Foundation

/// Stage "generated pages": the pages that are not content files — language homes and search indexes, 404
/// pages, the root, the sitemap, robots.txt, the data files, and per edition and language the goal pages, the
/// key-data comparison and the print page. Rendered at every build: the search indexes and print pages read
/// every page's rendering. The others read only what every content page's rendering reads besides its own file
/// (the site graph, strings, theme, data sets, config: `BuildMemo.renderInputs`), so with a memo whose digest of
/// those inputs is unchanged they are taken from the last build instead of being rendered again.
enum GeneratedStage {
    /// Independent groups of files, rendered on every core and joined in this order.
    enum Group: Hashable, Sendable { case language(String), site, edition(String, language: String) }

    /// With a sink, each file is written as soon as its group is rendered, and not returned.
    /// - Parameters:
    ///   - memo, siteInputs: where the files that read no page's rendering were kept, and the digest they were
    ///     made from (nil: render everything).
    static func run(_ renderer: SiteRenderer, to sink: StagedOutput? = nil, pages: PageOutputs,
                    memo: BuildMemo? = nil, siteInputs: [UInt8]? = nil, log: inout BuildLog) -> [RenderedFile] {
        let site = renderer.site
        let config = site.config
        let groups = config.languageCodes.map(Group.language) + [.site] + site.editions.flatMap { edition in
            config.languageCodes.filter { site.editionHomes[edition]?[$0] != nil }.map { Group.edition(edition, language: $0) }
        }
        let kept = siteInputs.flatMap { memo?.generatedFiles(for: $0) } ?? [:]
        let slots = ResultSlots<(files: [RenderedFile], sitewide: [RenderedFile], diagnostics: [Diagnostic])>(count: groups.count)
        DispatchQueue.concurrentPerform(iterations: groups.count) { index in
            let group = groups[index]
            let sitewide = kept[group] ?? sitewideFiles(of: group, renderer)
            var files = sitewide
            switch group {
            case .language(let language): files.append(renderer.renderSearchIndex(language: language, entry: pages.searchEntry))
            case .site: break
            case .edition(let edition, let language):
                if let print = renderer.renderPrint(edition: edition, language: language, section: pages.printSection) {
                    files.append(print)
                }
            }
            guard let sink else { slots[index] = (files, sitewide, []); return }
            slots[index] = ([], [], files.compactMap { sink.tryWrite($0) })
        }
        if let siteInputs, let memo {
            memo.rememberGeneratedFiles(Dictionary(uniqueKeysWithValues: zip(groups, slots.values.map(\.sitewide))), for: siteInputs)
        }
        log.add(slots.values.flatMap(\.diagnostics))
        return slots.values.flatMap(\.files)
    }

    /// The files of `group` that read no page's rendering, only the renderer's site-wide state.
    static func sitewideFiles(of group: Group, _ renderer: SiteRenderer) -> [RenderedFile] {
        switch group {
        case .language(let language):
            return [renderer.renderLanguageHome(language), renderer.renderNotFound(language, atRoot: false)]
        case .site:
            return [renderer.renderNotFound(renderer.site.config.defaultLanguage, atRoot: true), renderer.renderRoot(),
                    renderer.renderSitemap(), renderer.renderRobots()] + renderer.renderDataFiles()
        case .edition(let edition, let language):
            return renderer.renderGoalPages(edition: edition, language: language) + [renderer.renderComparison(edition: edition, language: language)]
        }
    }
}
