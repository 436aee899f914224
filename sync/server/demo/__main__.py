"""`python -m sync.server.demo`: print the demo cheat sheet (logins, badges, story barcodes)."""

from __future__ import annotations

from .sheet import demo_sheet

if __name__ == "__main__":
    print(demo_sheet(), end="")
