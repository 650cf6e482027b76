"""Exports: the JSON contract, GeoJSON, CSV, ACLED."""
