"""Finding and opening input files safely: regular files only, symlinks kept inside the input folder.

File names are bytes on Linux; Python carries undecodable bytes as surrogates, which cannot be
stored or printed. `printable` turns them into `\\xNN` escapes, so a name is always shown and stored
safely while the file is still opened by its real name. Nothing here blocks or reads without bound:
FIFOs, devices and sockets are refused before reading (opened non-blocking), sizes are checked
before reading, and a symbolic link leading out of the folder being read is refused unless the
caller asked to follow links.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from thucydides.ingest.errors import IngestError, IngestFailure
from thucydides.ingest.limits import megabytes

_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISDIR, "a folder"),
)


def printable(path: Path | str) -> str:
    """The path as text that can be stored and printed: undecodable bytes become `\\xNN`."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


@dataclass(frozen=True)
class InputFile:
    """A file to read: its real path, how to name it, and whether it was reached through a link."""

    path: Path
    via_link: bool = False

    @property
    def source(self) -> str:
        return printable(self.path)

    @property
    def name(self) -> str:
        return printable(self.path.name)

    @property
    def suffix(self) -> str:
        return printable(self.path.suffix).lower()


def _kind(mode: int) -> str:
    for test, kind in _KINDS:
        if test(mode):
            return kind
    return "not a regular file"


def _hidden(name: str) -> bool:
    return name.startswith(".")


def _inside(target: Path, root: Path) -> bool:
    return target == root or root in target.parents


def find_inputs(paths: Sequence[Path], follow_symlinks: bool = False) -> Iterator[InputFile | IngestFailure]:
    """Files as given, folders searched recursively (sorted, hidden entries skipped); refusals named."""
    for given in paths:
        path = Path(given)
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            yield IngestFailure(printable(path), _stat_problem(path, exc))
            continue
        if stat.S_ISDIR(mode):
            yield from _walk(path, follow_symlinks)
        elif stat.S_ISREG(mode):
            yield InputFile(path, via_link=path.is_symlink())
        else:
            yield IngestFailure(printable(path), f"{_kind(mode)}, not a regular file: refused")


def _stat_problem(path: Path, exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "symbolic link to a missing file" if path.is_symlink() else "no such file or folder"
    if exc.errno == 40:  # ELOOP
        return "symbolic link loop"
    return f"cannot read ({exc.strerror or exc})"


def _walk(root: Path, follow_symlinks: bool) -> Iterator[InputFile | IngestFailure]:
    real_root = root.resolve()
    found: list[tuple[tuple[str, ...], InputFile | IngestFailure]] = []
    seen_dirs: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=follow_symlinks):
        here = Path(folder)
        if follow_symlinks and _seen(here, seen_dirs):
            dirs[:] = []
            continue
        kept = []
        for d in sorted(dirs):
            if _hidden(d):
                continue
            refusal = None if follow_symlinks else _linked_folder(here / d, real_root)
            if refusal is not None:
                found.append(((*(here / d).relative_to(root).parts,), refusal))
            kept.append(d)
        dirs[:] = kept
        for name in files:
            if not _hidden(name):
                found.append(((*(here / name).relative_to(root).parts,), _entry(here / name, real_root,
                                                                              follow_symlinks)))
    found.sort(key=lambda item: item[0])
    for _, item in found:
        yield item


def _seen(folder: Path, seen: set[tuple[int, int]]) -> bool:
    """Following links, a folder reached twice (a loop, or two links to it) is read once."""
    try:
        st = folder.stat()
    except OSError:
        return True
    key = (st.st_dev, st.st_ino)
    if key in seen:
        return True
    seen.add(key)
    return False


def _linked_folder(path: Path, real_root: Path) -> IngestFailure | None:
    """Not following links, a linked folder is not entered; one leading out of the input is named."""
    if not path.is_symlink():
        return None
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):
        return IngestFailure(printable(path), "symbolic link loop or broken link: refused")
    if _inside(target, real_root):
        return None  # its files are read through their real folder
    return IngestFailure(printable(path), f"symbolic link to a folder outside {printable(real_root)} "
                                          f"({printable(target)}): refused; pass --follow-symlinks to read it")


def _entry(path: Path, real_root: Path, follow_symlinks: bool) -> InputFile | IngestFailure:
    """A file found in a folder: regular files, and links to them that stay inside the folder."""
    try:
        link = path.is_symlink()
        target = path.resolve(strict=True) if link else path
        mode = target.stat().st_mode
    except (OSError, RuntimeError) as exc:
        reason = _stat_problem(path, exc) if isinstance(exc, OSError) else "symbolic link loop"
        return IngestFailure(printable(path), f"{reason}: refused")
    if link and not follow_symlinks and not _inside(target, real_root):
        return IngestFailure(printable(path), f"symbolic link leading out of {printable(real_root)} "
                                              f"(to {printable(target)}): refused; pass --follow-symlinks "
                                              "to read it")
    if not stat.S_ISREG(mode):
        return IngestFailure(printable(path), f"{_kind(mode)}, not a regular file: refused")
    return InputFile(path, via_link=link)


def open_regular(file: InputFile) -> BinaryIO:
    """Open for reading without blocking (a FIFO swapped in meanwhile) and refuse anything but a regular file."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    if not file.via_link:
        flags |= getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(file.path, flags)
    except OSError as exc:
        raise IngestError(file.source, _open_problem(exc)) from exc
    fh = os.fdopen(fd, "rb")
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        fh.close()
        raise IngestError(file.source, f"{_kind(mode)}, not a regular file: refused")
    os.set_blocking(fd, True)
    return fh


def _open_problem(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "no such file or folder"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if exc.errno == 40:  # ELOOP: O_NOFOLLOW met a link that appeared after the folder was read
        return "became a symbolic link while being read: refused"
    return f"cannot read ({exc.strerror or exc})"


def too_big(size: int, limit: int, what: str, key: str) -> str:
    return f"{what} is {megabytes(size)}, over the limit of {megabytes(limit)} ({key} in the settings file)"


def over_limit(what: str, limit: int, key: str) -> str:
    return f"{what} is over the limit of {megabytes(limit)} ({key} in the settings file)"


def read_regular(file: InputFile, max_bytes: int) -> bytes:
    """The whole file, if it is a regular file no bigger than `max_bytes` (checked before reading)."""
    with open_regular(file) as fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise IngestError(file.source, too_big(size, max_bytes, "file", "ingest.max_file_mb"))
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise IngestError(file.source, f"cannot read ({exc.strerror or exc})") from exc
    if len(data) > max_bytes:  # it grew while being read
        raise IngestError(file.source, too_big(len(data), max_bytes, "file", "ingest.max_file_mb"))
    return data
