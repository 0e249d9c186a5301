import Foundation

/// `rapport new-edition YEAR --from YEAR`: next year's report from last year's, planned in memory (the command
/// writes the plan into a staging folder, then moves it into place).
///
/// Every file of `content/<from>/` is copied to `content/<year>/`: pages (every language, chapters, countries,
/// regions) marked `draft: true`, with `achievements` emptied and bodies as written — a relative link to a page of
/// the same edition then leads to its copy, a link to another edition still leads there; data sets as they are.
/// Each edition home's title names the new year where it named the old one (`Rapport annuel 2022` → `Rapport annuel
/// 2023`). A translation's `source_digest` is set to the digest of its copied counterpart, so the new edition starts
/// with every translation up to date.
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

    /// What `new-edition` makes: the new edition's files, and the home pages whose title now names the new year.
    public struct Plan: Sendable {
        public var files: [SourceFile]
        public var retitled: [Retitled]
    }

    /// An edition home whose title named the source edition's year and now names the new one.
    public struct Retitled: Sendable, Equatable {
        public var path: String
        public var oldTitle: String
        public var newTitle: String
    }

    /// The new edition's files, by path under the site root, from the source edition's (`content/<from>/…`).
    public static func plan(year: String, from: String, files: [SourceFile], languages: [String],
                            defaultLanguage: String) -> Result<[SourceFile], Problem> {
        planned(year: year, from: from, files: files, languages: languages, defaultLanguage: defaultLanguage).map(\.files)
    }

    /// The new edition's files, and the edition homes retitled (`Rapport annuel 2022` → `Rapport annuel 2023`).
    public static func planned(year: String, from: String, files: [SourceFile], languages: [String],
                               defaultLanguage: String) -> Result<Plan, Problem> {
        guard ContentEntry.isEdition(year) else { return .failure(.notAYear(year)) }
        guard ContentEntry.isEdition(from) else { return .failure(.notAYear(from)) }
        guard year != from else { return .failure(.sameYear) }
        let prefix = "content/\(from)/"
        var copies: [String: [UInt8]] = [:]
        var retitled: [Retitled] = []
        for file in files where file.path.hasPrefix(prefix) {
            guard let bytes = file.contents.read() else { return .failure(.unreadable(file.path)) }
            let path = "content/\(year)/" + file.path.dropFirst(prefix.count)
            var copy = path.hasSuffix(".md") ? draftCopy(bytes) : bytes
            if let language = language(of: path), languages.contains(language), path == "content/\(year)/\(language)/index.md",
               let (edited, change) = retitling(copy, path: path, from: from, to: year) {
                copy = edited
                retitled.append(change)
            }
            copies[path] = copy
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
        return .success(Plan(files: copies.keys.sorted().map { SourceFile(path: $0, bytes: copies[$0]!) },
                             retitled: retitled.sorted { $0.path < $1.path }))
    }

    /// An edition home with the source year in its title line replaced by the new year (a year standing alone: not
    /// part of a longer number), every other byte as it was; `nil` when its title does not name the source year.
    static func retitling(_ bytes: [UInt8], path: String, from: String, to year: String) -> ([UInt8], Retitled)? {
        bytes.withUnsafeBufferPointer { buffer -> ([UInt8], Retitled)? in
            guard case .success(let lines) = FrontMatterLines.scan(buffer), let line = lines.line(settingKey: "title", in: buffer),
                  let oldTitle = lines.value(ofKey: "title", in: buffer) else { return nil }
            let old = Array(from.utf8), new = Array(year.utf8)
            let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
            var edited = Array(bytes[..<line.start])
            var offset = line.start, changed = false
            while offset < line.contentEnd {
                if offset + old.count <= line.contentEnd, buffer[offset..<(offset + old.count)].elementsEqual(old),
                   offset == line.start || !isDigit(buffer[offset - 1]),
                   offset + old.count == line.contentEnd || !isDigit(buffer[offset + old.count]) {
                    edited.append(contentsOf: new)
                    offset += old.count
                    changed = true
                } else {
                    edited.append(buffer[offset])
                    offset += 1
                }
            }
            guard changed else { return nil }
            edited.append(contentsOf: bytes[line.contentEnd...])
            let newTitle = FrontMatterEdit.value(ofKey: "title", in: edited) ?? oldTitle
            return (edited, Retitled(path: path, oldTitle: oldTitle, newTitle: newTitle))
        }
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

    /// The value of a top-level `key: value` line of a page's front matter, as the loader reads it.
    static func topLevelValue(_ key: String, in bytes: [UInt8]) -> String? {
        FrontMatterEdit.value(ofKey: key, in: bytes)
    }
}
