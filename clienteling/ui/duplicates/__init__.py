"""The managers' duplicate-profile review page."""
