"""thucydides: war reporting turned into auditable, geolocated event data."""

__version__ = "0.1.0"
