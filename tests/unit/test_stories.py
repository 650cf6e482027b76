"""The one reader of outside story sets (VOA's JSON lines, re3d's source folders), on files we write."""

from __future__ import annotations

import json
from datetime import date

import pytest

from thucydides.ingest.stories import RE3D_FIELDS, CorpusError, read_stories, read_story_folders


def test_a_story_keeps_its_text_and_reads_its_date_from_the_timestamp(tmp_path):
    path = tmp_path / "stories.jsonl"
    lines = [{"id": 7, "text": "In Testville, invented words.\n", "published": "2030-01-02 10:00:00Z"},
             {"id": "8", "text": "More invented words.", "published": "not a date", "url": "https://example.org/8"}]
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    stories = read_stories(path)
    assert list(stories) == ["7", "8"]
    assert stories["7"].text == "In Testville, invented words.\n" and stories["7"].published == date(2030, 1, 2)
    assert stories["8"].published is None and stories["8"].url == "https://example.org/8"


def test_a_bad_line_or_a_missing_file_is_an_error_naming_the_file(tmp_path):
    path = tmp_path / "stories.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "Fine."}) + "\n{not json\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"stories\.jsonl:2"):
        read_stories(path)
    path.write_text(json.dumps({"id": "1"}) + "\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"stories\.jsonl:1.*text"):
        read_stories(path)
    with pytest.raises(CorpusError, match="absent.jsonl"):
        read_stories(tmp_path / "absent.jsonl")


def test_source_folders_are_read_with_their_own_field_names_and_no_date(tmp_path):
    for source, key in (("alpha", "a1"), ("beta", "b1")):
        (tmp_path / source).mkdir()
        record = {"_id": key, "text": f"Words of {source}.", "sourceUrl": f"https://example.org/{key}",
                  "title": source, "published": "2030-01-02"}
        (tmp_path / source / "documents.json").write_text(json.dumps(record) + "\n", encoding="utf-8")
    stories = read_story_folders(tmp_path, RE3D_FIELDS)
    assert sorted(stories) == ["a1", "b1"]
    assert stories["b1"].url == "https://example.org/b1" and stories["b1"].published is None
