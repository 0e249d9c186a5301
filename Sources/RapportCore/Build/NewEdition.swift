import Foundation

/// `rapport new-edition YEAR --from YEAR`: next year's report from last year's, planned in memory (the command
/// writes the plan into a staging folder, then moves it into place).
///
/// Every file of `content/<from>/` is copied to `content/<year>/`: pages (every language, chapters, countries,
/// regions) marked `draft: true`, with `achievements` emptied and bodies as written — a relative link to a page of
/// the same edition then leads to its copy, a link to another edition still leads there; data sets as they are.
/// A translation's `source_digest` is set to the digest of its copied counterpart, so the new edition starts with
/// every translation up to date.
public enum NewEdition {
    public enum Problem: Error, Equatable, Sendable {
        case notAYear(String)
        case sameYear
        case sourceMissing(String)
        case targetExists(String)
        case unreadable(String)

        public var message: String {
            switch self {
            case .notAYear(let value): "'\(value)' is not a report year (four digits, such as 2023)"
            case .sameYear: "the new edition must be another year than the one it starts from"
            case .sourceMissing(let folder): "there is no edition to start from at \(folder)"
            case .targetExists(let folder): "the edition exists already at \(folder): new-edition never overwrites one"
            case .unreadable(let file): "cannot read \(file)"
            }
        }
    }

    /// The new edition's files, by path under the site root, from the source edition's (`content/<from>/…`).
    public static func plan(year: String, from: String, files: [SourceFile], languages: [String],
                            defaultLanguage: String) -> Result<[SourceFile], Problem> {
        guard ContentEntry.isEdition(year) else { return .failure(.notAYear(year)) }
        guard ContentEntry.isEdition(from) else { return .failure(.notAYear(from)) }
        guard year != from else { return .failure(.sameYear) }
        let prefix = "content/\(from)/"
        var copies: [String: [UInt8]] = [:]
        for file in files where file.path.hasPrefix(prefix) {
            guard let bytes = file.contents.read() else { return .failure(.unreadable(file.path)) }
            let path = "content/\(year)/" + file.path.dropFirst(prefix.count)
            copies[path] = path.hasSuffix(".md") ? draftCopy(bytes) : bytes
        }
        // Translations record the digest of their copied counterpart.
        let pages = copies.keys.filter { $0.hasSuffix(".md") }
        var keys: [String: String] = [:]   // "<lang>/<translation_key>" → path
        for path in pages {
            if let key = topLevelValue("translation_key", in: copies[path]!), let language = language(of: path) {
                keys["\(language)/\(key)"] = path
            }
        }
        for path in pages.sorted() {
            guard let language = language(of: path), language != defaultLanguage, languages.contains(language),
                  topLevelValue("source_digest", in: copies[path]!) != nil else { continue }
            let inLanguage = path.dropFirst("content/\(year)/\(language)/".count)
            let samePath = "content/\(year)/\(defaultLanguage)/\(inLanguage)"
            let counterpart = copies[samePath] != nil ? samePath
                : topLevelValue("translation_key", in: copies[path]!).flatMap { keys["\(defaultLanguage)/\($0)"] }
            guard let counterpart, case .success(let text) = SourceText.decode(copies[counterpart]!, path: counterpart),
                  let updated = FrontMatterEdit.setting("source_digest", to: TranslationDigest.of(text.text), in: copies[path]!) else { continue }
            copies[path] = updated
        }
        return .success(copies.keys.sorted().map { SourceFile(path: $0, bytes: copies[$0]!) })
    }

    /// A page's copy: `draft: true`, `achievements` emptied, everything else as written.
    static func draftCopy(_ bytes: [UInt8]) -> [UInt8] {
        guard let drafted = FrontMatterEdit.setting("draft", to: "true", in: bytes) else { return bytes }
        return FrontMatterEdit.replacingBlock("achievements", with: "[]", in: drafted) ?? drafted
    }

    /// `fr` for `content/2023/fr/…`; nil for a data file.
    private static func language(of path: String) -> String? {
        let parts = path.split(separator: "/")
        return parts.count > 3 && parts[2] != "data" ? String(parts[2]) : nil
    }

    /// The plain value of a top-level `key: value` line of a page's front matter.
    static func topLevelValue(_ key: String, in bytes: [UInt8]) -> String? {
        guard let lines = FrontMatterEdit.frontMatterLines(bytes) else { return nil }
        let prefix = Array((key + ":").utf8)
        guard let line = lines.inside.first(where: { bytes[$0.start..<$0.contentEnd].starts(with: prefix) }) else { return nil }
        let value = String(decoding: bytes[(line.start + prefix.count)..<line.contentEnd], as: UTF8.self)
        let trimmed = value.split(separator: "#", maxSplits: 1).first.map(String.init) ?? value
        let plain = trimmed.trimmingCharacters(in: .whitespaces).trimmingQuotes
        return plain.isEmpty ? nil : plain
    }
}

extension String {
    var trimmingQuotes: String {
        if count >= 2, let first, let last, first == last, first == "\"" || first == "'" { return String(dropFirst().dropLast()) }
        return self
    }
}
