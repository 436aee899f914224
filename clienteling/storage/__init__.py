"""The local cache: SQLCipher-encrypted SQLite holding server state, the outbox and the search index."""
