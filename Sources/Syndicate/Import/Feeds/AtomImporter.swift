import Foundation


/// STUB (being written): imports the `atom` format.
public struct AtomImporter: PostImporter {
    public let format = ImportFormat.atom
    public init() {}
    public func posts(from data: Data, context: ImportContext) throws(ImportError) -> [Post] {
        throw ImportError(.unsupportedFormat, input: context.inputName, format: format, message: "not written yet.")
    }
}
