// MARK: - The URL of every content page, and the folders that make it

extension Site {
    /// Each page's route. A chapter folder's URL segment is the `slug` of its `index.md` in the page's language
    /// (the folder's name when it has none): `countries/index.md` with `slug: pays` gives `/fr/2021/pays/laos/`.
    static func routes(of pages: [Page]) -> [Route] {
        var segments: [ChapterFolderKey: String] = [:]
        for page in pages {
            if case .chapter(let edition, let folders) = page.kind {
                segments[ChapterFolderKey(edition: edition, language: page.language, folders: folders)] = page.slug
            }
        }
        return pages.map { page in
            let language = page.language
            func localized(_ edition: String, _ folders: [String]) -> [String] {
                folders.indices.map { depth in
                    segments[ChapterFolderKey(edition: edition, language: language, folders: folders[...depth])] ?? folders[depth]
                }
            }
            switch page.kind {
            case .editionHome(let edition):
                return .editionHome(language: language, edition: edition)
            case .chapter(let edition, let folders):
                return .editionPage(language: language, edition: edition, segments: localized(edition, folders))
            case .chapterPage(let edition, _), .country(let edition), .region(let edition):
                return .editionPage(language: language, edition: edition, segments: localized(edition, page.kind.folders) + [page.slug])
            case .standalone:
                return .standalone(language: language, slug: page.slug)
            }
        }
    }

    /// URLs used twice, and URLs of generated pages taken by a content page: errors naming both.
    static func checkURLs(_ urls: [String], of pages: [Page], glossaryRoutes: [String: Route] = [:], log: inout DiagnosticLog) {
        var owners: [String: PageID] = [:]
        owners.reserveCapacity(urls.count)
        var generated: [String: Route] = [:]
        for route in glossaryRoutes.values { generated[route.path] = route }
        for page in pages where page.kind.isEditionHome {
            for route in Route.generated(language: page.language, edition: page.edition ?? "") { generated[route.path] = route }
        }
        for (id, url) in urls.enumerated() {
            let page = pages[id]
            if let other = owners[url] {
                log.error(.duplicateURL("/" + url, otherFile: pages[other].file), at: page.title.location.with(line: 1))
            } else {
                owners[url] = id
            }
            if let route = generated[url] {
                log.error(.generatedURL("/" + url, generatedPage: route.generatedPageName), at: page.title.location.with(line: 1))
            }
        }
    }

    /// A chapter folder without an `index.md` in a language: an error naming the folder, at the first page in it.
    static func checkChapterFolders(_ pages: [Page], unloadedFiles: Set<String>, log: inout DiagnosticLog) {
        var indexes: Set<ChapterFolderKey> = []
        for page in pages {
            if case .chapter(let edition, let folders) = page.kind {
                indexes.insert(ChapterFolderKey(edition: edition, language: page.language, folders: folders))
            }
        }
        var reported: Set<ChapterFolderKey> = []
        for page in pages {
            guard page.kind.isChapter, let edition = page.edition else { continue }
            let folders = page.kind.folders
            for depth in folders.indices {
                let key = ChapterFolderKey(edition: edition, language: page.language, folders: folders[...depth])
                let folder = key.contentPath
                guard !indexes.contains(key), !unloadedFiles.contains(folder + "/index.md"), reported.insert(key).inserted else { continue }
                log.error(.chapterWithoutIndex(folder: folder), at: SourceLocation(path: page.file))
            }
        }
    }
}

// MARK: - Every route the site publishes

extension Site {
    /// The goals that the countries of an edition in a language work on, in order: each has its page there.
    func goals(edition: String, language: String) -> [SDG] {
        Set((countriesOfEdition[edition]?[language] ?? []).flatMap { pages[$0].country?.priorityAreas ?? [] }).sorted()
    }

    /// The routes Rapport generates besides the content pages' own: the root, each language's home, search index,
    /// 404 page and glossary, the sitemap and robots.txt, and for each edition and language that has a home its comparison,
    /// print page and goal pages. Body links to the site's URLs are checked against these and `routes`.
    var generatedRoutes: [Route] {
        var routes: [Route] = [.root, .notFound(language: nil), .sitemap, .robots]
        for language in config.languageCodes {
            routes += [.languageHome(language: language), .searchIndex(language: language), .notFound(language: language)]
            if let glossary = glossaryRoutes[language] { routes.append(glossary) }
        }
        for edition in editions {
            for language in config.languageCodes where editionHomes[edition]?[language] != nil {
                routes += [.comparison(language: language, edition: edition), .print(language: language, edition: edition)]
                routes += goals(edition: edition, language: language).map { .goal(language: language, edition: edition, number: $0.number) }
            }
        }
        return routes
    }
}
