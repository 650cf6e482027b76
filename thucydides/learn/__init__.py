"""Offline training of thucydides' learned components (never imported at run time).

Needs the `train` extra (scikit-learn) and the outside data in `../shared/data`; each trainer writes a
portable artefact (numpy arrays and JSON, no pickle) that the run-time code reads with numpy alone.
"""
