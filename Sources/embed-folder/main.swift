import Foundation

// embed-folder FOLDER NAME OUTPUT: writes OUTPUT, a Swift file declaring `EmbeddedFolder.NAME` with every regular
// file below FOLDER (dot files and dot folders left out), by path relative to FOLDER, in byte order of their paths.
// Bytes are written as Base64 string literals: exact for any file, and quick for the compiler (an array literal of
// a hundred thousand numbers is not). Run by the EmbedFolders plugin (Plugins/EmbedFolders) at build time.

let arguments = CommandLine.arguments
guard arguments.count == 4 else {
    FileHandle.standardError.write(Data("usage: embed-folder FOLDER NAME OUTPUT\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1], isDirectory: true).standardizedFileURL
let name = arguments[2]
let output = URL(fileURLWithPath: arguments[3])

func relativeFiles(below folder: URL) -> [String] {
    var found: [String] = []
    func visit(_ relative: String) {
        let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for entry in entries where !entry.hasPrefix(".") {
            let path = relative.isEmpty ? entry : relative + "/" + entry
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder) else { continue }
            if isFolder.boolValue { visit(path) } else { found.append(path) }
        }
    }
    visit("")
    return found.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
}

var text = """
// Generated at build time by the EmbedFolders plugin from \(folder.lastPathComponent)/: do not edit.

extension EmbeddedFolder {
    static let \(name) = EmbeddedFolder(base64Files: [

"""
for path in relativeFiles(below: folder) {
    guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) else {
        FileHandle.standardError.write(Data("embed-folder: cannot read \(path)\n".utf8))
        exit(1)
    }
    let literal = path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
    text += "        (\"\(literal)\", \"\(data.base64EncodedString())\"),\n"
}
text += "    ])\n}\n"
// Written only when it changed, so that an unchanged folder compiles nothing again.
if FileManager.default.contents(atPath: output.path) != Data(text.utf8) {
    do { try Data(text.utf8).write(to: output, options: .atomic) } catch {
        FileHandle.standardError.write(Data("embed-folder: cannot write \(output.path): \(error)\n".utf8))
        exit(1)
    }
}
