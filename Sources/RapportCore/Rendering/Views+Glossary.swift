/// `/<lang>/<glossary_slug>/`, and the end of the print page: the glossary of one language, sorted as the language
/// sorts its terms.
public struct GlossaryView: Sendable {
    public let title: String
    /// The id of the glossary's section on the print page.
    public let id: String
    public let terms: [GlossaryTermView]
}

/// One term of the glossary, its texts already in the language's typography.
public struct GlossaryTermView: Sendable {
    /// The entry's key (prefixed on the print page): `#oda` leads to the term.
    public let id: String
    public let term: String
    public let expansion: String
    public let definition: String?
}
