"""The terminal's sync client: `api` (HTTP calls of protocol v1), `engine` (push, pull, live
pokes, backoff, status) and `store` (what the engine needs from the local database)."""
