import ArgumentParser
import CRapportAllocator
import Foundation
import RapportCore
import RapportPreview

@main
struct Rapport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rapport",
        abstract: "Builds the bilingual static website of a development-cooperation annual report.",
        version: RapportVersion.current,
        subcommands: [InitCommand.self, Build.self, Check.self, Serve.self, NewEditionCommand.self, TranslationsCommand.self, GlossaryCommand.self,
                      ThemeCommand.self])
}

extension Rapport {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Preview the site: build it in memory, serve it, rebuild and reload open pages on every save.")

        @Option(name: .long, help: ArgumentHelp("The site root: the folder holding content/ and templates/.", valueName: "dir"))
        var root: String = "."

        @Option(name: .long, help: ArgumentHelp("The address to listen on; anything but loopback must be asked for.", valueName: "host"))
        var host: String = "127.0.0.1"

        @Option(name: .long, help: ArgumentHelp("The port; 0 picks a free one.", valueName: "port"))
        var port: Int = 8000

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535") }
        }

        func run() async throws {
            let rootURL = URL(fileURLWithPath: root, isDirectory: true)
            try Runner.requireSiteRoot(rootURL, format: .text)
            let server = PreviewServer(root: rootURL, host: host, port: port) { line in
                if line.contains(": error: ") || line.contains(": warning: ") { Runner.printError(line) } else { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
            }
            do {
                try await server.run()
            } catch let busy as PreviewServer.PortInUse {
                Runner.printError("error: \(busy)")
                throw ExitCode.failure
            }
        }
    }
}

/// Options every subcommand shares.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site root: the folder holding content/ and templates/.", valueName: "dir"))
    var root: String = "."

    @Flag(name: .long, help: "Treat warnings (missing translation, unused interface string, …) as errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("How diagnostics are printed: text (PATH:LINE:COL: error: …) or json (one object per line).", valueName: "format"))
    var format: DiagnosticFormat = .text

    var rootURL: URL { URL(fileURLWithPath: root, isDirectory: true) }
}

extension Rapport {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site into the output folder; on any error, leave the last good output as it was.")

        @OptionGroup var site: SiteOptions

        @Option(name: .long, help: ArgumentHelp("The output folder (default: <root>/output).", valueName: "dir"))
        var output: String?

        @Option(name: .long, help: ArgumentHelp("Replace site.yaml's base_url, e.g. https://example.org/report/.", valueName: "url"))
        var baseURL: String?

        @Flag(name: .long, help: "Include the pages marked draft: true (each marked as a draft), as the preview does.")
        var drafts = false

        @Flag(name: .long, help: "Also make each edition's PDF with WeasyPrint (as pdf: true in site.yaml does).")
        var pdf = false

        @Flag(name: .long, help: "When another build is writing into the same output folder, fail at once instead of waiting for it.")
        var noWait = false

        @Flag(name: .long, help: "Replace the output folder even if Rapport did not make it (it has no .rapport-output file): everything in it is deleted.")
        var force = false

        var outputURL: URL {
            output.map { URL(fileURLWithPath: $0, isDirectory: true) } ?? site.rootURL.appendingPathComponent("output", isDirectory: true)
        }

        func validate() throws {
            if case .failure(let refusal) = OutputFolder.judge(output: outputURL, root: site.rootURL, force: force) {
                throw ValidationError(refusal.description)
            }
            if let baseURL, !ConfigLoader.validateBaseURL(baseURL) {
                throw ValidationError("--base-url must be an absolute http(s) URL ending with '/'")
            }
        }

        func run() async throws {
            try Runner.requireSiteRoot(site.rootURL, format: site.format)
            let engine = PDFEngine.locate(siteRoot: site.rootURL, toolExecutable: Runner.executableURL,
                                          environment: ProcessInfo.processInfo.environment)
            if pdf, engine == nil {
                Runner.printError("error: " + Reason.pdfEngineMissing(askedBy: "build --pdf").description)
                throw ExitCode.failure
            }
            let staged: StagedOutput
            let waiting = noWait ? StagedOutput.Waiting.failAtOnce : .wait
            do {
                staged = try StagedOutput(output: outputURL, waiting: waiting, force: force) {
                    Runner.printError("Another build is writing into \(outputURL.path); waiting for it to finish…")
                }
            } catch let refusal as OutputFolder.Refusal {
                Runner.printError("Error: \(refusal)")
                throw ExitCode(64)
            } catch {
                Runner.printError("error: cannot write the output: \(error)")
                throw ExitCode.failure
            }
            let progress = ProgressLine()
            var options = BuildOptions(strict: site.strict, baseURL: baseURL, includeDrafts: drafts, progress: progress.update)
            options.keepsWorkingSet = true   // the process ends with the build
            options.pdf = pdf
            options.pdfEngine = engine
            let outcome = Runner.build(site, options: options, output: staged, progress: progress)
            guard outcome.succeeded else {
                staged.discard()
                throw ExitCode.failure
            }
            do {
                try staged.commit()
            } catch let refusal as OutputFolder.Refusal {
                Runner.printError("Error: \(refusal)")
                throw ExitCode(64)
            } catch {
                Runner.printError("error: cannot write the output: \(error)")
                throw ExitCode.failure
            }
            Runner.printSummary("Built \(ProgressLine.grouped(outcome.pageCount)) pages in \(progress.elapsed) into \(outputURL.path)", format: site.format)
        }
    }

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Check everything a build checks; write nothing.")

        @OptionGroup var site: SiteOptions

        @Flag(name: .long, help: "Check the pages marked draft: true as if published, as the preview shows them (a draft's stale translation included).")
        var drafts = false

        func run() async throws {
            try Runner.requireSiteRoot(site.rootURL, format: site.format)
            var options = BuildOptions(strict: site.strict, includeDrafts: drafts)
            options.keepsWorkingSet = true
            let outcome = Runner.build(site, options: options)
            guard outcome.succeeded else { throw ExitCode.failure }
            Runner.printSummary("Checked \(outcome.pageCount) pages: no errors", format: site.format)
        }
    }
}

enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// The glue between the command line and the core: read, build, print the diagnostics.
enum Runner {
    /// Stops the command with one line when `root` is no report's folder, instead of one error per missing part.
    static func requireSiteRoot(_ root: URL, format: DiagnosticFormat) throws {
        guard let diagnostic = SiteSource.notASiteRoot(root) else { return }
        switch format {
        case .text: printError(diagnostic.description)
        case .json: print(DiagnosticPrinting.json(diagnostic))
        }
        throw ExitCode.failure
    }

    /// The running `rapport` (where the tool's own `.venv` is looked for).
    static var executableURL: URL? {
        Bundle.main.executableURL ?? CommandLine.arguments.first.map { URL(fileURLWithPath: $0) }
    }

    static func build(_ site: SiteOptions, options: BuildOptions, output: StagedOutput? = nil, progress: ProgressLine? = nil) -> BuildOutcome {
        let clock = ContinuousClock()
        let start = clock.now
        let source = SiteSource.read(root: site.rootURL)
        let read = StageTiming(stage: "read", duration: clock.now - start)
        let outcome = SiteBuilder.build(source, options: options, output: output)
        progress?.finish()
        if ProcessInfo.processInfo.environment["RAPPORT_TIMINGS"] == "1" {
            printError("timing: allocator: \(rapport_allocator_is_mimalloc() != 0 ? "mimalloc" : "system")")
            for timing in [read] + outcome.timings {
                let memory = timing.residentBytes.map { ", \($0 / 1_048_576) MiB resident" } ?? ""
                printError("timing: \(timing.stage): \(timing.duration.formatted(.units(allowed: [.milliseconds], fractionalPart: .show(length: 1))))\(memory)")
            }
        }
        let annotate = ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true"
        for diagnostic in outcome.diagnostics {
            switch site.format {
            case .text: printError(diagnostic.description)
            case .json: print(DiagnosticPrinting.json(diagnostic))
            }
            if annotate { printError(DiagnosticPrinting.githubAnnotation(diagnostic)) }
        }
        return outcome
    }

    /// The closing line: on standard output, unless standard output carries JSON (`--format json`), where it would
    /// be the one line that is not.
    static func printSummary(_ line: String, format: DiagnosticFormat) {
        if format == .json { printError(line) } else { print(line) }
    }

    static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
