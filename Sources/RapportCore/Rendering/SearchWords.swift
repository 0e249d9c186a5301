/// Collects the distinct folded words of texts, joined by spaces, on UTF-8 bytes: it runs over every page's whole
/// text at every build. A word of up to eight bytes once folded (most words) is its own key: its bytes packed in
/// one integer, looked up in a table of such integers, never compared byte by byte. Longer words are found in a
/// second table, of ranges of the output. Either table gets a word by its folded form only, whichever path
/// (ASCII or not) folded it: "coopération" and "cooperation" are one word.
struct WordCollector {
    private var output: [UInt8] = []
    private var current: [UInt8] = []
    /// The packed folded bytes of each distinct short word (never 0: no folded byte is 0); 0 is an empty slot.
    private var shortSlots = [UInt64](repeating: 0, count: 1024)
    private var shortCount = 0
    /// `start << 32 | length` of each distinct long word in `output`, plus one; 0 is an empty slot.
    private var longSlots = [UInt64](repeating: 0, count: 256)
    private var longCount = 0

    /// The distinct words so far, separated by single spaces.
    var joined: String { String(decoding: output, as: UTF8.self) }
    /// The same, as UTF-8.
    var bytes: [UInt8] { output }

    /// Adds the words of `text` (a word never continues from one text to the next).
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// Adds the words of a text given as UTF-8.
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>) {
        Self.byteClasses.withUnsafeBufferPointer { classes in
            var index = 0
            let count = bytes.count
            while index < count {
                var folded = classes[Int(bytes[index])]
                if folded == 0 { index += 1; continue }
                // A word of ASCII letters and digits (most words): packed as it is read, inserted from where it stands.
                let start = index
                var key: UInt64 = 0
                while folded &- 1 < 0xFE {
                    key = key &<< 8 | UInt64(folded)
                    index += 1
                    guard index < count else { break }
                    folded = classes[Int(bytes[index])]
                }
                if index == count || folded == 0 {
                    let length = index - start
                    if length <= 8 {
                        if length >= 2 { insertShort(key) }
                    } else {
                        insertLong(UnsafeBufferPointer(rebasing: bytes[start..<index]), classes: classes)
                    }
                    continue
                }
                // A word with other letters: folded into `current`, from its start.
                index = start
                wordWithOtherLetters: while index < count {
                    let byte = bytes[index]
                    if byte < 0x80 {
                        let folded = classes[Int(byte)]
                        guard folded != 0 else { break wordWithOtherLetters }
                        current.append(folded)
                        index += 1
                        continue
                    }
                    let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                    var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                    index += length
                    if let folded = LatinFolding.fold(value) {
                        current += folded
                    } else if Letters.isAlphabetic(value), let scalar = Unicode.Scalar(value) {
                        current += String(scalar).lowercased().utf8
                    } else {
                        break wordWithOtherLetters
                    }
                }
                flush()
            }
        }
    }

    /// Each byte's class: an ASCII letter or digit is its lowercase form, other ASCII bytes are 0, and the bytes
    /// of longer UTF-8 sequences (0x80 and up) are 0xFF.
    private static let byteClasses: [UInt8] = (0..<256).map { byte in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        case 0x80...: 0xFF
        default: 0
        }
    }

    /// A word of two to eight folded bytes, packed (first byte highest).
    private mutating func insertShort(_ key: UInt64) {
        let mask = shortSlots.count - 1
        var slot = Self.slot(of: key) & mask
        let found: Bool = shortSlots.withUnsafeBufferPointer { slots in
            while slots[slot] != 0 {
                if slots[slot] == key { return true }
                slot = (slot + 1) & mask
            }
            return false
        }
        guard !found else { return }
        shortSlots[slot] = key
        if !output.isEmpty { output.append(UInt8(ascii: " ")) }
        var shift = (63 - key.leadingZeroBitCount) / 8 * 8
        while shift >= 0 {
            output.append(UInt8(truncatingIfNeeded: key >> UInt64(shift)))
            shift -= 8
        }
        shortCount += 1
        if shortCount * 2 > shortSlots.count { growShort() }
    }

    /// A word of more than eight bytes, as written (`classes` folds each byte) or already folded (then `classes`
    /// is nil).
    private mutating func insertLong(_ word: UnsafeBufferPointer<UInt8>, classes: UnsafeBufferPointer<UInt8>?) {
        let hash = classes.map { classes in Self.hash(word.lazy.map { classes[Int($0)] }) } ?? Self.hash(word)
        let mask = longSlots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        let found: Bool = output.withUnsafeBufferPointer { output in
            longSlots.withUnsafeBufferPointer { slots in
                while slots[slot] != 0 {
                    let entry = slots[slot] - 1
                    let start = Int(entry >> 32), length = Int(entry & 0xFFFF_FFFF)
                    if length == word.count {
                        var offset = 0
                        if let classes {
                            while offset < length, output[start + offset] == classes[Int(word[offset])] { offset += 1 }
                        } else {
                            while offset < length, output[start + offset] == word[offset] { offset += 1 }
                        }
                        if offset == length { return true }
                    }
                    slot = (slot + 1) & mask
                }
                return false
            }
        }
        guard !found else { return }
        if !output.isEmpty { output.append(UInt8(ascii: " ")) }
        longSlots[slot] = (UInt64(output.count) << 32 | UInt64(word.count)) + 1
        if let classes {
            for byte in word { output.append(classes[Int(byte)]) }
        } else {
            output.append(contentsOf: word)
        }
        longCount += 1
        if longCount * 2 > longSlots.count { growLong() }
    }

    /// The word in `current` (a word with letters beyond ASCII, folded).
    private mutating func flush() {
        defer { current.removeAll(keepingCapacity: true) }
        guard current.count >= 2 else { return }
        if current.count <= 8 {
            insertShort(current.reduce(0) { $0 &<< 8 | UInt64($1) })
        } else {
            let word = current
            word.withUnsafeBufferPointer { insertLong($0, classes: nil) }
        }
    }

    /// FNV-1a of a long word's folded bytes: the same for a word folded while it is hashed and for one in `output`.
    private static func hash(_ bytes: some Sequence<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }

    /// Where a short word's key goes (Fibonacci hashing: the high bits of the product).
    @inline(__always)
    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    private mutating func growShort() {
        let old = shortSlots
        shortSlots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = shortSlots.count - 1
        for key in old where key != 0 {
            var slot = Self.slot(of: key) & mask
            while shortSlots[slot] != 0 { slot = (slot + 1) & mask }
            shortSlots[slot] = key
        }
    }

    private mutating func growLong() {
        let old = longSlots
        longSlots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = longSlots.count - 1
        for entry in old where entry != 0 {
            let start = Int((entry - 1) >> 32), length = Int((entry - 1) & 0xFFFF_FFFF)
            var slot = Int(truncatingIfNeeded: Self.hash(output[start..<(start + length)])) & mask
            while longSlots[slot] != 0 { slot = (slot + 1) & mask }
            longSlots[slot] = entry
        }
    }
}
