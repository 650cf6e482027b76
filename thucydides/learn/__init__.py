"""Offline learning: fitting shipped models from real labelled data; the runtime never imports this package."""
