"""The ingestion limits from the settings file (`ingest:`), so no hostile input stalls or floods a run."""

from __future__ import annotations

from dataclasses import dataclass

from thucydides.knowledge.settings import raw_settings, section

MB = 1024 * 1024


@dataclass(frozen=True)
class IngestSettings:
    max_file_mb: float
    max_record_mb: float
    max_document_chars: int
    time_limit_s: float
    encodings: tuple[str, ...]
    binary_control_share: float
    """Text decoded with more than this share of control characters came from a binary file."""
    encoding_slack: float
    """Encodings a guess reads this much messier (charset-normalizer's chaos) than the cleanest are not considered."""
    tracked_ids: int
    """Record ids remembered per file to spot one id given to two texts (a bound on memory)."""

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * MB)

    @property
    def max_record_bytes(self) -> int:
        return int(self.max_record_mb * MB)


_built: list[tuple[object, IngestSettings]] = []


def ingest_settings() -> IngestSettings:
    """The `ingest` section, built once per settings tree (it is read for every record of a large dump)."""
    raw = raw_settings()
    if not _built or _built[0][0] is not raw:
        _built[:] = [(raw, section("ingest", IngestSettings, raw))]
    return _built[0][1]


def megabytes(n: int) -> str:
    return f"{n / MB:.1f} MB"
