import Yams

// MARK: - Plain scalars read as Yams reads them (numbers, base-60 numbers, booleans), with checked arithmetic

extension YAMLFields {
    /// A plain scalar as Yams reads an integer (`Int.construct`). Plain decimal numbers, the common case, are read
    /// here directly: Yams' reader first copies the text to drop `_` separators, on every number of every page.
    static func integer(_ scalar: YAMLNode.Scalar) -> Int? {
        switch plainDecimal(scalar.string) {
        case .whole: Int(scalar.string)
        case .fraction: nil
        // Yams reads YAML 1.1's base-60 numbers (`1:30` is 90) with arithmetic that traps on overflow
        // (`1:2:3:4:5:6:7:8:9:10:11`): those are read here, checked.
        case nil where scalar.string.contains(":"): sexagesimal(scalar.string)
        case nil: Int.construct(from: Node.Scalar(scalar.string, .implicit, scalar.style.yams))
        }
    }

    /// A YAML 1.1 base-60 whole number as Yams computes it (`-1:30` is -90, `1:-2` is 58, `_` ignored), or `nil` when it
    /// is not one or exceeds `Int`.
    static func sexagesimal(_ text: String) -> Int? {
        var digits = Substring(text.replacingOccurrences(of: "_", with: ""))
        let negative = digits.first == "-"
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        // Yams reads a leading 0 as octal, where a colon is no digit: not a number.
        if digits.first == "0" { return nil }
        var value = 0
        for part in digits.split(separator: ":", omittingEmptySubsequences: false) {
            guard let place = Int(part, radix: 10) else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 60)
            let (sum, carry) = shifted.addingReportingOverflow(place)
            guard !overflow, !carry else { return nil }
            value = sum
        }
        guard negative else { return value }
        let (negated, overflow) = 0.subtractingReportingOverflow(value)
        return overflow ? nil : negated
    }

    /// A plain scalar as Yams reads a floating-point number (`Double.construct`), with the same direct path.
    static func decimal(_ scalar: YAMLNode.Scalar) -> Double? {
        plainDecimal(scalar.string) != nil ? Double(scalar.string) : Double.construct(from: Node.Scalar(scalar.string, .implicit, scalar.style.yams))
    }

    enum PlainDecimal { case whole, fraction }

    /// Whether `text` is a plain whole number (`-?[1-9][0-9]*`), or a base-60 one (`1:2:…:12`), that `Int` cannot hold.
    static func isWholeNumberTooLarge(_ text: String) -> Bool {
        if plainDecimal(text) == .whole { return Int(text) == nil }
        return text.contains(":") && !text.contains(".") && sexagesimal(text) == nil
            && Double.construct(from: Node.Scalar(text, .implicit, .plain)) != nil
    }

    /// Whether `text` is `-?[1-9][0-9]*(\.[0-9]+)?` or `0(\.[0-9]+)?` (no octal-looking zero, no negative zero, no
    /// separators, no exponent): numbers that every YAML reader reads the same way.
    private static func plainDecimal(_ text: String) -> PlainDecimal? {
        var bytes = text.utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        let integerPart = bytes.prefix(while: isDigit)
        guard let first = integerPart.first, first != UInt8(ascii: "0") || (integerPart.count == 1 && !negative) else { return nil }
        let rest = bytes.dropFirst(integerPart.count)
        if rest.isEmpty { return .whole }
        guard rest.first == UInt8(ascii: "."), rest.count > 1, rest.dropFirst().allSatisfy(isDigit) else { return nil }
        return .fraction
    }

    /// A YAML 1.1 boolean as Yams' default rules read one (`true`, `yes`, `on`, `false`, `no`, `off`, any case),
    /// for a plain scalar.
    static func boolean(_ scalar: YAMLNode.Scalar) -> Bool? {
        guard scalar.style == .plain || scalar.style == .any else { return nil }
        switch scalar.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: return nil
        }
    }
}
