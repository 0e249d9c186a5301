/// Letters and scalars of UTF-8 text, for the passes that read it byte by byte.

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

/// The first or last scalar of valid UTF-8.
enum UTF8Scalars {
    static func first(of bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard !bytes.isEmpty else { return nil }
        return decode(bytes, at: 0)
    }

    static func last(of bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar? {
        guard var start = bytes.indices.last else { return nil }
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return decode(bytes, at: start)
    }

    /// The scalar whose encoding starts at `index`.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Unicode.Scalar? {
        let lead = bytes[index]
        guard lead >= 0x80 else { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        guard index + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
        return Unicode.Scalar(value)
    }
}
