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

    /// A number with exactly `digits` digits after the decimal sign (rounded), grouped: 119.670.040,93 / 119,670,040.93.
    public func fixed(_ value: Double, digits: Int) -> String {
        value.formatted(.number.locale(locale).precision(.fractionLength(digits)))
    }

    /// A percentage of `value` (28.23 is 28.23 %): "28,23 %" with a narrow no-break space in French, "28.23%" else.
    public func percent(_ value: Double, digits: Int) -> String {
        let french = locale.identifier.hasPrefix("fr")
        return fixed(value, digits: digits) + (french ? "\u{202F}%" : "%")
    }

    /// Euros with `digits` decimals: "119.670.041 €" (fr_LU), "€119,670,041" (en_GB).
    public func euros(_ value: Double, digits: Int) -> String {
        value.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(digits)))
    }

    /// Whole euros: "5.000.000 €" (fr_LU), "€5,000,000" (en_GB).
    public func euros(_ value: Int) -> String {
        value.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(0)))
    }
}
