import Foundation

/// The one pipeline every command runs — `build`, `check`, `translations`, the drafts check and the preview:
///
///     load (LoadedSite) → data sets (DataSets) → site graph (SiteGraph) → [pdf (PublishedPDFs)]
///       → render (SpooledResults) → generated pages ([RenderedFile]) → output (assets, staged writes)
///
/// Each stage is a function of the value before it, in a file of its own (`LoadStage`, `DataSets.load`,
/// `GraphStage`, `PDFStage`, `RenderStage`, `DraftCheck`, `GeneratedStage`, `OutputStage`); every stage's diagnostics go
/// to one `BuildLog`. The theme compiles on a thread of its own while the data sets and the graph are made.
/// With a `BuildMemo` (the preview), the same stages run, each taking from the memo what provably has not changed.
struct Pipeline {
    let source: SiteSource
    let options: BuildOptions
    let output: StagedOutput?
    let memo: BuildMemo?
    private var log: BuildLog
    private var clock = StageClock()
    private var languages: [String] = []

    init(source: SiteSource, options: BuildOptions, output: StagedOutput?, memo: BuildMemo?) {
        self.source = source
        self.options = options
        self.output = output
        self.memo = memo
        log = BuildLog(strict: options.strict)
        log.add(source.readDiagnostics)
    }

    /// Stage "load" alone (the commands that read the files, not the graph).
    mutating func load() -> (LoadedSite?, [Diagnostic]) {
        let loaded = LoadStage.run(source, options: options, memo: memo, log: &log)
        return (loaded, log.final)
    }

    /// Stages "load" and "site graph" alone (the commands that need the graph, not the pages).
    mutating func makeGraph() -> (SiteGraph?, [Diagnostic]) {
        guard let loaded = LoadStage.run(source, options: options, memo: memo, log: &log) else { return (nil, log.final) }
        let graph = GraphStage.run(loaded, includeDrafts: options.includeDrafts, log: &log)
        return (graph, log.final)
    }

    /// Every stage. In memory (the files are in the outcome), or streamed to `output` as pages are rendered.
    mutating func run() -> BuildOutcome {
        guard let loaded = LoadStage.run(source, options: options, memo: memo, log: &log) else { return finish([], pages: 0) }
        languages = loaded.config.languageCodes
        clock.lap("front matter")

        // The built-in theme, with the site's templates/ in place of its files of the same names.
        let themeFiles = ThemeFiles.merged(siteTemplates: source.templates, siteAssets: source.assets)
        let templates = themeFiles.templates, memo = memo
        let themeLoad = BackgroundValue { memo?.theme(of: templates) { Theme.load(templates: templates) } ?? Theme.load(templates: templates) }
        let languages = loaded.config.languageCodes
        // The preview's digest of the site-wide inputs reads the files alone: made beside the graph.
        let siteInputsValue = memo.map { memo in BackgroundValue { [source, options] in memo.renderInputs(source, options: options) } }
        // Waited for on every way out (a theme that does not compile returns early): it reads the memo, which the
        // next run writes.
        defer { _ = siteInputsValue?.value }
        let (dataSets, dataDiagnostics) = memo?.dataSets(of: loaded.dataFiles, languages: languages)
            ?? DataSets.load(loaded.dataFiles, languages: languages)
        log.add(dataDiagnostics)
        clock.lap("data sets")
        let graph = GraphStage.run(loaded, includeDrafts: options.includeDrafts, log: &log)
        let site = graph.site
        clock.lap("site graph")

        let (theme, themeDiagnostics) = themeLoad.value
        log.add(themeDiagnostics)
        if let theme {
            log.add(theme.checkStrings(loaded.strings, languages: languages))
            log.add(theme.checkGlossary(loaded.glossary))
        }
        clock.lap("theme")
        guard let theme else { return finish([], pages: 0) }

        let assets = OutputStage.assets(themeFiles.assets, log: &log)
        log.add(loaded.config.theme.checkAssets(Set(assets.map(\.path))))
        var renderer = SiteRenderer(site: site, theme: theme, strings: loaded.strings,
                                    assetPaths: Set(assets.map(\.path)), dataSets: dataSets)
        // The PDFs first: every page of an edition links to its PDF with its size. (The preview, which has a memo,
        // makes none: it would typeset the whole edition on every save.)
        var pdfFiles: [RenderedFile] = []
        let configAsks = loaded.config.pdf && memo == nil
        if let request = options.pdf ? PDFStage.Request.flag : configAsks ? .config(loaded.config.pdfLocation) : nil {
            let sink = log.isFailing ? nil : output
            let pdfs: [EditionScope: PublishedPDF]
            (pdfs, pdfFiles) = PDFStage.run(renderer, request: request, engine: options.pdfEngine, assets: assets,
                                            timeout: options.pdfTimeout, to: sink, log: &log)
            renderer = renderer.with(pdfs: pdfs)
            clock.lap("pdf")
        }
        // Nothing is written once an error is known; pages are still rendered, for their own diagnostics.
        let sink = log.isFailing ? nil : output
        let siteInputs = siteInputsValue?.value ?? nil
        let reused = memo?.reusableRenderings(site, siteInputs: siteInputs) ?? []
        if memo != nil { clock.lap("memo") }
        let rendered = RenderStage.run(renderer, to: sink, spool: sink == nil ? nil : Spool(), reused: reused,
                                       progress: options.progress, log: &log)
        // The pages rendered again (nil: all of them), for the generated pages that gather every page's rendering.
        let renderedAgain: Set<Site.PageID>? = reused.isEmpty ? nil : Set(reused.indices.filter { reused[$0] == nil })
        memo?.rememberRenderings(site, results: rendered.results, siteInputs: siteInputs)
        clock.lap("pages")
        if !graph.drafts.isEmpty {
            DraftCheck.run(graph.drafts, among: loaded, renderer: renderer, published: rendered.results, log: &log)
            clock.lap("drafts")
        }
        var files = sink == nil ? rendered.results.map(\.file) + pdfFiles : []
        files += GeneratedStage.run(renderer, to: sink, pages: rendered.outputs, memo: memo, siteInputs: siteInputs,
                                    renderedAgain: renderedAgain, log: &log)
        if rendered.spool?.hasFailedRead == true {
            log.add(Diagnostic(.error, .outputFailed("a temporary file of the build could not be read back"),
                               at: SourceLocation(path: "."), stage: .output))
        }
        clock.lap("generated pages")
        if let sink {
            OutputStage.write(assets, to: sink, log: &log)
            clock.lap("write assets")
        } else {
            files += assets
        }
        if options.keepsWorkingSet { _ = Unmanaged.passRetained(WorkingSet(values: (loaded, graph, renderer, rendered))) }
        return finish(files, pages: site.pages.count)
    }

    private func finish(_ files: [RenderedFile], pages: Int) -> BuildOutcome {
        let diagnostics = log.final
        let keeps = output == nil && (!diagnostics.hasErrors || options.keepsFailedFiles)
        return BuildOutcome(files: keeps ? files.sorted { $0.path < $1.path } : [], diagnostics: diagnostics,
                            pageCount: pages, languages: languages, timings: clock.timings)
    }
}

/// What a build worked with, kept past its end (`BuildOptions.keepsWorkingSet`).
private final class WorkingSet {
    let values: Any
    init(values: Any) { self.values = values }
}
