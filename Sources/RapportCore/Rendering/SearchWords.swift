/// Collects the distinct folded words of texts, joined by spaces, on UTF-8 bytes: it runs over every page's whole
/// text at every build. It reads eight bytes at a time where it can: an ASCII word that ends within them (most
/// words) is found and folded with a few integer operations, and is its own key — its bytes packed in one integer,
/// looked up in a table of such integers, never compared byte by byte; words with other letters are read byte by
/// byte. Longer words are found in a second table, of ranges of the output. Either table gets a word by its folded
/// form only, whichever path folded it: "coopération" and "cooperation" are one word. Its buffers are its own
/// (it cannot be copied), so that no array's uniqueness is checked in its loops.
struct WordCollector: ~Copyable {
    /// The distinct words so far, each after a space (the first space is not part of the result).
    private var output: UnsafeMutablePointer<UInt8>
    private var outputCount = 0
    private var outputCapacity = 4096
    /// The folded bytes of the word being read.
    private var word: UnsafeMutablePointer<UInt8>
    private var wordCapacity = 64
    /// The packed folded bytes of each distinct short word (never 0: no folded byte is 0); 0 is an empty slot.
    private var shortSlots: UnsafeMutablePointer<UInt64>
    private var shortMask = 1023
    private var shortCount = 0
    /// `start << 32 | length` of each distinct long word in `output`, plus one; 0 is an empty slot.
    private var longSlots: UnsafeMutablePointer<UInt64>
    private var longMask = 255
    private var longCount = 0
    /// Foldings of scalars beyond the packed tables (Greek, Cyrillic, CJK …), looked up once per collector.
    private var otherFoldings: [UInt32: [UInt8]?] = [:]

    init() {
        output = .allocate(capacity: outputCapacity)
        word = .allocate(capacity: wordCapacity)
        shortSlots = .allocate(capacity: shortMask + 1)
        shortSlots.initialize(repeating: 0, count: shortMask + 1)
        longSlots = .allocate(capacity: longMask + 1)
        longSlots.initialize(repeating: 0, count: longMask + 1)
    }

    deinit {
        output.deallocate()
        word.deallocate()
        shortSlots.deallocate()
        longSlots.deallocate()
    }

    /// The distinct words so far, separated by single spaces.
    var joined: String { String(decoding: wordBytes, as: UTF8.self) }
    /// Appends the words, separated by single spaces, to `bytes`.
    func append(to bytes: inout [UInt8]) { bytes.append(contentsOf: wordBytes) }

    private var wordBytes: UnsafeBufferPointer<UInt8> {
        outputCount == 0 ? UnsafeBufferPointer(start: output, count: 0) : UnsafeBufferPointer(start: output + 1, count: outputCount - 1)
    }

    /// Adds the words of `text` (a word never continues from one text to the next).
    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add($0) }
    }

    /// Adds the words of a text given as UTF-8.
    mutating func add(_ text: UnsafeBufferPointer<UInt8>) {
        Self.asciiFolding.withUnsafeBufferPointer { ascii in
            SearchFolding.packedLatin.withUnsafeBufferPointer { latin in
                SearchFolding.packedLatinAdditional.withUnsafeBufferPointer { additional in
                    add(text, ascii: ascii, latin: latin, additional: additional)
                }
            }
        }
    }

    @inline(__always)
    private mutating func add(_ text: UnsafeBufferPointer<UInt8>, ascii: UnsafeBufferPointer<UInt8>,
                              latin: UnsafeBufferPointer<UInt32>, additional: UnsafeBufferPointer<UInt32>) {
        guard let bytes = text.baseAddress else { return }
        let count = text.count
        let raw = UnsafeRawPointer(bytes)
        var index = 0
        while index < count {
            if index &+ 8 <= count {
                // Eight bytes at once: where the next word starts, and whether it is a short ASCII word that ends
                // within them (most words): then it is its own key, and no byte is looked at one by one.
                let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let (alphanumeric, high) = Self.classify(chunk)
                let inWord = alphanumeric | high
                if inWord == 0 { index &+= 8; continue }
                let skipped = inWord.trailingZeroBitCount &>> 3
                if skipped != 0 { index &+= skipped; continue }
                if high & 0x80 == 0 {
                    let ends = ~alphanumeric & Self.highBits
                    if ends != 0 {
                        let length = ends.trailingZeroBitCount &>> 3
                        if high & (0x80 &<< UInt64(length &* 8)) == 0 {
                            if length >= 2 {
                                let mask: UInt64 = (1 &<< UInt64(length &* 8)) &- 1
                                insertShort((chunk | 0x2020_2020_2020_2020) & mask, length: length)
                            }
                            index &+= length
                            continue
                        }
                    } else if let end = addLongASCIIWord(raw, count: count, from: index, first: chunk) {
                        index = end
                        continue
                    }
                }
            }
            index = addWord(bytes, count: count, from: index, ascii: ascii, latin: latin, additional: additional)
        }
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The word at `start`, whose first eight bytes (`first`) are ASCII letters or digits: added, and where it
    /// ends returned, when it is ASCII to its end, read eight bytes at a time; nil when it goes on with another
    /// letter or reaches the last bytes of the text (then it is read byte by byte).
    @inline(__always)
    private mutating func addLongASCIIWord(_ raw: UnsafeRawPointer, count: Int, from start: Int, first: UInt64) -> Int? {
        var chunk = first
        var end = start
        var length = 0
        while true {
            if length &+ 8 > wordCapacity { growWord() }
            UnsafeMutableRawPointer(word + length).storeBytes(of: (chunk | 0x2020_2020_2020_2020).littleEndian, as: UInt64.self)
            end &+= 8
            guard end &+ 8 <= count else { return nil }
            chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self))
            let (alphanumeric, high) = Self.classify(chunk)
            let ends = ~alphanumeric & Self.highBits
            length &+= 8
            guard ends != 0 else { continue }
            let tail = ends.trailingZeroBitCount &>> 3
            guard high & (0x80 &<< UInt64(tail &* 8)) == 0 else { return nil }
            if tail == 0 && length == 8 {
                insertShort(first | 0x2020_2020_2020_2020, length: 8)
                return end
            }
            if length &+ 8 > wordCapacity { growWord() }
            UnsafeMutableRawPointer(word + length).storeBytes(of: (chunk | 0x2020_2020_2020_2020).littleEndian, as: UInt64.self)
            insertLong(length: length &+ tail)
            return end &+ tail
        }
    }

    /// The high bit of each byte of `chunk` that is an ASCII letter or digit, and of each byte that is not ASCII
    /// (each byte compared by adding to it, with its high bit cleared first so that no sum carries into the next).
    @inline(__always)
    private static func classify(_ chunk: UInt64) -> (alphanumeric: UInt64, high: UInt64) {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let high = chunk & highBits
        let low = chunk & ~highBits
        @inline(__always) func atLeast(_ value: UInt64, _ bound: UInt64) -> UInt64 {
            (value &+ (0x80 &- bound) &* ones) & highBits
        }
        let lower = low | 0x2020_2020_2020_2020
        let letters = atLeast(lower, 0x61) & ~atLeast(lower, 0x7B)
        let digits = atLeast(low, 0x30) & ~atLeast(low, 0x3A)
        return ((letters | digits) & ~high, high)
    }

    /// Reads the word (or the byte or scalar between words) at `start`, byte by byte: words with letters beyond
    /// ASCII, and words that reach into the text's last eight bytes. Returns where the next one starts.
    private mutating func addWord(_ bytes: UnsafePointer<UInt8>, count: Int, from start: Int,
                                  ascii: UnsafeBufferPointer<UInt8>, latin: UnsafeBufferPointer<UInt32>,
                                  additional: UnsafeBufferPointer<UInt32>) -> Int {
        var index = start
        var length = 0
        wordLoop: while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                let folded = ascii[Int(byte)]
                if folded == 0 {
                    if length == 0 { index += 1 }
                    break wordLoop
                }
                if length == wordCapacity { growWord() }
                word[length] = folded
                length += 1
                index += 1
                continue
            }
            var value: UInt32
            if byte < 0xE0 {
                // Two bytes: every accented Latin letter.
                guard index + 2 <= count else { index = count; break wordLoop }
                value = (UInt32(byte) & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F)
                index += 2
            } else {
                let scalarLength = byte >= 0xF0 ? 4 : 3
                guard index + scalarLength <= count else { index = count; break wordLoop }
                value = UInt32(byte) & (scalarLength == 3 ? 0x0F : 0x07)
                for offset in 1..<scalarLength { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
                index += scalarLength
            }
            // The packed tables (`SearchFolding.packedLatin`): every accented letter of French and Vietnamese.
            let packed = value < 0x250 ? latin[Int(value)]
                : value &- 0x1E00 < 0x100 ? additional[Int(value &- 0x1E00)] : SearchFolding.general
            if packed == 0 { break wordLoop }
            if packed != SearchFolding.general {
                if length + 3 > wordCapacity { growWord() }
                for offset in 0..<Int(packed >> 24 & 0x7F) {
                    word[length] = UInt8(truncatingIfNeeded: packed >> UInt32(8 * offset))
                    length += 1
                }
                continue
            }
            // General punctuation (’ – … « » and the thin spaces) ends a word with no lookup.
            if value >= 0x2000 && value < 0x2070 { break wordLoop }
            guard let folded = otherFolding(value) else { break wordLoop }
            for byte in folded {
                if length == wordCapacity { growWord() }
                word[length] = byte
                length += 1
            }
        }
        if length > 8 {
            insertLong(length: length)
        } else if length >= 2, Self.scalarCount(word, length) >= 2 {
            var key: UInt64 = 0
            for offset in stride(from: length - 1, through: 0, by: -1) { key = key &<< 8 | UInt64(word[offset]) }
            insertShort(key, length: length)
        }
        return index
    }

    /// The folding of a scalar beyond the packed tables (`SearchFolding.fold`), once per collector.
    private mutating func otherFolding(_ value: UInt32) -> [UInt8]? {
        if let known = otherFoldings[value] { return known }
        let folded = Unicode.Scalar(value).flatMap(SearchFolding.fold)
        otherFoldings[value] = folded
        return folded
    }

    /// The scalars of a folded word of a few bytes (one accented letter alone, `é`, is no word).
    private static func scalarCount(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
        var count = 0
        for offset in 0..<length where word[offset] & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Each ASCII byte's folding: a letter or digit is its lowercase form, any other byte 0.
    private static let asciiFolding: [UInt8] = (0..<128).map { byte in
        switch byte {
        case 0x61...0x7A, 0x30...0x39: UInt8(byte)
        case 0x41...0x5A: UInt8(byte + 0x20)
        default: 0
        }
    }

    /// The word just read, of two to eight folded bytes, packed in `key` (first byte lowest). Most words are
    /// found, or placed, in their first slot: that case takes no branch on whether the word is new (which no
    /// branch predictor guesses), the word is written after the output either way and kept only if it is.
    @inline(__always)
    private mutating func insertShort(_ key: UInt64, length: Int) {
        var slot = Self.slot(of: key) & shortMask
        var present = shortSlots[slot]
        while present != 0 && present != key {
            slot = (slot &+ 1) & shortMask
            present = shortSlots[slot]
        }
        let isNew = present == 0
        shortSlots[slot] = key
        output[outputCount] = UInt8(ascii: " ")
        UnsafeMutableRawPointer(output + (outputCount &+ 1)).storeBytes(of: key.littleEndian, as: UInt64.self)
        outputCount &+= isNew ? 1 &+ length : 0
        shortCount &+= isNew ? 1 : 0
        if outputCount &+ 9 > outputCapacity { growOutput(9) }
        if shortCount &* 2 > shortMask { growShort() }
    }

    /// The word just read, of more than eight folded bytes.
    private mutating func insertLong(length: Int) {
        let hash = Self.hash(UnsafeBufferPointer(start: word, count: length))
        var slot = hash & longMask
        let found: Bool = {
            while longSlots[slot] != 0 {
                let entry = longSlots[slot] - 1
                if Int(entry & 0xFFFF_FFFF) == length {
                    let start = Int(entry >> 32)
                    var offset = 0
                    while offset < length, output[start + offset] == word[offset] { offset += 1 }
                    if offset == length { return true }
                }
                slot = (slot + 1) & longMask
            }
            return false
        }()
        guard !found else { return }
        if outputCount &+ 10 &+ length > outputCapacity { growOutput(10 + length) }
        output[outputCount] = UInt8(ascii: " ")
        longSlots[slot] = (UInt64(outputCount &+ 1) << 32 | UInt64(length)) + 1
        (output + outputCount + 1).update(from: word, count: length)
        outputCount &+= 1 &+ length
        longCount += 1
        if longCount * 2 > longMask { growLong() }
    }

    /// A hash of a long word's folded bytes, eight at a time.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = UInt64(bytes.count)
        var offset = 0
        let raw = UnsafeRawBufferPointer(bytes)
        while offset + 8 <= bytes.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        while offset < bytes.count { tail = tail << 8 | UInt64(bytes[offset]); offset += 1 }
        hash = (hash ^ tail) &* 0x9E37_79B9_7F4A_7C15
        return Int(truncatingIfNeeded: hash >> 32)
    }

    /// Where a short word's key goes (Fibonacci hashing: the high bits of the product).
    @inline(__always)
    private static func slot(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    private mutating func growWord() {
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: wordCapacity * 2)
        larger.moveInitialize(from: word, count: wordCapacity)
        word.deallocate()
        word = larger
        wordCapacity *= 2
    }

    private mutating func growOutput(_ needed: Int) {
        let capacity = max(outputCapacity * 2, outputCount + needed)
        let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        larger.moveInitialize(from: output, count: outputCount)
        output.deallocate()
        output = larger
        outputCapacity = capacity
    }

    private mutating func growShort() {
        let oldMask = shortMask, old = shortSlots
        shortMask = oldMask * 2 + 1
        shortSlots = .allocate(capacity: shortMask + 1)
        shortSlots.initialize(repeating: 0, count: shortMask + 1)
        for index in 0...oldMask where old[index] != 0 {
            var slot = Self.slot(of: old[index]) & shortMask
            while shortSlots[slot] != 0 { slot = (slot + 1) & shortMask }
            shortSlots[slot] = old[index]
        }
        old.deallocate()
    }

    private mutating func growLong() {
        let oldMask = longMask, old = longSlots
        longMask = oldMask * 2 + 1
        longSlots = .allocate(capacity: longMask + 1)
        longSlots.initialize(repeating: 0, count: longMask + 1)
        for index in 0...oldMask where old[index] != 0 {
            let entry = old[index] - 1
            let word = UnsafeBufferPointer(start: output + Int(entry >> 32), count: Int(entry & 0xFFFF_FFFF))
            var slot = Self.hash(word) & longMask
            while longSlots[slot] != 0 { slot = (slot + 1) & longMask }
            longSlots[slot] = old[index]
        }
        old.deallocate()
    }
}
