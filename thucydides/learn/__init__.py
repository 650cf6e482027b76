"""Offline building of shipped models and data from outside data sets (never imported at run time)."""
