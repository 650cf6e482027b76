"""The offline base layer: country outlines and first-level admin areas for the whole world.

Built once by developers (`python -m thucydides.serve.basemap TOPOJSON -o DIR`) from Natural Earth's
country outlines as the `world-atlas` npm package ships them (TopoJSON, public domain), and shipped in
the package so the map needs no network. Admin areas are approximate: the Voronoi cells of GeoNames'
first-level region points (`data/geo_admin_areas.csv.gz`) clipped to their country; where OCHA's
governorate shapes ship (`data/geo_admin1.geojson`) those are used instead. Good enough to say which
province a place sits in on a map; not a survey.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import shapely
from shapely.geometry import MultiPoint, mapping, shape
from shapely.geometry.base import BaseGeometry

from thucydides.knowledge import data_path
from thucydides.knowledge.demonyms import geonames_records

COUNTRIES_FILE = "geo_world_countries.geojson.gz"
ADMIN1_FILE = "geo_world_admin1.geojson.gz"

Ring = list[tuple[float, float]]


@dataclass(frozen=True)
class Topology:
    """A TopoJSON topology: shared arcs, optionally quantised and delta-encoded."""

    arcs: Sequence[Sequence[Sequence[float]]]
    scale: tuple[float, float] = (1.0, 1.0)
    translate: tuple[float, float] = (0.0, 0.0)
    quantised: bool = False

    @classmethod
    def of(cls, raw: Mapping[str, Any]) -> Topology:
        transform = raw.get("transform")
        if not transform:
            return cls(raw["arcs"])
        return cls(raw["arcs"], tuple(transform["scale"]), tuple(transform["translate"]), True)  # type: ignore[arg-type]

    def arc(self, index: int) -> Ring:
        """Arc `index` in lon/lat; a negative index is arc ~index reversed (TopoJSON's rule)."""
        points = self._decode(self.arcs[index if index >= 0 else ~index])
        return points if index >= 0 else points[::-1]

    def _decode(self, arc: Sequence[Sequence[float]]) -> Ring:
        if not self.quantised:
            return [(float(p[0]), float(p[1])) for p in arc]
        x = y = 0.0
        out: Ring = []
        for dx, dy, *_ in arc:
            x, y = x + dx, y + dy
            out.append((x * self.scale[0] + self.translate[0], y * self.scale[1] + self.translate[1]))
        return out

    def ring(self, indexes: Iterable[int]) -> Ring:
        points: Ring = []
        for i in indexes:
            arc = self.arc(i)
            points.extend(arc if not points else arc[1:])
        return points

    def geometry(self, raw: Mapping[str, Any]) -> BaseGeometry | None:
        kind = raw.get("type")
        if kind == "Polygon":
            return shapely.Polygon(self.ring(raw["arcs"][0]), [self.ring(r) for r in raw["arcs"][1:]])
        if kind == "MultiPolygon":
            parts = [shapely.Polygon(self.ring(p[0]), [self.ring(r) for r in p[1:]]) for p in raw["arcs"]]
            return shapely.MultiPolygon(parts)
        return None


def _iso2_by_numeric() -> dict[str, str]:
    return {str(c["isonumeric"]).zfill(3): code for code, c in geonames_records().items()}


def countries_from_topojson(raw: Mapping[str, Any], tolerance: float) -> dict[str, tuple[str, BaseGeometry]]:
    """ISO alpha-2 -> (name, outline) for every country the topology names; unknown codes are skipped."""
    topology = Topology.of(raw)
    iso2 = _iso2_by_numeric()
    out: dict[str, tuple[str, BaseGeometry]] = {}
    for item in raw["objects"]["countries"]["geometries"]:
        code = iso2.get(str(item.get("id", "")).zfill(3))
        geometry = topology.geometry(item)
        if code is None or geometry is None:
            continue
        geometry = shapely.make_valid(geometry).simplify(tolerance, preserve_topology=True)
        out[code] = (item.get("properties", {}).get("name") or code, geometry)
    return out


@dataclass(frozen=True)
class AdminPoint:
    country: str
    code: str
    name: str
    lon: float
    lat: float


def admin_points(path: Path) -> list[AdminPoint]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [AdminPoint(r["country"], r["admin1code"], r["name"], float(r["lon"]), float(r["lat"]))
                for r in csv.DictReader(fh) if r["level"] == "1"]


def voronoi_cells(outline: BaseGeometry, points: Sequence[AdminPoint]) -> list[tuple[AdminPoint, BaseGeometry]]:
    """Each admin point's share of its country: the Voronoi cell around it, clipped to the outline."""
    if len(points) == 1:
        return [(points[0], outline)]
    sites = MultiPoint([(p.lon, p.lat) for p in points])
    cells = shapely.voronoi_polygons(sites, extend_to=outline.envelope.buffer(1.0))
    out = []
    for point in points:
        site = shapely.Point(point.lon, point.lat)
        cell = next((c for c in cells.geoms if c.covers(site)), None)
        if cell is not None:
            clipped = cell.intersection(outline)
            if not clipped.is_empty:
                out.append((point, clipped))
    return out


def _label_point(geometry: BaseGeometry) -> dict[str, float]:
    """Where a label goes: inside the largest part, not at a centroid that may fall in the sea."""
    parts = list(getattr(geometry, "geoms", [geometry]))
    point = max(parts, key=lambda g: g.area).representative_point()
    return {"label_lon": round(point.x, 2), "label_lat": round(point.y, 2)}


def _rounded(geometry: BaseGeometry, digits: int) -> dict[str, Any]:
    return json.loads(json.dumps(mapping(shapely.set_precision(geometry, 10 ** -digits))))


def _feature(geometry: BaseGeometry, props: dict[str, Any], digits: int) -> dict[str, Any]:
    return {"type": "Feature", "properties": props, "geometry": _rounded(geometry, digits)}


def build(topojson: Path, out_dir: Path, tolerance: float = 0.03, digits: int = 2) -> tuple[Path, Path]:
    """Write the countries and admin-area files from a world-atlas TopoJSON file."""
    countries = countries_from_topojson(json.loads(topojson.read_text(encoding="utf-8")), tolerance)
    ocha = json.loads(data_path("geo_admin1.geojson").read_text(encoding="utf-8"))["features"]
    ocha_countries = {f["properties"]["country"] for f in ocha}
    by_country: dict[str, list[AdminPoint]] = {}
    for point in admin_points(data_path("geo_admin_areas.csv.gz")):
        by_country.setdefault(point.country, []).append(point)
    admin: list[dict[str, Any]] = []
    for code, (_, outline) in sorted(countries.items()):
        if code in ocha_countries:
            continue
        for point, cell in voronoi_cells(outline, by_country.get(code, [])):
            cell = cell.simplify(tolerance, preserve_topology=True)
            props = {"code": f"{code}{point.code}", "name": point.name, "country": code, "source": "voronoi"}
            admin.append(_feature(cell, props, digits))
    for f in ocha:
        geometry = shape(f["geometry"]).simplify(tolerance / 3, preserve_topology=True)
        admin.append(_feature(geometry, {**f["properties"], "source": "ocha"}, digits))
    country_features = [_feature(g, {"code": c, "name": n, **_label_point(g)}, digits)
                        for c, (n, g) in sorted(countries.items()) if not g.is_empty]
    paths = out_dir / COUNTRIES_FILE, out_dir / ADMIN1_FILE
    for path, features in zip(paths, (country_features, admin), strict=True):
        body = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
        path.write_bytes(gzip.compress(body.encode("utf-8"), mtime=0))
    return paths


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("topojson", type=Path, help="world-atlas countries-50m.json (or -110m)")
    parser.add_argument("-o", "--out", type=Path, default=data_path("geo_admin1.geojson").parent)
    parser.add_argument("--tolerance", type=float, default=0.03, help="simplification, degrees")
    args = parser.parse_args(argv)
    for path in build(args.topojson, args.out, args.tolerance):
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")


if __name__ == "__main__":
    main()
