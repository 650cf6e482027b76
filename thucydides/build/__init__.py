"""Offline build tools (gazetteer derivation, build and import): the runtime never imports this package."""
