"""The manager's follow-up dashboard: figures, charts, the export."""
