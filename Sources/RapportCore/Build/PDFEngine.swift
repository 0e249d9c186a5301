import Foundation

/// The typesetter that makes the PDFs: WeasyPrint (CSS Paged Media), run as a process of its own. Only stage
/// "pdf" runs it; no render function does.
public struct PDFEngine: Sendable, Equatable {
    /// The `weasyprint` executable.
    public let executable: URL

    public init(executable: URL) { self.executable = executable }

    /// Names an engine to use instead of the search below (an absolute path to a `weasyprint`).
    public static let environmentVariable = "RAPPORT_WEASYPRINT"

    /// Where Rapport finds the engine, first found first: `$RAPPORT_WEASYPRINT`; `.venv/bin/weasyprint` in the site
    /// root; `.venv/bin/weasyprint` in the folder of the `rapport` executable or one of the four above it (the
    /// tool's own checkout: `.build/release/rapport`); `weasyprint` on `PATH`. nil: none is installed.
    /// - Parameters:
    ///   - toolExecutable: the running `rapport` (nil: not searched).
    ///   - environment: the process's environment (the caller reads it; the library never does).
    public static func locate(siteRoot: URL, toolExecutable: URL?, environment: [String: String]) -> PDFEngine? {
        if let named = environment[environmentVariable], !named.isEmpty {
            return isExecutable(named) ? PDFEngine(executable: URL(fileURLWithPath: named)) : nil
        }
        var candidates = [siteRoot.appendingPathComponent(".venv/bin/weasyprint").path]
        if let toolExecutable {
            var folder = toolExecutable.resolvingSymlinksInPath().deletingLastPathComponent()
            for _ in 0..<5 {
                candidates.append(folder.appendingPathComponent(".venv/bin/weasyprint").path)
                folder = folder.deletingLastPathComponent()
            }
        }
        candidates += (environment["PATH"] ?? "").split(separator: ":").map { String($0) + "/weasyprint" }
        return candidates.first(where: isExecutable).map { PDFEngine(executable: URL(fileURLWithPath: $0)) }
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// Why a document was not typeset.
    public enum Failure: Error, Equatable {
        /// The engine's last words (its last line on standard error), or why it could not start.
        case failed(String)
        case timedOut(seconds: Int)
    }

    /// Typesets the HTML document `html` into PDF bytes, in the scratch `folder` (files named after `name`).
    /// - Parameters:
    ///   - baseURL: what relative links of the document are relative to (the print page's public URL): the
    ///     engine reads no network resource (only `file:` URLs), so such links stay links.
    ///   - identifier: the PDF's fixed identifier (no random or dated one: two builds give the same bytes).
    ///   - timeout: the engine is stopped past it.
    func typeset(_ html: [UInt8], in folder: URL, name: String, baseURL: String, identifier: String,
                 timeout: Duration) -> Result<[UInt8], Failure> {
        let input = folder.appendingPathComponent(name + ".html"), output = folder.appendingPathComponent(name + ".pdf")
        let errors = folder.appendingPathComponent(name + ".log")
        do {
            try Data(html).write(to: input)
            FileManager.default.createFile(atPath: errors.path, contents: nil)
        } catch {
            return .failure(.failed("cannot write its input: \(error.localizedDescription)"))
        }
        let process = Process()
        process.executableURL = executable
        process.arguments = ["--pdf-variant", "pdf/ua-1", "--pdf-identifier", identifier, "--encoding", "utf-8",
                             "--allowed-protocols", "file", "--base-url", baseURL, input.path, output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        let errorHandle = FileHandle(forWritingAtPath: errors.path)
        process.standardError = errorHandle ?? FileHandle.nullDevice
        defer { try? errorHandle?.close() }
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            return .failure(.failed("\(executable.path) cannot be started: \(error.localizedDescription)"))
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        if finished.wait(timeout: .now() + seconds) == .timedOut {
            // SIGKILL: a signal mask the engine inherited cannot hold it back, as it can SIGTERM.
            kill(process.processIdentifier, SIGKILL)
            finished.wait()
            return .failure(.timedOut(seconds: Int(seconds.rounded(.up))))
        }
        guard process.terminationReason == .exit, process.terminationStatus == 0,
              let bytes = FileManager.default.contents(atPath: output.path), !bytes.isEmpty else {
            let said = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let last = said.split(whereSeparator: \.isNewline).last.map(String.init)
                ?? "exit status \(process.terminationStatus), and no message"
            return .failure(.failed(last.trimmingCharacters(in: .whitespaces)))
        }
        return .success(Array(bytes))
    }
}
