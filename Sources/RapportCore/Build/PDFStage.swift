import Foundation

/// Stage "pdf": for every published edition and language, the whole edition typeset as one PDF at
/// `/<lang>/<year>/<pdf_file>` (`build --pdf`, or `pdf: true` in site.yaml).
///
/// It runs before stage "render": every page of an edition links to its PDF with the PDF's size, so the size is
/// known before the first page is rendered. The print document is rendered from the site graph alone (the
/// renderer's `renderPDFDocument`, pure); this stage runs the engine on it, documents of different editions and
/// languages in parallel (one per core), and hands the PDFs to the staged output with the rest: a PDF that fails
/// is an error of the build, and the previous output stays.
enum PDFStage {
    /// Who asked for the PDFs: where the error that the engine is missing is reported.
    enum Request: Sendable, Equatable {
        case flag
        case config(SourceLocation?)

        var askedBy: String {
            switch self {
            case .flag: "build --pdf"
            case .config: "pdf: true in site.yaml"
            }
        }

        var location: SourceLocation {
            switch self {
            case .flag: SourceLocation(path: ".")
            case .config(let location): location ?? SourceLocation(path: "content/site.yaml")
            }
        }
    }

    /// The PDFs (path and size, for the pages' links) and, without a sink, their files.
    /// - Parameters:
    ///   - assets: the published assets (the print stylesheet, the logo and images are read from them).
    ///   - timeout: how long one document may take.
    static func run(_ renderer: SiteRenderer, request: Request, engine: PDFEngine?, assets: [RenderedFile], timeout: Duration,
                    to sink: StagedOutput?, log: inout BuildLog) -> (pdfs: [EditionScope: PublishedPDF], files: [RenderedFile]) {
        guard let engine else {
            log.add([Diagnostic(.error, .pdfEngineMissing(askedBy: request.askedBy), at: request.location, stage: .output)])
            return ([:], [])
        }
        let site = renderer.site
        for name in TemplateName.allCases where name.isForPDF && !renderer.theme.hasTemplate(name) {
            log.add([Diagnostic(.error, .missingTemplate(name.rawValue), at: SourceLocation(path: "templates/" + name.fileName), stage: .templates)])
        }
        var problems: [Diagnostic] = []
        for language in site.config.languageCodes {
            for key in InterfaceKey.allCases where key.isForPDF && renderer.strings[language] != nil && renderer.strings[language]?[key] == nil {
                problems.append(Diagnostic(.error, .missingI18nKey(key: key.rawValue, language: language, template: key.user),
                                           at: SourceLocation(path: "content/i18n/\(language).yaml"), stage: .i18n))
            }
            // The `{{t.KEY}}` of the PDF's templates that no web page's template uses (those are checked by every build).
            for (key, location) in renderer.theme.pdfStringUses.sorted(by: { $0.key < $1.key })
            where renderer.strings[language] != nil && renderer.strings[language]?.strings[key] == nil {
                problems.append(Diagnostic(.error, .missingI18nKey(key: key, language: language, template: location.path), at: location, stage: .i18n))
            }
        }
        var found: [(scope: EditionScope, path: String)] = []
        for edition in site.editions {
            for language in site.config.languageCodes where site.editionHomes[edition]?[language] != nil {
                switch renderer.pdfPath(edition: edition, language: language) {
                case .success(let path): found.append((EditionScope(edition: edition, language: language), path))
                case .failure(let problem): if !problems.contains(problem) { problems.append(problem) }
                }
            }
        }
        log.add(problems)
        let jobs = found
        guard !log.isFailing, !jobs.isEmpty else { return ([:], []) }

        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("rapport-pdf-" + UUID().uuidString, isDirectory: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let assetURLs: [String: String]
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            assetURLs = try fileURLs(of: assets, scratch: scratch)
        } catch {
            log.add([Diagnostic(.error, .outputFailed("a temporary folder for the PDF cannot be written: \(error.localizedDescription)"),
                                at: SourceLocation(path: "."), stage: .output)])
            return ([:], [])
        }

        let slots = ResultSlots<Result<[UInt8], Diagnostic>>(count: jobs.count)
        let documentWarnings = ResultSlots<[Diagnostic]>(count: jobs.count)
        DispatchQueue.concurrentPerform(iterations: jobs.count) { index in
            let (scope, path) = jobs[index]
            guard let document = renderer.renderPDFDocument(edition: scope.edition, language: scope.language, path: path,
                                                            assetURL: { assetURLs[$0] }) else { return }
            documentWarnings[index] = document.warnings
            let printPage = site.config.absoluteURL(Route.print(language: scope.language, edition: scope.edition).path)
            let typeset = engine.typeset(document.html, in: scratch, name: "\(scope.language)-\(index)", baseURL: printPage,
                                         identifier: "rapport-\(scope.edition)-\(scope.language)", timeout: timeout)
            slots[index] = typeset.mapError { failure in
                let reason: Reason = switch failure {
                case .failed(let detail): .pdfEngineFailed(document: path, detail: detail)
                case .timedOut(let seconds): .pdfEngineTimedOut(document: path, seconds: seconds)
                }
                return Diagnostic(.error, reason, at: SourceLocation(path: document.homeFile), stage: .output)
            }
        }
        // (A page's warning once, though its edition's documents are two or more.)
        var warned: Set<String> = []
        log.add(documentWarnings.optionalValues.flatMap { $0 ?? [] }.filter { warned.insert($0.description).inserted })
        var pdfs: [EditionScope: PublishedPDF] = [:], files: [RenderedFile] = []
        for (index, result) in slots.optionalValues.enumerated() {
            switch result {
            case .some(.success(let bytes)):
                pdfs[jobs[index].scope] = PublishedPDF(path: jobs[index].path, byteCount: bytes.count)
                files.append(RenderedFile(path: jobs[index].path, bytes: bytes))
            case .some(.failure(let problem)): log.add([problem])
            case .none: break
            }
        }
        guard !log.isFailing else { return ([:], []) }
        guard let sink else { return (pdfs, files) }
        OutputStage.write(files, to: sink, log: &log)
        return (pdfs, [])
    }

    /// A `file:` URL per published asset: its source file where it has one, else a copy in `scratch`.
    private static func fileURLs(of assets: [RenderedFile], scratch: URL) throws -> [String: String] {
        var urls: [String: String] = [:]
        for asset in assets {
            switch asset.contents {
            case .file(let absolutePath): urls[asset.path] = URL(fileURLWithPath: absolutePath).absoluteString
            case .bytes(let bytes):
                let copy = scratch.appendingPathComponent("assets-copy", isDirectory: true).appendingPathComponent(asset.path)
                try FileManager.default.createDirectory(at: copy.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(bytes).write(to: copy)
                urls[asset.path] = copy.absoluteString
            }
        }
        return urls
    }
}
