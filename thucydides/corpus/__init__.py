"""Corpus reconciliation across reports: merged events, claim series, contradictions, source ratings."""
