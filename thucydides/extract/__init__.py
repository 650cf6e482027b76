"""Extraction stages: figures become Claims, happenings become Events."""
