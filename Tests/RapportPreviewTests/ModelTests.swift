import Foundation
import RapportCore
import RapportTestSupport
@testable import RapportPreview
import Testing

/// A model-based test of the preview: the model is the site root's files (path → text); a seeded random sequence
/// of the edits writers make (every front-matter key of every page kind, bodies, creations, deletions, renames,
/// data sets, interface strings, templates, site.yaml, the glossary; valid and invalid) is applied both to the model and, as the
/// watcher reports it, to a `PreviewSite`. After every step, what the preview serves is byte for byte what a full
/// build (drafts included) of the model's files gives, paths included; after a failed build, its errors are the
/// full build's errors. `RAPPORT_MODEL_STEPS` asks for more steps, `RAPPORT_MODEL_SEED` for another seed.
@Suite("preview model", .serialized)
struct ModelTests {
    typealias Files = [String: String]
    static let baseURL = "http://127.0.0.1:8000/"

    /// One edit: a description and what it does to the files (a no-op when its file is gone).
    struct Edit: CustomStringConvertible {
        let description: String
        let apply: (inout Files) -> Void
    }

    static func pristine() throws -> Files {
        let source = SiteSource.read(root: TestFolders.repositoryRoot)
        var files: Files = [:]
        for file in source.contentFiles + source.templates + source.assets where file.path.hasSuffix(".md") || file.path.hasSuffix(".yaml")
            || file.path.hasSuffix(".csv") || file.path.hasSuffix(".mustache") {
            files[file.path] = String(decoding: file.bytes, as: UTF8.self)
        }
        return files
    }

    // MARK: - Edits

    /// Sets a top-level front-matter key (replacing its line, or adding it after the opening `---`).
    static func setting(_ key: String, _ value: String, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return text }
        if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
            lines[index] = "\(key): \(value)"
        } else {
            lines.insert("\(key): \(value)", at: 1)
        }
        return lines.joined(separator: "\n")
    }

    /// Sets a key of `key_data` (adding the block when missing).
    static func settingFigure(_ key: String, _ value: String, in text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return text }
        if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix("  \(key):") }) {
            lines[index] = "  \(key): \(value)"
        } else if let block = lines[1..<end].firstIndex(of: "key_data:") {
            lines.insert("  \(key): \(value)", at: block + 1)
        } else {
            lines.insert(contentsOf: ["key_data:", "  \(key): \(value)"], at: 1)
        }
        return lines.joined(separator: "\n")
    }

    static func randomEdit(_ files: Files, pristine: Files, random: inout SplitMix64, step: Int) -> Edit {
        func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }
        let pages = files.keys.filter { $0.hasSuffix(".md") }.sorted()
        let countries = pages.filter { $0.contains("/countries/") && !$0.hasSuffix("index.md") }
        let page = pick(pages), country = countries.isEmpty ? page : pick(countries)
        func edit(_ path: String, _ what: String, _ change: @escaping (String) -> String) -> Edit {
            Edit(description: "\(what) in \(path)") { files in if let text = files[path] { files[path] = change(text) } }
        }
        let n = step
        // A third of the edits mend (as writers fix what they broke): the sequence keeps both failing and good builds.
        switch random.next() % 3 == 0 ? 99 : random.next() % 24 {
        case 0: let v = pick(["Titre \(n)", "\"Titre : \(n)\"", "Z \(n)", "A \(n)"]); return edit(page, "title \(v)", { setting("title", v, in: $0) })
        case 1: return edit(page, "summary", { setting("summary", "Résumé \(n)", in: $0) })
        case 2: let v = pick(["neuf-\(n % 3)", "Bad Slug", "mongolie"]); return edit(page, "slug \(v)", { setting("slug", v, in: $0) })
        case 3: let v = pick(["1", "2", "5", "-1", "x"]); return edit(page, "order \(v)", { setting("order", v, in: $0) })
        case 4: let v = pick(["true", "false"]); return edit(page, "draft \(v)", { setting("draft", v, in: $0) })
        case 5:
            let path = pick(countries.isEmpty ? [page] : countries)
            let value = pick(["1000000", "2500000", "21 500 000", "0"])
            // The same figure in every language of the pair, or in one only (the figures then disagree).
            let both = random.next() % 2 == 0
            return Edit(description: "budget_eur \(value) in \(path)\(both ? " and its translation" : "")") { files in
                for target in [path] + (both ? Self.translations(of: path, in: files) : []) {
                    if let text = files[target] { files[target] = setting("budget_eur", value, in: text) }
                }
            }
        case 6:
            let key = pick(["population_millions", "gni_per_capita_usd", "hdi_rank", "life_expectancy", "cooperation_programme"])
            let value = key == "cooperation_programme" ? pick(["null", "2016-2020", "\"2021-2025\""]) : pick(["3.3", "12", "61,6", "99"])
            let both = random.next() % 2 == 0
            return Edit(description: "key_data \(key) \(value) in \(country)\(both ? " and its translation" : "")") { files in
                for target in [country] + (both ? Self.translations(of: country, in: files) : []) {
                    if let text = files[target] { files[target] = settingFigure(key, value, in: text) }
                }
            }
        case 7: let v = pick(["asie-de-l-est", "east-asia", "asie-du-sud-est", "south-east-asia", "nowhere"]); return edit(country, "region \(v)", { setting("region", v, in: $0) })
        case 8: let v = pick(["[3, 5]", "[1, 17]", "[3, 5, 10, 17]", "[42]"]); return edit(country, "priority_areas \(v)", { setting("priority_areas", v, in: $0) })
        case 9: let v = pick(["MN", "LA", "VN", "XK", "ZZ"]); return edit(country, "country \(v)", { setting("country", v, in: $0) })
        case 10: let v = pick(["mongolia", "k\(n % 2)"]); return edit(page, "translation_key \(v)", { setting("translation_key", v, in: $0) })
        case 11: let v = pick(["true", "false"]); return edit(page, "toc \(v)", { setting("toc", v, in: $0) })
        case 12, 13:
            let text = pick(["\nUn paragraphe (\(n)).\n", "\n## Titre \(n)\n\nTexte.\n", "\nVoir [la préface](../preface.md).\n",
                             "\nVoir [ailleurs](nulle-part.md).\n", "\n<!-- table: oda-by-year -->\n", "\nVoir [ici](#titre-\(n)).\n"])
            return edit(page, "body", { $0 + text })
        case 14:
            let language = pick(["fr", "en"]), year = pick(["2020", "2022"]), name = "pays-\(n % 4)"
            let text = "---\ntitle: Pays \(n)\ncountry: \(pick(["LA", "VN", "MN"]))\nregion: \(language == "fr" ? "asie-de-l-est" : "east-asia")\ntranslation_key: \(name)\n---\nTexte \(n).\n"
            let both = random.next() % 2 == 0
            return Edit(description: "create \(name) in \(year)/\(language)\(both ? " and its translation" : "")") { files in
                files["content/\(year)/\(language)/countries/\(name).md"] = text
                if both { files["content/\(year)/\(language == "fr" ? "en" : "fr")/countries/\(name).md"] = text }
            }
        case 15: return Edit(description: "delete \(page)") { $0[page] = nil }
        case 16:
            let target = (page as NSString).deletingLastPathComponent + "/renamed-\(n % 3).md"
            return Edit(description: "rename \(page) to \(target)") { files in
                if let text = files.removeValue(forKey: page) { files[target] = text }
            }
        case 17:
            let csv = pick(files.keys.filter { $0.hasSuffix(".csv") }.sorted())
            let cell = pick(["12.5", "7", "abc", "1,5"])
            return edit(csv, "a CSV cell \(cell)", { text in
                var lines = text.components(separatedBy: "\n")
                guard lines.count > 2 else { return text }
                var cells = lines[1].components(separatedBy: ",")
                cells[cells.count - 1] = cell
                lines[1] = cells.joined(separator: ",")
                return lines.joined(separator: "\n")
            })
        case 18:
            let schema = pick(files.keys.filter { $0.hasSuffix(".yaml") && $0.contains("/data/") }.sorted())
            let v = pick(["status: provisional", "status: final", "status: [", "status: final\nextra: 1"])
            return edit(schema, "a data-set schema \(v)", { $0.replacingOccurrences(of: "status: final", with: v) })
        case 19:
            let strings = pick(["content/i18n/fr.yaml", "content/i18n/en.yaml"])
            let change: (String) -> String = pick([{ $0.replacingOccurrences(of: "editions: ", with: "editions: \(n) ") }, { $0 + "\n: : [\n" },
                                                   { $0.replacingOccurrences(of: "\nbudget:", with: "\nbudget_x:") }])
            return edit(strings, "an interface string", change)
        case 20:
            let template = pick(files.keys.filter { $0.hasPrefix("templates/") }.sorted())
            let v = pick(["<!-- \(n) -->\n", "{{#page.title}}\n", "{{t.no_such_key_\(n % 2)}}\n"])
            return edit(template, "a template \(v)", { $0 + v })
        case 21:
            let change: (String) -> String = pick([{ $0.replacingOccurrences(of: "  fr: ", with: "  fr: \(n) ") }, { $0 + "\nunknown_key: 1\n" }])
            return edit("content/site.yaml", "site.yaml", change)
        case 22: return edit(page, "a broken front matter", { $0.replacingOccurrences(of: "title:", with: "colour: [\ntitle:") })
        case 23:
            // The glossary: a term's expansion (every page that uses it), a new entry, an entry missing a language,
            // a renamed term, or the file gone (no glossary page, no <abbr>).
            let glossary = Glossary.path
            if random.next() % 5 == 0 { return Edit(description: "delete \(glossary)") { $0[glossary] = nil } }
            let change: (String) -> String = pick([
                { $0.replacingOccurrences(of: "expansion: aide publique au développement", with: "expansion: aide publique \(n)") },
                { $0 + "- key: k\(n % 3)\n  fr: {term: NEUF\(n % 3), expansion: neuf}\n  en: {term: NEW\(n % 3), expansion: new}\n" },
                { $0 + "- key: oda\n  fr: {term: APD, expansion: a}\n" },
                { $0.replacingOccurrences(of: "term: LuxDev", with: "term: Lux") },
            ])
            return edit(glossary, "the glossary", change)
        default:
            // Mends: one changed file back as it was, or every file.
            let changed = Set(files.keys).union(pristine.keys).filter { files[$0] != pristine[$0] }.sorted()
            if changed.isEmpty || random.next() % 3 == 0 { return Edit(description: "restore everything") { $0 = pristine } }
            let path = pick(changed)
            return Edit(description: "restore \(path)") { $0[path] = pristine[path] }
        }
    }

    /// The pages paired with `path` by its file name in the other language of its edition (as a writer edits both).
    static func translations(of path: String, in files: Files) -> [String] {
        let parts = path.components(separatedBy: "/")
        guard parts.count > 3 else { return [] }
        let folder = (path as NSString).deletingLastPathComponent
        let other = parts[2] == "fr" ? "en" : "fr"
        let otherFolder = folder.replacingOccurrences(of: "/\(parts[2])/", with: "/\(other)/")
        guard let key = files[path]?.components(separatedBy: "\n").first(where: { $0.hasPrefix("translation_key:") }) else {
            return files.keys.filter { $0 == otherFolder + "/" + parts.last! }
        }
        return files.keys.filter { $0.hasPrefix(otherFolder + "/") && files[$0]!.contains("\n" + key + "\n") }.sorted()
    }

    // MARK: - Running

    /// Replays `edits` from `start`; gives the first step whose preview differs from the full build, and why.
    static func firstDivergence(_ edits: [Edit], from start: Files, seed: UInt64, failedBuilds: inout Int) async -> (step: Int, why: String)? {
        var files = start
        var random = SplitMix64(seed: seed ^ 0x5eed)
        let site = PreviewSite(source: SiteSource(files: files), baseURL: baseURL)
        for (step, edit) in edits.enumerated() {
            let before = files
            edit.apply(&files)
            // The changes as the watcher reads them; after a failed build, sometimes a whole read instead.
            var changes: [SourceChange] = []
            for path in Set(before.keys).union(files.keys).sorted() where before[path] != files[path] {
                changes.append(files[path].map { .write(SourceFile(path: path, text: $0)) } ?? .remove(path: path))
            }
            if await site.lastBuildFailed, random.next() % 2 == 0 {
                await site.reload(SiteSource(files: files))
            } else {
                await site.apply(changes)
            }
            if await site.lastBuildFailed { failedBuilds += 1 }
            if let why = await difference(site, files: files) { return (step, why) }
        }
        return nil
    }

    static func firstDivergence(_ edits: [Edit], from start: Files, seed: UInt64) async -> (step: Int, why: String)? {
        var failed = 0
        return await firstDivergence(edits, from: start, seed: seed, failedBuilds: &failed)
    }

    /// Why what `site` serves is not what a full build of `files` gives; nil when it is.
    static func difference(_ site: PreviewSite, files: Files) async -> String? {
        let full = SiteBuilder.build(SiteSource(files: files), options: BuildOptions(baseURL: baseURL, includeDrafts: true))
        let errors = full.diagnostics.filter { $0.severity == .error }
        let previewErrors = await site.errors
        guard previewErrors == errors else {
            return "errors differ: preview \(previewErrors.map(\.description)), full build \(errors.map(\.description))"
        }
        guard full.succeeded else { return nil }
        let served = await site.servedFiles
        let built = Dictionary(uniqueKeysWithValues: full.files.map { ($0.path, $0.contents.bytes) })
        let missing = Set(built.keys).subtracting(served.keys), extra = Set(served.keys).subtracting(built.keys)
        guard missing.isEmpty, extra.isEmpty else { return "paths differ: missing \(missing.sorted()), extra \(extra.sorted())" }
        if let path = built.keys.sorted().first(where: { built[$0] != served[$0] }) { return "\(path) differs from the full build's" }
        return nil
    }

    /// The shortest sequence found by dropping steps (one at a time, until none can go) that still diverges.
    static func shrink(_ edits: [Edit], from start: Files, seed: UInt64) async -> [Edit] {
        var current = edits
        var index = 0
        while index < current.count {
            var candidate = current
            candidate.remove(at: index)
            if let failure = await firstDivergence(candidate, from: start, seed: seed) {
                current = Array(candidate.prefix(failure.step + 1))
            } else {
                index += 1
            }
        }
        return current
    }

    @Test("after every edit of a seeded random sequence, the preview serves exactly what a full build gives", .timeLimit(.minutes(15)))
    func previewIsTheBuild() async throws {
        let environment = ProcessInfo.processInfo.environment
        let steps = environment["RAPPORT_MODEL_STEPS"].flatMap(Int.init) ?? 150
        let seed = environment["RAPPORT_MODEL_SEED"].flatMap(UInt64.init) ?? 2026_12_07
        let start = try Self.pristine()
        var random = SplitMix64(seed: seed)
        var files = start
        var edits: [Edit] = []
        for step in 0..<steps {
            let edit = Self.randomEdit(files, pristine: start, random: &random, step: step)
            edit.apply(&files)
            edits.append(edit)
        }
        var failed = 0
        let divergence = await Self.firstDivergence(edits, from: start, seed: seed, failedBuilds: &failed)
        guard let failure = divergence else {
            #expect(failed > steps / 10 && failed < steps * 9 / 10, "the sequence must both break and mend the site: \(failed) of \(steps) failed")
            return
        }
        let shortest = await Self.shrink(Array(edits.prefix(failure.step + 1)), from: start, seed: seed)
        let why = await Self.firstDivergence(shortest, from: start, seed: seed)?.why ?? failure.why
        Issue.record("""
            seed \(seed): step \(failure.step) diverges (\(failure.why)).
            Shortest sequence (\(shortest.count) edits): \(shortest.map(\.description).joined(separator: " → "))
            It gives: \(why)
            """)
    }
}
