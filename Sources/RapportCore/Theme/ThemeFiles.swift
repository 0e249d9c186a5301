import CRapportSystem
import Foundation

/// The theme a build uses: the built-in theme (the repository's `templates/`, compiled into the binary as
/// `EmbeddedFolder.builtInTheme`), with each file of the site's own `templates/` in place of the built-in file of
/// the same name — templates, partials and assets alike. A site with no `templates/` uses the built-in theme whole.
///
/// A file keeps the path it came from, so every message about it names it: `templates/country.mustache:3:7` for
/// the site's file, `(built-in theme)/base.mustache:12:1` for the built-in one.
public enum ThemeFiles {
    /// The folder of a site root that holds its own theme files.
    public static let siteFolder = "templates/"
    /// Where messages place a file of the built-in theme.
    public static let builtInFolder = "(built-in theme)/"
    /// The built-in theme.
    public static var builtIn: EmbeddedFolder { .builtInTheme }

    /// The theme's name of a file (`base.mustache`, `assets/rapport.css`) from its path in the site root
    /// (`templates/…`) or in the built-in theme (`(built-in theme)/…`); nil for any other path.
    public static func name(ofPath path: String) -> String? {
        for folder in [siteFolder, builtInFolder] where path.hasPrefix(folder) { return String(path.dropFirst(folder.count)) }
        return nil
    }

    /// Whether a theme file is an asset (published under `assets/`) rather than a template.
    static func isAsset(_ name: String) -> Bool { name.hasPrefix("assets/") }

    /// What a file of the theme is known by, so what a file of the site replaces: an asset by its published path
    /// (`assets/rapport.css`), a template by its file name, since templates include each other by that name
    /// (`templates/partials/body.mustache` is `{{>body}}`, so it replaces the built-in `body.mustache`).
    static func identity(of name: String) -> String {
        isAsset(name) ? name : String(name.split(separator: "/").last ?? Substring(name))
    }

    /// The built-in theme's files as a build reads them: its templates (`*.mustache`) and its assets (`assets/**`).
    /// Other files of the folder (notes, say) are no part of a theme, as in a site's `templates/`.
    static let builtInFiles: (templates: [SourceFile], assets: [SourceFile]) = {
        var templates: [SourceFile] = [], assets: [SourceFile] = []
        for name in builtIn.names {
            let file = SourceFile(path: builtInFolder + name, bytes: builtIn.bytes(of: name) ?? [])
            if isAsset(name) { assets.append(file) } else if name.hasSuffix(".mustache") { templates.append(file) }
        }
        return (templates, assets)
    }()

    /// The templates and assets of the theme: the built-in files, less those the site's `templates/` replaces,
    /// plus the site's. `siteAssets` may hold `content/assets/` files too: they are kept, after the theme's.
    /// - Parameters:
    ///   - siteTemplates: the site's `templates/**.mustache`.
    ///   - siteAssets: the site's `templates/assets/**` (and `content/assets/**`).
    public static func merged(siteTemplates: [SourceFile], siteAssets: [SourceFile]) -> (templates: [SourceFile], assets: [SourceFile]) {
        let replaced = Set((siteTemplates + siteAssets).compactMap { name(ofPath: $0.path).map(identity) })
        let builtIn = builtInFiles
        let templates = builtIn.templates.filter { !replaced.contains(identity(of: name(ofPath: $0.path)!)) } + siteTemplates
        let siteTheme = siteAssets.filter { $0.path.hasPrefix(siteFolder) }
        let content = siteAssets.filter { !$0.path.hasPrefix(siteFolder) }
        let themeAssets = builtIn.assets.filter { !replaced.contains(identity(of: name(ofPath: $0.path)!)) } + siteTheme
        return (templates.sorted { $0.path < $1.path }, themeAssets.sorted { $0.path < $1.path } + content)
    }

    // MARK: - rapport theme --list

    /// A file of the theme, as `rapport theme --list` shows it.
    public struct Entry: Sendable, Equatable, CustomStringConvertible {
        public enum Origin: Sendable, Equatable {
            /// The built-in file, used as it is.
            case builtIn
            /// The site's file replaces the built-in one (`identical`: byte for byte the same).
            case replaced(identical: Bool)
            /// The site's file, which the built-in theme does not have (a partial of the site's own, say).
            case added
        }

        public var name: String
        public var origin: Origin

        public var description: String {
            switch origin {
            case .builtIn: "\(name)  built-in"
            case .replaced(let identical): "\(name)  yours: \(siteFolder)\(name) replaces the built-in file" + (identical ? " (the same bytes)" : "")
            case .added: "\(name)  yours: \(siteFolder)\(name) (the built-in theme has no such file)"
            }
        }
    }

    /// Every file of the theme of the site at `root`, by name: built-in, replaced by the site, or the site's own.
    /// The site's files are found as a build finds them (`SiteSource.role(of:)`); what cannot be read is in `diagnostics`.
    public static func list(root: URL) -> (entries: [Entry], diagnostics: [Diagnostic]) {
        var log = DiagnosticLog(stage: .read)
        let rootPath = SiteWalk.realPath(root.path) ?? root.standardizedFileURL.path
        var site: [String: SiteWalk.Found] = [:]
        if rapport_entry_kind(rootPath + "/" + siteFolder.dropLast(), 1) == 2 {
            for file in SiteWalk(rootPath: rootPath).files(below: String(siteFolder.dropLast()), log: &log) where SiteSource.role(of: file.path) != nil {
                site[String(file.path.dropFirst(siteFolder.count))] = file
            }
        }
        // A site's template in a sub-folder replaces the built-in one of its file name: shown under the site's path.
        let builtInByIdentity = Dictionary(builtIn.names.filter(isThemeFile).map { (identity(of: $0), $0) }, uniquingKeysWith: { first, _ in first })
        let replacing = Set(site.keys.compactMap { builtInByIdentity[identity(of: $0)] })
        var entries: [Entry] = []
        for name in Set(builtIn.names.filter(isThemeFile)).subtracting(replacing).union(site.keys).sorted(by: byteOrder) {
            let theirs = site[name] == nil ? builtIn.bytes(of: name) : builtInByIdentity[identity(of: name)].flatMap(builtIn.bytes(of:))
            switch (theirs, site[name]) {
            case (_?, nil): entries.append(Entry(name: name, origin: .builtIn))
            case (let theirs?, let ours?):
                entries.append(Entry(name: name, origin: .replaced(identical: FileBytes.load(atPath: ours.absolutePath).map { $0 == theirs }.get(or: false))))
            case (nil, _): entries.append(Entry(name: name, origin: .added))
            }
        }
        return (entries, log.items)
    }

    /// A template or an asset (what a build reads from a theme folder).
    static func isThemeFile(_ name: String) -> Bool { isAsset(name) || name.hasSuffix(".mustache") }

    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }
}

private extension Result {
    func get(or fallback: Success) -> Success { (try? get()) ?? fallback }
}
