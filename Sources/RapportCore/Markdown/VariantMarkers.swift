import Foundation

/// One rendering of a body for two outputs, the page and the print page. The nodes written differently in each
/// (a link's URL, a heading's opening tag, a footnote reference) hold a marker while libcmark-gfm writes the HTML;
/// each output then puts its own text where each marker stands.
///
/// A marker is `~R`, sixteen hexadecimal digits drawn at random once per process, and the slot's number in eight
/// more: characters that cmark writes unchanged in text, in a URL and in raw HTML. A body cannot guess the random
/// part, and `locate` checks anyway that every marker stands exactly once and nothing else looks like one; when it
/// does not, the caller renders twice, the reference way.
enum VariantMarkers {
    /// The random part of every marker of this process.
    static let nonce: [UInt8] = {
        let digits = Array(String(UInt64.random(in: .min ... .max), radix: 16).utf8)
        return Array(repeating: UInt8(ascii: "0"), count: 16 - digits.count) + digits
    }()
    static let lead: [UInt8] = [UInt8(ascii: "~"), UInt8(ascii: "R")] + nonce
    static let length = lead.count + 8

    /// The marker of slot `slot`, to set on a node.
    static func marker(_ slot: Int) -> String {
        String(unsafeUninitializedCapacity: length) { buffer in
            _ = buffer.initialize(from: lead)
            var rest = slot
            for index in stride(from: length - 1, through: lead.count, by: -1) {
                buffer[index] = hexDigits[rest & 0xF]
                rest >>= 4
            }
            return length
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Where each marker stands in rendered pieces: for each piece, the offsets and slots in order.
    struct Placement {
        var spots: [[(offset: Int, slot: Int)]]
    }

    /// The markers of `pieces`, or `nil` unless each of the `count` slots stands exactly once in all of them together,
    /// only in the pieces `allowed` lets it, and no other text looks like a marker.
    static func locate(in pieces: [[UInt8]], count: Int, allowed: (_ piece: Int, _ slot: Int) -> Bool) -> Placement? {
        var seen = [Bool](repeating: false, count: count)
        var placement = Placement(spots: [])
        for (index, piece) in pieces.enumerated() {
            var spots: [(offset: Int, slot: Int)] = []
            var offset = 0
            while let found = nextLead(in: piece, from: offset) {
                guard let slot = slotNumber(in: piece, at: found), slot < count, !seen[slot], allowed(index, slot) else { return nil }
                seen[slot] = true
                spots.append((found, slot))
                offset = found + length
            }
            placement.spots.append(spots)
        }
        return seen.allSatisfy { $0 } ? placement : nil
    }

    /// `piece` with the text of each of its slots (`values[slot]`) in place of the marker.
    static func fill(_ piece: [UInt8], spots: [(offset: Int, slot: Int)], values: [[UInt8]]) -> [UInt8] {
        guard !spots.isEmpty else { return piece }
        var filled: [UInt8] = []
        filled.reserveCapacity(piece.count + spots.reduce(0) { $0 + values[$1.slot].count })
        var start = 0
        for (offset, slot) in spots {
            filled.append(contentsOf: piece[start..<offset])
            filled.append(contentsOf: values[slot])
            start = offset + length
        }
        filled.append(contentsOf: piece[start...])
        return filled
    }

    /// The first `~R` followed by this process's random part, from `offset`.
    private static func nextLead(in piece: [UInt8], from offset: Int) -> Int? {
        piece.withUnsafeBufferPointer { bytes in
            lead.withUnsafeBufferPointer { lead in
                var index = offset
                while index + lead.count <= bytes.count {
                    guard let found = memchr(bytes.baseAddress! + index, Int32(lead[0]), bytes.count - index) else { return nil }
                    let tilde = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard tilde + lead.count <= bytes.count else { return nil }
                    if memcmp(found, lead.baseAddress!, lead.count) == 0 { return tilde }
                    index = tilde + 1
                }
                return nil
            }
        }
    }

    /// The slot number written after the lead at `offset` (eight hexadecimal digits), or `nil`.
    private static func slotNumber(in piece: [UInt8], at offset: Int) -> Int? {
        let start = offset + lead.count
        guard start + 8 <= piece.count else { return nil }
        var number = 0
        for byte in piece[start..<(start + 8)] {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): number = number << 4 | Int(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): number = number << 4 | Int(byte - UInt8(ascii: "a") + 10)
            default: return nil
            }
        }
        return number
    }
}

/// A URL as libcmark-gfm writes it in an `href` or `src` attribute (its `houdini_escape_href`): the characters of
/// URLs as they are, `&` and `'` as entities, every other byte as `%XX`.
enum HrefEscaping {
    /// The bytes written as they are: ASCII letters and digits and `-_.+!*(),%#@?=;:/$~`.
    private static let safe: [Bool] = (0..<256).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return Array("-_.+!*(),%#@?=;:/$~".utf8).contains(UInt8(byte))
        }
    }

    private static let hex = Array("0123456789ABCDEF".utf8)

    /// `url` escaped, or `nil` when it holds a `:` (a scheme, that cmark judges before writing it).
    static func escapeWithoutScheme(_ url: String) -> [UInt8]? {
        var url = url
        return url.withUTF8 { bytes in
            if let start = bytes.baseAddress, memchr(start, Int32(UInt8(ascii: ":")), bytes.count) != nil { return nil }
            return bytes.allSatisfy({ safe[Int($0)] }) ? Array(bytes) : escape(bytes)
        }
    }

    static func escape(_ url: String) -> [UInt8] { escape(url.utf8) }

    private static func escape(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count)
        for byte in bytes {
            if safe[Int(byte)] {
                escaped.append(byte)
            } else if byte == UInt8(ascii: "&") {
                escaped.append(contentsOf: "&amp;".utf8)
            } else if byte == UInt8(ascii: "'") {
                escaped.append(contentsOf: "&#x27;".utf8)
            } else {
                escaped.append(contentsOf: [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            }
        }
        return escaped
    }
}
