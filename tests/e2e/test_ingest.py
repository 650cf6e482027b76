"""Ingestion: every format, encodings, furniture offsets, idempotent ids, failures named."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.conftest import SEEDS, shared_or_skip
from thucydides.ingest import IngestError, IngestFailure, expand_inputs, iter_documents, read_path
from thucydides.model import Document, Interval

REPORT = (
    "Fighting flares near Hajin\n"
    "\n"
    "Around 40 militants were killed near Hajin on Tuesday, a commander said.\n"
    "Hundreds of families fled toward Abu Kamal, according to local activists.\n"
)


def documents(paths: list[Path]) -> list[Document]:
    return [d for d in iter_documents(paths) if isinstance(d, Document)]


def failures(paths: list[Path]) -> list[IngestFailure]:
    return [f for f in iter_documents(paths) if isinstance(f, IngestFailure)]


# plain text


def test_plain_text_is_stored_exactly_as_read_text_returns_it(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(("\n\n" + REPORT + "\n\n").replace("\n", "\r\n").encode("utf-8"))
    [doc] = read_path(path)
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.text.startswith("\n\nFighting") and doc.text.endswith("\n\n\n")
    assert "\r" not in doc.text
    assert doc.name == "report.txt"
    assert doc.source == str(path)


def test_plain_text_title_is_the_headline_line(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text(REPORT, encoding="utf-8")
    [doc] = read_path(path)
    assert doc.title == "Fighting flares near Hajin"


def test_a_first_line_that_is_a_sentence_is_not_a_title(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Clashes went on in Hajin.\nMore fighting followed.\n", encoding="utf-8")
    [doc] = read_path(path)
    assert doc.title is None


def test_a_masthead_naming_a_known_outlet_sets_the_outlet_and_the_next_line_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Reuters\n\n" + REPORT, encoding="utf-8")
    [doc] = read_path(path)
    assert doc.outlet == "Reuters"
    assert doc.title == "Fighting flares near Hajin"


# furniture


def furnished_report() -> str:
    return (
        "Skip to main content\n"
        "Fighting flares near Hajin\n"
        "Image: Euphrates Monitor\n"
        "Around 40 militants were killed near Hajin on Tuesday, a commander said.\n"
        "  Share this  \n"
        "Read more about the offensive in the towns along the river, where fighting has gone on for weeks.\n"
        "We use cookies to improve your experience. By continuing you accept our cookie policy.\n"
        "Back to top\n"
    )


def test_furniture_spans_point_at_the_furniture_in_the_stored_text(tmp_path: Path) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text(furnished_report(), encoding="utf-8")
    [doc] = read_path(path)
    quoted = [span.text for span in doc.furniture]
    assert quoted == [
        "Skip to main content",
        "Image: Euphrates Monitor",
        "Share this",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
        "Back to top",
    ]
    for span in doc.furniture:
        assert doc.text[span.start:span.end] == span.text
    assert doc.text == path.read_text(encoding="utf-8")
    assert doc.title == "Fighting flares near Hajin"


def test_analysis_text_blanks_furniture_but_keeps_offsets(tmp_path: Path) -> None:
    path = tmp_path / "scraped.txt"
    path.write_text(furnished_report(), encoding="utf-8")
    [doc] = read_path(path)
    analysed = doc.analysis_text
    assert len(analysed) == len(doc.text)
    assert "Skip to" not in analysed and "Back to top" not in analysed
    start = doc.text.index("Around 40")
    assert analysed[start:start + 9] == "Around 40"


def test_a_real_sentence_starting_like_furniture_is_kept(tmp_path: Path) -> None:
    long_line = "Read more " + "about how the siege went on for many weeks and the river crossings were cut " * 3
    path = tmp_path / "report.txt"
    path.write_text(long_line + "\n", encoding="utf-8")
    [doc] = read_path(path)
    assert doc.furniture == ()


# encodings


def test_cp1252_file_is_detected(tmp_path: Path) -> None:
    text = (
        "Ré-ouverture du pont près de Deir ez-Zor\n"
        "Les habitants ont déclaré que «les combats» avaient cessé — selon un témoin, la ville était calme.\n"
        "Un responsable a précisé que l’armée contrôlait désormais la route vers Mayadin.\n"
    )
    path = tmp_path / "report.txt"
    path.write_bytes(text.encode("cp1252"))
    with pytest.raises(UnicodeDecodeError):
        path.read_text(encoding="utf-8")
    [doc] = read_path(path)
    assert doc.text == text


def test_utf16_file_with_bom_is_detected(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-16"))
    [doc] = read_path(path)
    assert doc.text == REPORT


def test_utf8_bom_is_kept_as_read_text_keeps_it(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"\xef\xbb\xbf" + REPORT.encode("utf-8"))
    [doc] = read_path(path)
    assert doc.text == path.read_text(encoding="utf-8")


# HTML

PAGE = """<!DOCTYPE html>
<html lang="en"><head><title>Families flee Hajin | Euphrates Monitor</title>
<link rel="canonical" href="https://news.example.org/2018/11/hajin-families"/>
<meta property="og:site_name" content="Euphrates Monitor"/>
<meta property="og:title" content="Families flee Hajin"/>
<meta property="article:published_time" content="2018-11-21T09:30:00+00:00"/>
</head><body>
<header><a href="#content">Skip to content</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/syria">Syria</a></li><li><a href="/iraq">Iraq</a></li></ul></nav>
</header>
<main id="content"><article>
<h1>Families flee Hajin</h1>
<p>Hundreds of families left Hajin overnight as fighting moved into the town, a local council member said.</p>
<p>About 30 fighters were killed in two days of clashes, according to a monitor based in the area.</p>
</article></main>
<footer><p>Subscribe to our newsletter</p><p>Contact us | Privacy policy</p></footer>
</body></html>
"""


def test_html_page_gives_main_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    [doc] = read_path(path)
    assert "Hundreds of families left Hajin overnight" in doc.text
    assert "About 30 fighters were killed" in doc.text
    assert "Privacy policy" not in doc.text
    assert doc.title == "Families flee Hajin"
    assert doc.url == "https://news.example.org/2018/11/hajin-families"
    assert doc.outlet == "Euphrates Monitor"
    assert doc.published == Interval(date(2018, 11, 21), date(2018, 11, 21))
    assert doc.name == "page.html"


def test_html_without_main_text_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title></head><body><script>var a = 1;</script></body></html>")
    [failure] = failures([path])
    assert failure.source == str(path)


# feeds

RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>River Dispatch</title><link>https://dispatch.example.org</link>
<description>Invented test feed</description>
<item><title>Crossing reopens at al-Qaim</title><link>https://dispatch.example.org/a1</link>
<guid>https://dispatch.example.org/a1</guid><pubDate>Mon, 14 Jan 2019 10:00:00 GMT</pubDate>
<description><![CDATA[<p>The crossing at al-Qaim reopened on Monday, officials said.</p>
<p>Traffic was light.</p>]]></description>
</item>
<item><title>Shelling near Abu Kamal</title><link>https://dispatch.example.org/a2</link>
<pubDate>Tue, 15 Jan 2019 08:00:00 GMT</pubDate>
<description>At least 5 people were wounded by shelling near Abu Kamal, residents said.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title><id>urn:test:atom</id>
<updated>2019-02-02T00:00:00Z</updated>
<entry><title>Raqqa market reopens</title><id>urn:test:atom:1</id><updated>2019-02-01T12:00:00Z</updated>
<content type="html">&lt;p&gt;Shops in Raqqa reopened, a trader said.&lt;/p&gt;</content></entry>
</feed>
"""


def test_rss_feed_gives_one_document_per_entry(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    first, second = read_path(path)
    assert first.title == "Crossing reopens at al-Qaim"
    assert first.text == "The crossing at al-Qaim reopened on Monday, officials said.\n\nTraffic was light."
    assert "<p>" not in first.text
    assert first.name == "https://dispatch.example.org/a1"
    assert first.url == "https://dispatch.example.org/a1"
    assert first.outlet == "River Dispatch"
    assert first.published == Interval(date(2019, 1, 14), date(2019, 1, 14))
    assert first.source == f"{path}#entry1"
    assert second.source == f"{path}#entry2"
    assert second.text.startswith("At least 5 people were wounded")


def test_atom_feed_entry_content_html_becomes_text(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    [doc] = read_path(path)
    assert doc.text == "Shops in Raqqa reopened, a trader said."
    assert doc.name == "urn:test:atom:1"
    assert doc.published == Interval(date(2019, 2, 1), date(2019, 2, 1))


# JSONL


def test_jsonl_records_and_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "r-1", "text": "Ten fighters surrendered in Hajin, a spokesman said.",
                    "published": "2018-12-03", "outlet": "Test Wire", "url": "https://w.example/1",
                    "title": "Surrender in Hajin"}),
        "{not json",
        "",
        json.dumps({"id": "r-2", "html": "<p>Two bridges near <b>Mosul</b> were repaired.</p>",
                    "published": "2019-03-05T08:00:00Z"}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = list(iter_documents([path]))
    docs = [r for r in results if isinstance(r, Document)]
    bad = [r for r in results if isinstance(r, IngestFailure)]
    assert [d.name for d in docs] == ["r-1", "r-2"]
    assert docs[0].published == Interval(date(2018, 12, 3), date(2018, 12, 3))
    assert docs[0].outlet == "Test Wire" and docs[0].title == "Surrender in Hajin"
    assert docs[0].source == f"{path}#L1"
    assert docs[1].text == "Two bridges near Mosul were repaired."
    assert docs[1].published == Interval(date(2019, 3, 5), date(2019, 3, 5))
    assert docs[1].source == f"{path}#L4"
    assert [f.source for f in bad] == [f"{path}:2"]


@pytest.mark.parametrize(
    ("record", "reason_part"),
    [
        ({"id": "x"}, "neither"),
        ({"id": "x", "text": "   "}, "empty"),
        ({"id": "x", "text": "Some report.", "published": "not a date at all"}, "published"),
        ([1, 2], "object"),
    ],
)
def test_jsonl_bad_records_name_the_line(tmp_path: Path, record: object, reason_part: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [failure] = failures([path])
    assert failure.source == f"{path}:1"
    assert reason_part in failure.reason
    with pytest.raises(IngestError):
        read_path(path)


def test_jsonl_in_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "wide.jsonl"
    lines = [json.dumps({"id": n, "text": f"Report {n} from Mayadin."}, ensure_ascii=False) for n in (1, 2)]
    path.write_bytes("\r\n".join(lines).encode("utf-16"))
    assert [d.name for d in read_path(path)] == ["1", "2"]


def test_empty_jsonl_is_a_failure(tmp_path: Path) -> None:
    path = tmp_path / "nothing.jsonl"
    path.write_text("\n  \n", encoding="utf-8")
    assert [(f.source, f.reason) for f in failures([path])] == [(str(path), "empty")]


def test_json_file_with_an_array_of_records(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    records = [{"id": "a", "text": "Shelling hit Mayadin, residents said."}, {"id": "b"}]
    path.write_text(json.dumps(records), encoding="utf-8")
    results = list(iter_documents([path]))
    assert [r.name for r in results if isinstance(r, Document)] == ["a"]
    assert [r.source for r in results if isinstance(r, IngestFailure)] == [f"{path}#2"]


def test_json_file_with_one_record(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "solo", "text": "Clashes near Tabqa.", "published": "2019-01-02"}))
    [doc] = read_path(path)
    assert doc.name == "solo" and doc.source == str(path)
    assert doc.published == Interval(date(2019, 1, 2), date(2019, 1, 2))


# folders, failures, ids


def test_folder_with_good_binary_and_empty_files(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "noise.bin").write_bytes(os.urandom(4096))
    (tmp_path / "empty.txt").write_text(" \n\t\n", encoding="utf-8")
    results = list(iter_documents([tmp_path]))
    docs = [r for r in results if isinstance(r, Document)]
    bad = {Path(r.source).name: r.reason for r in results if isinstance(r, IngestFailure)}
    assert [d.name for d in docs] == ["good.txt"]
    assert bad == {"noise.bin": "binary file, not a report", "empty.txt": "empty"}


def test_binary_file_with_a_text_extension_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(IngestError) as caught:
        read_path(path)
    assert caught.value.source == str(path)


def test_missing_path_is_a_failure_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.txt"
    [failure] = list(iter_documents([missing]))
    assert isinstance(failure, IngestFailure)
    assert failure.source == str(missing)
    with pytest.raises(IngestError):
        read_path(missing)


def test_folders_recurse_sorted_and_skip_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a").mkdir()
    (tmp_path / ".cache").mkdir()
    (tmp_path / "b" / "2.txt").write_text("two", encoding="utf-8")
    (tmp_path / "a" / "1.txt").write_text("one", encoding="utf-8")
    (tmp_path / ".cache" / "x.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("hidden", encoding="utf-8")
    (tmp_path / "z.txt").write_text("zed", encoding="utf-8")
    found = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])]
    assert found == ["a/1.txt", "b/2.txt", "z.txt"]


def test_a_file_given_by_name_is_taken_even_if_hidden(tmp_path: Path) -> None:
    path = tmp_path / ".note.txt"
    path.write_text(REPORT, encoding="utf-8")
    assert list(expand_inputs([path])) == [path]


def test_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    plain = tmp_path / "report.dat"
    plain.write_text(REPORT, encoding="utf-8")
    page = tmp_path / "page.dat"
    page.write_text(PAGE, encoding="utf-8")
    plain_doc, page_doc = read_path(plain)[0], read_path(page)[0]
    assert plain_doc.text == REPORT
    assert page_doc.title == "Families flee Hajin" and "<p>" not in page_doc.text


def test_ids_are_stable_across_reads_and_line_endings(tmp_path: Path) -> None:
    unix, windows = tmp_path / "unix.txt", tmp_path / "windows.txt"
    unix.write_text(REPORT, encoding="utf-8")
    windows.write_bytes(REPORT.replace("\n", "\r\n").encode("utf-8"))
    first = [d.id for d in documents([tmp_path])]
    second = [d.id for d in documents([tmp_path])]
    assert first == second
    assert len(set(first)) == 1
    assert first[0] == Document.from_text(REPORT).id


# the shared dev set


def test_seed_reports_are_stored_as_read_text_returns_them() -> None:
    seeds = shared_or_skip(SEEDS)
    docs = documents([seeds])
    assert len(docs) == len(list(seeds.glob("*.txt")))
    for doc in docs:
        assert doc.source is not None
        assert doc.text == Path(doc.source).read_text(encoding="utf-8")
        assert all(doc.text[s.start:s.end] == s.text for s in doc.furniture)
        assert len(doc.analysis_text) == len(doc.text)


# the demo corpus shipped with the repo

DEMO = Path(__file__).resolve().parents[2] / "demo" / "reports"


def test_demo_corpus_reads_without_failures() -> None:
    results = list(iter_documents([DEMO]))
    assert [r for r in results if isinstance(r, IngestFailure)] == []
    docs = [r for r in results if isinstance(r, Document)]
    assert 6 <= len(docs) <= 8
    assert len({d.id for d in docs}) == len(docs)
    suffixes = {Path((d.source or "").split("#")[0]).suffix for d in docs}
    assert {".txt", ".html", ".xml", ".jsonl"} <= suffixes
    for doc in docs:
        assert doc.title
        assert all(doc.text[s.start:s.end] == s.text for s in doc.furniture)
    assert all(d.published for d in docs if (d.source or "").endswith((".html", "#L1", "#L2")))


def test_a_parser_crash_becomes_a_failure_and_the_run_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import thucydides.ingest.reader as reader

    def explode(_: object) -> None:
        raise RuntimeError("parser fell over")

    monkeypatch.setattr(reader, "extract_page", explode)
    (tmp_path / "a.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text(REPORT, encoding="utf-8")
    results = list(iter_documents([tmp_path]))
    assert isinstance(results[0], IngestFailure) and "parser fell over" in results[0].reason
    assert isinstance(results[1], Document)
