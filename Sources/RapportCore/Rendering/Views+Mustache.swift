import Mustache

// Direct lookups for the templates: swift-mustache reads a `MustacheParent` by name instead of through
// `Mirror`, which measured about half of all rendering time. The names are the documented template
// variables (README.md, "Templates"); `ViewLookupTests` checks that every stored property answers.

extension PageContext: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "chrome": chrome
        case "t": t
        case "page": page
        default: nil
        }
    }
}

extension ChromeView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "lang": lang
        case "siteTitle": siteTitle
        case "documentTitle": documentTitle
        case "description": description as Any?
        case "canonical": canonical as Any?
        case "alternates": alternates
        case "root": root
        case "homeHref": homeHref
        case "switcher": switcher
        case "editions": editions
        case "privacyHref": privacyHref as Any?
        case "accessibilityHref": accessibilityHref as Any?
        case "privacyBanner": privacyBanner
        case "searchIndexHref": searchIndexHref
        default: nil
        }
    }
}

extension AlternateView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "hreflang": hreflang
        case "href": href
        default: nil
        }
    }
}

extension LinkView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        case "lang": lang as Any?
        default: nil
        }
    }
}

extension BodyView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "intro": intro
        case "rest": rest as Any?
        default: nil
        }
    }
}

extension CountryView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "idPrefix": idPrefix
        case "title": title
        case "summary": summary as Any?
        case "body": body
        case "edition": edition
        case "countryCode": countryCode
        case "region": region as Any?
        case "keyData": keyData as Any?
        case "priorityAreas": priorityAreas
        case "achievements": achievements
        case "budget": budget as Any?
        case "otherEditions": otherEditions
        default: nil
        }
    }
}

extension KeyDataView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "population": population as Any?
        case "gniPerCapita": gniPerCapita as Any?
        case "hdiRank": hdiRank as Any?
        case "lifeExpectancy": lifeExpectancy as Any?
        case "programme": programme as Any?
        case "programmeNotApplicable": programmeNotApplicable
        case "year": year as Any?
        case "source": source as Any?
        case "hasNote": hasNote
        default: nil
        }
    }
}

extension GoalView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "name": self.name
        case "colour": colour
        case "href": href
        default: nil
        }
    }
}

extension GoalPageView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "number": number
        case "name": self.name
        case "colour": colour
        case "edition": edition
        case "countries": countries
        default: nil
        }
    }
}

extension ComparisonView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "edition": edition
        case "rows": rows
        case "notes": notes
        case "hasNotes": hasNotes
        default: nil
        }
    }
}

extension ComparisonRowView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "country": country
        case "population": population
        case "populationValue": populationValue
        case "gniPerCapita": gniPerCapita
        case "gniPerCapitaValue": gniPerCapitaValue
        case "hdiRank": hdiRank
        case "hdiRankValue": hdiRankValue
        case "lifeExpectancy": lifeExpectancy
        case "lifeExpectancyValue": lifeExpectancyValue
        case "programme": programme
        case "budget": budget
        case "budgetValue": budgetValue
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
        case "label": label
        case "value": value
        case "href": href
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
        case "title": title
        case "edition": edition
        case "introduction": introduction
        case "sections": sections
        default: nil
        }
    }
}

extension PrintSectionView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "title": title
        case "isRegion": isRegion
        case "body": body
        case "country": country as Any?
        default: nil
        }
    }
}

extension RegionView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary as Any?
        case "body": body
        case "edition": edition
        case "countries": countries
        default: nil
        }
    }
}

extension EditionView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary as Any?
        case "body": body
        case "edition": edition
        case "regions": regions
        case "otherCountries": otherCountries
        case "goals": goals
        case "chart": chart as Any?
        case "comparisonHref": comparisonHref
        case "printHref": printHref
        case "otherEditions": otherEditions
        default: nil
        }
    }
}

extension RegionGroupView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "href": href
        case "countries": countries
        default: nil
        }
    }
}

extension StandaloneView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary as Any?
        case "body": body
        default: nil
        }
    }
}

extension LanguageHomeView: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
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
        case "target": target
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
