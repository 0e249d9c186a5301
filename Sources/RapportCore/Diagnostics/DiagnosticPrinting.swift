import Foundation

/// The machine-readable forms of a diagnostic.
public enum DiagnosticPrinting {
    /// One JSON object on one line: `{"file":…,"line":…,"column":…,"severity":…,"stage":…,"message":…}`.
    public static func json(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        return "{\"file\":\(quoted(location.path)),\"line\":\(location.line),\"column\":\(location.column),"
            + "\"severity\":\"\(diagnostic.severity.rawValue)\",\"stage\":\"\(diagnostic.stage.rawValue)\","
            + "\"message\":\(quoted(diagnostic.message))}"
    }

    /// A GitHub Actions workflow command: `::error file=…,line=…,col=…::message`, escaped as the runner expects.
    public static func githubAnnotation(_ diagnostic: Diagnostic) -> String {
        let location = diagnostic.location
        let command = diagnostic.severity == .error ? "error" : "warning"
        return "::\(command) file=\(escapeProperty(location.path)),line=\(location.line),col=\(location.column)::\(escapeData(diagnostic.message))"
    }

    static func quoted(_ text: String) -> String {
        // Most texts need no escape (search words are lowercase letters): copy them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }) { return "\"" + text + "\"" }
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    private static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    private static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
