import ArgumentParser
import Foundation
import RapportCore

// The report's year: a new edition from the last one, and translations that know when their source changed.

extension Rapport {
    struct NewEditionCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new-edition",
            abstract: "Start an edition from another: every page copied as a draft, achievements emptied, data sets copied.")

        @Argument(help: ArgumentHelp("The new edition's year.", valueName: "year"))
        var year: String

        @Option(name: .long, help: ArgumentHelp("The edition to start from.", valueName: "year"))
        var from: String

        @Option(name: .long, help: ArgumentHelp("The site root: the folder holding content/ and templates/.", valueName: "dir"))
        var root: String = "."

        func run() async throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true)
            let content = rootURL.appendingPathComponent("content")
            let target = content.appendingPathComponent(year)
            func fail(_ problem: NewEdition.Problem, at path: String) -> ExitCode {
                Runner.printError("\(path):1:1: error: \(problem.message)")
                return ExitCode.failure
            }
            let source = SiteSource.read(root: rootURL)
            guard let config = Translations.config(source) else {
                Runner.printError("content/site.yaml:1:1: error: new-edition needs a readable site.yaml (its languages); run rapport check")
                throw ExitCode.failure
            }
            guard FileManager.default.fileExists(atPath: content.appendingPathComponent(from).path) else {
                throw fail(.sourceMissing("content/\(from)"), at: "content/\(from)")
            }
            guard !FileManager.default.fileExists(atPath: target.path) else { throw fail(.targetExists("content/\(year)"), at: "content/\(year)") }
            let plan = NewEdition.planned(year: year, from: from, files: source.contentFiles, languages: config.languageCodes,
                                          defaultLanguage: config.defaultLanguage)
            let files: [SourceFile], retitled: [NewEdition.Retitled]
            switch plan {
            case .success(let planned): (files, retitled) = (planned.files, planned.retitled)
            case .failure(let problem): throw fail(problem, at: "content/\(year)")
            }
            // Written into a staging folder beside it, then moved into place in one rename: on any error, nothing.
            let staging = content.appendingPathComponent(".new-edition-\(year)-\(ProcessInfo.processInfo.processIdentifier)")
            do {
                for file in files {
                    let url = staging.appendingPathComponent(String(file.path.dropFirst("content/\(year)/".count)))
                    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                    try Data(file.contents.read() ?? []).write(to: url)
                }
                try FileManager.default.moveItem(at: staging, to: target)
            } catch {
                try? FileManager.default.removeItem(at: staging)
                Runner.printError("content/\(year):1:1: error: cannot write the new edition: \(error.localizedDescription); nothing was written")
                throw ExitCode.failure
            }
            for file in files { print("created \(file.path)") }
            for change in retitled { print("retitled \(change.path): \"\(change.oldTitle)\" → \"\(change.newTitle)\"") }
            let pages = files.filter { $0.path.hasSuffix(".md") }.count
            print("Created the edition \(year) from \(from): \(pages) pages, all drafts, and \(files.count - pages) data files.")
        }
    }

    struct TranslationsCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "translations",
            abstract: "List every page pair and whether its translation is up to date; --accept records that a translation matches its source.")

        @Option(name: .long, help: ArgumentHelp("The site root: the folder holding content/ and templates/.", valueName: "dir"))
        var root: String = "."

        @Option(name: .long, help: ArgumentHelp("text (a table) or json.", valueName: "format"))
        var format: DiagnosticFormat = .text

        @Option(name: .long, parsing: .upToNextOption, help: ArgumentHelp("Translations (paths from the root) whose source_digest to set to their source's digest now.", valueName: "file"))
        var accept: [String] = []

        func run() async throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true)
            let (site, diagnostics) = Translations.site(SiteSource.read(root: rootURL))
            guard let site else {
                for diagnostic in diagnostics { Runner.printError(diagnostic.description) }
                throw ExitCode.failure
            }
            guard accept.isEmpty else { return try acceptFiles(in: site, root: rootURL) }
            let pairs = TranslationStatus.of(site).pairs
            switch format {
            case .json:
                struct Row: Encodable { let source: String; let language: String; let translation: String?; let state: String }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let rows = pairs.map { Row(source: $0.source, language: $0.language, translation: $0.translation, state: $0.state.rawValue) }
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            case .text:
                let width = max(6, pairs.map(\.state.rawValue.count).max() ?? 0)
                print("STATE".padding(toLength: width, withPad: " ", startingAt: 0) + "  SOURCE → TRANSLATION")
                for pair in pairs {
                    let state = pair.state.rawValue.padding(toLength: width, withPad: " ", startingAt: 0)
                    print("\(state)  \(pair.source) → \(pair.translation ?? "(none in '\(pair.language)')")")
                }
                let counts = Dictionary(grouping: pairs, by: \.state).mapValues(\.count)
                print("\(pairs.count) pairs: " + TranslationStatus.State.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", "))
            }
        }

        private func acceptFiles(in site: Site, root: URL) throws {
            let files = accept.map { $0.hasPrefix("./") ? String($0.dropFirst(2)) : $0 }
            let (edits, problems) = Translations.accept(files, in: site) { path in
                (try? Data(contentsOf: root.appendingPathComponent(path))).map { Array($0) }
            }
            for problem in problems { Runner.printError(problem.description) }
            for edit in edits {
                do {
                    try Data(edit.contents.read() ?? []).write(to: root.appendingPathComponent(edit.path), options: .atomic)
                    print("accepted \(edit.path)")
                } catch {
                    Runner.printError("\(edit.path):1:1: error: cannot write the file: \(error.localizedDescription)")
                    throw ExitCode.failure
                }
            }
            if !problems.isEmpty { throw ExitCode.failure }
        }
    }
}
