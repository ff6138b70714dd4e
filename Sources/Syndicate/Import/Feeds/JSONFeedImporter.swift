import Foundation


/// STUB (being written): imports the `jsonfeed` format.
public struct JSONFeedImporter: PostImporter {
    public let format = ImportFormat.jsonfeed
    public init() {}
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        throw ImportError(.unsupportedFormat, input: context.inputName, format: format, message: "not written yet.")
    }
}
