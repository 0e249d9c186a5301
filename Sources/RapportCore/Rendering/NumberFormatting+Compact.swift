import Foundation

// MARK: - Short numbers for a chart's axis

extension NumberFormatting {
    /// What an axis counts: euros or plain numbers.
    public enum AxisUnit: Sendable { case euros, number }

    /// A tick label of a chart's axis, short enough that the ticks never touch: every tick of an axis is written
    /// in one scale, picked from its largest tick (thousands from 10 000, millions, billions): "5 M€", "1,5 M€",
    /// "500 k€", "2 Md€" (French), "€5M", "€1.5M", "€500k", "€2bn" (other languages). With as many decimals as
    /// the step needs. The full values are in the chart's description and table.
    public func axisLabel(_ value: Double, largest: Double, step: Double, unit: AxisUnit) -> String {
        let threshold = { (scale: Double) in scale == 1e3 ? 1e4 : scale }
        guard largest.isFinite, step.isFinite, step > 0, let scale = [1e9, 1e6, 1e3].first(where: { largest >= threshold($0) }) else {
            let digits = Self.digits(for: step)
            return unit == .euros ? euros(value, digits: digits) : fixed(value, digits: digits)
        }
        // The axis's origin is 0, plainly.
        if value == 0 { return "0" }
        return scaledLabel(fixed(value / scale, digits: Self.digits(for: step / scale)), scale: scale, unit: unit)
    }

    /// `number` (already divided by `scale`) with the scale's sign and the unit, as the language writes them.
    private func scaledLabel(_ number: String, scale: Double, unit: AxisUnit) -> String {
        let french = locale.identifier.hasPrefix("fr")
        let (frenchSuffix, suffix) = scale >= 1e9 ? ("Md", "bn") : scale >= 1e6 ? ("M", "M") : ("k", "k")
        switch (unit, french) {
        case (.euros, true): return "\(number)\u{00A0}\(frenchSuffix)€"
        case (.euros, false): return "€\(number)\(suffix)"
        case (.number, true): return "\(number)\u{00A0}\(frenchSuffix)"
        case (.number, false): return "\(number)\(suffix)"
        }
    }

    /// A value at the end of its bar, short: under 10 000 as the table writes it, else in thousands, millions or
    /// billions with three figures at most, no trailing zero ("5,25 M€", "5 M€", "120 M€" / "€5.25M", "€120M").
    public func shortLabel(_ value: Double, unit: AxisUnit) -> String {
        let magnitude = abs(value)
        guard magnitude.isFinite, magnitude >= 1e4 else {
            return unit == .euros ? euros(value, digits: 0) : decimal(value, fractionDigits: 2)
        }
        let scale: Double = magnitude >= 1e9 ? 1e9 : magnitude >= 1e6 ? 1e6 : 1e3
        let scaled = magnitude / scale
        let digits = scaled < 10 ? 2 : scaled < 100 ? 1 : 0
        return scaledLabel(decimal(value / scale, fractionDigits: digits), scale: scale, unit: unit)
    }

    /// The decimals a step of the axis needs (1 → 0, 0.5 → 1, 0.25 → 2), at most 6.
    static func digits(for step: Double) -> Int {
        guard step.isFinite, step > 0 else { return 0 }
        return (0...6).first { digits in
            let scaled = step * Foundation.pow(10, Double(digits))
            return abs(scaled - scaled.rounded()) < 1e-6 * max(scaled, 1)
        } ?? 6
    }
}
