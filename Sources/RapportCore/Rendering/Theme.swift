import Mustache

/// Stage "templates": the theme's Mustache templates, parsed once, and the interface strings they use.
public struct Theme: Sendable {
    /// The templates every site needs, by name (file name without `.mustache`).
    public static let requiredTemplates = ["base", "country", "region", "edition", "page", "home", "root", "404",
                                           "goal", "comparison", "print", "print-section"]

    public let library: MustacheLibrary
    /// Every `t.KEY` the templates use, with where it is first used.
    public let stringUses: [String: SourceLocation]

    /// Parses `templates/*.mustache`; partials and parents are found by file name.
    public static func load(templates: [SourceFile]) -> (theme: Theme?, diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(stage: .templates)
        HTMLBytesContentType.registered
        var library = MustacheLibrary()
        var names: Set<String> = [], broken: Set<String> = []
        var uses: [String: SourceLocation] = [:]
        for file in templates {
            let name = String(file.path.split(separator: "/").last!.dropLast(".mustache".count))
            let text: String
            switch SourceText.decode(file.bytes, path: file.path) {
            case .success(let source): text = source.text
            case .failure(let diagnostic): log.append(contentsOf: [diagnostic]); continue
            }
            do {
                library.register(try MustacheTemplate(string: HTMLBytesContentType.pragma + text), named: name)
                names.insert(name)
            } catch let error as MustacheTemplate.ParserError {
                broken.insert(name)
                log.error(.templateSyntax(explain(error.error)),
                          at: SourceLocation(path: file.path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber))
            } catch {
                broken.insert(name)
                log.error(.templateSyntax("\(error)"), at: SourceLocation(path: file.path))
            }
            for (key, location) in stringKeys(in: text, path: file.path) where uses[key] == nil {
                uses[key] = location
            }
        }
        for name in requiredTemplates where !names.contains(name) && !broken.contains(name) {
            log.error(.missingTemplate(name), at: SourceLocation(path: "templates/\(name).mustache"))
        }
        guard !log.items.hasErrors else { return (nil, log.items) }
        return (Theme(library: library, stringUses: uses), log.items)
    }

    /// swift-mustache's parser errors in words.
    static func explain(_ error: Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "this closing tag does not match the section it closes"
        case .unfinishedName: return "a tag is not closed with '}}'"
        case .expectedSectionEnd: return "a section is never closed"
        case .invalidSetDelimiter: return "the set-delimiter tag is malformed"
        case .transformAppliedToInheritanceSection: return "a transform cannot apply to a parent or block"
        case .illegalTokenInsideInheritSection: return "only blocks ({{$name}}) may stand inside a parent ({{<name}})"
        case .textInsideInheritSection: return "only blocks ({{$name}}) may stand inside a parent ({{<name}})"
        case .invalidConfigVariableSyntax: return "the configuration tag is malformed"
        case .unrecognisedConfigVariable: return "unknown configuration variable"
        }
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

    /// Checks the interface strings against the templates: a key a template uses must exist in every
    /// language (error); a key of one language only, or used by no template, is a warning.
    public func checkStrings(_ strings: [String: InterfaceStrings], languages: [String]) -> [Diagnostic] {
        var log = DiagnosticLog(stage: .i18n)
        for (key, location) in stringUses.sorted(by: { $0.key < $1.key }) {
            for language in languages where strings[language]?[key] == nil && strings[language] != nil {
                log.error(.missingI18nKey(key: key, language: language, template: location.path), at: location)
            }
        }
        let allKeys = Set(strings.values.flatMap(\.strings.keys))
        for language in languages {
            guard let table = strings[language] else { continue }
            for key in allKeys.sorted() where table[key] == nil && stringUses[key] == nil {
                let definedAt = strings.values.compactMap { $0.locations[key] }.min()!
                log.warning(.i18nKeyMissingInLanguage(key: key, language: language), at: definedAt)
            }
            for key in table.strings.keys.sorted() where stringUses[key] == nil {
                log.warning(.unusedI18nKey(key), at: table.locations[key]!)
            }
        }
        return log.items
    }
}
