"""Tests of the terminal's sync engine against the real central API over loopback HTTP."""
