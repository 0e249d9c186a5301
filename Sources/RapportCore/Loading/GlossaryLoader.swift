/// Stage "glossary": `content/glossary.yaml` to a `Glossary`. Every problem of the file is reported, each at its
/// entry or value; an entry with a problem is left out, the others are kept.
enum GlossaryLoader {
    /// The most YAML nodes the glossary may hold: some 20 per entry, so about 50,000 entries.
    static let maximumNodes = 1_000_000

    static let termKeys = ["term", "expansion", "definition"]

    /// Reads the glossary of a site whose languages are `languages`.
    static func load(from source: SourceText, languages: [String]) -> (glossary: Glossary, diagnostics: [Diagnostic]) {
        let reader = YAMLFields(path: source.path, lineOffset: 0, stage: .glossary, maximumNodes: maximumNodes)
        let root = reader.compose(source.text)
        guard reader.log.items.isEmpty else { return (Glossary(), reader.log.items) }
        // An empty file (or only comments) is an empty glossary.
        guard let root, !root.isNull else { return (Glossary(), []) }
        guard case .sequence(let items, _) = root else {
            reader.error(.glossaryNotAList, at: root)
            return (Glossary(), reader.log.items)
        }
        var glossary = Glossary()
        var keyLines: [String: Int] = [:]
        var termOwners: [TermInLanguage: String] = [:]
        for item in items {
            guard case .mapping = item else { reader.error(.glossaryEntryNotAMapping, at: item); continue }
            guard let entry = readEntry(item, languages: languages, reader: reader) else { continue }
            if let line = keyLines[entry.key] {
                reader.error(.duplicateGlossaryKey(entry.key, firstLine: line), at: entry.location)
                continue
            }
            keyLines[entry.key] = entry.location.line
            var clash = false
            for language in languages {
                guard let term = entry.terms[language]?.term else { continue }
                if let other = termOwners[TermInLanguage(term: term, language: language)] {
                    reader.error(.duplicateGlossaryTerm(term, language: language, otherKey: other), at: entry.location)
                    clash = true
                }
            }
            guard !clash else { continue }
            for (language, term) in entry.terms { termOwners[TermInLanguage(term: term.term, language: language)] = entry.key }
            glossary.entries.append(entry)
        }
        return (glossary, reader.log.items)
    }

    /// A term in one language: two entries may not share one.
    private struct TermInLanguage: Hashable {
        var term: String
        var language: String
    }

    /// One entry, or nil (logged) when it has a problem.
    private static func readEntry(_ node: YAMLNode, languages: [String], reader: YAMLFields) -> Glossary.Entry? {
        guard let fields = reader.mapping(node, named: "an entry of the glossary", allowedKeys: ["key"] + languages,
                                          context: "a glossary entry (key and one text per language)") else { return nil }
        fields.reportUnknownKeys()
        let before = reader.log.items.count
        guard let key = fields.string("key", required: true) else { return nil }
        guard Slug.isValid(key.value) else { reader.error(.invalidGlossaryKey(key.value), at: key.location); return nil }
        var terms: [String: Glossary.Term] = [:]
        for language in languages {
            guard let value = fields.node(language) else {
                reader.error(.glossaryMissingLanguage(key: key.value, language: language), at: fields.location)
                continue
            }
            guard case .mapping = value, let text = reader.mapping(value, named: "'\(language)'", allowedKeys: termKeys,
                                                                    context: "a glossary term (term, expansion, definition)") else {
                reader.error(.glossaryTermNotAMapping(key: key.value, language: language), at: value)
                continue
            }
            text.reportUnknownKeys()
            let term = checked(text.string("term", required: true), field: "term", reader: reader)
            let expansion = checked(text.string("expansion", required: true), field: "expansion", reader: reader)
            let definition = checked(text.string("definition"), field: "definition", reader: reader)
            guard let term, let expansion else { continue }
            guard term.value.unicodeScalars.contains(where: { $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                reader.error(.glossaryTermWithoutLetters(term.value), at: term.location)
                continue
            }
            terms[language] = Glossary.Term(term: term.value, expansion: expansion.value, definition: definition?.value)
        }
        guard !reader.log.items[before...].contains(where: { $0.severity == .error }) else { return nil }
        return Glossary.Entry(key: key.value, location: fields.location, terms: terms)
    }

    /// The text, or nil (logged) when it holds a control character: none belongs in a term, an expansion (an
    /// attribute readers hear) or a definition.
    private static func checked(_ text: Located<String>?, field: String, reader: YAMLFields) -> Located<String>? {
        guard let text else { return nil }
        // A definition may run over several lines (a YAML block text); it is shown as one paragraph.
        let allowsLineBreaks = field == "definition"
        if let control = text.value.unicodeScalars.first(where: { PrintableText.isControl($0) && !(allowsLineBreaks && $0 == "\n") }) {
            reader.error(.glossaryControlCharacter(field: field, scalar: control.value), at: text.location)
            return nil
        }
        let value = allowsLineBreaks ? text.value.split(separator: "\n").joined(separator: " ") : text.value
        return Located(value: value.trimmingSpaces, location: text.location)
    }
}

private extension String {
    /// Without the spaces and line breaks at its ends (a folded YAML text ends with one).
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}
