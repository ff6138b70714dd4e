import Foundation
import Syndicate

/// Reads a command's input file or standard input, refusing what cannot be a post.
enum InputReader {
    /// The bytes of `path` (`-` for standard input).
    ///
    /// - Throws: ``ImportError`` of kind `.unreadable` when the file cannot be read.
    static func read(_ path: String, limits: ImportLimits) throws(ImportError) -> Data {
        if path == "-" {
            guard let data = StandardInput.read() else {
                throw ImportError(
                    .tooLarge, input: path, format: nil,
                    message: "standard input is over \(StandardInput.limit >> 20) MiB; give the file's path instead.")
            }
            return data
        }
        let url = URL(fileURLWithPath: path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw ImportError(.unreadable, input: path, format: nil, message: "no such file; check the path.")
        }
        guard !isDirectory.boolValue else {
            throw ImportError(.unreadable, input: path, format: nil, message: "this is a directory; give a file.")
        }
        do {
            return try Data(contentsOf: url, options: .mappedIfSafe)
        } catch {
            throw ImportError(
                .unreadable, input: path, format: nil,
                message: "the file cannot be read (\(error.localizedDescription)); check its permissions.")
        }
    }
}
