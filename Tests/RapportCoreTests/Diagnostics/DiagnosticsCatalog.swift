@testable import RapportCore

/// What `docs/reference/diagnostics.md` says of each diagnostic: where it belongs, when it is raised, and one or more
/// example reasons whose `description` is printed as the message. A switch over `ReasonCode`, so a new code does not
/// compile until it has its entry here.
enum DiagnosticsCatalog {
    enum Group: String, CaseIterable {
        case files = "Reading the site's files"
        case frontMatter = "Front matter and YAML files"
        case frenchTyping = "Front matter as French is typed"
        case numbers = "Numbers out of range"
        case config = "site.yaml"
        case strings = "Interface strings and templates"
        case graph = "Pages, translations and editions"
        case data = "Data sets, tables and charts"
        case glossary = "The glossary"
        case bodies = "Links, images, footnotes and raw HTML in the text"
        case output = "Writing the output and the PDF"
        case theme = "rapport theme"
    }

    struct Entry {
        var group: Group
        /// When it is raised, for a writer: one short sentence.
        var when: String
        var examples: [Reason]
    }

    /// The reasons raised as warnings (errors under `--strict`); every other reason is an error. A test holds this
    /// list to the `warning(.…)` calls of the sources.
    static let warnings: Set<ReasonCode> = [
        .missingTranslation, .translationSourceChanged, .i18nKeyMissingInLanguage, .unusedI18nKey, .rawHTMLIgnored,
        .imageWithoutAlt, .linkFromSiteRoot, .footnoteNeverCalled, .footnoteDefinedTwice, .commentCutsText,
    ]

    static func entry(for code: ReasonCode) -> Entry {
        switch code {
        // MARK: Reading files
        case .unreadableFile:
            Entry(group: .files, when: "a file of the site cannot be read (permissions, a disk error)",
                  examples: [.unreadableFile("permission denied")])
        case .invalidUTF8:
            Entry(group: .files, when: "a text file is not saved as UTF-8; the place is the first bad byte",
                  examples: [.invalidUTF8(byte: 0xE9)])
        case .emptyFile:
            Entry(group: .files, when: "a page (`.md`) holds nothing", examples: [.emptyFile])
        case .missingFrontMatter:
            Entry(group: .files, when: "a page's first line is not `---`", examples: [.missingFrontMatter])
        case .unclosedFrontMatter:
            Entry(group: .files, when: "a page's front matter has no closing `---` line", examples: [.unclosedFrontMatter])
        case .misplacedFile:
            Entry(group: .files, when: "a file under `content/` is not where Rapport looks for anything",
                  examples: [.misplacedFile("only .md pages, site.yaml, glossary.yaml, i18n/*.yaml and assets/ belong in content/")])
        case .chapterTooDeep:
            Entry(group: .files, when: "a page sits more than three chapter folders deep",
                  examples: [.chapterTooDeep(depth: 4, maximum: 3, languageFolder: "content/2020/fr/")])
        case .unknownLanguageFolder:
            Entry(group: .files, when: "a language folder (`content/2020/de/`) names no language of site.yaml",
                  examples: [.unknownLanguageFolder("de", known: ["fr", "en"])])
        case .symlinkOutsideRoot:
            Entry(group: .files, when: "a symbolic link leads outside the site root",
                  examples: [.symlinkOutsideRoot("/home/anne/rapport-2019.md")])
        case .missingFolder:
            Entry(group: .files, when: "the site root lacks `content/` or `templates/`",
                  examples: [.missingFolder("content/")])
        case .notASiteRoot:
            Entry(group: .files, when: "a command is started outside a report's folder, or `--root` names no folder",
                  examples: [.notASiteRoot(folderExists: true), .notASiteRoot(folderExists: false)])
        case .initFolderNotEmpty:
            Entry(group: .output, when: "`rapport init DIR`: DIR (or the folder a link leads to) holds anything, or only what an interrupted init left",
                  examples: [.initFolderNotEmpty(entries: ["a.txt", "b.txt", "c.txt"], more: 2),
                             .initFolderNotEmpty(entries: [".rapport-init-Ab12Cd"], more: 0)])
        case .initNotAFolder:
            Entry(group: .output, when: "`rapport init DIR`: DIR is a file, a named pipe, a socket or a device",
                  examples: [.initNotAFolder("a file"), .initNotAFolder("a named pipe (FIFO)")])
        case .initDanglingLink:
            Entry(group: .output, when: "`rapport init DIR`: DIR is a symbolic link that leads nowhere, or in a loop", examples: [.initDanglingLink])
        case .initParentMissing:
            Entry(group: .output, when: "`rapport init DIR`: the folder DIR would go in does not exist (init makes no parent folders)",
                  examples: [.initParentMissing("reports")])
        case .initFailed:
            Entry(group: .output, when: "`rapport init DIR`: the system refused (permission, full disk), or the year is not four digits",
                  examples: [.initFailed("permission denied")])
        case .unreadableFolder:
            Entry(group: .files, when: "a folder of the site cannot be opened",
                  examples: [.unreadableFolder("permission denied")])
        case .specialFile:
            Entry(group: .files, when: "a named pipe, socket or device sits among the site's files",
                  examples: [.specialFile("a named pipe (FIFO)")])
        case .danglingSymlink:
            Entry(group: .files, when: "a symbolic link leads nowhere", examples: [.danglingSymlink("../old/niger.md")])
        case .loopingSymlink:
            Entry(group: .files, when: "a symbolic link leads back to itself", examples: [.loopingSymlink("niger.md")])
        case .symlinkToHidden:
            Entry(group: .files, when: "a symbolic link leads to a hidden file or folder, such as `.git/config`",
                  examples: [.symlinkToHidden(".git/config")])
        case .fileNameNotUTF8:
            Entry(group: .files, when: "a file name is not UTF-8 (often a name with accents typed on another system)",
                  examples: [.fileNameNotUTF8(byte: 0xE9)])
        case .assetReplacesTheme:
            Entry(group: .files, when: "a file of `content/assets/` has the name of one of the theme's assets",
                  examples: [.assetReplacesTheme(theme: "templates/assets/rapport.css"), .assetReplacesTheme(theme: "(built-in theme)/assets/rapport.js")])

        // MARK: Front matter and YAML files
        case .yamlSyntax:
            Entry(group: .frontMatter, when: "YAML cannot read the front matter or a YAML file (a tab in the indentation, a missing quote…)",
                  examples: [.yamlSyntax("found a tab character that violates indentation")])
        case .notAMapping:
            Entry(group: .frontMatter, when: "the front matter, site.yaml or a nested block is not a list of `key: value` lines",
                  examples: [.notAMapping("key_data")])
        case .duplicateKey:
            Entry(group: .frontMatter, when: "a key is written twice in one block", examples: [.duplicateKey("title")])
        case .unknownKey:
            Entry(group: .frontMatter, when: "a key Rapport does not know, with the nearest known key",
                  examples: [.unknownKey("priority_area", suggestion: "priority_areas", allowedHere: "the front matter of a country page")])
        case .wrongType:
            Entry(group: .frontMatter, when: "a value of the wrong kind: a text for a number, a number for a list…",
                  examples: [.wrongType(key: "hdi_rank", expected: "a whole number", found: "the number 3.5")])
        case .missingKey:
            Entry(group: .frontMatter, when: "a required key is absent (`title` on every page, `country` on a country page)",
                  examples: [.missingKey("title")])
        case .emptyValue:
            Entry(group: .frontMatter, when: "a required key is there but empty", examples: [.emptyValue("title")])
        case .invalidSlug:
            Entry(group: .frontMatter, when: "`slug` (or a file name used as one) is not one URL segment, or is too long",
                  examples: [.invalidSlug("Mongolie 2020"), .invalidSlug(String(repeating: "cooperation-", count: 30))])
        case .sdgOutOfRange:
            Entry(group: .frontMatter, when: "`priority_areas` names a number outside 1 to 17", examples: [.sdgOutOfRange(18)])
        case .duplicateSDG:
            Entry(group: .frontMatter, when: "`priority_areas` names a goal twice", examples: [.duplicateSDG(5)])
        case .invalidCountryCode:
            Entry(group: .frontMatter, when: "`country` is not a two-letter ISO 3166-1 code (XK, Kosovo, is accepted)",
                  examples: [.invalidCountryCode("XX")])
        case .negativeNumber:
            Entry(group: .frontMatter, when: "a figure that cannot be negative is", examples: [.negativeNumber(key: "budget_eur")])
        case .hdiRankAboveTotal:
            Entry(group: .frontMatter, when: "`hdi_rank` is beyond `hdi_total`", examples: [.hdiRankAboveTotal(rank: 190, total: 189)])
        case .yamlTooLarge:
            Entry(group: .frontMatter, when: "YAML aliases multiply without end, or nesting is deeper than 64 levels",
                  examples: [.yamlTooLarge])

        // MARK: site.yaml
        case .invalidBaseURL:
            Entry(group: .config, when: "`base_url` (or `--base-url`) is not an absolute address ending in `/`",
                  examples: [.invalidBaseURL("example.org/rapport")])
        case .unknownDefaultLanguage:
            Entry(group: .config, when: "`default_language` is not one of `languages`",
                  examples: [.unknownDefaultLanguage("de", known: ["fr", "en"])])
        case .invalidLanguageCode:
            Entry(group: .config, when: "a language `code` is not two or three lowercase letters",
                  examples: [.invalidLanguageCode("FR")])
        case .duplicateLanguage:
            Entry(group: .config, when: "a language is listed twice", examples: [.duplicateLanguage("fr")])
        case .unknownLocale:
            Entry(group: .config, when: "a `locale` the system does not know", examples: [.unknownLocale("fr_XX")])
        case .missingTitleTranslation:
            Entry(group: .config, when: "the site's `title` lacks a language", examples: [.missingTitleTranslation(language: "en")])
        case .unknownPrivacyPage:
            Entry(group: .config, when: "`privacy_page` names no page of `content/pages/`", examples: [.unknownPrivacyPage("privacy")])
        case .unknownAccessibilityPage:
            Entry(group: .config, when: "`accessibility_page` names no page of `content/pages/`",
                  examples: [.unknownAccessibilityPage("accessibility")])

        // MARK: Interface strings and templates
        case .missingI18nFile:
            Entry(group: .strings, when: "a language of site.yaml has no `content/i18n/<lang>.yaml`",
                  examples: [.missingI18nFile(language: "en")])
        case .missingI18nKey:
            Entry(group: .strings, when: "a template uses an interface string that a language lacks; at the template's tag",
                  examples: [.missingI18nKey(key: "read_more", language: "en", template: "templates/body.mustache")])
        case .i18nKeyMissingInLanguage:
            Entry(group: .strings, when: "an interface string is in one language's file and not in another's",
                  examples: [.i18nKeyMissingInLanguage(key: "search_label", language: "fr")])
        case .unusedI18nKey:
            Entry(group: .strings, when: "an interface string no template uses", examples: [.unusedI18nKey("old_banner")])
        case .i18nValueNotText:
            Entry(group: .strings, when: "an interface string is a list or a mapping instead of a text",
                  examples: [.i18nValueNotText("read_more")])
        case .templateSyntax:
            Entry(group: .strings, when: "a template cannot be read as Mustache",
                  examples: [.templateSyntax("the section 'page.countries' is never closed")])
        case .templateName:
            Entry(group: .strings, when: "a template names something its view does not have, a missing partial, or includes itself",
                  examples: [.templateName("'page.titel' is not a name of the country view; did you mean 'page.title'?")])
        case .missingTemplate:
            Entry(group: .strings, when: "the theme lacks a template Rapport needs", examples: [.missingTemplate("country")])

        // MARK: The site graph
        case .unknownRegion:
            Entry(group: .graph, when: "a country's `region` names no region page of its edition and language",
                  examples: [.unknownRegion("asie-de-l-est", known: ["asie-du-sud-est"])])
        case .duplicateURL:
            Entry(group: .graph, when: "two pages would have one address",
                  examples: [.duplicateURL("/fr/2020/preface/", otherFile: "content/2020/fr/preface/index.md")])
        case .duplicateTranslation:
            Entry(group: .graph, when: "two pages of one language claim to translate the same page",
                  examples: [.duplicateTranslation(language: "en", otherFile: "content/2020/en/countries/mongolia.md")])
        case .translationKindMismatch:
            Entry(group: .graph, when: "a page is paired with a page of another kind (a country with a chapter page…)",
                  examples: [.translationKindMismatch(otherFile: "content/2020/en/preface.md")])
        case .missingTranslation:
            Entry(group: .graph, when: "a page has no counterpart in another language",
                  examples: [.missingTranslation(language: "en", expectedFile: "content/2020/en/countries/niger.md")])
        case .duplicateCountryCode:
            Entry(group: .graph, when: "two country pages of one edition and language have the same `country`",
                  examples: [.duplicateCountryCode("MN", otherFile: "content/2020/fr/countries/mongolie.md")])
        case .missingEditionHome:
            Entry(group: .graph, when: "an edition has pages in a language but no `index.md`",
                  examples: [.missingEditionHome(edition: "2020", language: "en")])
        case .chapterWithoutIndex:
            Entry(group: .graph, when: "a chapter folder has no `index.md` (reported once, at its first page)",
                  examples: [.chapterWithoutIndex(folder: "content/2020/fr/partenaires")])
        case .translationSourceChanged:
            Entry(group: .graph, when: "the default-language page changed since its translation's `source_digest` was accepted",
                  examples: [.translationSourceChanged(languageName: "French", file: "content/2020/en/index.md")])
        case .linkToDraft:
            Entry(group: .graph, when: "a published page links to a draft", examples: [.linkToDraft("mali.md")])
        case .notATranslation:
            Entry(group: .graph, when: "`rapport translations --accept` is given a file that is not a translation",
                  examples: [.notATranslation("content/2020/fr/index.md", why: "it is in the default language 'fr'")])
        case .editionHomeIsDraft:
            Entry(group: .graph, when: "a page is published while its edition's home is still a draft",
                  examples: [.editionHomeIsDraft(edition: "2023", language: "fr", home: "content/2023/fr/index.md")])
        case .figureDisagrees:
            Entry(group: .graph, when: "a translated country page states a figure other than the default language's",
                  examples: [.figureDisagrees(key: "population_millions", value: "24.3", otherValue: "24.2",
                                              otherFile: "content/2020/fr/countries/niger.md")])
        case .generatedURL:
            Entry(group: .graph, when: "a page takes the address of a page Rapport makes (`print/`, `key-data/`, `goals/N/`)",
                  examples: [.generatedURL("/fr/2020/print/", generatedPage: "the print version of the edition 2020")])

        // MARK: Data sets
        case .dataSetWithoutSchema:
            Entry(group: .data, when: "a CSV of `data/` has no `.yaml` beside it",
                  examples: [.dataSetWithoutSchema(schema: "content/2020/data/aid.yaml")])
        case .dataSetWithoutFigures:
            Entry(group: .data, when: "a schema of `data/` has no `.csv` beside it",
                  examples: [.dataSetWithoutFigures(csv: "content/2020/data/aid.csv")])
        case .missingLanguageText:
            Entry(group: .data, when: "a text of a schema (title, label…) lacks a language",
                  examples: [.missingLanguageText(key: "label", language: "en")])
        case .unknownChartColumn:
            Entry(group: .data, when: "`chart:` names a column the schema does not describe",
                  examples: [.unknownChartColumn("amont", known: ["sector", "amount", "share"])])
        case .chartColumnNotNumeric:
            Entry(group: .data, when: "a chart's `y` names a column that is not a number", examples: [.chartColumnNotNumeric("sector", type: "text")])
        case .lineChartWithoutYears:
            Entry(group: .data, when: "a line chart's `x` is not a `year` column", examples: [.lineChartWithoutYears("country")])
        case .csvUnclosedQuote:
            Entry(group: .data, when: "a quoted CSV cell never ends", examples: [.csvUnclosedQuote])
        case .csvTextAfterQuote:
            Entry(group: .data, when: "text follows a CSV cell's closing quote", examples: [.csvTextAfterQuote])
        case .csvWithoutHeader:
            Entry(group: .data, when: "a CSV file is empty", examples: [.csvWithoutHeader])
        case .csvColumnNotDescribed:
            Entry(group: .data, when: "a CSV column is not in the schema's `columns`",
                  examples: [.csvColumnNotDescribed("peeple", schema: "content/2020/data/aid.yaml", suggestion: "people")])
        case .csvColumnMissing:
            Entry(group: .data, when: "the schema describes a column the CSV lacks",
                  examples: [.csvColumnMissing("sector_en", schema: "content/2020/data/aid.yaml")])
        case .csvRowLength:
            Entry(group: .data, when: "a CSV row has more or fewer cells than the header", examples: [.csvRowLength(cells: 2, header: 7)])
        case .csvCellType:
            Entry(group: .data, when: "a cell is not of its column's type (comma CSV)",
                  examples: [.csvCellType("119 670 040", column: "amount", type: "eur")])
        case .csvCellTypeSemicolon:
            Entry(group: .data, when: "a cell is not of its column's type (semicolon CSV, as a French spreadsheet saves it)",
                  examples: [.csvCellTypeSemicolon("28.23", column: "share", type: "percent")])
        // MARK: The theme
        case .missingGoalName:
            Entry(group: .strings, when: "a language other than French and English lacks the name of a goal (`sdg_1` … `sdg_17`) in its interface strings",
                  examples: [.missingGoalName(key: "sdg_13", language: "de")])
        case .unknownThemeFile:
            Entry(group: .theme, when: "`rapport theme --copy NAME` names no file of the built-in theme",
                  examples: [.unknownThemeFile("contry.mustache", suggestion: "country.mustache")])
        case .themeCopyExists:
            Entry(group: .theme, when: "`rapport theme --copy` would replace a file of `templates/`", examples: [.themeCopyExists])
        case .themeCopyOutsideRoot:
            Entry(group: .theme, when: "`rapport theme --copy` meets a symbolic link that leads out of the site root", examples: [.themeCopyOutsideRoot])
        case .themeCopyFailed:
            Entry(group: .theme, when: "`rapport theme --copy` cannot write the file", examples: [.themeCopyFailed("no space left on device")])
        case .themeAssetMissing:
            Entry(group: .config, when: "`theme: logo: file:` or `theme: favicon:` names no asset of the site",
                  examples: [.themeAssetMissing(key: "logo", path: "assets/logo.svg")])
        case .missingLogoAlt:
            Entry(group: .config, when: "`theme: logo:` has no alternative text in a language of the site", examples: [.missingLogoAlt(language: "en")])
        case .invalidColour:
            Entry(group: .config, when: "`theme: accent:` is not a colour (or is empty: `#` unquoted starts a YAML comment)",
                  examples: [.invalidColour("blue"), .invalidColour("")])
        case .accentContrastTooLow:
            Entry(group: .config, when: "`theme: accent:` has less than 4.5:1 contrast with white (WCAG 2.1 AA)",
                  examples: [.accentContrastTooLow(colour: "#7fb3e0", ratio: "2.22", suggestion: "#567998")])
        case .unknownDataSet:
            Entry(group: .data, when: "a `<!-- table: NAME -->` or `<!-- chart: NAME -->` marker names no data set of the edition",
                  examples: [.unknownDataSet("aide", marker: "table", known: ["aid"])])
        case .dataSetWithoutChart:
            Entry(group: .data, when: "a chart marker names a data set whose schema has no `chart:`", examples: [.dataSetWithoutChart("oda")])
        case .csvNumberTooLarge:
            Entry(group: .data, when: "a CSV number has too many digits to be read",
                  examples: [.csvNumberTooLarge("99999999999999999999999", column: "amount")])
        case .chartNegativeValue:
            Entry(group: .data, when: "a chart would have to draw a negative value", examples: [.chartNegativeValue("-3", column: "change")])
        case .chartDuplicateYear:
            Entry(group: .data, when: "a line chart's year column holds one year twice",
                  examples: [.chartDuplicateYear(2017, column: "year", firstLine: 3)])
        case .tooManyDecimals:
            Entry(group: .data, when: "`decimals:` asks for more digits than a figure has", examples: [.tooManyDecimals(20, maximum: 15)])

        // MARK: The glossary
        case .glossaryNotAList:
            Entry(group: .glossary, when: "`content/glossary.yaml` is not a list of entries", examples: [.glossaryNotAList])
        case .glossaryEntryNotAMapping:
            Entry(group: .glossary, when: "an item of the glossary is not `- key: …` with its languages", examples: [.glossaryEntryNotAMapping])
        case .glossaryTermNotAMapping:
            Entry(group: .glossary, when: "a language's text of an entry is not `{term: …, expansion: …}`",
                  examples: [.glossaryTermNotAMapping(key: "oda", language: "fr")])
        case .invalidGlossaryKey:
            Entry(group: .glossary, when: "an entry's `key` has capitals, spaces or accents", examples: [.invalidGlossaryKey("APD")])
        case .duplicateGlossaryKey:
            Entry(group: .glossary, when: "two entries share a `key`", examples: [.duplicateGlossaryKey("oda", firstLine: 1)])
        case .glossaryMissingLanguage:
            Entry(group: .glossary, when: "an entry lacks a language of the site", examples: [.glossaryMissingLanguage(key: "oda", language: "en")])
        case .duplicateGlossaryTerm:
            Entry(group: .glossary, when: "two entries give the same term in one language",
                  examples: [.duplicateGlossaryTerm("APD", language: "fr", otherKey: "oda")])
        case .glossaryTermWithoutLetters:
            Entry(group: .glossary, when: "a term has no letter or digit", examples: [.glossaryTermWithoutLetters("—")])
        case .glossaryControlCharacter:
            Entry(group: .glossary, when: "a text of the glossary holds an invisible control character",
                  examples: [.glossaryControlCharacter(field: "term", scalar: 0x1B)])
        case .glossaryKeyIsThemeID:
            Entry(group: .glossary, when: "an entry's `key` is an id the theme already uses on every page",
                  examples: [.glossaryKeyIsThemeID("content")])
        case .invalidGlossarySlug:
            Entry(group: .glossary, when: "the interface string `glossary_slug` is not one URL segment",
                  examples: [.invalidGlossarySlug("Glossaire FR")])

        // MARK: Markdown bodies
        case .brokenLink:
            Entry(group: .bodies, when: "a link to a `.md` file that does not exist, with the nearest one",
                  examples: [.brokenLink("nigr.md", suggestion: "niger.md"), .brokenLink("rapport-2018.md")])
        case .missingAnchor:
            Entry(group: .bodies, when: "a link's `#anchor` is no heading of its page",
                  examples: [.missingAnchor("climat", inFile: "content/2020/fr/countries/niger.md", suggestion: "climat-et-eau")])
        case .brokenSiteURL:
            Entry(group: .bodies, when: "a link written as an address of the site leads to no page or file",
                  examples: [.brokenSiteURL("/fr/2022/cooperation-bilaterale/nigerr/", suggestion: "/fr/2022/cooperation-bilaterale/niger/"),
                             .brokenSiteURL("/fr/2019/", suggestion: nil)])
        case .linkFromSiteRoot:
            Entry(group: .bodies, when: "a link starts at the site's root (`/fr/…`): it breaks under a sub-path",
                  examples: [.linkFromSiteRoot("/fr/2022/cooperation-bilaterale/mongolie/", fix: "../mongolie.md", fixIsFile: true),
                             .linkFromSiteRoot("/fr/2022/print/", fix: "../../print/", fixIsFile: false)])
        case .missingAsset:
            Entry(group: .bodies, when: "a link or image leads to a file missing from `content/assets/`",
                  examples: [.missingAsset("/assets/carte-niger.png")])
        case .rawHTMLIgnored:
            Entry(group: .bodies, when: "raw HTML in a page while `allow_raw_html` is off", examples: [.rawHTMLIgnored])
        case .footnoteWithoutNote:
            Entry(group: .bodies, when: "a footnote call `[^2]` has no note", examples: [.footnoteWithoutNote("2")])
        case .footnoteNeverCalled:
            Entry(group: .bodies, when: "a note `[^3]: …` is called nowhere", examples: [.footnoteNeverCalled("3")])
        case .footnoteDefinedTwice:
            Entry(group: .bodies, when: "two notes have one label", examples: [.footnoteDefinedTwice("1")])
        case .imageWithoutAlt:
            Entry(group: .bodies, when: "an image has no alternative text (`![](…)`)", examples: [.imageWithoutAlt("/assets/carte.png")])
        case .unsafeURL:
            Entry(group: .bodies, when: "a link would run a script (`javascript:`)", examples: [.unsafeURL("javascript:alert(1)")])
        case .scriptURLInRawHTML:
            Entry(group: .bodies, when: "raw HTML holds a `javascript:` address, even with `allow_raw_html`", examples: [.scriptURLInRawHTML])

        // MARK: Output and the PDF
        case .outputFailed:
            Entry(group: .output, when: "the output cannot be written (a full or read-only disk); the previous output stays",
                  examples: [.outputFailed("fr/2020/index.html: no space left on the disk of the output folder /srv/site/output")])
        case .missingSiteFile:
            Entry(group: .output, when: "the site root has `content/` but no `content/site.yaml`", examples: [.missingSiteFile])
        case .pdfEngineMissing:
            Entry(group: .output, when: "`--pdf` or `pdf: true`, and WeasyPrint is not installed", examples: [.pdfEngineMissing(askedBy: "build --pdf")])
        case .pdfEngineFailed:
            Entry(group: .output, when: "WeasyPrint stopped with an error",
                  examples: [.pdfEngineFailed(document: "fr/2022/rapport-annuel-2022.pdf", detail: "No such file: logo.svg")])
        case .pdfEngineTimedOut:
            Entry(group: .output, when: "WeasyPrint worked for more than an hour on one document",
                  examples: [.pdfEngineTimedOut(document: "fr/2022/rapport-annuel-2022.pdf", seconds: 3600)])
        case .footnoteTooLongForPDF:
            Entry(group: .output, when: "with `--pdf`, a footnote of more words than fit at the foot of a page (WeasyPrint would cut it)",
                  examples: [.footnoteTooLongForPDF(number: 2, words: 912, limit: 400)])
        case .invalidPDFFileName:
            Entry(group: .output, when: "the interface string `pdf_file` is not a PDF file name", examples: [.invalidPDFFileName("Rapport 2022.doc")])

        // MARK: Numbers out of range
        case .numberTooLarge:
            Entry(group: .numbers, when: "a whole number has more digits than Rapport reads",
                  examples: [.numberTooLarge(key: "budget_eur", text: "99999999999999999999")])
        case .numberNotFinite:
            Entry(group: .numbers, when: "`.inf`, `.nan` or a number too large where a figure is expected",
                  examples: [.numberNotFinite(key: "life_expectancy", text: ".inf")])
        case .numberBelowMinimum:
            Entry(group: .numbers, when: "a number below its smallest value (`hdi_rank: 0`)", examples: [.numberBelowMinimum(key: "hdi_rank", minimum: 1)])

        // MARK: Front matter as French is typed
        case .plainTextWithColon:
            Entry(group: .frenchTyping, when: "an unquoted text holds ` : ` or ends with `:`",
                  examples: [.plainTextWithColon(fix: "summary: \"Ukraine : l’aide d’urgence\"")])
        case .commentCutsText:
            Entry(group: .frenchTyping, when: "a ` #` in an unquoted text: YAML cuts the text there", examples: [.commentCutsText])
        case .numberWritten:
            Entry(group: .frenchTyping, when: "a number written as in a French text (`61,6`, `21 500 000 €`)",
                  examples: [.numberWritten(key: "life_expectancy", text: "61,6", write: "61.6"),
                             .numberWritten(key: "budget_eur", text: "21 500 000 €", write: "21500000")])
        case .listWithoutBrackets:
            Entry(group: .frenchTyping, when: "a list written without its square brackets",
                  examples: [.listWithoutBrackets(key: "priority_areas", write: "[4, 6, 8]")])
        }
    }
}
