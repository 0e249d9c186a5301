/// Whether a scalar is alphabetic, as `Unicode.Scalar.Properties.isAlphabetic` says, without a lookup in the
/// Unicode tables for the scalars French and English text is made of (ASCII, Latin-1 and Latin Extended letters,
/// no-break spaces, general punctuation such as `’`): typography and the search words ask for every one of them.
enum Letters {
    @inline(__always)
    static func isAlphabetic(_ value: UInt32) -> Bool {
        switch value {
        case 0x41...0x5A, 0x61...0x7A: true
        case 0..<0x80: false
        case 0xAA, 0xB5, 0xBA: true
        case 0x80..<0xC0, 0xD7, 0xF7: false
        case 0xC0..<0x250: true
        case 0x2000..<0x2070: false
        default: Unicode.Scalar(value)?.properties.isAlphabetic ?? false
        }
    }
}
