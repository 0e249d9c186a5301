import Testing
@testable import RapportCore

/// The value axis of a chart: short labels in the page's language, and ticks whose labels never touch, on a phone
/// (the theme's 16 px tick text at 390 px) as on a page.
@Suite("Chart ticks")
struct ChartTickTests {
    let fr = NumberFormatting(localeIdentifier: "fr_LU"), en = NumberFormatting(localeIdentifier: "en_GB")

    @Test("labels are short, in one scale per axis, in each language's way of writing money")
    func labels() {
        let cases: [(Double, Double, Double, NumberFormatting.AxisUnit, String, String)] = [
            (5e6, 15e6, 5e6, .euros, "5\u{A0}M€", "€5M"),
            (1.5e6, 2e6, 5e5, .euros, "1,5\u{A0}M€", "€1.5M"),
            (0, 2e6, 5e5, .euros, "0", "0"),
            (2e9, 4e9, 1e9, .euros, "2\u{A0}Md€", "€2bn"),
            (20_000, 50_000, 10_000, .euros, "20\u{A0}k€", "€20k"),
            (2_000, 5_000, 1_000, .euros, "2.000\u{A0}€", "€2,000"),
            (5e6, 15e6, 5e6, .number, "5\u{A0}M", "5M"),
            (0.25, 1, 0.25, .number, "0,25", "0.25"),
        ]
        for (value, largest, step, unit, french, english) in cases {
            #expect(fr.axisLabel(value, largest: largest, step: step, unit: unit) == french)
            #expect(en.axisLabel(value, largest: largest, step: step, unit: unit) == english)
        }
        #expect(fr.shortLabel(12_345_678, unit: .euros) == "12,3\u{A0}M€")
        #expect(en.shortLabel(5_000_000, unit: .euros) == "€5M")
        #expect(en.shortLabel(119_670_041, unit: .euros) == "€120M")
        #expect(en.shortLabel(9_500, unit: .euros) == "€9,500")
        #expect(en.axisLabel(.infinity, largest: .nan, step: 0, unit: .euros).isEmpty == false, "never a trap")
    }

    /// How wide a label is drawn, in the chart's units, at the phone's tick size (DejaVu Sans digits: 0.64 em).
    func width(_ label: String) -> Double { Double(label.count) * 0.64 * 16 }

    @Test("from 1 € to a trillion, no two tick labels of a bar chart's axis touch, and the last stays inside the chart")
    func noCollision() {
        var maximum = 1.0
        while maximum < 1e12 {
            let layout = ChartLayout.bars([[maximum]])
            #expect(layout.ticks.count <= ChartLayout.barTickIntervals + 1)
            let largest = layout.ticks.last!.value
            for format in [fr, en] {
                let labels = layout.ticks.map { format.axisLabel($0.value, largest: largest, step: layout.step, unit: .euros) }
                for index in labels.indices.dropFirst() {
                    // The first label starts at its line; the others are centred on theirs.
                    let leftEnd = Double(layout.ticks[index - 1].position) + (index == 1 ? width(labels[0]) : width(labels[index - 1]) / 2)
                    let rightStart = Double(layout.ticks[index].position) - width(labels[index]) / 2
                    #expect(rightStart - leftEnd >= 4, "\(maximum): '\(labels[index - 1])' and '\(labels[index])' touch")
                }
                #expect(Double(layout.ticks.last!.position) + width(labels.last!) / 2 <= Double(ChartLayout.width),
                        "\(maximum): '\(labels.last!)' runs out of the chart")
            }
            maximum *= 1.37
        }
    }
}
