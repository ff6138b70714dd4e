import Foundation


/// STUB (being written): imports the `html` format.
public struct HTMLImporter: PostImporter {
    public let format = ImportFormat.html
    public init() {}
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        throw ImportError(.unsupportedFormat, input: context.inputName, format: format, message: "not written yet.")
    }
}
