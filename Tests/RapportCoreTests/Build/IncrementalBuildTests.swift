import Foundation
import Testing
@testable import RapportCore

/// The preview's builder must always equal a full build of the same sources, while rendering less.
@Suite("Incremental build")
struct IncrementalBuildTests {
    /// The fixture site as a mutable in-memory source.
    struct Sources {
        var files: [String: SourceFile]

        init() {
            let root = Fixtures.siteRoot(fixture: "minimal-site")
            defer { Fixtures.cleanUp(root) }
            let source = SiteSource.read(root: root)
            files = [:]
            // Read now: the folder is removed when this returns, and a site read from disk reads its files lazily.
            for file in source.contentFiles + source.templates + source.assets { files[file.path] = SourceFile(path: file.path, bytes: file.bytes) }
        }

        var source: SiteSource {
            SiteSource(contentFiles: files.values.filter { $0.path.hasPrefix("content/") && !$0.path.hasPrefix("content/assets/") },
                       templates: files.values.filter { $0.path.hasPrefix("templates/") && !$0.path.hasPrefix("templates/assets/") },
                       assets: files.values.filter { $0.path.hasPrefix("content/assets/") || $0.path.hasPrefix("templates/assets/") }
                           .sorted { $0.path < $1.path })
        }

        mutating func edit(_ path: String, _ change: (String) -> String) -> SourceChange {
            let text = String(decoding: files[path]!.bytes, as: UTF8.self)
            files[path] = SourceFile(path: path, text: change(text))
            return .write(files[path]!)
        }

        mutating func add(_ path: String, _ text: String) -> SourceChange {
            files[path] = SourceFile(path: path, text: text)
            return .write(files[path]!)
        }

        mutating func remove(_ path: String) -> SourceChange {
            files[path] = nil
            return .remove(path: path)
        }
    }

    /// Compares the incremental state with a full build of the same sources.
    func expectSameAsFullBuild(_ incremental: IncrementalBuild, _ sources: Sources, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let full = SiteBuilder.build(sources.source, options: incremental.options)
        #expect(incremental.diagnostics == full.diagnostics, sourceLocation: sourceLocation)
        guard full.succeeded else { return }
        let expected = Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.contents.bytes) })
        let actual = incremental.files.mapValues(\.contents.bytes)
        #expect(Set(actual.keys) == Set(expected.keys), sourceLocation: sourceLocation)
        for (path, bytes) in expected where actual[path] != bytes {
            Issue.record("\(path) differs from a full build", sourceLocation: sourceLocation)
        }
    }

    @Test("edits, additions, removals and template changes: always what a full build gives, rendering only dependents")
    func equivalence() {
        var sources = Sources()
        let build = IncrementalBuild(source: sources.source)
        #expect(build.succeeded)
        expectSameAsFullBuild(build, sources)

        // A body edit re-renders the page and the pages that show or link to it, not the whole site.
        var update = build.apply([sources.edit("content/2021/fr/countries/senegal.md") { $0.replacingOccurrences(of: "sans fold", with: "avec un texte neuf") }])
        #expect(update.renderedPages < 10 && !update.full)
        #expect(update.changedPaths.contains("fr/2021/pays/senegal/index.html"))
        expectSameAsFullBuild(build, sources)

        // A title edit reaches the region list and the edition home.
        update = build.apply([sources.edit("content/2021/en/countries/senegal.md") { $0.replacingOccurrences(of: "title: Senegal", with: "title: Republic of Senegal") }])
        #expect(update.changedPaths.contains("en/2021/regions/west-africa/index.html"))
        expectSameAsFullBuild(build, sources)

        // A heading removed from a page breaks an anchor link elsewhere: the error appears, then goes.
        update = build.apply([sources.edit("content/2021/en/countries/senegal.md") { $0.replacingOccurrences(of: "## Health", with: "## Care") }])
        #expect(build.diagnostics.map(\.description).contains { $0.contains("no heading with the id 'health'") })
        expectSameAsFullBuild(build, sources)
        build.apply([sources.edit("content/2021/en/countries/senegal.md") { $0.replacingOccurrences(of: "## Care", with: "## Health") }])
        #expect(build.succeeded)
        expectSameAsFullBuild(build, sources)

        // A new country and its translation, then a new edition, then removals.
        build.apply([sources.add("content/2021/fr/countries/mali.md", "---\ntitle: Mali\ncountry: ML\nregion: afrique-de-l-ouest\ntranslation_key: mali\n---\nLe Mali.\n"),
                     sources.add("content/2021/en/countries/mali.md", "---\ntitle: Mali\ncountry: ML\nregion: west-africa\ntranslation_key: mali\n---\nMali.\n")])
        expectSameAsFullBuild(build, sources)
        update = build.apply([sources.add("content/2022/fr/index.md", "---\ntitle: Rapport 2022\n---\nTexte.\n"),
                              sources.add("content/2022/en/index.md", "---\ntitle: Report 2022\n---\nText.\n")])
        #expect(update.full, "a new edition changes every page's navigation")
        expectSameAsFullBuild(build, sources)
        build.apply([sources.remove("content/2021/fr/countries/mali.md"), sources.remove("content/2021/en/countries/mali.md")])
        expectSameAsFullBuild(build, sources)

        // Chapters: reordering moves the table of contents and the neighbours' previous/next links; a chapter's
        // title reaches the breadcrumbs below it; adding and removing a page re-links its neighbours; a folder's
        // slug moves every page under it.
        update = build.apply([sources.edit("content/2021/fr/preface.md") { $0.replacingOccurrences(of: "order: 1", with: "order: 9") }])
        #expect(!update.full)
        #expect(update.changedPaths.isSuperset(of: ["fr/2021/index.html", "fr/2021/preface/index.html", "fr/2021/pays/index.html"]))
        expectSameAsFullBuild(build, sources)
        update = build.apply([sources.edit("content/2021/fr/partenaires/index.md") { $0.replacingOccurrences(of: "title: Coopération multilatérale", with: "title: Multilatéral") }])
        #expect(update.changedPaths.contains("fr/2021/partenaires/nations-unies/fnuap/index.html"), "the breadcrumbs below")
        expectSameAsFullBuild(build, sources)
        update = build.apply([sources.add("content/2021/fr/partenaires/multilateral/aaa.md", "---\ntitle: PAM\norder: 1\ntranslation_key: pam\n---\nLe PAM.\n"),
                              sources.add("content/2021/en/partenaires/multilateral/aaa.md", "---\ntitle: WFP\norder: 1\ntranslation_key: pam\n---\nWFP.\n")])
        #expect(update.changedPaths.contains("fr/2021/partenaires/nations-unies/fnuap/index.html"), "its new neighbour")
        expectSameAsFullBuild(build, sources)
        build.apply([sources.remove("content/2021/fr/partenaires/multilateral/aaa.md"), sources.remove("content/2021/en/partenaires/multilateral/aaa.md")])
        expectSameAsFullBuild(build, sources)
        update = build.apply([sources.edit("content/2021/fr/countries/index.md") { $0.replacingOccurrences(of: "slug: pays", with: "slug: pays-partenaires") }])
        #expect(update.changedPaths.contains("fr/2021/pays-partenaires/niger/index.html"))
        expectSameAsFullBuild(build, sources)

        // Data sets: a CSV edit re-renders the pages placing the data set (its table and its chart) and the
        // published file; a schema removed is an error, then restored.
        update = build.apply([sources.edit("content/2021/data/sectors.csv") { $0.replacingOccurrences(of: "40.5", with: "42.5") }])
        #expect(!update.full)
        #expect(update.changedPaths.isSuperset(of: ["fr/2021/partenaires/nations-unies/index.html", "fr/2021/partenaires/nations-unies/fnuap/index.html",
                                                     "en/2021/partners/united-nations/unfpa/index.html", "data/2021/sectors.csv"]))
        expectSameAsFullBuild(build, sources)
        let schema = sources.files["content/2021/data/sectors.yaml"]!
        build.apply([sources.remove("content/2021/data/sectors.yaml")])
        #expect(!build.succeeded)
        expectSameAsFullBuild(build, sources)
        build.apply([sources.add(schema.path, String(decoding: schema.bytes, as: UTF8.self))])
        #expect(build.succeeded)
        expectSameAsFullBuild(build, sources)

        // Drafts: the preview shows them, marked; toggling draft: is what a full build (with drafts) gives.
        update = build.apply([sources.edit("content/2021/fr/preface.md") { $0.replacingOccurrences(of: "order: 9", with: "order: 9\ndraft: true") }])
        #expect(build.files["fr/2021/preface/index.html"].map { String(decoding: $0.contents.bytes, as: UTF8.self).contains("class=\"draft-banner\"") } == true)
        expectSameAsFullBuild(build, sources)
        build.apply([sources.edit("content/2021/fr/preface.md") { $0.replacingOccurrences(of: "\ndraft: true", with: "") }])
        #expect(build.files["fr/2021/preface/index.html"].map { String(decoding: $0.contents.bytes, as: UTF8.self).contains("draft-banner") } == false)
        expectSameAsFullBuild(build, sources)

        // A broken page, then its fix.
        build.apply([sources.edit("content/2021/fr/countries/niger.md") { $0.replacingOccurrences(of: "country: NE", with: "country: XX") }])
        #expect(!build.succeeded)
        expectSameAsFullBuild(build, sources)
        build.apply([sources.edit("content/2021/fr/countries/niger.md") { $0.replacingOccurrences(of: "country: XX", with: "country: NE") }])
        #expect(build.succeeded)
        expectSameAsFullBuild(build, sources)

        // Templates, strings and assets.
        update = build.apply([sources.edit("templates/page.mustache") { $0.replacingOccurrences(of: "<article class=\"page\">", with: "<article class=\"page standalone\">") }])
        #expect(update.full)
        expectSameAsFullBuild(build, sources)
        build.apply([sources.edit("content/i18n/fr.yaml") { $0.replacingOccurrences(of: "read_more: Lire plus", with: "read_more: Lire la suite") }])
        expectSameAsFullBuild(build, sources)
        update = build.apply([sources.edit("content/assets/fiche.txt") { $0 + "more\n" }])
        #expect(update.changedPaths == ["assets/fiche.txt"])
        expectSameAsFullBuild(build, sources)
    }
}
