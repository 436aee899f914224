"""Use cases the UI calls: search, profile, notes, items of interest, sync status."""
