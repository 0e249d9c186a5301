/// site.yaml `theme:`: what a site changes in the theme without a template — its logo, its accent colour, its
/// favicon. Each is checked when site.yaml is read (`ThemeSettingsLoader`) and when the assets are known
/// (`checkAssets`).
public struct ThemeSettings: Sendable, Equatable {
    /// The logo: an asset of the site (`assets/logo.svg`, published as it is), with its alternative text per language.
    public var logo: Located<String>?
    /// The logo's alternative text, by language code (every language of the site has one).
    public var logoAlt: [String: String] = [:]
    /// The accent colour, `#rrggbb` (small letters), with at least 4.5:1 contrast with white.
    public var accent: String?
    /// The favicon: an asset of the site (`assets/favicon.png`).
    public var favicon: Located<String>?

    public init() {}

    /// Errors at `logo` and `favicon` when they name no published asset (`assets/…`, from `content/assets/`,
    /// `templates/assets/` or the built-in theme).
    func checkAssets(_ published: Set<String>) -> [Diagnostic] {
        [("logo", logo), ("favicon", favicon)].compactMap { key, asset in
            guard let asset, !published.contains(asset.value) else { return nil }
            return Diagnostic(.error, .themeAssetMissing(key: key, path: PrintableText.escaped(asset.value)), at: asset.location, stage: .config)
        }
    }

    /// The MIME type of the favicon, from its extension (`<link rel="icon" type="…">`); nil for an unknown one.
    var faviconType: String? {
        guard let path = favicon?.value.lowercased() else { return nil }
        let types = ["svg": "image/svg+xml", "png": "image/png", "ico": "image/x-icon", "gif": "image/gif", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"]
        return path.split(separator: ".").last.flatMap { types[String($0)] }
    }
}
