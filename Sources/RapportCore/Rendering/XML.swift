import RapportTemplates

/// Escaping for XML text and attribute values (the sitemap, the preview's overlay).
public enum XML {
    public static func escape(_ text: String) -> String { MarkupEscaping.escape(text, xml: true) }
}
