import Foundation


/// STUB (being written): imports the `json` format.
public struct JSONPostImporter: PostImporter {
    public let format = ImportFormat.json
    public init() {}
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        throw ImportError(.unsupportedFormat, input: context.inputName, format: format, message: "not written yet.")
    }
}
