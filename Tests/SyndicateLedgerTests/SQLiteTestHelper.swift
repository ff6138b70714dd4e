import Foundation
import GRDB

/// Raw SQL against a file, for tests that need a database that is not a ledger.
enum SQLiteTestHelper {
    static func execute(_ sql: String, path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.write { try $0.execute(sql: sql) }
        try queue.close()
    }
}
