import Foundation

/// Numbers as a language's locale writes them (`site.yaml`'s `locale`): fr_LU 11.420 and 69,9; en_GB 11,420 and 69.9.
public struct NumberFormatting: Sendable {
    public let locale: Locale
    /// What was formatted already: a report writes the same figures on many pages (a country's page, its
    /// edition's print page, comparison and key-data pages), and each Foundation format costs microseconds.
    private let memo = Memo()

    public init(localeIdentifier: String) {
        locale = Locale(identifier: localeIdentifier)
    }

    public func integer(_ value: Int) -> String {
        memo.value(for: .integer(value)) { value.formatted(.number.locale(locale)) }
    }

    /// A decimal with at most `fractionDigits` digits after the separator, trailing zeros dropped.
    public func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        memo.value(for: .decimal(value.bitPattern, fractionDigits)) {
            value.formatted(.number.locale(locale).precision(.fractionLength(0...fractionDigits)))
        }
    }

    /// A number with exactly `digits` digits after the decimal sign (rounded), grouped: 119.670.040,93 / 119,670,040.93.
    public func fixed(_ value: Double, digits: Int) -> String {
        memo.value(for: .fixed(value.bitPattern, digits)) {
            value.formatted(.number.locale(locale).precision(.fractionLength(digits)))
        }
    }

    /// A percentage of `value` (28.23 is 28.23 %): "28,23 %" with a narrow no-break space in French, "28.23%" else.
    public func percent(_ value: Double, digits: Int) -> String {
        let french = locale.identifier.hasPrefix("fr")
        return fixed(value, digits: digits) + (french ? "\u{202F}%" : "%")
    }

    /// Euros with `digits` decimals: "119.670.041 €" (fr_LU), "€119,670,041" (en_GB).
    public func euros(_ value: Double, digits: Int) -> String {
        memo.value(for: .euros(value.bitPattern, digits)) {
            value.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(digits)))
        }
    }

    /// Whole euros: "5.000.000 €" (fr_LU), "€5,000,000" (en_GB).
    public func euros(_ value: Int) -> String {
        memo.value(for: .wholeEuros(value)) {
            value.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(0)))
        }
    }
}

extension NumberFormatting {
    /// Formatted numbers by what was asked, shared by the rendering threads; emptied when it holds many (a
    /// long preview session), so it never grows without bound.
    final class Memo: @unchecked Sendable {
        enum Key: Hashable {
            case integer(Int), wholeEuros(Int)
            case decimal(UInt64, Int), fixed(UInt64, Int), euros(UInt64, Int)
        }

        static let capacity = 100_000
        private let lock = NSLock()
        private var known: [Key: String] = [:]

        func value(for key: Key, _ make: () -> String) -> String {
            if let found = lock.withLock({ known[key] }) { return found }
            let made = make()
            lock.withLock {
                if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
                known[key] = made
            }
            return made
        }
    }
}
