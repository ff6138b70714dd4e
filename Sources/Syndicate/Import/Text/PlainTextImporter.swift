import Foundation


/// STUB (being written): imports the `text` format.
public struct PlainTextImporter: PostImporter {
    public let format = ImportFormat.text
    public init() {}
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        throw ImportError(.unsupportedFormat, input: context.inputName, format: format, message: "not written yet.")
    }
}
