/// Why a diagnostic was raised. Every message text of Rapport is in `description` below.
public enum Reason: Hashable, Sendable, CustomStringConvertible {
    // MARK: Reading files
    case unreadableFile(String)
    case invalidUTF8(byte: UInt8)
    case emptyFile
    case missingFrontMatter
    case unclosedFrontMatter
    case misplacedFile(String)
    case chapterTooDeep(depth: Int, maximum: Int, languageFolder: String)
    case unknownLanguageFolder(String, known: [String])
    case symlinkOutsideRoot(String)
    case missingFolder(String)
    /// Neither content/ nor templates/ (or no such folder): the command was started outside a report's folder.
    case notASiteRoot(folderExists: Bool)
    case unreadableFolder(String)
    /// A named pipe, socket or device (the words say which).
    case specialFile(String)
    case danglingSymlink(String)
    case loopingSymlink(String)
    case symlinkToHidden(String)
    case fileNameNotUTF8(byte: UInt8)
    case assetReplacesTheme(theme: String)

    // MARK: Front matter and YAML files
    case yamlSyntax(String)
    case notAMapping(String)
    case duplicateKey(String)
    case unknownKey(String, suggestion: String?, allowedHere: String)
    case wrongType(key: String, expected: String, found: String)
    case missingKey(String)
    case emptyValue(String)
    case invalidSlug(String)
    case sdgOutOfRange(Int)
    case duplicateSDG(Int)
    case invalidCountryCode(String)
    case negativeNumber(key: String)
    case hdiRankAboveTotal(rank: Int, total: Int)
    case yamlTooLarge

    // MARK: site.yaml
    case invalidBaseURL(String)
    case unknownDefaultLanguage(String, known: [String])
    case invalidLanguageCode(String)
    case duplicateLanguage(String)
    case unknownLocale(String)
    case missingTitleTranslation(language: String)
    case unknownPrivacyPage(String)
    case unknownAccessibilityPage(String)

    // MARK: Interface strings and templates
    case missingI18nFile(language: String)
    case missingI18nKey(key: String, language: String, template: String)
    case i18nKeyMissingInLanguage(key: String, language: String)
    case unusedI18nKey(String)
    case i18nValueNotText(String)
    case templateSyntax(String)
    /// A name, partial or parent that the compiled template cannot resolve (the message says which and suggests).
    case templateName(String)
    case missingTemplate(String)

    // MARK: The site graph
    case unknownRegion(String, known: [String])
    case duplicateURL(String, otherFile: String)
    case duplicateTranslation(language: String, otherFile: String)
    case translationKindMismatch(otherFile: String)
    case missingTranslation(language: String, expectedFile: String)
    case duplicateCountryCode(String, otherFile: String)
    case missingEditionHome(edition: String, language: String)
    case chapterWithoutIndex(folder: String)
    case translationSourceChanged(languageName: String, file: String)
    case linkToDraft(String)
    case notATranslation(String, why: String)
    case editionHomeIsDraft(edition: String, language: String, home: String)
    case dataSetWithoutSchema(schema: String)
    case dataSetWithoutFigures(csv: String)
    case missingLanguageText(key: String, language: String)
    case unknownChartColumn(String, known: [String])
    case chartColumnNotNumeric(String, type: String)
    case lineChartWithoutYears(String)
    case csvUnclosedQuote
    case csvTextAfterQuote
    case csvWithoutHeader
    case csvColumnNotDescribed(String, schema: String, suggestion: String?)
    case csvColumnMissing(String, schema: String)
    case csvRowLength(cells: Int, header: Int)
    case csvCellType(String, column: String, type: String)
    case unknownDataSet(String, marker: String, known: [String])
    case dataSetWithoutChart(String)
    case figureDisagrees(key: String, value: String?, otherValue: String?, otherFile: String)
    case generatedURL(String, generatedPage: String)

    // MARK: The glossary (content/glossary.yaml)
    case glossaryNotAList
    case glossaryEntryNotAMapping
    case glossaryTermNotAMapping(key: String, language: String)
    case invalidGlossaryKey(String)
    case duplicateGlossaryKey(String, firstLine: Int)
    case glossaryMissingLanguage(key: String, language: String)
    case duplicateGlossaryTerm(String, language: String, otherKey: String)
    case glossaryTermWithoutLetters(String)
    /// A control character (its scalar value) in a text of the glossary: invisible to readers, harmful in a title.
    case glossaryControlCharacter(field: String, scalar: UInt32)
    case glossaryKeyIsThemeID(String)
    case invalidGlossarySlug(String)

    // MARK: Markdown bodies
    case brokenLink(String, suggestion: String? = nil)
    case missingAnchor(String, inFile: String, suggestion: String? = nil)
    /// A link written as a URL of the site (`/fr/2022/…/`, `../mongolie/`) that is no page or file of it.
    case brokenSiteURL(String, suggestion: String?)
    /// A link from the site's root (`/fr/2022/…/`) that leads to a page or file: `fix` is the link to write instead,
    /// the page's `.md` file when `fixIsFile`, else a URL relative to the linking page.
    case linkFromSiteRoot(String, fix: String, fixIsFile: Bool)
    case missingAsset(String)
    case rawHTMLIgnored
    /// `[^label]` in the text, and no `[^label]: …` note.
    case footnoteWithoutNote(String)
    /// `[^label]: …` that no `[^label]` calls.
    case footnoteNeverCalled(String)
    /// A second `[^label]: …` of the same label.
    case footnoteDefinedTwice(String)
    case imageWithoutAlt(String)
    case unsafeURL(String)
    case scriptURLInRawHTML

    // MARK: Output
    case outputFailed(String)
    /// No `content/site.yaml`: nothing says what the site is.
    case missingSiteFile

    // MARK: The PDF (issue 28)
    /// `--pdf` or `pdf: true`, and no WeasyPrint where Rapport looks for it.
    case pdfEngineMissing(askedBy: String)
    /// The engine stopped with an error (its last words), or ran past its time.
    case pdfEngineFailed(document: String, detail: String)
    case pdfEngineTimedOut(document: String, seconds: Int)
    /// A note too long for the foot of one page: the typesetter cuts what does not fit (warning, with `--pdf`).
    case footnoteTooLongForPDF(number: Int, words: Int, limit: Int)
    /// `pdf_file` is not a file name Rapport can publish.
    case invalidPDFFileName(String)

    // MARK: Numbers out of range (issue 25)
    /// A whole number beyond what Rapport reads (more than 19 digits).
    case numberTooLarge(key: String, text: String)
    /// `.inf`, `.nan` or a number too large to be a figure, where a figure is expected.
    case numberNotFinite(key: String, text: String)
    /// A whole number below its key's smallest value, when that is more than 0 (`hdi_rank: 0`).
    case numberBelowMinimum(key: String, minimum: Int)
    /// A CSV number beyond what Rapport reads.
    case csvNumberTooLarge(String, column: String)
    /// A negative value in a column a chart draws: its scale starts at 0.
    case chartNegativeValue(String, column: String)
    /// A year a line chart already has, on an earlier line of the CSV.
    case chartDuplicateYear(Int, column: String, firstLine: Int)
    /// `decimals:` beyond what a figure can show.
    case tooManyDecimals(Int, maximum: Int)

    // MARK: Front matter and CSVs as French writers type them (issue 27)
    /// A plain text holding `: ` or ending in `:`; `fix` is the line to type (`summary: "Ukraine : …"`, `- "…"`).
    case plainTextWithColon(fix: String)
    /// A `#` after a space in a plain text: the rest of the line is a comment, cut from the text.
    case commentCutsText
    /// A number written as people write it (`61,6`, `21 500 000 €`), and the plain number to write.
    case numberWritten(key: String, text: String, write: String)
    /// A list written without brackets (`4, 6, 8`), and the list to write.
    case listWithoutBrackets(key: String, write: String)
    /// A cell of a semicolon CSV (a French spreadsheet's) that is not of its column's type.
    case csvCellTypeSemicolon(String, column: String, type: String)

    // MARK: The theme (templates/ over the built-in theme, site.yaml's theme:)
    /// An interface-string file of a language Rapport has no goal names for, without the name of goal `key`.
    case missingGoalName(key: String, language: String)
    /// `rapport theme --copy NAME`: the built-in theme has no such file.
    case unknownThemeFile(String, suggestion: String?)
    /// `rapport theme --copy`: the site already has the file.
    case themeCopyExists
    /// `rapport theme --copy`: a folder on the way is a symbolic link out of the site root.
    case themeCopyOutsideRoot
    /// `rapport theme --copy`: the system refused (the words say why).
    case themeCopyFailed(String)
    /// site.yaml `theme:`: `logo` or `favicon` names no asset of the site.
    case themeAssetMissing(key: String, path: String)
    /// site.yaml `theme: logo:` without alternative text in a language.
    case missingLogoAlt(language: String)
    /// site.yaml `theme: accent:` that is not a colour.
    case invalidColour(String)
    /// site.yaml `theme: accent:` too pale for text on white: its ratio and a darker colour that passes.
    case accentContrastTooLow(colour: String, ratio: String, suggestion: String)


    // MARK: A new site (rapport init)
    /// `rapport init DIR`: DIR holds something already (its first entries, by name, and how many more).
    case initFolderNotEmpty(entries: [String], more: Int)
    /// `rapport init DIR`: DIR is a file, a named pipe, a socket or a device (the words say which).
    case initNotAFolder(String)
    /// `rapport init DIR`: DIR is a symbolic link that leads nowhere (to its target, or in a loop).
    case initDanglingLink
    /// `rapport init DIR`: the folder DIR would go in does not exist.
    case initParentMissing(String)
    /// `rapport init DIR`: the system refused (the words say why); nothing was left behind.
    case initFailed(String)

    public var description: String {
        switch self {
        case .unreadableFile(let why): return "cannot read the file: \(why)"
        case .invalidUTF8(let byte):
            return "the file is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) here); save it as UTF-8"
        case .emptyFile: return "the file is empty; a page starts with front matter between two '---' lines"
        case .missingFrontMatter: return "the file does not start with front matter: its first line must be '---'"
        case .unclosedFrontMatter: return "the front matter that starts here is not closed by a '---' line"
        case .misplacedFile(let expected): return "this file is not where Rapport looks for content: \(expected)"
        case .chapterTooDeep(let depth, let maximum, let folder):
            return "this page is \(depth) folders below \(folder); chapters go at most \(maximum) folders deep (chapter/sub-chapter/sub-sub-chapter)"
        case .unknownLanguageFolder(let code, let known):
            return "'\(code)' is not a language of site.yaml (languages: \(known.joined(separator: ", ")))"
        case .symlinkOutsideRoot(let target): return "symbolic link to '\(target)', outside the site root: refused"
        case .missingFolder(let name): return "the site root has no \(name) folder"
        case .notASiteRoot(let folderExists):
            return (folderExists ? "this folder is not a report's folder (it has no content/ and no templates/)" : "there is no such folder")
                + ": cd into the report's folder, or give it with --root DIR"
        case .unreadableFolder(let why): return "cannot open the folder: \(why); its pages would be missing from the site"
        case .specialFile(let kind):
            return "this is \(kind), not a file: Rapport reads only regular files and folders; remove it or put a file in its place"
        case .danglingSymlink(let target): return "symbolic link to '\(target)', which does not exist: restore its target or remove the link"
        case .loopingSymlink(let target): return "symbolic link to '\(target)', which leads back to itself without end: remove the link"
        case .symlinkToHidden(let target):
            return "symbolic link to '\(target)', a hidden file or folder (a name starting with '.'): never published; copy the file itself into the site if it belongs there"
        case .assetReplacesTheme(let theme):
            let name = ThemeFiles.name(ofPath: theme) ?? theme
            let own = theme.hasPrefix(ThemeFiles.siteFolder) ? "edit \(theme)" : "run 'rapport theme --copy \(name)' and edit \(ThemeFiles.siteFolder)\(name)"
            return "this file would replace the theme's \(theme) on every page: give it another name; to change the theme's file, \(own)"
        case .fileNameNotUTF8(let byte):
            return "this file name is not valid UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true))): rename the file (letters with accents typed on another system are the usual cause)"

        case .yamlSyntax(let problem): return "YAML syntax error: \(problem)"
        case .notAMapping(let what): return "\(what) must be a YAML mapping of keys to values"
        case .duplicateKey(let key): return "the key '\(key)' appears twice"
        case .unknownKey(let key, let suggestion, let allowedHere):
            let hint = suggestion.map { "; did you mean '\($0)'?" } ?? ""
            return "unknown key '\(key)' in \(allowedHere)\(hint)"
        case .wrongType(let key, let expected, let found): return "'\(key)' must be \(expected), not \(found)"
        case .missingKey(let key): return "the required key '\(key)' is missing"
        case .emptyValue(let key): return "'\(key)' must not be empty"
        case .invalidSlug(let slug) where slug.utf8.count > Slug.maximumLength:
            return "the slug '\(slug.prefix(40))…' is \(slug.utf8.count) characters long; a URL segment is a folder name of the site, and file systems allow at most \(Slug.maximumLength): shorten it"
        case .invalidSlug(let slug):
            return "the slug '\(slug)' is not one URL segment of lowercase letters, digits and hyphens"
        case .sdgOutOfRange(let number): return "\(number) is not a Sustainable Development Goal (1 to 17)"
        case .duplicateSDG(let number): return "Sustainable Development Goal \(number) is listed twice"
        case .invalidCountryCode(let code): return "'\(code)' is not an ISO 3166-1 alpha-2 country code"
        case .negativeNumber(let key): return "'\(key)' must not be negative"
        case .hdiRankAboveTotal(let rank, let total): return "the HDI rank \(rank) is beyond the \(total) ranked countries"
        case .yamlTooLarge: return "the YAML is too large or nests aliases too deeply to be read"

        case .invalidBaseURL(let url): return "base_url '\(url)' must be an absolute http(s) URL ending with '/'"
        case .unknownDefaultLanguage(let code, let known):
            return "default_language '\(code)' is not one of the languages (\(known.joined(separator: ", ")))"
        case .invalidLanguageCode(let code): return "'\(code)' is not a language code (two or three lowercase letters)"
        case .duplicateLanguage(let code): return "the language '\(code)' is listed twice"
        case .unknownLocale(let locale): return "'\(locale)' is not a locale known to this system (e.g. fr_LU, en_GB)"
        case .missingTitleTranslation(let language): return "title has no text for the language '\(language)'"
        case .unknownAccessibilityPage(let key):
            return "accessibility_page '\(key)' is not the translation_key or file name of a page in content/pages/"
        case .unknownPrivacyPage(let key):
            return "privacy_page '\(key)' is not the translation_key or file name of a page in content/pages/"

        case .missingI18nFile(let language): return "the interface strings of '\(language)' are missing: add content/i18n/\(language).yaml"
        case .missingI18nKey(let key, let language, let template):
            return "the interface string '\(key)' is used by \(template) but missing in content/i18n/\(language).yaml"
        case .i18nKeyMissingInLanguage(let key, let language):
            return "the interface string '\(key)' is missing in content/i18n/\(language).yaml"
        case .unusedI18nKey(let key): return "the interface string '\(key)' is used by no template"
        case .i18nValueNotText(let key): return "the interface string '\(key)' must be text"
        case .templateSyntax(let problem): return "template syntax error: \(problem)"
        case .templateName(let problem): return problem
        case .missingTemplate(let name): return "the theme has no template '\(name).mustache'"

        case .unknownRegion(let region, let known):
            let list = known.isEmpty ? "this edition and language has no region page" : "known: \(known.joined(separator: ", "))"
            return "no region page '\(region).md' in this edition and language (\(list))"
        case .duplicateURL(let url, let other): return "the URL \(url) is also the URL of \(other)"
        case .duplicateTranslation(let language, let other):
            return "\(other) is already the '\(language)' translation of this page (same path or translation_key)"
        case .translationKindMismatch(let other): return "this page is paired with \(other), a page of another kind"
        case .missingTranslation(let language, let expected):
            return "no '\(language)' translation of this page (expected \(expected), or a page with the same translation_key)"
        case .duplicateCountryCode(let code, let other): return "the country code \(code) is also used by \(other) in this edition"
        case .missingEditionHome(let edition, let language):
            return "the edition \(edition) has no home page in '\(language)': add content/\(edition)/\(language)/index.md"
        case .dataSetWithoutSchema(let schema): return "this data set has no schema: add \(schema) (its title, columns and types)"
        case .dataSetWithoutFigures(let csv): return "this schema has no figures: add \(csv)"
        case .missingLanguageText(let key, let language): return "'\(key)' has no text for the language '\(language)'"
        case .unknownChartColumn(let name, let known): return "the chart names the column '\(name)', which the schema does not describe (columns: \(known.joined(separator: ", ")))"
        case .chartColumnNotNumeric(let name, let type): return "the chart's y column '\(name)' is \(type), not a number (integer, decimal, percent or eur)"
        case .lineChartWithoutYears(let name): return "a line chart runs over a year column; '\(name)' is not one"
        case .csvUnclosedQuote: return "the quoted field that starts here is never closed"
        case .csvTextAfterQuote: return "text after the closing quote of a field: quote the whole field, and double the quotes inside (\"\")"
        case .csvWithoutHeader: return "the CSV is empty: its first row names the columns"
        case .csvColumnNotDescribed(let name, let schema, let suggestion):
            return "the CSV column '\(name)' is not described in \(schema)" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        case .csvColumnMissing(let name, let schema): return "the CSV has no column '\(name)', which \(schema) describes"
        case .csvRowLength(let cells, let header): return "this row has \(cells) cells; the header has \(header)"
        case .csvCellType(let text, let column, let type):
            return "'\(text.prefix(40))' in the column '\(column)' is not \(DataSetLoader.describe(type))"
        case .unknownDataSet(let name, let marker, let known):
            let list = known.isEmpty ? "this edition has no data set" : "data sets of this edition: \(known.joined(separator: ", "))"
            return "the \(marker) marker names the data set '\(name)', which is not in this edition's data/ (\(list))"
        case .dataSetWithoutChart(let name): return "the data set '\(name)' has no chart: add 'chart:' to its schema, or place its table"
        case .figureDisagrees(let key, let value, let other, let file):
            let here = value.map { "is \($0) here" } ?? "is missing here"
            let there = other.map { "\($0) in \(file)" } ?? "absent from \(file)"
            return "'\(key)' \(here) but \(there): figures must agree across languages"
        case .translationSourceChanged(let name, let file):
            return "the \(name) page changed since this translation was made: review it, then run rapport translations --accept \(file)"
        case .editionHomeIsDraft(let edition, let language, let home):
            return "this page is published but the edition \(edition)'s home page in '\(language)' is a draft: publish \(home) too (remove its draft: true)"
        case .notATranslation(let file, let why): return "cannot accept \(file) as a translation: \(why)"
        case .linkToDraft(let target):
            return "link to '\(target)', a draft: it is left out of the site (publish it by removing draft: true, or remove the link)"
        case .chapterWithoutIndex(let folder):
            return "the chapter folder \(folder)/ has no index.md: add \(folder)/index.md (the chapter's title and URL segment)"
        case .generatedURL(let url, let generated):
            return "the URL \(url) is also the URL of \(generated), which Rapport generates: choose another slug"

        case .glossaryNotAList:
            return "the glossary must be a list of entries, each starting with '- key: NAME' (for example '- key: oda') followed by one line per language"
        case .glossaryEntryNotAMapping:
            return "this entry of the glossary must be written '- key: NAME' followed by one line per language, such as 'fr: {term: APD, expansion: aide publique au développement}'"
        case .glossaryTermNotAMapping(let key, let language):
            return "the '\(language)' text of the glossary entry '\(key)' must be written '\(language): {term: …, expansion: …}' (definition is optional)"
        case .invalidGlossaryKey(let key):
            return "the glossary key '\(key)' must be lowercase letters, digits and hyphens (it is the term's address on the glossary page): write for example 'key: oda'"
        case .duplicateGlossaryKey(let key, let line):
            return "the glossary key '\(key)' is already used by the entry at line \(line): give each entry its own key"
        case .glossaryMissingLanguage(let key, let language):
            return "the glossary entry '\(key)' has no '\(language)' text: every entry gives every language of the site; add '\(language): {term: …, expansion: …}'"
        case .duplicateGlossaryTerm(let term, let language, let otherKey):
            return "the term '\(term)' is already in the glossary in '\(language)', in the entry '\(otherKey)': keep one entry for it"
        case .glossaryTermWithoutLetters(let term):
            return "the term '\(term)' has no letter or digit: a term is a word or an abbreviation, such as 'APD'"
        case .glossaryControlCharacter(let field, let scalar):
            let code = String(scalar, radix: 16, uppercase: true)
            return "'\(field)' holds an invisible control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)))\(code)): delete it"
        case .glossaryKeyIsThemeID(let key):
            return "the glossary key '\(key)' is also an id the theme gives an element of every page: choose another key"
        case .invalidGlossarySlug(let slug):
            return "the glossary page's address 'glossary_slug: \(slug)' must be one URL segment of lowercase letters, digits and hyphens, such as 'glossaire'"

        case .brokenLink(let target, let suggestion):
            return "link to '\(Self.shortened(target, to: 200))', which does not exist" + Self.didYouMean(suggestion)
        case .missingAnchor(let anchor, let file, let suggestion):
            return "no heading with the id '\(Self.shortened(anchor, to: 200))' in \(file)" + Self.didYouMean(suggestion)
        case .brokenSiteURL(let target, let suggestion):
            return "link to '\(Self.shortened(target, to: 200))', which is no page or file of this site"
                + (suggestion.map { "; did you mean '\($0)'?" } ?? ": check the address, or link to the page's .md file")
        case .linkFromSiteRoot(let target, let fix, let fixIsFile):
            return "link to '\(Self.shortened(target, to: 200))' from the site's root: it breaks when the site is published under a sub-path; "
                + (fixIsFile ? "link to the page's file instead: (\(fix))" : "write it from this page instead: (\(fix))")
        case .missingAsset(let target): return "link to the asset '\(target)', which is not in content/assets/"
        case .rawHTMLIgnored: return "raw HTML is left out of the page (set allow_raw_html: true in site.yaml to keep it)"
        case .footnoteWithoutNote(let label):
            let call = "[^\(Self.shortened(label))]"
            return "the footnote \(call) has no note: add a line '\(call): ' followed by the note's text, after a blank line, or remove \(call)"
        case .footnoteNeverCalled(let label):
            let call = "[^\(Self.shortened(label))]"
            return "the note \(call) is called nowhere in the text, so it is left out: put \(call) where it applies, or delete the note"
        case .footnoteDefinedTwice(let label):
            let call = "[^\(Self.shortened(label))]"
            return "a second note \(call): only the first is shown; give this one a label of its own and call it, or delete it"
        case .imageWithoutAlt(let target): return "the image '\(target)' has no alternative text"
        case .unsafeURL(let target): return "the link target '\(target.prefix(60))' would run code in the reader's browser: not allowed"
        case .scriptURLInRawHTML: return "this raw HTML holds a javascript: or vbscript: URL: not allowed, even with allow_raw_html"

        case .outputFailed(let why): return "cannot write the output: \(why)"
        case .missingSiteFile: return "the site has no content/site.yaml: create it (title, base_url, default_language, languages)"

        case .pdfEngineMissing(let askedBy):
            return "\(askedBy) asks for the PDF, and its engine WeasyPrint is not installed (looked for .venv/bin/weasyprint "
                + "in the site root and beside rapport, then weasyprint on PATH): run scripts/install-deps, or "
                + "'python3 -m venv .venv && .venv/bin/pip install weasyprint==70.0' in the site root; or build without the PDF"
        case .pdfEngineFailed(let document, let detail):
            return "the PDF \(document) could not be made: WeasyPrint stopped with '\(Self.shortened(detail, to: 300))'; "
                + "the previous output is kept"
        case .pdfEngineTimedOut(let document, let seconds):
            return "the PDF \(document) could not be made: WeasyPrint was still working after \(seconds) s and was stopped; "
                + "the previous output is kept"
        case .footnoteTooLongForPDF(let number, let words, let limit):
            return "note \(number), called here, has \(words) words: in the PDF a note must fit at the foot of the page of its call, "
                + "and WeasyPrint cuts a longer one; keep notes under about \(limit) words (move the rest into the text, or split the note)"
        case .invalidPDFFileName(let name):
            return "'pdf_file' is '\(Self.shortened(name))', which is not a PDF file name: write small letters, digits and "
                + "hyphens ending in .pdf, with {year} for the edition, such as rapport-annuel-{year}.pdf"

        case .numberTooLarge(let key, let text):
            return "'\(key)' is \(Self.shortened(text)), too large a number to read (at most \(Int.max)): check the figure"
        case .numberNotFinite(let key, let text):
            return "'\(key)' is '\(Self.shortened(text))', which is not a figure: write the number itself, such as 69.9"
        case .numberBelowMinimum(let key, let minimum): return "'\(key)' must be \(minimum) or more"
        case .csvNumberTooLarge(let text, let column):
            return "'\(Self.shortened(text))' in the column '\(column)' is too large a number to read: check the figure"
        case .chartNegativeValue(let text, let column):
            return "the chart cannot draw '\(Self.shortened(text))' in the column '\(column)': its scale starts at 0, so negative values "
                + "would be drawn as 0; take '\(column)' out of the chart's y (its table shows every value)"
        case .chartDuplicateYear(let year, let column, let firstLine):
            return "the year \(year) of the column '\(column)' is already on line \(firstLine): a line chart has one value per year"
        case .tooManyDecimals(let count, let maximum): return "'decimals' is \(count); a figure shows at most \(maximum) digits after the decimal sign"

        case .plainTextWithColon(let fix):
            return "this ':' would start a new key (in front matter, a colon followed by a space ends a key's name): put the text in double quotes: \(fix)"
        case .commentCutsText:
            return "the text stops here: what follows '#' is a YAML comment; put the whole text in double quotes to keep it"
        case .numberWritten(let key, let text, let write):
            return "'\(key)' must be a number written with a dot before the decimals, no spaces between the thousands and no currency sign, not '\(Self.shortened(text))': write \(write)"
        case .listWithoutBrackets(let key, let write): return "'\(key)' must be a list, between square brackets: write \(Self.shortened(write))"
        case .csvCellTypeSemicolon(let text, let column, let type):
            return "'\(text.prefix(40))' in the column '\(column)' is not \(DataSetLoader.describeInSemicolonCSV(type))"

        case .missingGoalName(let key, let language):
            return "the name of Sustainable Development Goal \(key.dropFirst("sdg_".count)) in '\(language)' is missing: Rapport knows the goals' names in French and English only; add '\(key): …' (the goal's official name) to content/i18n/\(language).yaml"
        case .unknownThemeFile(let name, let suggestion):
            return "the built-in theme has no file '\(Self.shortened(name, to: 80))'\(Self.didYouMean(suggestion)); 'rapport theme --list' shows its files"
        case .themeCopyExists:
            return "this file already exists, and Rapport never replaces a file: rename it (or delete it) first to copy the built-in file again"
        case .themeCopyOutsideRoot:
            return "this is a symbolic link that leads outside the site root: Rapport writes only inside it; nothing was copied"
        case .themeCopyFailed(let why): return "cannot copy the built-in file here: \(why)"
        case .themeAssetMissing(let key, let path):
            return "theme \(key) '\(path)' is not a file of the site: put the file in content/assets/ and write its path from there (assets/…)"
        case .missingLogoAlt(let language):
            return "the logo has no alternative text in '\(language)': under 'alt:', add '\(language): ' and what the logo shows, in words (screen readers read it aloud)"
        case .invalidColour(let text):
            return text.isEmpty
                ? "the accent colour is empty: write it in double quotes, for example accent: \"#1F5F8B\" (without quotes, YAML takes '#' for the start of a comment)"
                : "'\(Self.shortened(text))' is not a colour Rapport reads: write it as # and six hexadecimal digits, in double quotes, for example \"#1F5F8B\""
        case .initFolderNotEmpty(let entries, let more):
            let names = entries.map { "'\($0)'" }.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
            if !entries.isEmpty, more == 0, entries.allSatisfy({ $0.hasPrefix(NewSite.stagingPrefix) }) {
                return "this folder holds only \(names), left by a 'rapport init' that was interrupted: delete it, then run 'rapport init' again"
            }
            return "this folder is not empty (it holds \(names)): 'rapport init' writes only into a new or empty folder, and never replaces a file; choose a new folder, for example 'rapport init my-report'"
        case .initNotAFolder(let what):
            return "this is \(what), not a folder: 'rapport init' makes a new folder here only when nothing has the name; choose another name, for example 'rapport init my-report'"
        case .initDanglingLink:
            return "this is a symbolic link that leads nowhere: delete the link, or choose another name, for example 'rapport init my-report'"
        case .initParentMissing(let parent):
            return "there is no folder '\(parent)' to make the report in: create it first (mkdir -p '\(parent)'), or choose a folder that exists"
        case .initFailed(let why): return "cannot create the report here: \(why); nothing was written"
        case .accentContrastTooLow(let colour, let ratio, let suggestion):
            return "the accent colour \(colour) has a contrast of \(ratio):1 with white, below the 4.5:1 that WCAG 2.1 AA asks of text (success criterion 1.4.3): choose a darker colour, for example \"\(suggestion)\""
        }
    }

    /// A number as a message quotes it: at most 40 characters, so a 400-digit cell stays readable.
    private static func shortened(_ text: String, to length: Int = 40) -> String {
        text.utf8.count > length && text.count > length ? text.prefix(length) + "…" : text
    }

    private static func didYouMean(_ suggestion: String?) -> String { suggestion.map { "; did you mean '\($0)'?" } ?? "" }
}
