import Foundation

/// Numbers as a language's locale writes them (`site.yaml`'s `locale`): fr_LU 11.420 and 69,9; en_GB 11,420 and 69.9.
public struct NumberFormatting: Sendable {
    public let locale: Locale
    /// What was formatted already: a report writes the same figures on many pages (a country's page, its
    /// edition's print page, comparison and key-data pages), and each Foundation format costs microseconds.
    private let memo = Memo()

    /// The locale's signs when its numbers are plain digit groups (probed from Foundation at start).
    private let plain: PlainNumbers?

    public init(localeIdentifier: String) {
        locale = Locale(identifier: localeIdentifier)
        plain = PlainNumbers(locale: locale)
    }

    public func integer(_ value: Int) -> String {
        if let plain { return plain.integer(value) }
        return memo.value(for: .integer(value)) { value.formatted(.number.locale(locale)) }
    }

    /// A decimal with at most `fractionDigits` digits after the separator, trailing zeros dropped.
    public func decimal(_ value: Double, fractionDigits: Int = 1) -> String {
        if let plain, let text = plain.decimal(value, fractionDigits: fractionDigits) { return text }
        return memo.value(for: .decimal(value.bitPattern, fractionDigits)) {
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
        if let plain, let text = plain.euros(value) { return text }
        return memo.value(for: .wholeEuros(value)) {
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

/// Numbers written without Foundation where the locale writes plain groups of three digits — what Foundation
/// gives for `fr_LU` and `en_GB`, as probes at start check: each figure of each page was an ICU call, a few
/// microseconds. Anything the probes do not vouch for (another grouping, a decimal that needs rounding, a
/// negative amount of euros) is left to Foundation.
struct PlainNumbers: Sendable {
    let group: String, decimalSign: String, minus: String
    let euroPrefix: String, euroSuffix: String

    init?(locale: Locale) {
        let grouped = 1_234_567.formatted(.number.locale(locale))
        let scalars = Array(grouped.unicodeScalars)
        guard scalars.count == 9, scalars[0] == "1" else { return nil }
        let group = String(scalars[1])
        guard grouped == "1\(group)234\(group)567", 1234.formatted(.number.locale(locale)) == "1\(group)234",
              !group.unicodeScalars.contains(where: { ("0"..."9").contains($0) }) else { return nil }
        let negative = (-1_234_567).formatted(.number.locale(locale))
        guard negative.hasSuffix(grouped) else { return nil }
        let minus = String(negative.dropLast(grouped.count))
        let decimal = 1.5.formatted(.number.locale(locale).precision(.fractionLength(0...1)))
        guard decimal.hasPrefix("1"), decimal.hasSuffix("5"), decimal.count == 3 else { return nil }
        let decimalSign = String(decimal.dropFirst().dropLast())
        guard decimalSign != group else { return nil }
        let euros = 1_234_567.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(0)))
        guard let range = euros.range(of: grouped) else { return nil }
        self.group = group
        self.decimalSign = decimalSign
        self.minus = minus
        euroPrefix = String(euros[..<range.lowerBound])
        euroSuffix = String(euros[range.upperBound...])
        guard self.integer(-1234) == (-1234).formatted(.number.locale(locale)),
              self.decimal(-1234.5, fractionDigits: 1) == (-1234.5).formatted(.number.locale(locale).precision(.fractionLength(0...1))),
              self.euros(1234) == 1234.formatted(.currency(code: "EUR").locale(locale).precision(.fractionLength(0)))
        else { return nil }
    }

    /// The digits of `magnitude` in groups of three.
    private func grouped(_ digits: Substring) -> String {
        var text = ""
        text.reserveCapacity(digits.count + digits.count / 3 * group.utf8.count)
        for (offset, digit) in digits.enumerated() {
            if offset > 0, (digits.count - offset) % 3 == 0 { text += group }
            text.append(digit)
        }
        return text
    }

    func integer(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? minus : "") + grouped(digits[...])
    }

    /// `value` as its shortest decimal writes it, when that has at most `fractionDigits` digits after the point:
    /// no rounding to do, so the text is the one Foundation writes. `nil` otherwise.
    func decimal(_ value: Double, fractionDigits: Int) -> String? {
        guard value.isFinite, value != 0 || value.sign == .plus, abs(value) < 1e15 else { return nil }
        let shortest = "\(value.magnitude)"   // "69.9", "3.0", "1234567.25"
        guard let point = shortest.firstIndex(of: "."), shortest.allSatisfy({ $0 == "." || $0.isASCII && $0.isNumber }) else { return nil }
        var fraction = shortest[shortest.index(after: point)...]
        while fraction.last == "0" { fraction = fraction.dropLast() }
        guard fraction.count <= fractionDigits else { return nil }
        let whole = (value < 0 ? minus : "") + grouped(shortest[..<point])
        return fraction.isEmpty ? whole : whole + decimalSign + fraction
    }

    func euros(_ value: Int) -> String? {
        guard value >= 0 else { return nil }
        return euroPrefix + grouped(String(value)[...]) + euroSuffix
    }
}
