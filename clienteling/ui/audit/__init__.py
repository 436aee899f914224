"""The managers' audit trail page."""
