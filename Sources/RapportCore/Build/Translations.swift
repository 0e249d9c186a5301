/// `rapport translations`: the status of every page pair, and `--accept`, which records in a translation the
/// digest of its source as it is now.
public enum Translations {
    /// The site's `site.yaml`, alone (commands that need only the languages).
    public static func config(_ source: SiteSource) -> SiteConfig? {
        LoadStage.loadConfig(source, baseURL: nil).0
    }

    /// The site graph with every page, drafts included (a draft's translation has a status too).
    public static func site(_ source: SiteSource) -> (site: Site?, diagnostics: [Diagnostic]) {
        var pipeline = Pipeline(source: source, options: BuildOptions(includeDrafts: true), output: nil, memo: nil)
        let (graph, diagnostics) = pipeline.makeGraph()
        return (graph?.site, diagnostics)
    }

    /// For each file (a translation, relative to the root): its bytes with the one `source_digest:` line set to
    /// the digest of its default-language counterpart; every other byte unchanged.
    public static func accept(_ files: [String], in site: Site, read: (String) -> [UInt8]?) -> (edits: [SourceFile], diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(stage: .site)
        var edits: [SourceFile] = []
        for file in files {
            let location = SourceLocation(path: file)
            guard let id = site.pageByFile[file] else { log.error(.notATranslation(file, why: "it is not a page of this site"), at: location); continue }
            let page = site.pages[id]
            guard page.language != site.config.defaultLanguage else {
                log.error(.notATranslation(file, why: "it is in the default language '\(page.language)': translations record their source"), at: location)
                continue
            }
            guard let source = site.translations[id][site.config.defaultLanguage] else {
                log.error(.notATranslation(file, why: "it has no '\(site.config.defaultLanguage)' counterpart"), at: location)
                continue
            }
            guard let bytes = read(file), let edited = FrontMatterEdit.setting("source_digest", to: site.pages[source].digest, in: bytes) else {
                log.error(.unreadableFile(file), at: location)
                continue
            }
            edits.append(SourceFile(path: file, bytes: edited))
        }
        return (edits, log.items)
    }
}
