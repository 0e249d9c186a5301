/// Numbers as people write them in French (`61,6`, `21 500 000`, `21.500.000`, `21 500 000 €`) read back to the
/// plain form YAML and CSV take (`61.6`, `21500000`).
enum WrittenNumber {
    /// The spaces written between thousands: space, no-break space, narrow no-break space, thin space.
    static let groupSpaces: Set<Character> = [" ", "\u{00A0}", "\u{202F}", "\u{2009}"]

    /// The plain number a writer meant by `text`, to show after "write"; `nil` when `text` is no such number, or
    /// is plain already. `wholeNumber`: the field takes a whole number, so `1.500` and `1,500` are 1500 (thousands),
    /// not 1.5; where a decimal is taken, a lone comma is a decimal comma and a lone dot is a plain decimal.
    static func plain(_ text: String, wholeNumber: Bool) -> String? {
        var rest = Substring(text).trimmingSpaces
        for sign in ["€", "EUR", "euros", "euro", "US$", "USD", "$"] {
            if rest.lowercased().hasSuffix(sign.lowercased()) { rest = rest.dropLast(sign.count).trimmingSpaces; break }
            if rest.lowercased().hasPrefix(sign.lowercased()) { rest = rest.dropFirst(sign.count).trimmingSpaces; break }
        }
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        guard let first = rest.first, first.isASCII, first.isNumber,
              rest.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "," || $0 == "." || groupSpaces.contains($0) }) else { return nil }
        let commas = rest.filter { $0 == "," }.count, dots = rest.filter { $0 == "." }.count
        // The decimal sign: the last of two kinds of sign; a lone sign of one kind unless the field takes whole
        // numbers and three digits follow it (thousands); a sign that comes more than once groups thousands.
        var decimalSign: Character?
        if commas > 0, dots > 0 {
            decimalSign = rest.lastIndex(of: ",")! > rest.lastIndex(of: ".")! ? "," : "."
        } else if commas == 1 || dots == 1 {
            let sign: Character = commas == 1 ? "," : "."
            let after = rest[rest.index(after: rest.firstIndex(of: sign)!)...]
            let groups = wholeNumber && after.count == 3 && after.allSatisfy(\.isNumber)
            decimalSign = groups ? nil : sign
        }
        var whole = rest, fraction: Substring?
        if let decimalSign, let index = rest.lastIndex(of: decimalSign) {
            whole = rest[..<index]
            fraction = rest[rest.index(after: index)...]
            guard let fraction, !fraction.isEmpty, fraction.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        }
        // Thousands: groups of three digits after the first group of one to three.
        let groups = whole.split(omittingEmptySubsequences: false) { $0 == "," || $0 == "." || groupSpaces.contains($0) }
        guard let head = groups.first, (1...3).contains(head.count) || groups.count == 1,
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if wholeNumber, fraction != nil { return nil }
        let plain = (negative ? "-" : "") + groups.joined() + (fraction.map { "." + $0 } ?? "")
        return plain == text ? nil : plain
    }

    /// A number cell of a French spreadsheet's CSV (`119670040,93`, `-12`, `1 234,5`) in the plain form (`119670040.93`);
    /// `nil` when it is not one. A dot is refused: the file's decimal sign is the comma.
    static func frenchCell(_ text: String) -> String? {
        var rest = Substring(text)
        let negative = rest.first == "-"
        if negative { rest = rest.dropFirst() }
        let parts = rest.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first else { return nil }
        let groups = whole.split(omittingEmptySubsequences: false) { groupSpaces.contains($0) }
        guard let head = groups.first, !head.isEmpty, groups.count == 1 || head.count <= 3,
              groups.dropFirst().allSatisfy({ $0.count == 3 }),
              groups.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        if parts.count == 2 { guard !parts[1].isEmpty, parts[1].allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil } }
        return (negative ? "-" : "") + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
    }
}

private extension Substring {
    var trimmingSpaces: Substring {
        var text = self
        while let first = text.first, first.isWhitespace { text = text.dropFirst() }
        while let last = text.last, last.isWhitespace { text = text.dropLast() }
        return text
    }
}
