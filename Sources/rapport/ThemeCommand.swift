import ArgumentParser
import Foundation
import RapportCore

extension Rapport {
    struct ThemeCommand: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "theme",
            abstract: "List the built-in theme's files (and which the site's templates/ replaces), or copy one into templates/ to change it.")

        @Option(name: .long, help: ArgumentHelp("The site root: the folder holding content/ and templates/.", valueName: "dir"))
        var root: String = "."

        @Flag(name: .long, help: "List every file of the theme: built-in, or replaced by the site's templates/.")
        var list = false

        @Option(name: .long, help: ArgumentHelp("Copy the built-in file NAME (e.g. base.mustache, assets/rapport.css) into templates/; an existing file is never replaced.", valueName: "name"))
        var copy: String?

        func validate() throws {
            guard list != (copy != nil) else { throw ValidationError("give either --list or --copy NAME") }
        }

        func run() async throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true)
            if let copy {
                switch ThemeCopy.copy(copy, into: rootURL) {
                case .success(let path): print("Copied the built-in \(ThemeCopy.builtInName(copy) ?? copy) to \(path): edit it there; it replaces the built-in file.")
                case .failure(let refusal):
                    Runner.printError(refusal.description)
                    throw ExitCode.failure
                }
                return
            }
            let (entries, diagnostics) = ThemeFiles.list(root: rootURL)
            for diagnostic in diagnostics { Runner.printError(diagnostic.description) }
            let width = entries.map(\.name.count).max() ?? 0
            for entry in entries {
                let padding = String(repeating: " ", count: width - entry.name.count)
                print(entry.name + padding + String(entry.description.dropFirst(entry.name.count)))
            }
            if !diagnostics.isEmpty { throw ExitCode.failure }
        }
    }
}
