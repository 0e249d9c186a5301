import Foundation
import RapportTemplates

// MARK: - The edition's PDF: the print document the typesetter reads, and the link every page makes to the PDF

/// An edition's PDF once typeset: where it is published and how large it is (every page of the edition links to it).
public struct PublishedPDF: Sendable, Equatable {
    /// `fr/2022/rapport-annuel-2022.pdf`.
    public var path: String
    public var byteCount: Int
}

/// The print document of one edition and language, ready for the typesetter.
public struct PDFDocumentSource: Sendable {
    public var scope: EditionScope
    /// Where the PDF is published (`fr/2022/rapport-annuel-2022.pdf`).
    public var path: String
    public var html: [UInt8]
    /// The edition home's file: where a failure of this document is reported.
    public var homeFile: String
    /// Warnings about the document only (notes too long for the foot of a page): a page's other diagnostics are
    /// reported by its own rendering.
    public var warnings: [Diagnostic] = []
}

extension SiteRenderer {
    /// The print stylesheet of the theme, read by the typesetter with `rapport.css`.
    public static let pdfStylesheet = "assets/rapport-pdf.css"
    /// A logo of the theme's or the site's assets, shown on the cover, the first one found (when site.yaml's
    /// `theme: logo:` names none).
    static let logoAssets = ["assets/logo.svg", "assets/logo.png", "assets/logo.jpg"]

    /// The PDF's published path for `edition` in `language`, from the interface string `pdf_file`; an error at
    /// that string when it is missing or not a plain file name.
    func pdfPath(edition: String, language: String) -> Result<String, Diagnostic> {
        let table = strings[language]
        let location = table?.locations[InterfaceKey.pdfFile.rawValue] ?? SourceLocation(path: "content/i18n/\(language).yaml")
        guard let pattern = table?[.pdfFile] else {
            return .failure(Diagnostic(.error, .missingI18nKey(key: InterfaceKey.pdfFile.rawValue, language: language, template: InterfaceKey.pdfFile.user),
                                       at: location, stage: .i18n))
        }
        let name = pattern.replacingOccurrences(of: "{year}", with: edition)
        guard Self.isPDFFileName(name) else {
            return .failure(Diagnostic(.error, .invalidPDFFileName(pattern), at: location, stage: .i18n))
        }
        return .success("\(language)/\(edition)/\(name)")
    }

    /// Small ASCII letters, digits, `-` and `_`, ending in `.pdf`, at most 120 characters: a name no page's folder
    /// can have (slugs hold no dot), safe in every file system and URL.
    static func isPDFFileName(_ name: String) -> Bool {
        guard name.hasSuffix(".pdf"), name.utf8.count > 4, name.utf8.count <= 120 else { return false }
        return name.dropLast(4).utf8.allSatisfy { ("a"..."z").contains(Character(UnicodeScalar($0))) || ("0"..."9").contains(Character(UnicodeScalar($0))) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: "_") }
            && !name.hasPrefix("-")
    }

    /// The size beside a link to a PDF, in `language`: `PDF, 2,3 Mo` / `PDF, 2.3 MB`; below a megabyte, whole
    /// kilobytes (`PDF, 840 ko`). Megabytes of 1,000,000 bytes, as file managers show them.
    public func pdfSizeLabel(byteCount: Int, language: String) -> String {
        let format = formatting(language)
        let bytes = max(byteCount, 0)
        if bytes >= 999_950 {
            let megabytes = (Double(bytes) / 1_000_000 * 10).rounded() / 10
            return (string(.pdfSizeMB, in: language) ?? "PDF, {size} MB").replacingOccurrences(of: "{size}", with: format.decimal(megabytes, fractionDigits: 1))
        }
        let kilobytes = max(1, Int((Double(bytes) / 1000).rounded(.up)))
        return (string(.pdfSizeKB, in: language) ?? "PDF, {size} kB").replacingOccurrences(of: "{size}", with: format.integer(kilobytes))
    }

    /// The link of a page of `edition` in `language` to its PDF, when PDFs are made.
    func pdfLink(edition: String?, language: String, linker: Linker) -> LinkView? {
        guard let edition, let pdf = pdfs[EditionScope(edition: edition, language: language)] else { return nil }
        let label = "\(string(.pdfLink, in: language) ?? "PDF") (\(pdfSizeLabel(byteCount: pdf.byteCount, language: language)))"
        return LinkView(label: label, href: linker.href(pdf.path))
    }

    // MARK: - The print document

    /// The whole edition as one HTML document for the typesetter: cover, table of contents, the home's text, then
    /// every page in the print page's reading order (`ReadingOrder.sequence`). Links to a page of the edition lead
    /// to its section; others to its public URL.
    /// - Parameter assetURL: the `file:` URL the typesetter reads a published asset (`assets/…`) from.
    public func renderPDFDocument(edition: String, language: String, path: String, assetURL: (String) -> String?) -> PDFDocumentSource? {
        guard let home = site.editionHomes[edition]?[language] else { return nil }
        let order = site.reading.sequence[edition]?[language] ?? [home]
        var places: [String: String] = [:]
        for id in order { places[site.urls[id]] = sectionID(of: id) }
        let linker = Linker(mode: .document(baseURL: site.config.baseURL, places: places))
        let pages = order.filter { $0 != home }
        let contents = pages.map { id in
            let level = max(site.reading.trail[id]?.count ?? 1, 1)
            return PDFContentsEntryView(title: title(of: id), href: "#" + sectionID(of: id), level: level, isChapter: level == 1)
        }
        let siteTitle = siteTitle(language), editionTitle = title(of: home)
        // site.yaml's `theme: logo:` with its text, else a logo found among the assets.
        let theme = site.config.theme
        let logo = theme.logo.flatMap { logo in assetURL(logo.value).map { PDFLogoView(src: $0, alt: text(theme.logoAlt[language] ?? siteTitle, language)) } }
            ?? Self.logoAssets.first(where: assetPaths.contains).flatMap { path in assetURL(path).map { PDFLogoView(src: $0, alt: siteTitle) } }
        var warnings: [Diagnostic] = []
        let introduction = renderPDFBody(home, linker: linker, assetURL: assetURL, warnings: &warnings).body
        var sections: [[UInt8]] = []
        for id in pages { sections.append(renderPDFSection(id, linker: linker, assetURL: assetURL, warnings: &warnings)) }
        var view = PDFDocumentView(
            documentTitle: editionTitle == siteTitle ? editionTitle : "\(editionTitle) – \(siteTitle)",
            siteTitle: siteTitle, editionTitle: editionTitle, edition: edition,
            siteStylesheet: assetURL("assets/rapport.css") ?? "", stylesheet: assetURL(Self.pdfStylesheet) ?? "", logo: logo,
            contents: contents, introduction: introduction,
            chart: makeChart(site.countriesOfEdition[edition]?[language] ?? [], language: language, edition: edition, linker: linker),
            sections: sections)
        view.glossary = makeGlossaryView(language: language, idPrefix: "g-")
        let chrome = makeGeneratedChrome(url: Route.print(language: language, edition: edition).path, language: language, edition: edition,
                                         title: editionTitle, linker: linker, translations: [:])
        return PDFDocumentSource(scope: EditionScope(edition: edition, language: language), path: path,
                                 html: render(PageContext(chrome: chrome, t: t(language), page: view), .pdf),
                                 homeFile: site.pages[home].file, warnings: warnings)
    }

    /// A page's id in the document (`c-niger`, `s-partenaires`, `e` for the home): its print page's id.
    func sectionID(of id: Site.PageID) -> String { String(printPrefix(of: id).dropLast()) }

    /// A page's section of the document.
    func renderPDFSection(_ id: Site.PageID, linker: Linker, assetURL: (String) -> String?, warnings: inout [Diagnostic]) -> [UInt8] {
        let page = site.pages[id]
        let (body, chrome) = renderPDFBody(id, linker: linker, assetURL: assetURL, warnings: &warnings)
        var country: CountryView?
        if case .country(let edition) = page.kind {
            country = makeCountryView(id, edition: edition, body: BodyView(intro: body, rest: nil, notes: nil), linker: linker,
                                      idPrefix: printPrefix(of: id), keyData: makeKeyData(id))
        }
        let level = max(site.reading.trail[id]?.count ?? 1, 1)
        let section = PDFSectionView(id: sectionID(of: id), title: title(of: id), level: level, isChapter: level == 1, isRegion: page.kind.isRegion,
                                     body: body, country: country)
        return render(PageContext(chrome: chrome, t: t(page.language), page: section), .pdfSection)
    }

    /// A page's body, whole, as the document shows it: ids prefixed as on the print page, links through `linker`.
    /// Its diagnostics are those of the page's own rendering, reported there: not again here; only a note too long
    /// for the foot of a page is added to `warnings`.
    private func renderPDFBody(_ id: Site.PageID, linker: Linker, assetURL: (String) -> String?,
                               warnings: inout [Diagnostic]) -> (body: [UInt8], chrome: ChromeView) {
        let page = site.pages[id]
        var log = DiagnosticLog(stage: .markdown)
        var notes = LinkNotes(), placed: [String: Int] = [:]
        let chrome = makeChrome(for: id, linker: linker)
        // Each note in place of its call, for the typesetter's `float: footnote`: at the foot of its page.
        var options = markdownOptions(page.language)
        options.footnotes = .inline
        let markdown = Markdown.render(page.body, options: options, reservedIDs: theme.elementIDs,
                                       printIDPrefix: printPrefix(of: id)) { link in
            switch resolve(link, on: page, id: id, log: &log, notes: &notes) {
            case nil: return nil
            case .blocked: return MarkdownLinkRewrite(href: "", printHref: "")
            case .site(let path, let fragment):
                if link.kind == .image, let file = assetURL(path) { return MarkdownLinkRewrite(href: file, printHref: file) }
                let href: String
                if case .document(_, let places) = linker.mode, let place = places[path] {
                    href = "#" + (fragment.map { place + "-" + $0 } ?? place)
                } else {
                    href = linker.href(path) + (fragment.map { "#" + $0 } ?? "")
                }
                return MarkdownLinkRewrite(href: href, printHref: href)
            }
        } placeData: { marker in
            placeData(marker, on: id, chrome: chrome, linker: linker, printLinker: linker, log: &log, placed: &placed)
        }
        for note in markdown.footnotes {
            let words = Self.wordCount(ofHTML: note.html)
            guard words > Self.footnoteWordLimit, let call = note.references.first else { continue }
            warnings.append(Diagnostic(.warning, .footnoteTooLongForPDF(number: note.number, words: words, limit: Self.footnoteWordLimit),
                                       at: SourceLocation(path: page.file, line: page.bodyFirstLine + call.position.line - 1,
                                                          column: call.position.column),
                                       stage: .output))
        }
        return (markdown.print ?? [], chrome)
    }

    /// The most words of a note the PDF's stylesheet sets at the foot of one A4 page with room to spare (its
    /// notes' type is small: about 700 words fill a page); WeasyPrint 70 cuts a note that does not fit.
    static let footnoteWordLimit = 400

    /// The words of an HTML fragment: its text outside tags, split at white space.
    static func wordCount(ofHTML html: String) -> Int {
        var count = 0, inTag = false, inWord = false
        for scalar in html.unicodeScalars {
            if scalar == "<" { inTag = true; inWord = false; continue }
            if inTag { if scalar == ">" { inTag = false }; continue }
            if scalar.properties.isWhitespace { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }
}
