"""Web UI and REST API."""
