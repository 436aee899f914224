"""The local cache: encrypted SQLite holding server state, the outbox and the search index."""
