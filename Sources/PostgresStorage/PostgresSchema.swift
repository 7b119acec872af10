import Foundation
import Logging
import PostgresNIO
import Storage

/// The PostgreSQL schema as named, append-only migrations with the same names and meaning as SQLite's
/// (`SQLiteSchema`), plus PostgreSQL-only ones after them. Never edit a registered migration; add a new one.
///
/// Times are `BIGINT` milliseconds since 1970 (UTC); calendar days `TEXT` `yyyy-MM-dd`; lists and maps JSON `TEXT`
/// (the same text SQLite keeps); sealed payloads `BYTEA`. No column holds an IIN, a name or a phone number in clear.
/// Applied migrations are rows of `qorgan_migrations (position, name, applied_at)`, in the order applied.
enum PostgresSchema {
    /// One migration: its name and its statements, run in one transaction.
    struct Migration: Sendable {
        let name: String
        let statements: [String]
    }

    /// Every migration of this build, in order.
    static let migrations: [Migration] = [
        Migration(
            name: "v1-decisions",
            statements: [
                """
                CREATE TABLE decision (
                    id TEXT PRIMARY KEY,
                    kind TEXT NOT NULL CHECK (kind IN ('registration', 'voucher-activation', 'provider-check')),
                    outcome TEXT NOT NULL,
                    reason_codes TEXT NOT NULL,
                    client_request_id TEXT,
                    request_fingerprint TEXT,
                    region_kato TEXT,
                    registry_message_ids TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    payload BYTEA NOT NULL,
                    UNIQUE (kind, client_request_id)
                )
                """,
                """
                CREATE TABLE decision_subject (
                    decision_id TEXT NOT NULL REFERENCES decision(id),
                    position INTEGER NOT NULL,
                    subject_key TEXT NOT NULL,
                    PRIMARY KEY (decision_id, position)
                )
                """,
                "CREATE INDEX decision_subject_by_key ON decision_subject(subject_key)",
            ]),
        Migration(
            name: "v1-vouchers",
            statements: [
                """
                CREATE TABLE voucher (
                    id TEXT PRIMARY KEY,
                    child_key TEXT NOT NULL,
                    programme_id TEXT NOT NULL,
                    period_start TEXT NOT NULL,
                    period_end TEXT NOT NULL,
                    decision_id TEXT NOT NULL REFERENCES decision(id),
                    activated_at BIGINT NOT NULL,
                    CHECK (period_start <= period_end)
                )
                """,
                "CREATE INDEX voucher_by_child ON voucher(child_key, period_start)",
            ]),
        Migration(
            name: "v1-reviews",
            statements: [
                """
                CREATE TABLE review (
                    id TEXT PRIMARY KEY,
                    decision_id TEXT NOT NULL REFERENCES decision(id),
                    kind TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
                    reason_codes TEXT NOT NULL,
                    region_kato TEXT,
                    created_at BIGINT NOT NULL,
                    resolution TEXT,
                    comment BYTEA,
                    resolved_by TEXT,
                    resolved_at BIGINT,
                    CHECK ((status = 'open') = (resolved_at IS NULL))
                )
                """,
                "CREATE INDEX review_by_status ON review(status, created_at)",
                "CREATE INDEX review_by_region ON review(region_kato, created_at)",
                "CREATE INDEX review_by_created ON review(created_at)",
                """
                CREATE TABLE review_reason (
                    review_id TEXT NOT NULL REFERENCES review(id),
                    reason_code TEXT NOT NULL,
                    PRIMARY KEY (reason_code, review_id)
                )
                """,
            ]),
        Migration(
            name: "v1-consents",
            statements: [
                """
                CREATE TABLE consent (
                    id TEXT PRIMARY KEY,
                    subject_key TEXT NOT NULL,
                    code_hash TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    expires_at BIGINT NOT NULL,
                    failed_attempts INTEGER NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
                    confirmed_at BIGINT,
                    sms_message_id TEXT
                )
                """,
                "CREATE INDEX consent_by_subject ON consent(subject_key, confirmed_at)",
            ]),
        Migration(
            name: "v1-api-keys",
            statements: [
                """
                CREATE TABLE api_key (
                    id TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('registrar', 'provider-admin', 'operator', 'auditor')),
                    key_hash TEXT NOT NULL UNIQUE,
                    created_at BIGINT NOT NULL,
                    revoked_at BIGINT
                )
                """
            ]),
        Migration(
            name: "v1-audit",
            statements: [
                """
                CREATE TABLE audit_entry (
                    sequence BIGINT PRIMARY KEY CHECK (sequence >= 1),
                    recorded_at BIGINT NOT NULL,
                    actor TEXT NOT NULL,
                    action TEXT NOT NULL,
                    subject_id TEXT NOT NULL,
                    registry_message_ids TEXT NOT NULL,
                    details TEXT NOT NULL,
                    previous_hash TEXT NOT NULL,
                    hash TEXT NOT NULL
                )
                """,
                "CREATE INDEX audit_entry_by_subject ON audit_entry(subject_id, sequence)",
                """
                CREATE TABLE audit_message_id (
                    message_id TEXT NOT NULL,
                    sequence BIGINT NOT NULL REFERENCES audit_entry(sequence),
                    PRIMARY KEY (message_id, sequence)
                )
                """,
                """
                CREATE TABLE audit_head (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    last_sequence BIGINT NOT NULL,
                    last_hash TEXT NOT NULL
                )
                """,
                "INSERT INTO audit_head (id, last_sequence, last_hash) VALUES (1, 0, '\(AuditCanonicalForm.genesisHash)')",
                """
                CREATE FUNCTION audit_entry_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$
                """,
                "CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse()",
                "CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_refuse()",
                """
                CREATE FUNCTION audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP <> 'UPDATE' THEN RAISE EXCEPTION 'audit head cannot be deleted'; END IF;
                    IF NEW.last_sequence <> OLD.last_sequence + 1 THEN RAISE EXCEPTION 'audit head only moves one entry forward'; END IF;
                    RETURN NEW;
                END $$
                """,
                "CREATE TRIGGER audit_head_forward_only BEFORE UPDATE OR DELETE ON audit_head FOR EACH ROW EXECUTE FUNCTION audit_head_guard()",
                "CREATE TRIGGER audit_head_no_truncate BEFORE TRUNCATE ON audit_head FOR EACH STATEMENT EXECUTE FUNCTION audit_head_guard()",
            ]),
        Migration(
            name: "v1-batches",
            statements: [
                """
                CREATE TABLE batch_job (
                    id TEXT PRIMARY KEY,
                    status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'finished', 'failed')),
                    input_name TEXT NOT NULL,
                    options TEXT NOT NULL,
                    counts TEXT NOT NULL,
                    failure_reason TEXT,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX batch_job_by_input ON batch_job(input_name, created_at)",
                "CREATE INDEX batch_job_by_created ON batch_job(created_at)",
                """
                CREATE TABLE batch_result (
                    batch_id TEXT NOT NULL REFERENCES batch_job(id),
                    line BIGINT NOT NULL CHECK (line >= 1),
                    status TEXT NOT NULL,
                    payload BYTEA NOT NULL,
                    PRIMARY KEY (batch_id, line)
                )
                """,
                """
                CREATE TABLE batch_chunk (
                    batch_id TEXT NOT NULL REFERENCES batch_job(id),
                    first_line BIGINT NOT NULL,
                    last_line BIGINT NOT NULL,
                    PRIMARY KEY (batch_id, first_line),
                    CHECK (first_line <= last_line)
                )
                """,
                """
                CREATE TABLE batch_status_count (
                    batch_id TEXT NOT NULL REFERENCES batch_job(id),
                    status TEXT NOT NULL,
                    count BIGINT NOT NULL,
                    PRIMARY KEY (batch_id, status)
                )
                """,
                """
                CREATE TABLE batch_notification (
                    batch_id TEXT NOT NULL REFERENCES batch_job(id),
                    subject_key TEXT NOT NULL,
                    line BIGINT NOT NULL,
                    claimed_at BIGINT NOT NULL,
                    sent_at BIGINT,
                    sms_message_id TEXT,
                    PRIMARY KEY (batch_id, subject_key)
                )
                """,
            ]),
        // PostgreSQL only: chunks of a job leased to workers (`BatchChunkLeaseStore`).
        Migration(
            name: "v2-batch-leases",
            statements: [
                """
                CREATE TABLE batch_lease_chunk (
                    batch_id TEXT NOT NULL REFERENCES batch_job(id),
                    first_line BIGINT NOT NULL,
                    last_line BIGINT NOT NULL,
                    rows INTEGER NOT NULL CHECK (rows >= 0),
                    state TEXT NOT NULL CHECK (state IN ('pending', 'leased', 'done')),
                    worker TEXT,
                    lease_token BIGINT NOT NULL DEFAULT 0,
                    lease_expires_at BIGINT,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    done_at BIGINT,
                    PRIMARY KEY (batch_id, first_line),
                    CHECK (first_line <= last_line)
                )
                """,
                "CREATE INDEX batch_lease_chunk_open ON batch_lease_chunk(state, lease_expires_at) WHERE state <> 'done'",
            ]),
        // The same name and meaning as SQLite's `v2-reverification` (`SQLiteSchema+Reverification`).
        Migration(
            name: "v2-reverification",
            statements: [
                """
                CREATE TABLE voucher_subject (
                    voucher_id TEXT PRIMARY KEY REFERENCES voucher(id),
                    activated_at BIGINT NOT NULL,
                    payload BYTEA NOT NULL
                )
                """,
                """
                CREATE TABLE reverification_run (
                    id TEXT PRIMARY KEY,
                    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
                    active_on TEXT NOT NULL,
                    activated_since BIGINT,
                    counts TEXT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX reverification_run_by_created ON reverification_run(created_at)",
                """
                CREATE TABLE reverification_result (
                    run_id TEXT NOT NULL REFERENCES reverification_run(id),
                    voucher_id TEXT NOT NULL,
                    outcome TEXT NOT NULL,
                    payload BYTEA NOT NULL,
                    PRIMARY KEY (run_id, voucher_id)
                )
                """,
            ]),
        // The same name and meaning as SQLite's `v3-voucher-suspension` (`SQLiteSchema+Reverification`).
        Migration(
            name: "v3-voucher-suspension",
            statements: [
                "ALTER TABLE voucher ADD COLUMN suspended_at BIGINT",
                "ALTER TABLE voucher ADD COLUMN suspended_by_review TEXT",
            ]),
    ]

    /// The advisory lock that serialises migrations of one schema across processes (keyed by the schema's name, so
    /// schemas of one server migrate independently).
    static func migrationLockKey(schema: String) -> String { "qorgan-migrations:" + schema }

    /// Creates the schema when asked, then applies the migrations not yet applied, all in one transaction under an
    /// advisory lock. Refuses a database that has migrations this build does not know.
    static func migrate(_ store: PostgresGatewayStore) async throws(StoreError) {
        let schema = store.url.schema
        let logger = store.logger
        let createsSchema = store.configuration.createsSchema
        do {
            try await store.transaction { connection in
                let lockKey = migrationLockKey(schema: schema)
                try await connection.query("SELECT pg_advisory_xact_lock(hashtextextended(\(lockKey), 0))", logger: logger)
                if createsSchema {
                    try await connection.query(PostgresQuery(unsafeSQL: "CREATE SCHEMA IF NOT EXISTS \(schema)"), logger: logger)
                }
                try await connection.query(
                    PostgresQuery(unsafeSQL: "CREATE TABLE IF NOT EXISTS qorgan_migrations (position BIGSERIAL PRIMARY KEY, name TEXT NOT NULL UNIQUE, applied_at BIGINT NOT NULL)"),
                    logger: logger)
                var applied: Set<String> = []
                for try await name in try await connection.query("SELECT name FROM qorgan_migrations", logger: logger).decode(String.self) {
                    applied.insert(name)
                }
                let known = Set(migrations.map(\.name))
                if !applied.isSubset(of: known) {
                    throw StoreError.migration("the database was written by a newer build (unknown migrations)")
                }
                for migration in migrations where !applied.contains(migration.name) {
                    for statement in migration.statements {
                        try await connection.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    let now = AuditCanonicalForm.milliseconds(.now)
                    try await connection.query("INSERT INTO qorgan_migrations (name, applied_at) VALUES (\(migration.name), \(now))", logger: logger)
                    logger.info("qorgan.storage.migrated", metadata: ["migration": "\(migration.name)"])
                }
            }
        } catch .migration(let message) {
            throw .migration(message)
        } catch {
            throw .migration(error.description)
        }
    }
}
