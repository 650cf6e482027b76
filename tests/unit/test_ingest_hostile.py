"""Hostile inputs read in process: each fails alone with a reason naming it, and nothing waits or floods.

The same inputs go through the command line in `tests/e2e/test_hostile.py`, and at full size in
`bench/stress.py`.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path

import pytest

from tests import hostile_inputs as h
from thucydides.ingest import IngestFailure, IngestWarning, iter_documents
from thucydides.knowledge import settings
from thucydides.model import Document


@pytest.fixture
def limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Settings with small size limits, so the tests need no large files."""

    def use(**ingest: object) -> None:
        path = tmp_path / ".limits.yaml"  # hidden: not read as a report
        path.write_text(json.dumps({"ingest": ingest}), encoding="utf-8")
        monkeypatch.setenv("THUCYDIDES_SETTINGS", str(path))
        settings.reload()

    yield use
    monkeypatch.delenv("THUCYDIDES_SETTINGS", raising=False)
    settings.reload()


def read(*paths: Path, follow_symlinks: bool = False) -> tuple[list[Document], dict[str, str], dict[str, str]]:
    """Documents, failures by source, warnings by source; fails the test if reading takes over 60 s."""
    results: list[object] = []
    worker = threading.Thread(target=lambda: results.extend(iter_documents(list(paths), follow_symlinks)),
                              daemon=True)
    worker.start()
    worker.join(60)
    assert not worker.is_alive(), "reading hung"
    docs = [r for r in results if isinstance(r, Document)]
    failures = {r.source: r.reason for r in results if isinstance(r, IngestFailure)}
    warnings = {r.source: r.message for r in results if isinstance(r, IngestWarning)}
    return docs, failures, warnings


def test_bytes_that_are_not_text_fail_by_name_and_good_files_are_read(tmp_path: Path) -> None:
    bad = [h.random_binary(tmp_path / "noise.txt"), h.nul_filled(tmp_path / "nul.txt"),
           h.nul_filled(tmp_path / "empty.txt", 0)]
    h.write_good(tmp_path, 2)
    docs, failures, _ = read(tmp_path)
    assert sorted(d.name for d in docs) == ["good000.txt", "good001.txt"]
    assert set(failures) == {str(p) for p in bad}
    assert failures[str(tmp_path / "empty.txt")] == "empty"


@pytest.mark.parametrize("maker", [h.invalid_utf8, h.mixed_encodings, lambda p: h.legacy(p, "latin-1"),
                                   lambda p: h.legacy(p, "cp1256")])
def test_text_not_in_utf8_is_read_with_a_warning_naming_the_guess(tmp_path: Path, maker) -> None:
    path = maker(tmp_path / "r.txt")
    [doc], failures, warnings = read(path)
    assert not failures
    assert "a guess" in warnings[str(path)] and "decoded as" in warnings[str(path)]
    assert "Hajin" in doc.text or "هجين" in doc.text


def test_legacy_encodings_decode_without_mojibake(tmp_path: Path) -> None:
    [french], _, _ = read(h.legacy(tmp_path / "fr.txt", "latin-1"))
    [arabic], _, _ = read(h.legacy(tmp_path / "ar.txt", "cp1256"))
    assert "près de Hajin ont tué" in french.text
    assert "اشتباكات قرب هجين" in arabic.text


@pytest.mark.parametrize("bom", [True, False])
def test_utf16_with_and_without_bom(tmp_path: Path, bom: bool) -> None:
    [doc], failures, _ = read(h.utf16(tmp_path / "wide.txt", bom))
    assert not failures
    assert "Fighters clashed near Hajin" in doc.text


def test_awkward_file_names_are_read_and_named_printably(tmp_path: Path) -> None:
    made = h.awkward_names(tmp_path)
    docs, failures, _ = read(tmp_path)
    assert not failures
    names = {d.name for d in docs}
    assert "bad\\xff\\xfename.txt" in names
    assert {"line\nbreak.txt", "b].txt", "].txt", "esc\x1b[31mred.txt", made["unicode"].name} <= names
    assert str(made["markup"]) in {d.source for d in docs}
    for doc in docs:
        (doc.name or "").encode("utf-8")  # storable: no surrogates
        (doc.source or "").encode("utf-8")


def test_fifo_devices_loops_and_links_out_of_the_folder_are_refused(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT-THAT-MUST-NOT-BE-STORED", encoding="utf-8")
    made = h.special_files(folder, secret)
    h.write_good(folder, 1)
    docs, failures, _ = read(folder)
    assert [d.name for d in docs] == ["good000.txt"]
    assert "FIFO" in failures[str(made["fifo"])]
    assert "refused" in failures[str(made["zero"])]
    assert "loop" in failures[str(made["loop"])]
    assert "--follow-symlinks" in failures[str(made["outside"])]


def test_links_are_followed_when_asked_but_devices_never_read(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(h.good_report(3), encoding="utf-8")
    made = h.special_files(folder, outside)
    docs, failures, _ = read(folder, follow_symlinks=True)
    assert [d.name for d in docs] == ["outside.txt"]
    assert "character device" in failures[str(made["zero"])]


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path, limits) -> None:
    limits(max_file_mb=1)
    big = h.big_text(tmp_path / "big.txt", 3 * 1024 * 1024)
    h.write_good(tmp_path, 1)
    docs, failures, _ = read(tmp_path)
    assert [d.name for d in docs] == ["good000.txt"]
    assert "over the limit of 1.0 MB" in failures[str(big)] and "ingest.max_file_mb" in failures[str(big)]


def test_a_report_over_the_character_limit_is_refused(tmp_path: Path, limits) -> None:
    limits(max_document_chars=1000)
    path = h.big_text(tmp_path / "long.txt", 5000)
    _, failures, _ = read(path)
    assert "ingest.max_document_chars" in failures[str(path)]


def test_a_jsonl_line_over_the_record_limit_fails_alone(tmp_path: Path, limits) -> None:
    limits(max_record_mb=1)
    path = h.long_line_jsonl(tmp_path / "dump.jsonl", 3 * 1024 * 1024)
    docs, failures, _ = read(path)
    assert [d.name for d in docs] == ["before", "after"]
    assert "ingest.max_record_mb" in failures[f"{path}:2"]


def test_a_bad_jsonl_line_fails_alone_named_by_line(tmp_path: Path) -> None:
    path = h.hostile_jsonl(tmp_path / "dump.jsonl")
    docs, failures, warnings = read(path)
    assert [d.name for d in docs] == ["first", "surrogate", "last"]
    assert "5,000 digits" in failures[f"{path}:2"]
    assert "nested too deeply" in failures[f"{path}:3"]
    assert "not valid JSON" in failures[f"{path}:5"]
    assert "'text' should be a string" in failures[f"{path}:6"]
    assert "'title' should be a string" in failures[f"{path}:7"]
    surrogate = docs[1]
    assert "\ufffd" in surrogate.text and "U+FFFD" in warnings[f"{path}#L4"]
    surrogate.text.encode("utf-8")


def test_json_nested_too_deep_is_a_failure(tmp_path: Path) -> None:
    path = h.deep_json(tmp_path / "deep.json")
    docs, failures, _ = read(path)
    assert not docs and "nested too deeply" in failures[str(path)]


def test_json_array_streams_records_and_skips_a_bad_one(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    path.write_text('[{"id": "a", "text": "One report."}, ' + "[" * 5000 + "]" * 5000
                    + ', {"id": "c", "text": "Another report."}, {"id": "d", "n": ' + "7" * 5000 + '}]',
                    encoding="utf-8")
    docs, failures, _ = read(path)
    assert [d.name for d in docs] == ["a", "c"]
    assert "nested too deeply" in failures[f"{path}#2"]
    assert "digits" in failures[f"{path}#4"]


def test_duplicate_ids_with_different_text_are_both_kept_with_a_warning(tmp_path: Path) -> None:
    path = h.duplicate_ids_json(tmp_path / "dup.json")
    docs, _, warnings = read(path)
    assert [d.name for d in docs] == ["same", "same"] and docs[0].id != docs[1].id
    assert "already given to a different text" in warnings[f"{path}#2"]


def test_a_large_json_array_is_read_record_by_record(tmp_path: Path) -> None:
    path = h.big_json_array(tmp_path / "many.json", 20_000)
    docs, failures, _ = read(path)
    assert len(docs) == 20_000 and not failures


def test_a_forbidden_character_reference_loses_one_entry_at_most(tmp_path: Path) -> None:
    path = h.surrogate_reference_feed(tmp_path / "feed.xml")
    docs, failures, warnings = read(path)
    assert len(docs) == 2 and not failures
    assert "U+FFFD" in warnings[str(path)]


def test_entity_attacks_are_never_expanded_and_local_files_never_read(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-CONTENT-THAT-MUST-NOT-BE-STORED", encoding="utf-8")
    paths = [h.billion_laughs(tmp_path / "laughs.xml"), h.quadratic_blowup(tmp_path / "quad.xml", 5000),
             h.external_entities(tmp_path / "xxe.xml", secret), h.external_entities(tmp_path / "xxe.rss", secret)]
    docs, _, _ = read(*paths)
    assert docs, "the feeds' harmless entries are read"
    for doc in docs:
        assert "SECRET-CONTENT" not in doc.text and len(doc.text) < 1_000_000
        assert "lollollol" not in doc.text


def test_html_built_to_hurt_the_parser_is_read_or_named(tmp_path: Path) -> None:
    paths = [h.nested_html(tmp_path / "nested.html", 20_000), h.huge_attribute_html(tmp_path / "attr.html", 500_000)]
    docs, failures, _ = read(*paths)
    for path in paths:
        named = str(path) in failures
        stored = any(d.source == str(path) for d in docs)
        assert named != stored


def test_file_name_bytes_are_never_lost_on_the_way(tmp_path: Path) -> None:
    made = h.awkward_names(tmp_path)
    docs, _, _ = read(made["bytes"])
    assert docs[0].source == os.fsencode(made["bytes"]).decode("utf-8", "backslashreplace")
