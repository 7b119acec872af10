import GRDB

/// The SQLite schema as named, append-only migrations. Never edit a registered migration; add a new one.
///
/// All times are `INTEGER` milliseconds since 1970 (UTC); calendar days are `TEXT` `yyyy-MM-dd`; lists and maps
/// are JSON `TEXT`; sealed payloads are `BLOB` (see `PersonalDataProtector`). No column holds an IIN, a name or
/// a phone number in clear.
enum SQLiteSchema {
    /// The migrator with every migration of this build, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-decisions") { db in
            try db.execute(
                sql: """
                    CREATE TABLE decision (
                        id TEXT PRIMARY KEY NOT NULL,
                        kind TEXT NOT NULL CHECK (kind IN ('registration', 'voucher-activation', 'provider-check')),
                        outcome TEXT NOT NULL,
                        reason_codes TEXT NOT NULL,
                        client_request_id TEXT,
                        request_fingerprint TEXT,
                        region_kato TEXT,
                        registry_message_ids TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        payload BLOB NOT NULL,
                        UNIQUE (kind, client_request_id)
                    );
                    CREATE TABLE decision_subject (
                        decision_id TEXT NOT NULL REFERENCES decision(id),
                        position INTEGER NOT NULL,
                        subject_key TEXT NOT NULL,
                        PRIMARY KEY (decision_id, position)
                    ) WITHOUT ROWID;
                    CREATE INDEX decision_subject_by_key ON decision_subject(subject_key);
                    """)
        }
        migrator.registerMigration("v1-vouchers") { db in
            try db.execute(
                sql: """
                    CREATE TABLE voucher (
                        id TEXT PRIMARY KEY NOT NULL,
                        child_key TEXT NOT NULL,
                        programme_id TEXT NOT NULL,
                        period_start TEXT NOT NULL,
                        period_end TEXT NOT NULL,
                        decision_id TEXT NOT NULL REFERENCES decision(id),
                        activated_at INTEGER NOT NULL,
                        CHECK (period_start <= period_end)
                    );
                    CREATE INDEX voucher_by_child ON voucher(child_key, period_start);
                    """)
        }
        migrator.registerMigration("v1-reviews") { db in
            try db.execute(
                sql: """
                    CREATE TABLE review (
                        id TEXT PRIMARY KEY NOT NULL,
                        decision_id TEXT NOT NULL REFERENCES decision(id),
                        kind TEXT NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
                        reason_codes TEXT NOT NULL,
                        region_kato TEXT,
                        created_at INTEGER NOT NULL,
                        resolution TEXT,
                        comment BLOB,
                        resolved_by TEXT,
                        resolved_at INTEGER,
                        CHECK ((status = 'open') = (resolved_at IS NULL))
                    );
                    CREATE INDEX review_by_status ON review(status, created_at);
                    CREATE INDEX review_by_region ON review(region_kato, created_at);
                    CREATE INDEX review_by_created ON review(created_at);
                    CREATE TABLE review_reason (
                        review_id TEXT NOT NULL REFERENCES review(id),
                        reason_code TEXT NOT NULL,
                        PRIMARY KEY (reason_code, review_id)
                    ) WITHOUT ROWID;
                    """)
        }
        migrator.registerMigration("v1-consents") { db in
            try db.execute(
                sql: """
                    CREATE TABLE consent (
                        id TEXT PRIMARY KEY NOT NULL,
                        subject_key TEXT NOT NULL,
                        code_hash TEXT NOT NULL,
                        created_at INTEGER NOT NULL,
                        expires_at INTEGER NOT NULL,
                        failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
                        confirmed_at INTEGER,
                        sms_message_id TEXT
                    );
                    CREATE INDEX consent_by_subject ON consent(subject_key, confirmed_at);
                    """)
        }
        migrator.registerMigration("v1-api-keys") { db in
            try db.execute(
                sql: """
                    CREATE TABLE api_key (
                        id TEXT PRIMARY KEY NOT NULL,
                        name TEXT NOT NULL,
                        role TEXT NOT NULL CHECK (role IN ('registrar', 'provider-admin', 'operator', 'auditor')),
                        key_hash TEXT NOT NULL UNIQUE,
                        created_at INTEGER NOT NULL,
                        revoked_at INTEGER
                    );
                    """)
        }
        migrator.registerMigration("v1-audit") { db in
            try db.execute(
                sql: """
                    CREATE TABLE audit_entry (
                        sequence INTEGER PRIMARY KEY NOT NULL CHECK (sequence >= 1),
                        recorded_at INTEGER NOT NULL,
                        actor TEXT NOT NULL,
                        action TEXT NOT NULL,
                        subject_id TEXT NOT NULL,
                        registry_message_ids TEXT NOT NULL,
                        details TEXT NOT NULL,
                        previous_hash TEXT NOT NULL,
                        hash TEXT NOT NULL
                    );
                    CREATE INDEX audit_entry_by_subject ON audit_entry(subject_id, sequence);
                    CREATE TABLE audit_message_id (
                        message_id TEXT NOT NULL,
                        sequence INTEGER NOT NULL REFERENCES audit_entry(sequence),
                        PRIMARY KEY (message_id, sequence)
                    ) WITHOUT ROWID;
                    CREATE TABLE audit_head (
                        id INTEGER PRIMARY KEY NOT NULL CHECK (id = 1),
                        last_sequence INTEGER NOT NULL,
                        last_hash TEXT NOT NULL
                    );
                    INSERT INTO audit_head (id, last_sequence, last_hash) VALUES (1, 0, '\(AuditCanonicalForm.genesisHash)');
                    CREATE TRIGGER audit_entry_no_update BEFORE UPDATE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                    CREATE TRIGGER audit_entry_no_delete BEFORE DELETE ON audit_entry
                        BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END;
                    CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head
                        BEGIN SELECT RAISE(ABORT, 'audit head cannot be deleted'); END;
                    CREATE TRIGGER audit_head_forward_only BEFORE UPDATE ON audit_head
                        WHEN NEW.last_sequence != OLD.last_sequence + 1
                        BEGIN SELECT RAISE(ABORT, 'audit head only moves one entry forward'); END;
                    """)
        }
        migrator.registerMigration("v1-batches") { db in
            try db.execute(
                sql: """
                    CREATE TABLE batch_job (
                        id TEXT PRIMARY KEY NOT NULL,
                        status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'finished', 'failed')),
                        input_name TEXT NOT NULL,
                        options TEXT NOT NULL,
                        counts TEXT NOT NULL,
                        failure_reason TEXT,
                        created_at INTEGER NOT NULL,
                        updated_at INTEGER NOT NULL
                    );
                    CREATE INDEX batch_job_by_input ON batch_job(input_name, created_at);
                    CREATE INDEX batch_job_by_created ON batch_job(created_at);
                    CREATE TABLE batch_result (
                        batch_id TEXT NOT NULL REFERENCES batch_job(id),
                        line INTEGER NOT NULL CHECK (line >= 1),
                        status TEXT NOT NULL,
                        payload BLOB NOT NULL,
                        PRIMARY KEY (batch_id, line)
                    ) WITHOUT ROWID;
                    CREATE TABLE batch_chunk (
                        batch_id TEXT NOT NULL REFERENCES batch_job(id),
                        first_line INTEGER NOT NULL,
                        last_line INTEGER NOT NULL,
                        PRIMARY KEY (batch_id, first_line),
                        CHECK (first_line <= last_line)
                    ) WITHOUT ROWID;
                    CREATE TABLE batch_status_count (
                        batch_id TEXT NOT NULL REFERENCES batch_job(id),
                        status TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        PRIMARY KEY (batch_id, status)
                    ) WITHOUT ROWID;
                    CREATE TABLE batch_notification (
                        batch_id TEXT NOT NULL REFERENCES batch_job(id),
                        subject_key TEXT NOT NULL,
                        line INTEGER NOT NULL,
                        claimed_at INTEGER NOT NULL,
                        sent_at INTEGER,
                        sms_message_id TEXT,
                        PRIMARY KEY (batch_id, subject_key)
                    ) WITHOUT ROWID;
                    """)
        }
        registerReverificationMigrations(&migrator)
        return migrator
    }
}
