import Foundation
import RapportTestSupport
import Testing

/// docs/reference/cli.md names every command of the executable and every option of each, in that command's section
/// (`## \`rapport build\``): an option added to the code without its line in the reference fails here.
@Suite("the command-line reference")
struct CLIReferenceTests {
    let cli = CommandLineTests()

    static func reference() throws -> String {
        try String(contentsOf: TestFolders.repositoryRoot.appendingPathComponent("docs/reference/cli.md"), encoding: .utf8)
    }

    /// The text of the section whose heading names `rapport COMMAND`, up to the next `## `.
    static func section(_ command: String, in reference: String) -> String? {
        let lines = reference.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "## `rapport \(command)`") else { return nil }
        let end = lines[(start + 1)...].firstIndex { $0.hasPrefix("## ") } ?? lines.count
        return lines[start..<end].joined(separator: "\n")
    }

    static func options(inHelp help: String) -> Set<String> {
        Set(help.matches(of: /--[a-z][a-z-]*/).map { String($0.output) }).subtracting(["--help"])
    }

    @Test("every command has its section, and every option of it is named there")
    func everyCommandAndOption() throws {
        let folder = TestFolders.temporary("rapport-help")
        defer { TestFolders.remove(folder) }
        let reference = try Self.reference()
        let root = try cli.rapport(["--help"], in: folder)
        #expect(root.status == 0)
        let commandLines = root.stdout.components(separatedBy: "SUBCOMMANDS:").dropFirst().first ?? ""
        let commands = commandLines.components(separatedBy: "\n").compactMap { line -> String? in
            // A command's line starts at the third column; its description's further lines start further right.
            guard line.hasPrefix("  "), !line.hasPrefix("   "), let word = line.split(separator: " ").first,
                  word.wholeMatch(of: /[a-z][a-z-]*/) != nil else { return nil }
            return String(word)
        }.filter { $0 != "help" }
        #expect(commands.count >= 6, "\(root.stdout)")
        for command in commands {
            guard let section = Self.section(command, in: reference) else {
                Issue.record("docs/reference/cli.md has no section '## `rapport \(command)`'")
                continue
            }
            let help = try cli.rapport(["help", command], in: folder)
            #expect(help.status == 0, "\(help.stderr)")
            // --version is the root command's, repeated in every command's help.
            for option in Self.options(inHelp: help.stdout).subtracting(["--version"]) {
                #expect(section.contains("`\(option)"), "docs/reference/cli.md, `rapport \(command)`: the option \(option) is not described")
            }
        }
        for option in Self.options(inHelp: root.stdout) {
            #expect(reference.contains(option), "docs/reference/cli.md does not name \(option) of rapport --help")
        }
    }
}
