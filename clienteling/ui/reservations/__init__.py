"""Reserving stock: the reserve dialog, the store's lists, notices of later outcomes."""
