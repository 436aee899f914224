"""End-to-end tests: real local caches, real sync engines, the real central API."""
