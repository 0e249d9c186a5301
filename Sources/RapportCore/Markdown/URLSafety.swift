/// URLs that run code when followed.
enum URLSafety {
    /// `javascript:`, `vbscript:`, `file:` and `data:` (but for raster images), as cmark's safe mode judges them;
    /// browsers ignore ASCII whitespace and control characters inside a scheme, so they are dropped first.
    static func isDangerous(_ url: String) -> Bool {
        // Every link of every page comes here. Most start with none of the schemes' first letters (j, v, f, d):
        // that is decided at the first byte that counts. Else the prefix that decides is built on bytes when it is ASCII.
        for byte in url.utf8 where byte > 0x20 {
            guard byte < 0x80 else { break }
            switch byte | 0x20 {
            case UInt8(ascii: "j"), UInt8(ascii: "v"), UInt8(ascii: "f"), UInt8(ascii: "d"): break
            default: return false
            }
            break
        }
        var prefix: [UInt8] = []
        prefix.reserveCapacity(16)
        for byte in url.utf8 {
            if byte >= 0x80 { return isDangerousByScalars(url) }
            if byte <= 0x20 { continue }
            prefix.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            if prefix.count == 16 { break }
        }
        for scheme in ["javascript:", "vbscript:", "file:"] where prefix.starts(with: scheme.utf8) { return true }
        if prefix.starts(with: "data:".utf8) {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { prefix.starts(with: $0.utf8) }
        }
        return false
    }

    /// The rule on lowercased Unicode scalars, for URLs with non-ASCII characters.
    static func isDangerousByScalars(_ url: String) -> Bool {
        let compact = String(url.lowercased().unicodeScalars.filter { $0.value > 0x20 })
        for scheme in ["javascript:", "vbscript:", "file:"] where compact.hasPrefix(scheme) { return true }
        if compact.hasPrefix("data:") {
            return !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"].contains { compact.hasPrefix($0) }
        }
        return false
    }

    /// Whether raw HTML mentions a script URL anywhere (attribute values included), read as a browser reads it:
    /// character references decoded (`&#106;avascript:`, `javascript&colon;`, `java&Tab;script:`), then ASCII
    /// whitespace and control characters dropped.
    static func mentionsScriptURL(_ html: String) -> Bool {
        let decoded = CharacterReferences.decode(html.lowercased())
        let compact = String(decoded.unicodeScalars.filter { $0.value > 0x20 })
        return compact.contains("javascript:") || compact.contains("vbscript:")
    }
}

/// HTML character references, decoded as a browser decodes them in an attribute or text: numeric ones (`&#106;`,
/// `&#x6A`, the `;` optional) and the named ones that can hide a URL scheme's letters or separators.
enum CharacterReferences {
    /// Named references that stand for whitespace or a URL's punctuation, looked up in lowercase (a browser knows `&Tab;`, `&COLON;`…).
    static let named: [String: Unicode.Scalar] = [
        "colon": ":", "tab": "\t", "newline": "\n", "nbsp": "\u{A0}", "sol": "/", "lpar": "(", "rpar": ")",
        "period": ".", "semi": ";", "amp": "&", "quot": "\"", "apos": "'", "lt": "<", "gt": ">", "equals": "=",
    ]

    static func decode(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "&", let (scalar, length) = reference(in: scalars, at: index) {
                result.append(scalar)
                index += length
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// The reference that starts at `start` (an `&`): what it stands for and how many scalars it takes.
    private static func reference(in scalars: [Unicode.Scalar], at start: Int) -> (Unicode.Scalar, Int)? {
        var index = start + 1
        guard index < scalars.count else { return nil }
        if scalars[index] == "#" {
            index += 1
            let hex = index < scalars.count && scalars[index] == "x"
            if hex { index += 1 }
            let radix: UInt32 = hex ? 16 : 10
            var value: UInt32 = 0, digits = 0
            while index < scalars.count, let digit = Character(scalars[index]).hexDigitValue, UInt32(digit) < radix {
                // Past the last code point the value only needs to stay invalid, not to grow.
                value = min(value * radix + UInt32(digit), 0x110000)
                digits += 1
                index += 1
            }
            guard digits > 0 else { return nil }
            if index < scalars.count, scalars[index] == ";" { index += 1 }
            return (Unicode.Scalar(value) ?? "\u{FFFD}", index - start)
        }
        var name = ""
        while index < scalars.count, index - start <= 12, scalars[index].properties.isAlphabetic, scalars[index].isASCII {
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard let scalar = named[name.lowercased()] else { return nil }
        if index < scalars.count, scalars[index] == ";" { index += 1 }
        return (scalar, index - start)
    }
}
