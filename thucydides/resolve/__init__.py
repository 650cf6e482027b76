"""Reconciliation: within a document and across documents."""
