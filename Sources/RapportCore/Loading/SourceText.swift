import Foundation

/// A text file decoded for parsing: UTF-8 checked, byte-order mark dropped, line endings made LF.
public struct SourceText: Sendable, Equatable {
    public var path: String
    public var text: String

    /// Decodes `bytes`, or gives the diagnostic that says where they are not UTF-8.
    public static func decode(_ bytes: [UInt8], path: String) -> Result<SourceText, Diagnostic> {
        var start = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
        let content = bytes[start...]
        // The standard library's validation is the fast path; the byte walk below only runs to say where it failed.
        if var text = String(validating: content, as: UTF8.self) {
            if containsCarriageReturn(content) {
                text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            }
            return .success(SourceText(path: path, text: text))
        }
        if let bad = firstInvalidUTF8(in: content) {
            let before = content[content.startIndex..<bad.offset]
            let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
            let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? content.startIndex
            let column = content[lineStart..<bad.offset].reduce(1) { $1 & 0xC0 != 0x80 ? $0 + 1 : $0 }
            return .failure(Diagnostic(.error, .invalidUTF8(byte: bad.byte),
                                       at: SourceLocation(path: path, line: line, column: column), stage: .read))
        }
        var text = String(decoding: content, as: UTF8.self)
        if containsCarriageReturn(content) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceText(path: path, text: text))
    }

    /// Whether the text has a CR byte: `memchr`, not a generic element-by-element search (every page is asked).
    private static func containsCarriageReturn(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return memchr(base, 0x0D, buffer.count) != nil
        }
    }

    /// The offset and value of the first byte that does not belong to a valid UTF-8 sequence.
    private static func firstInvalidUTF8(in bytes: ArraySlice<UInt8>) -> (offset: Int, byte: UInt8)? {
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            let length: Int
            switch byte {
            case 0x00...0x7F: index += 1; continue
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return (index, byte)
            }
            guard index + length <= bytes.endIndex else { return (index, byte) }
            let second = bytes[index + 1]
            // Reject overlong forms, surrogates and code points above U+10FFFF.
            let secondRange: ClosedRange<UInt8> = switch byte {
            case 0xE0: 0xA0...0xBF
            case 0xED: 0x80...0x9F
            case 0xF0: 0x90...0xBF
            case 0xF4: 0x80...0x8F
            default: 0x80...0xBF
            }
            guard secondRange.contains(second) else { return (index, byte) }
            for next in (index + 2)..<(index + length) where bytes[next] & 0xC0 != 0x80 {
                return (index, byte)
            }
            index += length
        }
        return nil
    }
}
