"""Channels in: events from other systems (web shop, app, POS, support desk, mail service)
land on the right profile and travel to the terminals like any other change.

- `identity`: which customer an event is about (normalised identifiers), or a new profile.
- `apply`: one event, idempotent by source + event_id, into orders and activities.
- `bulk`: NDJSON bodies, each line validated and applied on its own, bad lines reported.
"""
