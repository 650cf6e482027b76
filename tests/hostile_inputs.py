"""Hostile inputs, written on demand, for the hostile-input tests and `bench/stress.py`.

Every text here is ours. Sizes are parameters: the tests use small ones, the stress bench large ones.
"""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

GOOD = ("Fighters clashed near Hajin on Monday, and {n} families fled towards Abu Kamal, "
        "a local council said on Tuesday.\n")

PLACES = ("Hajin", "Mosul", "Raqqa", "Aleppo", "Kobani", "Manbij", "Tabqa", "Mayadin", "Baghuz", "Tikrit")


def good_report(n: int) -> str:
    return f"Report {n}\n\n" + GOOD.format(n=n + 10)


def write_good(folder: Path, count: int, prefix: str = "good") -> list[Path]:
    paths = []
    for n in range(count):
        path = folder / f"{prefix}{n:03}.txt"
        path.write_text(good_report(n), encoding="utf-8")
        paths.append(path)
    return paths


# --- bytes that are not (good) text ------------------------------------------------------------------

def random_binary(path: Path, size: int = 4096) -> Path:
    path.write_bytes(random.Random(7).randbytes(size))
    return path


def nul_filled(path: Path, size: int = 4096) -> Path:
    path.write_bytes(b"\x00" * size)
    return path


def invalid_utf8(path: Path) -> Path:
    """Text whose bytes break UTF-8 in the middle (a stray latin-1 byte run)."""
    path.write_bytes(b"Fighters clashed near Hajin \xff\xfe\xfa and 40 fled on Monday, officials said.\n")
    return path


def utf16(path: Path, bom: bool) -> Path:
    text = good_report(1) + "More fighting was reported in the evening.\n"
    path.write_bytes(text.encode("utf-16" if bom else "utf-16-le"))
    return path


def mixed_encodings(path: Path) -> Path:
    path.write_bytes("Les combats près de Hajin ont repris lundi.\n".encode()
                     + "Selon le conseil local, 40 familles ont fui vers Abou Kamal, a déclaré un général.\n"
                     .encode("latin-1"))
    return path


def legacy(path: Path, encoding: str) -> Path:
    texts = {"latin-1": "Les combats près de Hajin ont tué 40 personnes, a déclaré un général à la télévision.\n",
             "cp1256": "قتل 40 شخصا في اشتباكات قرب هجين، حسب ما قال مسؤول محلي يوم الثلاثاء.\n"}
    path.write_bytes(texts[encoding].encode(encoding))
    return path


# --- sizes -------------------------------------------------------------------------------------------

def big_text(path: Path, size: int) -> Path:
    """`size` bytes of plain text in paragraphs, written in chunks."""
    line = GOOD.format(n=40).encode()
    with path.open("wb") as fh:
        written = 0
        while written < size:
            fh.write(line)
            written += len(line)
    return path


def long_line_jsonl(path: Path, size: int) -> Path:
    """A good record, one record whose single line is `size` bytes, another good record."""
    with path.open("wb") as fh:
        fh.write(json.dumps({"id": "before", "text": good_report(1)}).encode() + b"\n")
        fh.write(b'{"id": "huge", "text": "')
        chunk = b"x" * (1 << 20)
        for _ in range(size // len(chunk)):
            fh.write(chunk)
        fh.write(b'"}\n')
        fh.write(json.dumps({"id": "after", "text": good_report(2)}).encode() + b"\n")
    return path


# --- HTML, XML, JSON built to hurt parsers -----------------------------------------------------------

def nested_html(path: Path, depth: int = 100_000) -> Path:
    path.write_text("<html><body>" + "<div>" * depth + "Fighters clashed near Hajin." + "</div>" * depth
                    + "</body></html>", encoding="utf-8")
    return path


def huge_attribute_html(path: Path, size: int = 10_000_000) -> Path:
    path.write_text('<html><body><p title="' + "x" * size + '">Fighters clashed near Hajin, killing 4.</p>'
                    "</body></html>", encoding="utf-8")
    return path


def many_attributes_html(path: Path, count: int = 230_000) -> Path:
    attributes = " ".join(f'a{i}="v"' for i in range(count))
    path.write_text(f"<html><body><p {attributes}>Fighters clashed near Hajin.</p></body></html>", encoding="utf-8")
    return path


def _rss(items: str, doctype: str = "") -> str:
    return (f'<?xml version="1.0"?>{doctype}<rss version="2.0"><channel><title>Wire</title>{items}'
            "</channel></rss>")


def _item(title: str, body: str) -> str:
    return f"<item><title>{title}</title><description>{body}</description></item>"


def billion_laughs(path: Path) -> Path:
    levels = ['<!ENTITY lol0 "lol">'] + [
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10)]
    doctype = "<!DOCTYPE lolz [" + "".join(levels) + "]>"
    path.write_text(_rss(_item("one", "Fighting near Hajin. &lol9;") + _item("two", "Forty people fled Hajin."),
                         doctype), encoding="utf-8")
    return path


def quadratic_blowup(path: Path, size: int = 50_000) -> Path:
    doctype = f'<!DOCTYPE r [<!ENTITY a "{"A" * size}">]>'
    path.write_text(_rss(_item("one", "&a;" * size) + _item("two", "Forty people fled Hajin."), doctype),
                    encoding="utf-8")
    return path


def external_entities(path: Path, secret: Path) -> Path:
    """A feed whose entities point at a local file (general and parameter entities)."""
    doctype = (f'<!DOCTYPE r [<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY % p SYSTEM "file://{secret}"> %p;'
               "]>")
    path.write_text(_rss(_item("one", "Report from Hajin: &xxe; ends here.") + _item("two", "Forty fled Hajin."),
                         doctype), encoding="utf-8")
    return path


def surrogate_reference_feed(path: Path) -> Path:
    path.write_text(_rss(_item("one", "Fighting near Hajin &#xD800; killed five people.")
                         + _item("two", "Forty people fled Hajin on Monday.")), encoding="utf-8")
    return path


def deep_json(path: Path, depth: int = 100_000) -> Path:
    path.write_text('{"id": "deep", "text": ' + "[" * depth + "]" * depth + "}", encoding="utf-8")
    return path


def hostile_jsonl(path: Path) -> Path:
    """A good line, then lines that used to end the file's reading, then a good line."""
    lines = [
        json.dumps({"id": "first", "text": good_report(101)}),
        '{"id": "digits", "text": "x", "n": ' + "9" * 5000 + "}",
        "[" * 1500 + "]" * 1500,
        '{"id": "surrogate", "text": "Clashes near Mosul \\ud800 left 3 dead."}',
        "{not json",
        json.dumps({"id": "types", "text": ["not", "a", "string"]}),
        json.dumps({"id": 5, "text": good_report(105), "title": {"nested": True}}),
        json.dumps({"id": "last", "text": good_report(109)}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def duplicate_ids_json(path: Path) -> Path:
    path.write_text(json.dumps([{"id": "same", "text": good_report(1)}, {"id": "same", "text": good_report(2)}]),
                    encoding="utf-8")
    return path


def big_json_array(path: Path, records: int) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        fh.write("[")
        for n in range(records):
            fh.write(("," if n else "") + json.dumps({"id": f"r{n}", "text": f"Report {n}: {n % 90 + 10} fled."}))
        fh.write("]")
    return path


# --- file names and file kinds -----------------------------------------------------------------------

def awkward_names(folder: Path) -> dict[str, Path]:
    """Files whose names break naive code: undecodable bytes, newline, markup, escapes, long unicode."""
    made = {}
    raw = os.fsencode(folder) + b"/bad\xff\xfename.txt"
    with open(raw, "wb") as fh:
        fh.write(good_report(21).encode())
    made["bytes"] = Path(os.fsdecode(raw))
    for key, name, n in (("newline", "line\nbreak.txt", 22), ("markup", "[/b].txt", 23),
                         ("markup2", "[bold red]x[/].txt", 24), ("ansi", "esc\x1b[31mred.txt", 25),
                         ("unicode", "تقرير-" * 20 + ".txt", 26)):
        path = folder / name  # a '/' in a name is a folder: '[/b].txt' is the file 'b].txt' in the folder '['
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(good_report(n), encoding="utf-8")
        made[key] = path
    return made


def special_files(folder: Path, outside: Path) -> dict[str, Path]:
    """A FIFO, a link to /dev/zero, a link loop, and a link out of the folder to `outside`."""
    made = {"fifo": folder / "pipe.txt", "zero": folder / "zero.txt", "loop": folder / "loop.txt",
            "outside": folder / "outside.txt"}
    os.mkfifo(made["fifo"])
    made["zero"].symlink_to("/dev/zero")
    (folder / "loop2.txt").symlink_to(made["loop"])
    made["loop"].symlink_to(folder / "loop2.txt")
    made["outside"].symlink_to(outside)
    return made


# --- texts that are slow to analyse ------------------------------------------------------------------

def dense_numbers(count: int) -> str:
    return "Casualty figures: " + ", ".join(str(1000 + n) for n in range(count)) + ".\n"


def dense_places(count: int) -> str:
    return "Fighting spread to " + ", ".join(PLACES[n % len(PLACES)] for n in range(count)) + ".\n"


def dense_dates(count: int) -> str:
    months = ("January", "March", "May", "July", "September", "November")
    return "Attacks were reported on " + ", ".join(f"{n % 28 + 1} {months[n % 6]} 2019" for n in range(count)) + ".\n"


def dollars(count: int) -> str:
    return "Prices: " + "$" * count + "\n"
