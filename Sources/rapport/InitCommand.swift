import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    struct InitCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "init",
            abstract: "Start a new report: a small site in French and English, in a new or empty folder, ready to preview and build.")

        @Argument(help: ArgumentHelp("The new report's folder: a new name (in a folder that exists), or an empty folder.", valueName: "dir"))
        var directory: String

        @Option(name: .long, help: ArgumentHelp("The year of the report's first edition (default: last year).", valueName: "year"))
        var year: String?

        @Option(name: .long, help: ArgumentHelp("A language of the new report, fr or en, once per language; the first is the default (default: fr, then en).", valueName: "code"))
        var language: [String] = []

        func validate() throws {
            if case .failure(let problem) = StarterLanguages.parse(language) { throw ValidationError(problem.description) }
            if let year, year.count != 4 || !year.allSatisfy({ $0.isASCII && $0.isNumber }) {
                throw ValidationError("--year must be a report year: four digits, such as 2025")
            }
            guard !directory.isEmpty else { throw ValidationError("give the new report's folder, for example: rapport init my-report") }
        }

        func run() async throws {
            // Annual reports describe the year that ended: by default, last year.
            let edition = year ?? String(Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)
            let languages = try StarterLanguages.parse(language).get()
            switch NewSite.create(at: directory, year: edition, languages: languages) {
            case .failure(let refusal):
                Runner.printError(refusal.description)
                throw ExitCode.failure
            case .success(let created):
                let root = Self.shellQuoted(directory)
                print("""
                    Created a new report in \(directory): \(created.files.count) files, the \(edition) edition in \(languages.names).
                    Start writing in \(Self.shellQuoted(directory + "/content/\(edition)/\(languages.codes[0])/index.md")); the lines starting with # explain each setting.

                    Next:
                      rapport serve --root \(root)    preview it in your browser; each save shows at once
                      rapport build --root \(root)    make the website in \(Self.shellQuoted(directory + "/output"))
                    """)
            }
        }

        /// `path` as a shell reads it back: as it is when it holds only safe characters, else in single quotes.
        static func shellQuoted(_ path: String) -> String {
            let safe = path.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._/+-,:=@%".unicodeScalars.contains($0)) }
            return safe && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}
