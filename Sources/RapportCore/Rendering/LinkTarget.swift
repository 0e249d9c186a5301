import Foundation

/// Reading link destinations written in bodies.
enum LinkTarget {
    /// `https:`, `mailto:`, `javascript:` …: a destination with a URL scheme.
    static func hasScheme(_ destination: String) -> Bool {
        // On bytes for ASCII schemes; a non-ASCII byte before or just after the first colon takes the rule on Characters.
        var bytes = destination.utf8.makeIterator(), count = 0
        while let byte = bytes.next() {
            if byte >= 0x80 { return hasSchemeByCharacters(destination) }
            if byte == UInt8(ascii: ":") {
                if let after = bytes.next(), after >= 0x80 { return hasSchemeByCharacters(destination) }
                return count > 0
            }
            let isLetter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            let isDigit = byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
            guard count == 0 ? isLetter : isLetter || isDigit || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                    || byte == UInt8(ascii: ".") else { return false }
            count += 1
        }
        return false
    }

    /// The rule on Characters: `scheme:` where the scheme is an ASCII letter then ASCII letters, digits, `+ - .`.
    static func hasSchemeByCharacters(_ destination: String) -> Bool {
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        guard let first = scheme.first, first.isASCII, first.isLetter else { return false }
        return scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
    }

    /// The path and the fragment of a destination, at its first `#` (found as a byte: every link of every page
    /// comes here; the views of scalars cut exactly there, even before a combining mark).
    static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.utf8.firstIndex(of: UInt8(ascii: "#")) else { return (destination, nil) }
        let scalars = destination.unicodeScalars
        let fragment = String(scalars[scalars.index(after: hash)...])
        return (String(scalars[..<hash]), fragment.isEmpty ? nil : fragment)
    }

    /// The path and the query (`?x=1`, kept as written) of a link's path part.
    static func splitQuery(_ path: String) -> (path: String, query: String) {
        guard let mark = path.utf8.firstIndex(of: UInt8(ascii: "?")) else { return (path, "") }
        let scalars = path.unicodeScalars
        return (String(scalars[..<mark]), String(scalars[mark...]))
    }

    /// A URL path as a browser resolves it against the folder `folder` (relative to the site root, ending with
    /// `/`, or empty for the root): `.` and `..` segments applied, empty segments dropped, a folder keeping its
    /// trailing `/`. A `..` above the root stops there when `stopsAtRoot` (a path from the root: browsers do
    /// that), else gives nil (a relative link that leaves the site).
    static func resolveURL(_ path: String, from folder: String, stopsAtRoot: Bool) -> String? {
        var parts = folder.split(separator: "/").map(String.init)
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            switch segment {
            case "", ".": continue
            case "..": if parts.popLast() == nil, !stopsAtRoot { return nil }
            default: parts.append(String(segment))
            }
        }
        let isFolder = path.isEmpty || path.hasSuffix("/") || segments.last == "." || segments.last == ".."
        return parts.joined(separator: "/") + (isFolder && !parts.isEmpty ? "/" : "")
    }

    /// `path` relative to the folder of `file` (both relative to the site root), normalised; `nil` above the root.
    static func resolve(_ path: String, from file: String) -> String? {
        // The common case, a sibling file (`niger.md`): no splitting.
        if !path.utf8.contains(UInt8(ascii: "/")), path != "..", path != ".", let slash = file.utf8.lastIndex(of: UInt8(ascii: "/")) {
            return String(file.unicodeScalars[...slash]) + path
        }
        var parts = path.hasPrefix("/") ? [] : file.split(separator: "/").dropLast().map(String.init)
        for part in path.split(separator: "/") {
            switch part {
            case ".": continue
            case "..": if parts.popLast() == nil { return nil }
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }
}
