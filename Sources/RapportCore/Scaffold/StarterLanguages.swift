import Foundation

/// The languages of the report `rapport init` writes: the starter report is written in French and English, so a new
/// report has both (the default) or one of them, in the order the writer gives (the first is the default language).
/// Another language is added afterwards, as in any report (docs/guide/en/year.md).
public struct StarterLanguages: Sendable, Equatable {
    /// The codes, in the writer's order.
    public let codes: [String]

    public static let written = ["fr", "en"]
    public static let both = StarterLanguages(checked: written)

    private init(checked codes: [String]) { self.codes = codes }

    /// The languages `codes` name, or why not (the words say what to type).
    public static func parse(_ codes: [String]) -> Result<StarterLanguages, StarterLanguageProblem> {
        guard !codes.isEmpty else { return .success(both) }
        var seen: Set<String> = []
        for code in codes {
            guard written.contains(code) else { return .failure(.notWritten(code)) }
            guard seen.insert(code).inserted else { return .failure(.twice(code)) }
        }
        return .success(StarterLanguages(checked: codes))
    }

    /// "French and English", "English": for the line `rapport init` prints.
    public var names: String {
        codes.map { $0 == "fr" ? "French" : "English" }.joined(separator: " and ")
    }

    /// Whether the scaffold's file `name` (as in `scaffold/`) is of a language left out: `content/YEAR/<code>/…`,
    /// `content/pages/<code>/…`, `content/i18n/<code>.yaml`.
    func leavesOut(_ name: String) -> Bool {
        let parts = name.split(separator: "/").map(String.init)
        let language: String?
        if parts.count > 3, parts[0] == "content", parts[1] == "YEAR" || parts[1] == "pages" {
            language = parts[2]
        } else if parts.count == 3, parts[0] == "content", parts[1] == "i18n" {
            language = String(parts[2].dropLast(".yaml".count))
        } else {
            language = nil
        }
        return language.map { Self.written.contains($0) && !codes.contains($0) } ?? false
    }

    /// A YAML file of the scaffold with the entries of the languages left out removed — a line `  en: …` in a map of
    /// texts per language, `, en: …` in a map written on one line — and, in site.yaml, `languages:` in the writer's
    /// order and `default_language:` the first of them. (The scaffold's own files are written for this: one text
    /// per line or per inline entry, no comma inside an inline text.)
    func yaml(_ text: String, isSiteFile: Bool) -> String {
        let leftOut = Self.written.filter { !codes.contains($0) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines.removeAll { line in
            let trimmed = line.drop { $0 == " " }
            return line.count > trimmed.count && leftOut.contains { trimmed.hasPrefix($0 + ": ") }
        }
        for code in leftOut {
            lines = lines.map { line in
                line.replacing(try! Regex(", \(code): [^,}]*"), with: "").replacing(try! Regex("\\{\(code): [^,}]*, "), with: "{")
            }
        }
        if isSiteFile { lines = siteLanguages(lines) }
        return lines.joined(separator: "\n")
    }

    /// site.yaml's `languages:` items (`  - code: xx` and the lines under it) kept and ordered as `codes`, and the
    /// default language set to the first.
    private func siteLanguages(_ lines: [String]) -> [String] {
        guard let start = lines.firstIndex(of: "languages:") else { return lines }
        var items: [String: [String]] = [:]
        var end = start + 1, current: String?
        while end < lines.count, lines[end].hasPrefix("  ") {
            if lines[end].hasPrefix("  - code: ") {
                current = String(lines[end].dropFirst("  - code: ".count))
            }
            if let current { items[current, default: []].append(lines[end]) }
            end += 1
        }
        let ordered = codes.flatMap { items[$0] ?? [] }
        return (lines[..<(start + 1)] + ordered + lines[end...]).map { line in
            line.hasPrefix("default_language: ") ? "default_language: " + codes[0] : line
        }
    }
}

/// Why `--language` cannot be used as given.
public enum StarterLanguageProblem: Error, Sendable, Equatable, CustomStringConvertible {
    case notWritten(String)
    case twice(String)

    public var description: String {
        switch self {
        case .notWritten(let code):
            return "the starter report is written in French and English: --language takes fr or en, not '\(PrintableText.escaped(code))' "
                + "(add another language afterwards: a folder for it in each edition, its content/i18n file and its line in site.yaml)"
        case .twice(let code):
            return "--language \(code) is given twice: give each language once, the default one first"
        }
    }
}
