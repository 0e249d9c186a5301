/// Stage "front matter": a page file's text to a typed `Page`, with every problem of its front matter.
public enum PageLoader {
    static let commonKeys = ["title", "summary", "slug", "translation_key", "draft", "source_digest"]
    static let countryKeys = commonKeys + ["country", "region", "key_data", "priority_areas", "achievements", "budget_eur"]
    static let chapterKeys = commonKeys + ["order", "toc"]
    static let regionKeys = commonKeys + ["order"]

    /// The keys a page of `kind` may have.
    static func allowedKeys(_ kind: PageKind) -> [String] {
        switch kind {
        case .country: countryKeys
        case .region: regionKeys
        case .chapter, .chapterPage: chapterKeys
        case .editionHome, .standalone: commonKeys
        }
    }
    static let keyDataKeys = CountryFigure.written(in: .keyData).map(\.key) + ["cooperation_programme", "source"]

    /// Loads one page. Returns `nil` (with diagnostics) when the file cannot become a page.
    public static func loadPage(
        from source: SourceText, kind: PageKind, language: String,
        pathInLanguage: String, fileStem: String, computesDigest: Bool = true
    ) -> (page: Page?, diagnostics: [Diagnostic]) {
        let document: ParsedDocument
        switch ParsedDocument.split(source) {
        case .success(let parsed): document = parsed
        case .failure(let diagnostic): return (nil, [diagnostic])
        }
        let reader = YAMLFields(path: source.path, lineOffset: document.yamlFirstLine - 1, stage: .frontMatter)
        let allowed = allowedKeys(kind)
        // Texts with a French colon are read as the fix puts them (in quotes), after their errors: the rest is checked.
        let yaml = FrenchFrontMatter.check(document.yaml, reader: reader)
        let checked = reader.log.items.count
        let root = reader.compose(yaml)
        let frontMatterStart = SourceLocation(path: source.path, line: 1)
        guard reader.log.items.count == checked,
              let fields = reader.mapping(root, named: "the front matter", allowedKeys: allowed,
                                          context: "the front matter of \(kind.displayName)") else {
            return (nil, reader.log.items)
        }
        fields.reportUnknownKeys()
        let title = fields.string("title", required: root != nil)
        if root == nil { reader.error(.missingKey("title"), at: frontMatterStart) }
        let summary = fields.string("summary")
        let translationKey = fields.string("translation_key")
        // A chapter page's slug is its folder's URL segment: the folder's name unless `slug` gives another.
        let defaultSlug: String
        if case .chapter(_, let folders) = kind, let folder = folders.last { defaultSlug = folder } else { defaultSlug = fileStem }
        var slug = defaultSlug
        if let given = fields.string("slug") {
            if Slug.isValid(given.value) { slug = given.value } else { reader.error(.invalidSlug(given.value), at: given.location) }
        } else if !Slug.isValid(defaultSlug), !kind.isEditionHome {
            reader.error(.invalidSlug(defaultSlug), at: frontMatterStart)
        }
        let order = allowed.contains("order") ? fields.integer("order")?.value : nil
        let toc = allowed.contains("toc") ? fields.bool("toc")?.value ?? false : false
        let draft = fields.bool("draft")?.value ?? false
        var sourceDigest = fields.string("source_digest")
        if let given = sourceDigest, !TranslationDigest.isWellFormed(given.value) {
            sourceDigest = nil
            let sourceDigest = given
            reader.error(.wrongType(key: "source_digest", expected: "a digest of \(TranslationDigest.length) hexadecimal digits (rapport translations --accept writes it)",
                                    found: "'\(sourceDigest.value.prefix(40))'"), at: sourceDigest.location)
        }
        let country = kind.isCountry ? loadCountry(fields, reader: reader) : nil

        // A page with other front-matter errors is kept, so that links to it do not add false errors;
        // the run fails on the errors anyway.
        guard let title else { return (nil, reader.log.items) }
        var loaded = Page.Fields(
            file: source.path, kind: kind, language: language,
            pathInLanguage: pathInLanguage, fileStem: fileStem,
            title: title, summary: summary?.value, slug: slug, translationKey: translationKey?.value,
            order: order, toc: toc, draft: draft, sourceDigest: sourceDigest, country: country,
            body: document.body, bodyFirstLine: document.bodyFirstLine)
        loaded.hasFrontMatterErrors = reader.log.items.hasErrors
        if computesDigest { loaded.digest = TranslationDigest.of(source.text) }
        return (Page(loaded), reader.log.items)
    }

    private static func loadCountry(_ fields: Fields, reader: YAMLFields) -> CountryData? {
        let code = fields.string("country", required: true)
        if let code, !CountryCodes.isAssigned(code.value) {
            reader.error(.invalidCountryCode(code.value), at: code.location)
        }
        let region = fields.string("region")
        if let region, !Slug.isValid(region.value) {
            reader.error(.invalidSlug(region.value), at: region.location)
        }

        var figures = CountryFigures()
        func read(_ figure: CountryFigure, from fields: Fields) {
            let value: Located<FigureValue>? = switch figure.reading {
            case .decimal: fields.number(figure.key).map { Located(value: .decimal($0.value), location: $0.location) }
            case .integer(let minimum): fields.integer(figure.key, minimum: minimum).map { Located(value: .integer($0.value), location: $0.location) }
            }
            figures[figure] = value
        }
        var keyData: KeyData?
        if let node = fields.node("key_data"), let data = fields.nested("key_data", allowedKeys: keyDataKeys, context: "key_data") {
            data.reportUnknownKeys()
            var texts = KeyData(place: reader.location(of: node))
            for figure in CountryFigure.written(in: .keyData) { read(figure, from: data) }
            if let rank = figures.integer(.hdiRank), let total = figures.integer(.hdiTotal), rank > total, let place = figures[.hdiRank]?.location {
                reader.error(.hdiRankAboveTotal(rank: rank, total: total), at: place)
            }
            if let programme = data.nullableString("cooperation_programme") {
                texts.cooperationProgramme = programme.value.map(KeyData.Programme.text) ?? .notApplicable
            }
            texts.source = data.string("source")?.value
            keyData = texts
        }

        let areasPlace = fields.node("priority_areas").map { reader.location(of: $0) }
        var areas: [SDG] = []
        for item in fields.list("priority_areas") ?? [] {
            guard case .scalar(let scalar) = item, scalar.style == .plain, let number = YAMLFields.integer(scalar) else {
                reader.error(.wrongType(key: "priority_areas", expected: "a list of goal numbers 1 to 17",
                                        found: YAMLFields.describe(item)), at: item)
                continue
            }
            guard let goal = SDG(number) else { reader.error(.sdgOutOfRange(number), at: item); continue }
            if areas.contains(goal) { reader.error(.duplicateSDG(number), at: item); continue }
            areas.append(goal)
        }

        var achievements: [String] = []
        for item in fields.list("achievements") ?? [] {
            guard let text = Fields.text(item), !text.allSatisfy(\.isWhitespace) else {
                reader.error(.wrongType(key: "achievements", expected: "a list of texts", found: YAMLFields.describe(item)), at: item)
                continue
            }
            achievements.append(text)
        }
        for figure in CountryFigure.written(in: .page) { read(figure, from: fields) }

        guard let code else { return nil }
        return CountryData(code: code, region: region, keyData: keyData, figures: figures, priorityAreas: areas,
                           priorityAreasPlace: areasPlace, achievements: achievements)
    }
}
