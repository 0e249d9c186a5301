/// A United Nations Sustainable Development Goal, 1 to 17, with its official names and colour.
public struct SDG: Sendable, Hashable, Comparable {
    public let number: Int

    public init?(_ number: Int) {
        guard (1...17).contains(number) else { return nil }
        self.number = number
    }

    /// Every goal, 1 to 17.
    public static let all = (1...17).map { SDG($0)! }

    /// Whether Rapport has the goals' names in `language`: French and English. Other languages name them in
    /// their interface strings (`nameKey`).
    public static func hasBuiltInNames(_ language: String) -> Bool { language == "fr" || language == "en" }

    /// The interface string that names the goal in a language: `sdg_7`. It wins over Rapport's own names.
    public var nameKey: String { "sdg_\(number)" }

    /// The goal's official short name in `language` (`fr` or `en`; English for any other, whose names come from
    /// its interface strings: `InterfaceStrings.goalName`).
    public func name(in language: String) -> String {
        let names = Self.table[number - 1]
        return language == "fr" ? names.fr : names.en
    }

    /// The goal's official colour, `#RRGGBB`.
    public var colour: String { Self.table[number - 1].colour }

    public static func < (lhs: SDG, rhs: SDG) -> Bool { lhs.number < rhs.number }

    /// The 17 goals as the United Nations name them (un.org/sustainabledevelopment, fr and en).
    private static let table: [(fr: String, en: String, colour: String)] = [
        ("Pas de pauvreté", "No poverty", "#E5243B"),
        ("Faim « zéro »", "Zero hunger", "#DDA63A"),
        ("Bonne santé et bien-être", "Good health and well-being", "#4C9F38"),
        ("Éducation de qualité", "Quality education", "#C5192D"),
        ("Égalité entre les sexes", "Gender equality", "#FF3A21"),
        ("Eau propre et assainissement", "Clean water and sanitation", "#26BDE2"),
        ("Énergie propre et d’un coût abordable", "Affordable and clean energy", "#FCC30B"),
        ("Travail décent et croissance économique", "Decent work and economic growth", "#A21942"),
        ("Industrie, innovation et infrastructure", "Industry, innovation and infrastructure", "#FD6925"),
        ("Inégalités réduites", "Reduced inequalities", "#DD1367"),
        ("Villes et communautés durables", "Sustainable cities and communities", "#FD9D24"),
        ("Consommation et production responsables", "Responsible consumption and production", "#BF8B2E"),
        ("Mesures relatives à la lutte contre les changements climatiques", "Climate action", "#3F7E44"),
        ("Vie aquatique", "Life below water", "#0A97D9"),
        ("Vie terrestre", "Life on land", "#56C02B"),
        ("Paix, justice et institutions efficaces", "Peace, justice and strong institutions", "#00689D"),
        ("Partenariats pour la réalisation des objectifs", "Partnerships for the goals", "#19486A"),
    ]
}
