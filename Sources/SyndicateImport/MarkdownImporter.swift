import Foundation
import Syndicate

/// STUB (being written): imports the `markdown` format.
public struct MarkdownImporter: PostImporter {
    public let format = ImportFormat.markdown
    public init() {}
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        throw ImportError(.unsupportedFormat, input: context.inputName, format: format, message: "not written yet.")
    }
}
