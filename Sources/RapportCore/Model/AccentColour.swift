import Foundation

/// A colour of `theme: accent:` and its contrast with white, as WCAG 2.1 measures it (relative luminance,
/// success criterion 1.4.3: at least 4.5:1 for text).
struct AccentColour: Sendable, Equatable {
    let red: Int, green: Int, blue: Int

    /// `#rgb` or `#rrggbb` (either case, spaces around allowed); nil for anything else.
    init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("#"), trimmed.utf8.count == 4 || trimmed.utf8.count == 7,
              trimmed.dropFirst().allSatisfy(\.isHexDigit) else { return nil }
        var digits = Array(trimmed.dropFirst())
        if digits.count == 3 { digits = digits.flatMap { [$0, $0] } }
        let value = { (index: Int) in Int(String(digits[index * 2...index * 2 + 1]), radix: 16)! }
        (red, green, blue) = (value(0), value(1), value(2))
    }

    init(red: Int, green: Int, blue: Int) { (self.red, self.green, self.blue) = (red, green, blue) }

    /// `#rrggbb`, small letters.
    var hex: String { "#" + [red, green, blue].map { String(format: "%02x", $0) }.joined() }

    /// WCAG 2.1's relative luminance.
    var luminance: Double {
        func linear(_ channel: Int) -> Double {
            let c = Double(channel) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// The contrast ratio with white (1 to 21).
    var contrastWithWhite: Double { 1.05 / (luminance + 0.05) }

    /// The ratio as a message shows it: two decimals, cut rather than rounded (4.499 is 4.49, never 4.50, so a
    /// colour that fails never reads as one that passes).
    static func shown(_ ratio: Double) -> String { String(format: "%.2f", (ratio * 100).rounded(.down) / 100) }

    /// The same hue made darker, step by step, until it passes 4.5:1 with white: the suggestion of the message.
    var darkenedToPass: AccentColour {
        var factor = 1.0
        var colour = self
        while colour.contrastWithWhite < 4.5 && factor > 0 {
            factor -= 0.02
            colour = AccentColour(red: Int((Double(red) * factor).rounded(.down)), green: Int((Double(green) * factor).rounded(.down)),
                                  blue: Int((Double(blue) * factor).rounded(.down)))
        }
        return colour
    }
}
