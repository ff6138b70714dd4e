import Foundation


/// STUB (being written): imports the `rss` format.
public struct RSSImporter: PostImporter {
    public let format = ImportFormat.rss
    public init() {}
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        throw ImportError(.unsupportedFormat, input: context.inputName, format: format, message: "not written yet.")
    }
}
