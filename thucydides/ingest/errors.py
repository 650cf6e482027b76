"""What ingestion reports when an input cannot become a Document."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestFailure:
    """One input that could not be read, and why; `source` names the file (and line or entry)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


class IngestError(Exception):
    """Raised by the strict readers; carries the same two facts as an IngestFailure."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def as_failure(self) -> IngestFailure:
        return IngestFailure(self.source, self.reason)
