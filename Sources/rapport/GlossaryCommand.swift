import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    struct GlossaryCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "glossary",
            abstract: "List the words of the pages that look like abbreviations (APD, ODD17) and are not in content/glossary.yaml, each where it is first used.")

        @Option(name: .long, help: ArgumentHelp("The site root: the folder holding content/ and templates/.", valueName: "dir"))
        var root: String = "."

        @Option(name: .long, help: ArgumentHelp("text (one line per word) or json.", valueName: "format"))
        var format: DiagnosticFormat = .text

        func run() async throws {
            let source = SiteSource.read(root: URL(fileURLWithPath: root, isDirectory: true))
            let (words, diagnostics) = GlossaryTodo.words(source)
            for diagnostic in diagnostics { Runner.printError(diagnostic.description) }
            // Without site.yaml there are no languages, so no list: that alone is a failure.
            guard let config = Translations.config(source) else { throw ExitCode.failure }
            switch format {
            case .json:
                struct Row: Encodable { let language, word, path: String; let line, column, uses: Int }
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                let rows = words.map { Row(language: $0.language, word: $0.word, path: $0.firstUse.path, line: $0.firstUse.line,
                                           column: $0.firstUse.column, uses: $0.uses) }
                print(String(decoding: try encoder.encode(rows), as: UTF8.self))
            case .text:
                for word in words { print(word.description) }
                print(GlossaryTodo.summary(words, languages: config.languageCodes))
            }
        }
    }
}
