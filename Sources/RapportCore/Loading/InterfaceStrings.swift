/// `content/i18n/<lang>.yaml`: the interface strings of one language, a flat mapping of keys to texts.
public struct InterfaceStrings: Sendable, Equatable {
    public var language: String
    public var file: String
    public var strings: [String: String]
    /// Where each key is defined.
    public var locations: [String: SourceLocation]

    /// A string Rapport's code reads (templates read `strings`, checked against their `{{t.KEY}}`).
    public subscript(key: InterfaceKey) -> String? { strings[key.rawValue] }
    /// The name of `goal` in this language, when the file gives one (`sdg_7: …`).
    public func goalName(_ goal: SDG) -> String? { strings[goal.nameKey] }

    /// Stage "i18n": reads one language's strings; every key must hold text.
    public static func load(from source: SourceText, language: String) -> (strings: InterfaceStrings, diagnostics: [Diagnostic]) {
        let reader = YAMLFields(path: source.path, lineOffset: 0, stage: .i18n)
        var result = InterfaceStrings(language: language, file: source.path, strings: [:], locations: [:])
        let root = reader.compose(source.text)
        guard reader.log.items.isEmpty,
              let fields = reader.mapping(root, named: "an i18n file", allowedKeys: [], context: "") else {
            return (result, reader.log.items)
        }
        for entry in fields.entries {
            guard let text = Fields.text(entry.value) else {
                reader.error(.i18nValueNotText(entry.key), at: entry.value)
                continue
            }
            result.strings[entry.key] = text
            result.locations[entry.key] = reader.location(of: entry.keyNode)
        }
        return (result, reader.log.items)
    }
}
