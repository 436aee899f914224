"""The central API of sync protocol v1 (FastAPI + SQLModel on SQLite or PostgreSQL).

Entry points: `sync.server.app.create_app`, `sync.server.runner.ServerThread`, and the CLI
`python -m sync.server`.
"""
