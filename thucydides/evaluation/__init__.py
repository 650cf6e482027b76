"""Evaluation on real labelled data (ACLED dev, LGL, GeoVirus, seeds, VOA) and throughput.

Used by `bench/eval.py`, `make eval` and the tests only; the runtime package never imports it.
Every figure is computed from the export contract (shared/schema/EXPORT.md), and the few calls
into the runtime package live in `adapter`, so refactors elsewhere need changes there only.
"""
