"""What ingestion reports besides Documents: inputs that failed, repairs worth knowing, progress."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class IngestFailure:
    """One input that could not be read, and why; `source` names the file (and line or entry)."""

    source: str
    reason: str

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass(frozen=True)
class IngestWarning:
    """An input that was read, but with a guess or a repair its owner should know about."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


@dataclass(frozen=True)
class Position:
    """Reading of record `n` of a multi-record file (JSONL line, JSON record, feed entry) begins.

    Lets a supervisor that stops a record running too long name it and resume after it.
    """

    n: int
    source: str


class IngestError(Exception):
    """Raised by the strict readers; carries the same two facts as an IngestFailure."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def as_failure(self) -> IngestFailure:
        return IngestFailure(self.source, self.reason)
