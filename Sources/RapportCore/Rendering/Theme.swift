import RapportTemplates

/// Stage "templates": the theme's Mustache templates, parsed and compiled once for the views they render, and
/// the interface strings they use. Every name a template uses is checked here, against its view.
public struct Theme: Sendable {
    /// The templates that pages are rendered with, and the schema of each one's context.
    static let entries: [(name: TemplateName, schema: TemplateSchema)] = [
        (.country, PageContext<CountryView>.schema(for: "country")),
        (.region, PageContext<RegionView>.schema(for: "region")),
        (.edition, PageContext<EditionView>.schema(for: "edition")),
        (.page, PageContext<StandaloneView>.schema(for: "page")),
        (.chapter, PageContext<ChapterView>.schema(for: "chapter")),
        (.dataTable, PageContext<DataTableView>.schema(for: "data-table")),
        (.dataChart, PageContext<DataChartView>.schema(for: "data-chart")),
        (.home, PageContext<LanguageHomeView>.schema(for: "home")),
        (.root, PageContext<RootView>.schema(for: "root")),
        (.notFound, PageContext<NotFoundView>.schema(for: "404")),
        (.goal, PageContext<GoalPageView>.schema(for: "goal")),
        (.comparison, PageContext<ComparisonView>.schema(for: "comparison")),
        (.print, PageContext<PrintView>.schema(for: "print")),
        (.printSection, PageContext<PrintSectionView>.schema(for: "print-section")),
        (.glossary, PageContext<GlossaryView>.schema(for: "glossary")),
        (.pdf, PageContext<PDFDocumentView>.schema(for: "pdf")),
        (.pdfSection, PageContext<PDFSectionView>.schema(for: "pdf-section")),
    ]

    /// The compiled templates, by name.
    let compiled: [TemplateName: CompiledTemplate]
    /// Every `t.KEY` the web pages' templates use (through their partials and parents), with where it is first used.
    public let stringUses: [String: SourceLocation]
    /// The `t.KEY` that only the PDF's templates use: needed when PDFs are made (stage "pdf" checks them then).
    public let pdfStringUses: [String: SourceLocation]
    /// The element ids the templates write (`id="key-data"`, `id="{{idPrefix}}budget"` → `budget`): headings of
    /// bodies get other ids, so that no page has one id twice.
    public let elementIDs: Set<String>

    /// Parses the theme's `*.mustache` (partials and parents are found by file name; `ThemeFiles.merged` gives the
    /// built-in theme's files with the site's in place of those of the same name), then compiles each page
    /// template against its view: a name no view has, a missing partial or parent, is an error at its tag, in the
    /// file it is in (`templates/…` for the site's, `(built-in theme)/…` for the built-in theme's).
    public static func load(templates: [SourceFile]) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(stage: .templates)
        var sources: [(name: String, path: String, text: String)] = []
        var usesByTemplate: [String: [(String, SourceLocation)]] = [:]
        var idsByTemplate: [String: Set<String>] = [:]
        for file in templates {
            let name = String(file.path.split(separator: "/").last!.dropLast(".mustache".count))
            let text: String
            switch SourceText.decode(file.bytes, path: file.path) {
            case .success(let source): text = source.text
            case .failure(let diagnostic): log.append(contentsOf: [diagnostic]); continue
            }
            sources.append((name, file.path, text))
            idsByTemplate[name, default: []].formUnion(elementIDs(in: text))
            usesByTemplate[name, default: []] += stringKeys(in: text, path: file.path)
        }
        let library = TemplateLibrary(templates: sources)
        for problem in library.problems {
            log.error(.templateSyntax(problem.message), at: SourceLocation(path: problem.path, line: problem.line, column: problem.column))
        }
        let broken = Set(library.problems.map { String($0.path.split(separator: "/").last!.dropLast(".mustache".count)) })
        for name in TemplateName.required where !library.names.contains(name.rawValue) && !broken.contains(name.rawValue) {
            log.error(.missingTemplate(name.rawValue), at: SourceLocation(path: "templates/" + name.fileName))
        }
        var compiled: [TemplateName: CompiledTemplate] = [:]
        var reported: Set<TemplateProblem> = []
        for entry in entries where library.names.contains(entry.name.rawValue) {
            let (template, problems) = library.compile(entry.name.rawValue, for: entry.schema)
            compiled[entry.name] = template
            for problem in problems where reported.insert(problem).inserted {
                log.error(.templateName(problem.message), at: SourceLocation(path: problem.path, line: problem.line, column: problem.column))
            }
        }
        guard !log.items.hasErrors else { return (nil, log.items) }
        // Only the templates a page is made of count: a partial of the theme that no template includes asks for
        // no interface string (the built-in theme's files are all there, whether the site's templates use them).
        func uses(of names: [TemplateName]) -> [String: SourceLocation] {
            let included = Set(names.flatMap { compiled[$0]?.templates ?? [] })
            var found: [String: SourceLocation] = [:]
            for name in included.sorted() {
                for (key, location) in usesByTemplate[name] ?? [] where found[key].map({ location < $0 }) ?? true { found[key] = location }
            }
            return found
        }
        let web = uses(of: TemplateName.allCases.filter { !$0.isForPDF })
        let pdf = uses(of: TemplateName.allCases.filter(\.isForPDF)).filter { web[$0.key] == nil }
        let ids = Set(compiled.values.flatMap(\.templates)).reduce(into: Set<String>()) { $0.formUnion(idsByTemplate[$1] ?? []) }
        return (Theme(compiled: compiled, stringUses: web, pdfStringUses: pdf, elementIDs: ids), log.items)
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
    public func hasTemplate(_ name: TemplateName) -> Bool { compiled[name] != nil }

    /// Checks the interface strings against the templates and Rapport's code: a key a template uses, or that
    /// Rapport reads (`InterfaceKey.required`), must exist in every language (error), and so must the names of
    /// the goals in a language Rapport has no names for (`SDG.name(in:)`); a key of one language only, or used by
    /// nothing, is a warning.
    public func checkStrings(_ strings: [String: InterfaceStrings], languages: [String]) -> [Diagnostic] {
        var log = DiagnosticLog(stage: .i18n)
        for (key, location) in stringUses.sorted(by: { $0.key < $1.key }) {
            for language in languages where strings[language]?.strings[key] == nil && strings[language] != nil {
                log.error(.missingI18nKey(key: key, language: language, template: location.path), at: location)
            }
        }
        for key in InterfaceKey.required where stringUses[key.rawValue] == nil {
            for language in languages where strings[language]?[key] == nil && strings[language] != nil {
                log.error(.missingI18nKey(key: key.rawValue, language: language, template: key.user),
                          at: SourceLocation(path: strings[language]!.file))
            }
        }
        for language in languages where !SDG.hasBuiltInNames(language) {
            guard let table = strings[language] else { continue }
            for goal in SDG.all where table.goalName(goal) == nil {
                log.error(.missingGoalName(key: goal.nameKey, language: language), at: SourceLocation(path: table.file))
            }
        }
        let allKeys = Set(strings.values.flatMap(\.strings.keys))
        // Read by Rapport, or by the PDF's templates (stage "pdf" checks those when PDFs are made).
        let usedByRapport = Set(InterfaceKey.allCases.map(\.rawValue) + SDG.all.map(\.nameKey)).union(pdfStringUses.keys)
        for language in languages {
            guard let table = strings[language] else { continue }
            for key in allKeys.sorted() where table.strings[key] == nil && stringUses[key] == nil && !usedByRapport.contains(key) {
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
