/// `rapport glossary`: the words of the bodies that look like abbreviations (two to six capitals, digits allowed:
/// `APD`, `ODD17`, `FNUAP`) and are no term of the glossary in their page's language, each with where it is first
/// used: a writer's to-do list.
public enum GlossaryTodo {
    /// A word to add to the glossary (or to leave, once read).
    public struct Word: Sendable, Equatable {
        public var language: String
        public var word: String
        /// Its first use: the first page by file path, then the first place in it.
        public var firstUse: SourceLocation
        /// How many times the language's bodies use it.
        public var uses: Int
    }

    /// The words of every page (drafts included) of `source`, by language in site.yaml's order, then by word; with
    /// the problems met reading the files (a site whose pages cannot all be read gives what can be read).
    public static func words(_ source: SiteSource) -> (words: [Word], diagnostics: [Diagnostic]) {
        var pipeline = Pipeline(source: source, options: BuildOptions(includeDrafts: true), output: nil, memo: nil)
        let (loaded, diagnostics) = pipeline.load()
        guard let loaded else { return ([], diagnostics) }
        var words: [Word] = []
        for language in loaded.config.languageCodes {
            // A term and each word of it: the term `RIFF-SEA` covers the words `RIFF` and `SEA` of "RIFF-SEA".
            let terms = loaded.glossary.entries.compactMap { $0.terms[language]?.term }
            let known = Set(terms + terms.flatMap { acronyms(in: $0, path: "", firstLine: 1).map(\.0) })
            var found: [String: Word] = [:]
            for page in loaded.pages.filter({ $0.language == language }).sorted(by: { $0.file < $1.file }) {
                for (word, location) in acronyms(in: page.body, path: page.file, firstLine: page.bodyFirstLine) where !known.contains(word) {
                    if found[word] == nil { found[word] = Word(language: language, word: word, firstUse: location, uses: 0) }
                    found[word]!.uses += 1
                }
            }
            words += found.values.sorted { $0.word < $1.word }
        }
        return (words, diagnostics)
    }

    /// The words of a Markdown body that look like abbreviations, in order, with their places (the body's first
    /// line is `firstLine` of the file). Not in code (fenced blocks, code spans), HTML comments (data markers),
    /// link destinations or bare URLs.
    static func acronyms(in body: String, path: String, firstLine: Int) -> [(String, SourceLocation)] {
        var found: [(String, SourceLocation)] = []
        var fence: Substring?
        var inComment = false
        for (offset, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if line.count - trimmed.count < 4, trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            let scalars = Array(line.unicodeScalars)
            var index = 0
            var codeTicks = 0
            func starts(_ text: String, at position: Int) -> Bool {
                let wanted = Array(text.unicodeScalars)
                return position + wanted.count <= scalars.count && scalars[position..<position + wanted.count].elementsEqual(wanted)
            }
            while index < scalars.count {
                if inComment {
                    if starts("-->", at: index) { inComment = false; index += 3 } else { index += 1 }
                    continue
                }
                let scalar = scalars[index]
                if scalar == "`" {
                    var run = 0
                    while index < scalars.count, scalars[index] == "`" { run += 1; index += 1 }
                    codeTicks = codeTicks == 0 ? run : (codeTicks == run ? 0 : codeTicks)
                    continue
                }
                if codeTicks > 0 { index += 1; continue }
                if starts("<!--", at: index) { inComment = true; index += 4; continue }
                // A link's destination `](…)`, an autolink `<…>`, a bare URL: up to the closing bracket or a space.
                if starts("](", at: index) || (scalar == "<" && index + 1 < scalars.count && scalars[index + 1].properties.isAlphabetic) {
                    let close: Unicode.Scalar = scalar == "<" ? ">" : ")"
                    while index < scalars.count, scalars[index] != close { index += 1 }
                    continue
                }
                if starts("://", at: index) || starts("www.", at: index) {
                    while index < scalars.count, !scalars[index].properties.isWhitespace { index += 1 }
                    continue
                }
                guard Abbreviations.isWordScalar(scalar) else { index += 1; continue }
                let start = index
                while index < scalars.count, Abbreviations.isWordScalar(scalars[index]) { index += 1 }
                // A URL's scheme (`https`) is a word before `://`: never an abbreviation, skipped with the URL above.
                let word = scalars[start..<index]
                if looksLikeAbbreviation(word) {
                    var text = String.UnicodeScalarView()
                    text.append(contentsOf: word)
                    found.append((String(text), SourceLocation(path: path, line: firstLine + offset, column: start + 1)))
                }
            }
        }
        return found
    }

    /// Two to six capitals, digits allowed, starting with a capital: `APD`, `G20`? no (one capital); `ODD17`, `FNUAP`.
    static func looksLikeAbbreviation(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let first = word.first, first.properties.isUppercase, word.count <= 12 else { return false }
        var capitals = 0
        for scalar in word {
            if scalar.properties.isUppercase { capitals += 1 } else if !("0"..."9").contains(scalar) { return false }
        }
        return (2...6).contains(capitals)
    }
}

extension GlossaryTodo.Word: CustomStringConvertible {
    /// `PATH:LINE:COL: WORD (LANG, used N times) is not in content/glossary.yaml`: clickable in an editor.
    public var description: String {
        let times = uses == 1 ? "used once" : "used \(uses) times"
        return "\(PrintableText.escaped(firstUse.description)): \(word) (\(language), \(times)) is not in \(Glossary.path)"
    }
}

extension GlossaryTodo {
    /// The last line of the list: how many words, per language, or that there is nothing to do.
    public static func summary(_ words: [Word], languages: [String]) -> String {
        guard !words.isEmpty else { return "Every word that looks like an abbreviation is in the glossary." }
        let counts = languages.map { language in "\(language): \(words.filter { $0.language == language }.count)" }
        let noun = words.count == 1 ? "word" : "words"
        return "\(words.count) \(noun) to add to \(Glossary.path) or to leave as they are (\(counts.joined(separator: ", ")))."
    }
}
