import GRDB

extension SQLiteSchema {
    /// Re-verification of active vouchers: the sealed subject of each voucher, runs and their per-voucher results;
    /// then (v3) a voucher's suspension by an operator's review resolution. Appended after the v1 migrations; never
    /// edit, add a new one.
    static func registerReverificationMigrations(_ migrator: inout DatabaseMigrator) {
        migrator.registerMigration("v2-reverification") { db in
            try db.execute(
                sql: """
                    CREATE TABLE voucher_subject (
                        voucher_id TEXT PRIMARY KEY NOT NULL REFERENCES voucher(id),
                        activated_at INTEGER NOT NULL,
                        payload BLOB NOT NULL
                    ) WITHOUT ROWID;
                    CREATE TABLE reverification_run (
                        id TEXT PRIMARY KEY NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
                        active_on TEXT NOT NULL,
                        activated_since INTEGER,
                        counts TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX reverification_run_by_created ON reverification_run(created_at);
                    CREATE TABLE reverification_result (
                        run_id TEXT NOT NULL REFERENCES reverification_run(id),
                        voucher_id TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        payload BLOB NOT NULL,
                        PRIMARY KEY (run_id, voucher_id)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v3-voucher-suspension") { db in
            try db.execute(
                sql: """
                    ALTER TABLE voucher ADD COLUMN suspended_at INTEGER;
                    ALTER TABLE voucher ADD COLUMN suspended_by_review TEXT;
                    """)
        }
    }
}
