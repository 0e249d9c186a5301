import CRapportSystem

/// The digest a translation records of its source page (`source_digest:`): SHA-256 of the page's file as text —
/// front matter and body, a byte-order mark and the `draft:` line left out, line endings normalised to LF — its
/// first 16 hexadecimal digits (64 bits: enough to notice any change, short enough to read).
public enum TranslationDigest {
    public static let length = 16

    /// The digest of a file's text (already decoded: BOM removed, CRLF and CR made LF). The front matter's
    /// `draft:` line is left out: publishing a page is no change its translation must review.
    public static func of(_ text: String) -> String {
        var text = withoutDraftLine(text)
        return String(text.withUTF8 { SHA256.hex($0) }.prefix(length))
    }

    /// The text without its top-level `draft:` line, found as the loader finds its front matter (`FrontMatterLines`).
    static func withoutDraftLine(_ text: String) -> String {
        var bytes = text
        return bytes.withUTF8 { bytes in
            guard case .success(let lines) = FrontMatterLines.scan(bytes) else { return text }
            let drafts = lines.inside.filter { FrontMatterLines.valueStart(of: $0, key: "draft", in: bytes) != nil }
            guard !drafts.isEmpty else { return text }
            var kept: [UInt8] = []
            kept.reserveCapacity(bytes.count)
            var offset = 0
            for line in drafts {
                kept.append(contentsOf: bytes[offset..<line.start])
                offset = line.end
            }
            kept.append(contentsOf: bytes[offset...])
            return String(decoding: kept, as: UTF8.self)
        }
    }

    static func isWellFormed(_ value: String) -> Bool {
        value.count == length && value.allSatisfy { $0.isHexDigit && !$0.isUppercase }
    }
}

/// SHA-256 (FIPS 180-4), for digests of page files; no dependency.
enum SHA256 {
    /// The 64 round constants (one table, in the C file that also holds the rounds with the SHA instructions).
    private static let k = Array(UnsafeBufferPointer(start: rapport_sha256_round_constants(), count: 64))

    static func hash(_ message: [UInt8], hardware: Bool = true) -> [UInt8] {
        message.withUnsafeBufferPointer { hash($0, hardware: hardware) }
    }

    /// The digest of `message`, read in place: whole 64-byte blocks straight from it, only the last one or two
    /// (with the padding and the length) copied. The processor's SHA instructions do the blocks where it has them
    /// (`hardware`, the tests turn it off to compare).
    static func hash(_ message: UnsafeBufferPointer<UInt8>, hardware: Bool = true) -> [UInt8] {
        var state: [UInt32] = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19]
        let whole = message.count / 64 * 64
        var tail = [UInt8](message[whole...])
        let bitLength = UInt64(message.count) * 8
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        tail.withUnsafeBufferPointer { tail in
            for part in [UnsafeBufferPointer(rebasing: message[..<whole]), tail] where !part.isEmpty {
                if hardware, rapport_sha256_blocks(&state, part.baseAddress!, part.count / 64) == 1 { continue }
                compress(&state, part)
            }
        }
        return state.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32($0))) } }
    }

    /// Whether this processor's SHA instructions do the blocks (asking for none tells).
    static var usesHardware: Bool {
        var state = [UInt32](repeating: 0, count: 8)
        return rapport_sha256_blocks(&state, nil, 0) == 1
    }

    /// The blocks of `blocks` (whole 64-byte blocks) into the state, without the SHA instructions.
    private static func compress(_ h: inout [UInt32], _ blocks: UnsafeBufferPointer<UInt8>) {
        var state = (h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7])
        var w = [UInt32](repeating: 0, count: 64)
        w.withUnsafeMutableBufferPointer { w in
            k.withUnsafeBufferPointer { k in
                for offset in stride(from: 0, to: blocks.count, by: 64) {
                    compress(&state, UnsafeBufferPointer(rebasing: blocks[offset..<(offset + 64)]), w, k)
                }
            }
        }
        h = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
    }

    @inline(__always)
    private static func rotate(_ x: UInt32, _ n: UInt32) -> UInt32 { (x >> n) | (x << (32 - n)) }

    /// One 64-byte block into the state.
    private static func compress(
        _ state: inout (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32),
        _ block: UnsafeBufferPointer<UInt8>, _ w: UnsafeMutableBufferPointer<UInt32>, _ k: UnsafeBufferPointer<UInt32>
    ) {
        for i in 0..<16 {
            let j = i * 4
            w[i] = UInt32(block[j]) << 24 | UInt32(block[j + 1]) << 16 | UInt32(block[j + 2]) << 8 | UInt32(block[j + 3])
        }
        for i in 16..<64 {
            let s0 = rotate(w[i - 15], 7) ^ rotate(w[i - 15], 18) ^ (w[i - 15] >> 3)
            let s1 = rotate(w[i - 2], 17) ^ rotate(w[i - 2], 19) ^ (w[i - 2] >> 10)
            w[i] = w[i - 16] &+ s0 &+ w[i - 7] &+ s1
        }
        var (a, b, c, d, e, f, g, hh) = state
        for i in 0..<64 {
            let s1 = rotate(e, 6) ^ rotate(e, 11) ^ rotate(e, 25)
            let choice = (e & f) ^ (~e & g)
            let t1 = hh &+ s1 &+ choice &+ k[i] &+ w[i]
            let s0 = rotate(a, 2) ^ rotate(a, 13) ^ rotate(a, 22)
            let majority = (a & b) ^ (a & c) ^ (b & c)
            let t2 = s0 &+ majority
            (hh, g, f, e, d, c, b, a) = (g, f, e, d &+ t1, c, b, a, t1 &+ t2)
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d, state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ hh)
    }

    static func hex(_ message: [UInt8], hardware: Bool = true) -> String {
        message.withUnsafeBufferPointer { hex($0, hardware: hardware) }
    }

    static func hex(_ message: UnsafeBufferPointer<UInt8>, hardware: Bool = true) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: hash(message, hardware: hardware).flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 15)]] }, as: UTF8.self)
    }
}
