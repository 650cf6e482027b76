"""The web server answers the UI and the REST API from a store, over loopback only."""

from __future__ import annotations

import json
import threading
import urllib.request
from datetime import date

import pytest

from thucydides.model import Analysis, Claim, Document, Evidence, Interval, Place, Toponym
from thucydides.serve.server import make_server
from thucydides.store.db import Store


@pytest.fixture
def server(tmp_path):
    store = Store(tmp_path / "s.db")
    doc = Document.from_text("The group still holds about 50 square kilometres near Hajin.", name="a.txt",
                             published=Interval(date(2018, 11, 2), date(2018, 11, 2)))
    store.add_documents([doc])
    claim = Claim(id="claim-a", doc=doc.id, metric="territory_held", unit="km2", low=50, high=50,
                  qualifier="approximately", evidence=Evidence.of(doc, 0, len(doc.text)), subject="ISIS",
                  place="gn-1")
    store.save_analysis(Analysis(doc, toponyms=[Toponym(54, 59, "Hajin", "gn-1")],
                                 places={"gn-1": Place("gn-1", "Hajin", 34.69, 40.83)}, claims=[claim]))
    srv = make_server(store, "127.0.0.1", 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


def fetch(url: str):
    with urllib.request.urlopen(url, timeout=10) as response:
        return response.status, response.headers["Content-Type"], response.read().decode("utf-8")


def test_api_serves_records_in_contract_shapes(server):
    _, kind, body = fetch(server + "/api/claims?metric=territory_held")
    assert kind.startswith("application/json")
    (claim,) = json.loads(body)
    assert (claim["low"], claim["unit"], claim["subject"]) == (50, "km2", "ISIS")
    assert json.loads(fetch(server + "/api/claims?metric=killed")[2]) == []
    (series,) = json.loads(fetch(server + "/api/series?subject=ISIS")[2])
    assert series["points"][0]["when"]["start"] == "2018-11-02"
    assert json.loads(fetch(server + "/api/stats")[2])["claims"] == 1
    (source,) = json.loads(fetch(server + "/api/sources")[2])
    assert (source["claimant"], source["claims"], source["hedged"]) == (None, 1, 1)
    assert json.loads(fetch(server + "/api/export.json")[2])["format"] == "thucydides-export"


def test_ui_page_and_unknown_paths(server):
    status, kind, body = fetch(server + "/")
    assert status == 200 and kind.startswith("text/html") and "/api/admin1.geojson" in body
    with pytest.raises(urllib.error.HTTPError) as err:
        fetch(server + "/api/nothing")
    assert err.value.code == 404
