"""The offline base layer: TopoJSON decoding, admin cells, and the shipped files cover the world."""

from __future__ import annotations

import gzip
import json

import shapely

from thucydides.knowledge import data_path
from thucydides.serve.basemap import (
    ADMIN1_FILE,
    COUNTRIES_FILE,
    AdminPoint,
    Topology,
    countries_from_topojson,
    voronoi_cells,
)

# A quantised, delta-encoded topology we wrote: one square country (ISO 760, Syria's code) from two arcs.
TOPOLOGY = {
    "type": "Topology",
    "transform": {"scale": [0.01, 0.01], "translate": [36.0, 32.0]},
    "arcs": [[[0, 0], [400, 0], [0, 400]], [[400, 400], [-400, 0], [0, -400]]],
    "objects": {"countries": {"type": "GeometryCollection", "geometries": [
        {"type": "Polygon", "arcs": [[0, 1]], "id": "760", "properties": {"name": "Square"}},
        {"type": "Polygon", "arcs": [[~1, ~0]], "id": "999", "properties": {"name": "Nowhere"}}]}},
}


def test_topojson_arcs_are_decoded_and_reversed():
    topology = Topology.of(TOPOLOGY)
    assert topology.arc(0) == [(36.0, 32.0), (40.0, 32.0), (40.0, 36.0)]
    assert topology.arc(~0) == [(40.0, 36.0), (40.0, 32.0), (36.0, 32.0)]
    countries = countries_from_topojson(TOPOLOGY, tolerance=0.0)
    assert list(countries) == ["SY"]  # an id no country has is skipped
    name, outline = countries["SY"]
    assert name == "Square" and outline.area == 16.0


def test_admin_points_share_their_country_as_clipped_voronoi_cells():
    outline = shapely.box(36, 32, 40, 36)
    cells = voronoi_cells(outline, [AdminPoint("SY", "01", "West", 37, 34), AdminPoint("SY", "02", "East", 39, 34)])
    assert [p.name for p, _ in cells] == ["West", "East"]
    assert all(abs(cell.area - 8.0) < 1e-6 and outline.covers(cell) for _, cell in cells)
    assert cells[0][1].contains(shapely.Point(36.5, 33))


def test_shipped_layers_cover_the_world():
    countries = json.loads(gzip.decompress(data_path(COUNTRIES_FILE).read_bytes()))["features"]
    codes = {f["properties"]["code"] for f in countries}
    assert len(codes) > 200 and {"SY", "IQ", "UA", "SD", "ML", "MM", "BR"} <= codes
    admin = json.loads(gzip.decompress(data_path(ADMIN1_FILE).read_bytes()))["features"]
    assert len({f["properties"]["country"] for f in admin}) > 150
    assert {f["properties"]["source"] for f in admin if f["properties"]["country"] == "SY"} == {"ocha"}
    size = data_path(COUNTRIES_FILE).stat().st_size + data_path(ADMIN1_FILE).stat().st_size
    assert size < 1_000_000  # small enough to ship
