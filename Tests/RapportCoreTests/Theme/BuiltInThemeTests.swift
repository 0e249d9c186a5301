import Foundation
@testable import RapportCore
import RapportTestSupport
import Testing

/// The built-in theme: `templates/` compiled into the binary, used whole by a site without `templates/`, and file
/// by file under a site's own `templates/`.
@Suite("built-in theme")
struct BuiltInThemeTests {
    /// A site root with the repository's content and interface strings and no `templates/`.
    static func siteWithoutTemplates() throws -> URL {
        let root = TestFolders.temporary("rapport-theme")
        try FileManager.default.copyItem(at: TestFolders.repositoryRoot.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        return root
    }

    static func write(_ text: String, to path: String, in root: URL) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test("the embedded theme is the repository's templates/, byte for byte (the plugin embeds it at every build)")
    func embeddedIsTemplates() throws {
        let folder = TestFolders.repositoryRoot.appendingPathComponent("templates")
        var onDisk: [String: [UInt8]] = [:]
        let walk = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil, options: [.skipsHiddenFiles])!
        for case let url as URL in walk where !url.hasDirectoryPath {
            onDisk[String(url.path.dropFirst(folder.path.count + 1))] = try [UInt8](Data(contentsOf: url))
        }
        #expect(ThemeFiles.builtIn.names == onDisk.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) })
        for (name, bytes) in onDisk { #expect(ThemeFiles.builtIn.bytes(of: name) == bytes, "\(name) differs") }
        #expect(ThemeFiles.builtIn.bytes(of: "nothing.mustache") == nil)
    }

    @Test("a site without templates/ builds --strict with the built-in theme, the same pages as with its own copy")
    func siteWithoutTemplatesBuilds() throws {
        let root = try Self.siteWithoutTemplates()
        defer { TestFolders.remove(root) }
        let outcome = SiteBuilder.build(SiteSource.read(root: root), options: BuildOptions(strict: true))
        #expect(outcome.messages == [])
        let withTemplates = try TestFolders.copyOfRepositorySite()
        defer { TestFolders.remove(withTemplates) }
        let reference = SiteBuilder.build(SiteSource.read(root: withTemplates), options: BuildOptions(strict: true))
        #expect(outcome.files.map(\.path) == reference.files.map(\.path))
        #expect(outcome.files.map(\.contents.bytes) == reference.files.map(\.contents.bytes))
    }

    @Test("a template and an asset of templates/ replace the built-in ones; the rest stays built-in")
    func overrides() throws {
        let root = try Self.siteWithoutTemplates()
        defer { TestFolders.remove(root) }
        try Self.write("{{<base}}{{$main}}<h1>Ours: {{page.title}}</h1><p>{{t.not_found_text}} {{t.back_home}}</p>{{/main}}{{/base}}\n", to: "templates/404.mustache", in: root)
        try Self.write("/* our stylesheet */\n", to: "templates/assets/rapport.css", in: root)
        let outcome = SiteBuilder.build(SiteSource.read(root: root), options: BuildOptions(strict: true))
        #expect(outcome.messages == [])
        let page = try #require(outcome.text("fr/404.html"))
        #expect(page.contains("<h1>Ours: Page introuvable</h1>"))
        #expect(page.contains("<a class=\"skip-link\" href=\"#content\">"), "the built-in base.mustache around it")
        let asset = { (path: String) in outcome.files.first { $0.path == path }?.contents.bytes }
        #expect(asset("assets/rapport.css") == Array("/* our stylesheet */\n".utf8))
        #expect(asset("assets/rapport.js") == ThemeFiles.builtIn.bytes(of: "assets/rapport.js"))
    }

    @Test("every message names the file it is about: the site's template, or the built-in theme's")
    func messagesNameTheirFile() throws {
        var site = TestSite()
        site.files["templates/country.mustache"] = "{{<base}}{{$main}}{{page.titel}}{{/main}}{{/base}}"
        #expect(site.build().messages.contains(
            "templates/country.mustache:1:19: error: 'page.titel' is not a name of the country view; did you mean 'page.title'?"))
        // The built-in 404 template, in a site whose interface strings lack what it uses.
        site = TestSite()
        site.files["templates/404.mustache"] = nil
        let messages = site.build().messages
        #expect(messages.contains { $0.hasPrefix("(built-in theme)/404.mustache:") && $0.contains("error: the interface string 'not_found_text' is used by (built-in theme)/404.mustache but missing in content/i18n/en.yaml") },
                "\(messages)")
    }

    @Test("a file of content/assets/ at a theme asset's address is an error that says how to change the theme's file")
    func contentAssetCollision() throws {
        var site = TestSite()
        site.files["content/assets/rapport.js"] = "// ours"
        #expect(site.build().messages.contains(
            "content/assets/rapport.js:1:1: error: this file would replace the theme's (built-in theme)/assets/rapport.js on every page: give it another name; to change the theme's file, run 'rapport theme --copy assets/rapport.js' and edit templates/assets/rapport.js"))
        site.files["templates/assets/rapport.js"] = "// the site's theme"
        #expect(site.build().messages.contains(
            "content/assets/rapport.js:1:1: error: this file would replace the theme's templates/assets/rapport.js on every page: give it another name; to change the theme's file, edit templates/assets/rapport.js"))
    }

    @Test("theme --list: each file, built-in or replaced (and whether with the same bytes), and the site's own")
    func list() throws {
        let root = try Self.siteWithoutTemplates()
        defer { TestFolders.remove(root) }
        #expect(ThemeFiles.list(root: root).entries.allSatisfy { $0.origin == .builtIn })
        try Self.write("x", to: "templates/base.mustache", in: root)
        try Self.write(String(decoding: ThemeFiles.builtIn.bytes(of: "assets/rapport.js")!, as: UTF8.self), to: "templates/assets/rapport.js", in: root)
        try Self.write("y", to: "templates/mine.mustache", in: root)
        try Self.write("notes", to: "templates/README.txt", in: root)
        let (entries, diagnostics) = ThemeFiles.list(root: root)
        #expect(diagnostics == [])
        let byName = Dictionary(uniqueKeysWithValues: entries.map { ($0.name, $0.origin) })
        #expect(byName["base.mustache"] == .replaced(identical: false))
        #expect(byName["assets/rapport.js"] == .replaced(identical: true))
        #expect(byName["mine.mustache"] == .added)
        #expect(byName["country.mustache"] == .builtIn)
        #expect(byName["README.txt"] == nil)
        // A template is known by its file name: one in a sub-folder replaces the built-in file of that name.
        try Self.write("z", to: "templates/partials/pager.mustache", in: root)
        let again = Dictionary(uniqueKeysWithValues: ThemeFiles.list(root: root).entries.map { ($0.name, $0.origin) })
        #expect(again["partials/pager.mustache"] == .replaced(identical: false))
        #expect(again["pager.mustache"] == nil)
    }

    @Test("the site's files replace the built-in ones by name: a template by its file name, an asset by its address")
    func mergedByName() {
        let merged = ThemeFiles.merged(siteTemplates: [SourceFile(path: "templates/partials/body.mustache", text: "x")],
                                       siteAssets: [SourceFile(path: "templates/assets/rapport.js", text: "y"),
                                                    SourceFile(path: "content/assets/rapport.css", text: "z")])
        let templates = merged.templates.map(\.path)
        #expect(templates.contains("templates/partials/body.mustache"))
        #expect(!templates.contains("(built-in theme)/body.mustache"))
        #expect(templates.contains("(built-in theme)/base.mustache"))
        #expect(merged.assets.map(\.path) == ["(built-in theme)/assets/rapport-pdf.css", "(built-in theme)/assets/rapport.css",
                                              "templates/assets/rapport.js", "content/assets/rapport.css"])
    }

    @Test("theme --copy: the built-in file into templates/, never over a file, never outside the root")
    func copy() throws {
        let root = try Self.siteWithoutTemplates()
        defer { TestFolders.remove(root) }
        #expect(try ThemeCopy.copy("base.mustache", into: root).get() == "templates/base.mustache")
        #expect(try [UInt8](Data(contentsOf: root.appendingPathComponent("templates/base.mustache"))) == ThemeFiles.builtIn.bytes(of: "base.mustache"))
        #expect(try ThemeCopy.copy("assets/rapport.css", into: root).get() == "templates/assets/rapport.css")
        #expect(try ThemeCopy.copy("country", into: root).get() == "templates/country.mustache")
        // Never over a file.
        try Self.write("mine", to: "templates/region.mustache", in: root)
        #expect(ThemeCopy.copy("region.mustache", into: root).failure?.description ==
            "templates/region.mustache:1:1: error: this file already exists, and Rapport never replaces a file: rename it (or delete it) first to copy the built-in file again")
        #expect(try String(contentsOf: root.appendingPathComponent("templates/region.mustache"), encoding: .utf8) == "mine")
        // Nor through a link that leads nowhere.
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("templates/page.mustache").path, withDestinationPath: "/tmp/rapport-nowhere-\(UUID())")
        #expect(ThemeCopy.copy("page.mustache", into: root).failure?.reason == .themeCopyExists)
        // Unknown names, with a suggestion.
        #expect(ThemeCopy.copy("contry.mustache", into: root).failure?.description ==
            "contry.mustache:1:1: error: the built-in theme has no file 'contry.mustache'; did you mean 'country.mustache'?; 'rapport theme --list' shows its files")
        #expect(ThemeCopy.copy("../content/site.yaml", into: root).failure?.reason == .unknownThemeFile("../content/site.yaml", suggestion: nil))
        #expect(ThemeCopy.copy("", into: root).failure?.reason == .unknownThemeFile("", suggestion: nil))
        #expect(ThemeCopy.copy("base\u{7}.mustache", into: root).failure?.reason == .unknownThemeFile("base\\u{7}.mustache", suggestion: "base.mustache"))
        #expect(ThemeCopy.copy(String(repeating: "a/", count: 5000), into: root).failure?.reason == .unknownThemeFile(String(repeating: "a/", count: 5000), suggestion: nil))
        #expect(ThemeCopy.copy("assets", into: root).failure?.reason == .unknownThemeFile("assets", suggestion: nil))
    }

    @Test("theme --copy refuses a templates/ that is a link out of the root, and a folder that is no report's")
    func copyStaysInTheRoot() throws {
        let root = try Self.siteWithoutTemplates()
        let elsewhere = TestFolders.temporary("rapport-elsewhere")
        defer { TestFolders.remove(root); TestFolders.remove(elsewhere) }
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("templates").path, withDestinationPath: elsewhere.path)
        #expect(ThemeCopy.copy("base.mustache", into: root).failure?.description ==
            "templates:1:1: error: this is a symbolic link that leads outside the site root: Rapport writes only inside it; nothing was copied")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
        #expect(ThemeCopy.copy("base.mustache", into: elsewhere).failure?.reason == .notASiteRoot(folderExists: true))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
    }
}

extension Result {
    var failure: Failure? { if case .failure(let failure) = self { failure } else { nil } }
}
