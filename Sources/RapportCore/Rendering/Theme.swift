import RapportTemplates

/// Stage "templates": the theme's Mustache templates, parsed and compiled once for the views they render, and
/// the interface strings they use. Every name a template uses is checked here, against its view.
public struct Theme: Sendable {
    /// The templates every site needs, by name (file name without `.mustache`).
    public static let requiredTemplates = ["base", "country", "region", "edition", "page", "home", "root", "404",
                                           "goal", "comparison", "print", "print-section", "chapter", "data-table", "data-chart"]

    /// The templates that pages are rendered with, and the schema of each one's context.
    static let entries: [(name: String, schema: TemplateSchema)] = [
        ("country", PageContext<CountryView>.schema(for: "country")),
        ("region", PageContext<RegionView>.schema(for: "region")),
        ("edition", PageContext<EditionView>.schema(for: "edition")),
        ("page", PageContext<StandaloneView>.schema(for: "page")),
        ("chapter", PageContext<ChapterView>.schema(for: "chapter")),
        ("data-table", PageContext<DataTableView>.schema(for: "data-table")),
        ("data-chart", PageContext<DataChartView>.schema(for: "data-chart")),
        ("home", PageContext<LanguageHomeView>.schema(for: "home")),
        ("root", PageContext<RootView>.schema(for: "root")),
        ("404", PageContext<NotFoundView>.schema(for: "404")),
        ("goal", PageContext<GoalPageView>.schema(for: "goal")),
        ("comparison", PageContext<ComparisonView>.schema(for: "comparison")),
        ("print", PageContext<PrintView>.schema(for: "print")),
        ("print-section", PageContext<PrintSectionView>.schema(for: "print-section")),
        ("pdf", PageContext<PDFDocumentView>.schema(for: "pdf")),
        ("pdf-section", PageContext<PDFSectionView>.schema(for: "pdf-section")),
    ]

    /// The compiled templates, by name.
    let compiled: [String: CompiledTemplate]
    /// Every `t.KEY` the templates use, with where it is first used.
    public let stringUses: [String: SourceLocation]
    /// The element ids the templates write (`id="key-data"`, `id="{{idPrefix}}budget"` → `budget`): headings of
    /// bodies get other ids, so that no page has one id twice.
    public let elementIDs: Set<String>

    /// Parses `templates/*.mustache` (partials and parents are found by file name), then compiles each page
    /// template against its view: a name no view has, a missing partial or parent, is an error at its tag.
    public static func load(templates: [SourceFile]) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(stage: .templates)
        var sources: [(name: String, path: String, text: String)] = []
        var uses: [String: SourceLocation] = [:]
        var ids: Set<String> = []
        for file in templates {
            let name = String(file.path.split(separator: "/").last!.dropLast(".mustache".count))
            let text: String
            switch SourceText.decode(file.bytes, path: file.path) {
            case .success(let source): text = source.text
            case .failure(let diagnostic): log.append(contentsOf: [diagnostic]); continue
            }
            sources.append((name, file.path, text))
            ids.formUnion(elementIDs(in: text))
            for (key, location) in stringKeys(in: text, path: file.path) where uses[key] == nil {
                uses[key] = location
            }
        }
        let library = TemplateLibrary(templates: sources)
        for problem in library.problems {
            log.error(.templateSyntax(problem.message), at: SourceLocation(path: problem.path, line: problem.line, column: problem.column))
        }
        let broken = Set(library.problems.map { String($0.path.split(separator: "/").last!.dropLast(".mustache".count)) })
        for name in requiredTemplates where !library.names.contains(name) && !broken.contains(name) {
            log.error(.missingTemplate(name), at: SourceLocation(path: "templates/\(name).mustache"))
        }
        var compiled: [String: CompiledTemplate] = [:]
        var reported: Set<TemplateProblem> = []
        for entry in entries where library.names.contains(entry.name) {
            let (template, problems) = library.compile(entry.name, for: entry.schema)
            compiled[entry.name] = template
            for problem in problems where reported.insert(problem).inserted {
                log.error(.templateName(problem.message), at: SourceLocation(path: problem.path, line: problem.line, column: problem.column))
            }
        }
        guard !log.items.hasErrors else { return (nil, log.items) }
        return (Theme(compiled: compiled, stringUses: uses, elementIDs: ids), log.items)
    }

    /// The ids of a template's `id="…"` attributes whose value ends in plain text: the text after the last tag
    /// (`{{idPrefix}}key-data` is `key-data` on the page, where the prefix is empty). A value that is only tags, or
    /// whose text part starts with a hyphen (`{{page.id}}-title`), names ids the theme makes from data.
    static func elementIDs(in text: String) -> Set<String> {
        var ids: Set<String> = []
        var rest = text[...]
        while let found = rest.range(of: " id=\"") {
            rest = rest[found.upperBound...]
            guard let end = rest.firstIndex(of: "\"") else { break }
            let value = rest[..<end]
            rest = rest[end...]
            let literal = value.range(of: "}}", options: .backwards).map { value[$0.upperBound...] } ?? value
            guard !literal.isEmpty, !literal.hasPrefix("-"), !literal.contains("{{"),
                  literal.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { continue }
            ids.insert(String(literal))
        }
        return ids
    }

    /// The `t.KEY` names of a template's tags (`{{t.key}}`, `{{#t.key}}` …), in order, with their places.
    static func stringKeys(in text: String, path: String) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        var line = 1, column = 1
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "{", scalars.dropFirst().first == "{" {
                let tagLine = line, tagColumn = column
                var inner = scalars.dropFirst(2)
                while let sigil = inner.first, "#^/&{!<>$ ".unicodeScalars.contains(sigil) { inner = inner.dropFirst() }
                var name = ""
                while let next = inner.first, next == "." || next == "_" || next == "-" || next.properties.isAlphabetic || ("0"..."9").contains(next) {
                    name.unicodeScalars.append(next)
                    inner = inner.dropFirst()
                }
                if name.hasPrefix("t."), name.count > 2 {
                    found.append((String(name.dropFirst(2)), SourceLocation(path: path, line: tagLine, column: tagColumn)))
                }
            }
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            scalars = scalars.dropFirst()
        }
        return found
    }

    /// Whether the theme has (and compiled) the template `name`: the PDF's templates are needed only for the PDF.
    public func hasTemplate(_ name: String) -> Bool { compiled[name] != nil }

    /// Checks the interface strings against the templates: a key a template uses must exist in every
    /// language (error); a key of one language only, or used by no template, is a warning.
    public func checkStrings(_ strings: [String: InterfaceStrings], languages: [String]) -> [Diagnostic] {
        var log = DiagnosticLog(stage: .i18n)
        for (key, location) in stringUses.sorted(by: { $0.key < $1.key }) {
            for language in languages where strings[language]?[key] == nil && strings[language] != nil {
                log.error(.missingI18nKey(key: key, language: language, template: location.path), at: location)
            }
        }
        // The strings Rapport writes itself (chart descriptions) are needed in every language too.
        for key in SiteRenderer.stringsUsedByRapport where stringUses[key] == nil {
            for language in languages where strings[language]?[key] == nil && strings[language] != nil {
                log.error(.missingI18nKey(key: key, language: language, template: SiteRenderer.userOfString(key)),
                          at: SourceLocation(path: "content/i18n/\(language).yaml"))
            }
        }
        let allKeys = Set(strings.values.flatMap(\.strings.keys))
        for language in languages {
            guard let table = strings[language] else { continue }
            // The PDF's strings are needed only when PDFs are made (stage "pdf" checks them then).
            let usedByRapport = Set(SiteRenderer.stringsUsedByRapport + SiteRenderer.stringsUsedByPDF)
            for key in allKeys.sorted() where table[key] == nil && stringUses[key] == nil && !usedByRapport.contains(key) {
                let definedAt = strings.values.compactMap { $0.locations[key] }.min()!
                log.warning(.i18nKeyMissingInLanguage(key: key, language: language), at: definedAt)
            }
            for key in table.strings.keys.sorted() where stringUses[key] == nil && !usedByRapport.contains(key) {
                log.warning(.unusedI18nKey(key), at: table.locations[key]!)
            }
        }
        return log.items
    }
}
