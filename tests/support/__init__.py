"""Test support: real servers, clusters and fixtures shared by the test packages."""
