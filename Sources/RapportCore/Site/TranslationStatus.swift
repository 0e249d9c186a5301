import Foundation

/// Translation status: whether each translation still matches the default-language page it was made from
/// (its `source_digest` against the digest of that page's file). Computed from the site graph alone, after it:
/// an edit of a page's body changes its digest without changing the graph.
public struct TranslationStatus: Sendable, Equatable {
    public enum State: String, Sendable, CaseIterable {
        case upToDate = "up to date"
        case sourceChanged = "source changed"
        case noDigest = "no digest yet"
        case missing = "missing translation"
    }

    /// One page of the default language and one of its translations (or the language it lacks).
    public struct Pair: Sendable, Equatable {
        public var source: String
        public var language: String
        public var translation: String?
        public var state: State
    }

    public var pairs: [Pair]

    /// Every pair of the site, by source file then language order of site.yaml.
    public static func of(_ site: Site) -> TranslationStatus {
        let config = site.config
        var pairs: [Pair] = []
        for (id, page) in site.pages.enumerated() where page.language == config.defaultLanguage {
            for language in config.languageCodes where language != config.defaultLanguage {
                guard let other = site.translations[id][language] else {
                    pairs.append(Pair(source: page.file, language: language, translation: nil, state: .missing))
                    continue
                }
                let translation = site.pages[other]
                let state: State = switch translation.sourceDigest?.value {
                case nil: .noDigest
                case page.digest: .upToDate
                default: .sourceChanged
                }
                pairs.append(Pair(source: page.file, language: language, translation: translation.file, state: state))
            }
        }
        return TranslationStatus(pairs: pairs)
    }

    /// A warning at the `source_digest` line of every translation whose source changed since.
    public static func warnings(_ site: Site) -> [Diagnostic] {
        var log = DiagnosticLog(stage: .site)
        let name = Locale(identifier: "en").localizedString(forLanguageCode: site.config.defaultLanguage) ?? site.config.defaultLanguage
        for pair in of(site).pairs where pair.state == .sourceChanged {
            guard let file = pair.translation, let id = site.pageByFile[file], let digest = site.pages[id].sourceDigest,
                  // A source with front-matter errors is being fixed: its errors say enough for now.
                  site.pageByFile[pair.source].map({ !site.pages[$0].hasFrontMatterErrors }) ?? false else { continue }
            log.warning(.translationSourceChanged(languageName: name, file: file), at: digest.location)
        }
        return log.items
    }
}
