import Foundation

/// The machine-readable forms of a diagnostic.
public enum DiagnosticPrinting {
    /// One JSON object on one line: `{"file":…,"line":…,"column":…,"severity":…,"stage":…,"message":…}`.
    public static func json(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "{\"file\":\(JSON.string(diagnostic.printablePath)),\"line\":\(location.line),\"column\":\(location.column),"
            + "\"severity\":\"\(diagnostic.severity.rawValue)\",\"stage\":\"\(diagnostic.stage.rawValue)\","
            + "\"message\":\(JSON.string(diagnostic.message))}"
    }

    /// A GitHub Actions workflow command: `::error file=…,line=…,col=…::message`, escaped as the runner expects.
    public static func githubAnnotation(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let command = diagnostic.severity == .error ? "error" : "warning"
        return "::\(command) file=\(escapeProperty(diagnostic.printablePath)),line=\(location.line),col=\(location.column)::\(escapeData(diagnostic.message))"
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
