import Mustache

// Direct lookups for the templates: swift-mustache reads a `MustacheParent` by name instead of through
// `Mirror`, which measured about half of all rendering time. The names are the documented template
// variables (README.md, "Templates"); `ViewLookupTests` checks that every stored property answers.

extension PageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "t": StringsLookup(strings: t)
        case "page": page
        default: nil
        }
    }
}

extension ChromeView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "lang": TemplateText(lang)
        case "siteTitle": TemplateText(siteTitle)
        case "documentTitle": TemplateText(documentTitle)
        case "description": description.map(TemplateText.init) as Any?
        case "canonical": canonical.map(TemplateText.init) as Any?
        case "alternates": alternates
        case "root": TemplateText(root)
        case "homeHref": TemplateText(homeHref)
        case "switcher": switcher
        case "editions": editions
        case "privacyHref": privacyHref.map(TemplateText.init) as Any?
        case "accessibilityHref": accessibilityHref.map(TemplateText.init) as Any?
        case "privacyBanner": privacyBanner
        case "searchIndexHref": TemplateText(searchIndexHref)
        default: nil
        }
    }
}

extension AlternateView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "hreflang": TemplateText(hreflang)
        case "href": TemplateText(href)
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": TemplateText(label)
        case "href": TemplateText(href)
        case "current": current
        case "lang": lang.map(TemplateText.init) as Any?
        default: nil
        }
    }
}

extension BodyView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "intro": TemplateText(intro)
        case "rest": rest.map(TemplateText.init) as Any?
        default: nil
        }
    }
}

extension CountryView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "idPrefix": TemplateText(idPrefix)
        case "title": TemplateText(title)
        case "summary": summary.map(TemplateText.init) as Any?
        case "body": body
        case "edition": TemplateText(edition)
        case "countryCode": TemplateText(countryCode)
        case "region": region as Any?
        case "keyData": keyData as Any?
        case "priorityAreas": priorityAreas
        case "achievements": achievements.map(TemplateText.init)
        case "budget": budget.map(TemplateText.init) as Any?
        case "otherEditions": otherEditions
        default: nil
        }
    }
}

extension KeyDataView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "population": population.map(TemplateText.init) as Any?
        case "gniPerCapita": gniPerCapita.map(TemplateText.init) as Any?
        case "hdiRank": hdiRank.map(TemplateText.init) as Any?
        case "lifeExpectancy": lifeExpectancy.map(TemplateText.init) as Any?
        case "programme": programme.map(TemplateText.init) as Any?
        case "programmeNotApplicable": programmeNotApplicable
        case "year": year.map(TemplateText.init) as Any?
        case "source": source.map(TemplateText.init) as Any?
        case "hasNote": hasNote
        default: nil
        }
    }
}

extension GoalView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "name": TemplateText(self.name)
        case "colour": TemplateText(colour)
        case "href": TemplateText(href)
        default: nil
        }
    }
}

extension GoalPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "name": TemplateText(self.name)
        case "colour": TemplateText(colour)
        case "edition": TemplateText(edition)
        case "countries": countries
        default: nil
        }
    }
}

extension ComparisonView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "edition": TemplateText(edition)
        case "rows": rows
        case "notes": notes.map(TemplateText.init)
        case "hasNotes": hasNotes
        default: nil
        }
    }
}

extension ComparisonRowView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "country": country
        case "population": TemplateText(population)
        case "populationValue": TemplateText(populationValue)
        case "gniPerCapita": TemplateText(gniPerCapita)
        case "gniPerCapitaValue": TemplateText(gniPerCapitaValue)
        case "hdiRank": TemplateText(hdiRank)
        case "hdiRankValue": TemplateText(hdiRankValue)
        case "lifeExpectancy": TemplateText(lifeExpectancy)
        case "lifeExpectancyValue": TemplateText(lifeExpectancyValue)
        case "programme": TemplateText(programme)
        case "budget": TemplateText(budget)
        case "budgetValue": TemplateText(budgetValue)
        default: nil
        }
    }
}

extension ChartView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "width": width
        case "height": height
        case "bars": bars
        default: nil
        }
    }
}

extension BarView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": TemplateText(label)
        case "value": TemplateText(value)
        case "href": TemplateText(href)
        case "y": y
        case "textY": textY
        case "width": width
        case "valueX": valueX
        default: nil
        }
    }
}

extension PrintView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "edition": TemplateText(edition)
        case "introduction": TemplateText(introduction)
        case "sections": sections.map(TemplateText.init)
        default: nil
        }
    }
}

extension PrintSectionView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": TemplateText(id)
        case "title": TemplateText(title)
        case "isRegion": isRegion
        case "body": TemplateText(body)
        case "country": country as Any?
        default: nil
        }
    }
}

extension RegionView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "summary": summary.map(TemplateText.init) as Any?
        case "body": body
        case "edition": TemplateText(edition)
        case "countries": countries
        default: nil
        }
    }
}

extension EditionView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "summary": summary.map(TemplateText.init) as Any?
        case "body": body
        case "edition": TemplateText(edition)
        case "regions": regions
        case "otherCountries": otherCountries
        case "goals": goals
        case "chart": chart as Any?
        case "comparisonHref": TemplateText(comparisonHref)
        case "printHref": TemplateText(printHref)
        case "otherEditions": otherEditions
        default: nil
        }
    }
}

extension RegionGroupView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "href": TemplateText(href)
        case "countries": countries
        default: nil
        }
    }
}

extension StandaloneView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "summary": summary.map(TemplateText.init) as Any?
        case "body": body
        default: nil
        }
    }
}

extension LanguageHomeView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": TemplateText(title)
        case "latest": latest as Any?
        case "editions": editions
        case "pages": pages
        default: nil
        }
    }
}

extension RootView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "target": TemplateText(target)
        case "languages": languages
        default: nil
        }
    }
}

extension NotFoundView: MustacheParent {
    public func child(named name: String) -> Any? {
        name == "title" ? title : nil
    }
}

/// A text as the templates see it. swift-mustache looks a value up by casting it to several protocols in turn;
/// a plain `String` fails each of those casts (and is then described through reflection), while this type is
/// found at once: a renderable text (`{{name}}`), a parent with no children (when a section pushes it), and
/// transformable like a `String` (`{{uppercased(name)}}`).
struct TemplateText: MustacheParent, MustacheCustomRenderable, MustacheTransformable {
    let value: String
    init(_ value: String) { self.value = value }
    var renderText: String { value }
    var isNull: Bool { false }
    func child(named name: String) -> Any? { nil }
    func transform(_ name: String) -> Any? { value.transform(name) }
}

/// The interface strings as the templates read them (`{{t.read_more}}`).
struct StringsLookup: MustacheParent {
    let strings: [String: String]
    func child(named name: String) -> Any? { strings[name].map(TemplateText.init) }
}
