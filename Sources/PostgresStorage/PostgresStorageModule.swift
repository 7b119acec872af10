// The PostgresStorage module: the storage port on PostgreSQL (postgres-nio).
