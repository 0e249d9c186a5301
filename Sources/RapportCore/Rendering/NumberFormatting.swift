import Foundation

/// Numbers as a language's locale writes them (`site.yaml`'s `locale`): fr_LU 11.420 and 69,9; en_GB 11,420 and 69.9.
public struct NumberFormatting: Sendable {
    public let locale: Locale

    public init(localeIdentifier: String) {
        locale = Locale(identifier: localeIdentifier)
    }

    public func integer(_ value: Int) -> String {
        value.formatted(.number.locale(locale))
    }

    /// A decimal with at most `fractionDigits` digits after the separator, trailing zeros dropped.
    public func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        value.formatted(.number.locale(locale).precision(.fractionLength(0...fractionDigits)))
    }

    /// Whole euros: "5.000.000 €" (fr_LU), "€5,000,000" (en_GB).
    public func euros(_ value: Int) -> String {
        value.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(0)))
    }
}
