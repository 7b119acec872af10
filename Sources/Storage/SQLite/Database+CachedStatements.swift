import GRDB

/// Fixed SQL of the hot paths (decisions, audit appends, consent checks) through each connection's statement cache:
/// compiled once per connection instead of on every call — SQLite's parser, name resolution and the authorizer cost
/// more than running these statements. Only for SQL text that never varies: the cache keeps every distinct text.
extension Database {
    /// Executes `sql` (fixed text) with `arguments` through the statement cache.
    func executeCached(sql: String, arguments: StatementArguments = StatementArguments()) throws {
        try cachedStatement(sql: sql).execute(arguments: arguments)
    }
}

extension Row {
    /// The first row of `sql` (fixed text) through the statement cache.
    static func fetchOneCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Row? {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Every row of `sql` (fixed text) through the statement cache.
    static func fetchAllCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Row] {
        try fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }
}

extension DatabaseValueConvertible where Self: StatementColumnConvertible {
    /// The first value of `sql` (fixed text) through the statement cache.
    static func fetchOneCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> Self? {
        try fetchOne(db.cachedStatement(sql: sql), arguments: arguments)
    }

    /// Every value of `sql` (fixed text) through the statement cache.
    static func fetchAllCached(_ db: Database, sql: String, arguments: StatementArguments = StatementArguments()) throws -> [Self] {
        try fetchAll(db.cachedStatement(sql: sql), arguments: arguments)
    }
}
