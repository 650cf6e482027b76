"""Outlet homes: the region a news outlet's reports are usually about, learned from the system's own places.

A local paper's "Alexandria" is the town near the paper, not its namesake two thousand kilometres away, and
the text alone often cannot tell them apart; the outlet can. The home of an outlet (its web address's host) is
never written by hand nor taken from labels: it is learned from the places the system itself resolved in that
outlet's reports. Each report gives one vote, shared among the first-level regions ("Louisiana") of its place
mentions below the country level, in proportion to its mentions there; only mentions resolved where the name's
biggest bearer lies vote (`unambiguous`), so a first pass's doubtful picks do not teach the outlet their
errors. A mention of a name other places bear too, alone in its report's region (a paper's lone "Mansfield",
resolved to England, where the biggest one lies), may be the paper's own town: it votes for the region, among
those its name's bearers lie in, that the outlet's other, sure votes favour (`namesakes_follow_outlet`). An
outlet with at least `min_reports` such reports whose votes concentrate in one region (a share of
at least `concentration`) has that region as its home; one whose votes concentrate only in one country
(`country_concentration`) has that country. A wire service or a world outlet concentrates nowhere: no home.

The places stage reads the home as a prior (`resolve.geography`, `resolve.possible_regions`,
`handset.fits_closely`): the home region votes as one more name of the report would, among the regions its
names may lie in, and a candidate inside it fits the report for the hand-set gates; the home country is the
outlet's country. This module only learns and reads homes; it never reads the store: `corpus/outlet_homes.py`
gives it a store's reports (`thucydides outlets learn`, and `thucydides run` after processing), keeps the homes
in the store, and the runner hands them to the places stage (`homes_in_force`). A user's YAML file
(`outlet_homes.file` in the settings, as `thucydides outlets learn -o FILE` writes it) overrides them outlet by
outlet.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from thucydides.geo.document import url_host
from thucydides.geo.fold import fold
from thucydides.geo.gazetteer import Gazetteer
from thucydides.knowledge import KnowledgeError, read_yaml
from thucydides.knowledge.settings import section

Region = tuple[str, str]
LEVEL_KINDS = frozenset({"country", "region", "river", "border"})
"""Places that say nothing about the region a report is about: a country named, a sea, a range, a border."""


@dataclass(frozen=True, slots=True)
class OutletSettings:
    """`outlet_homes` in settings.yaml."""

    min_reports: int = 3
    """An outlet needs at least this many reports with a place that votes (below the country level) for a home."""
    concentration: float = 0.3
    """Least share of an outlet's report votes in one region for that region to be its home."""
    country_concentration: float = 0.6
    """Least share of its report votes in one country for an outlet with no home region to have that country."""
    unambiguous_ratio: float = 1.0
    """A place mention votes only when no place bearing its name as its own outside the mention's region is bigger
    than this times the biggest inside it: at 1, only a mention resolved to the region of the name's biggest
    bearer votes ("Texas" for Texas; not "Columbus" resolved to Georgia, whatever the report says)."""
    namesakes_follow_outlet: bool = True
    """Whether a mention that may be a namesake (another place bears its name outside its region, and no other
    name of its report lies in that region: a lone "Mansfield" resolved to England) votes for the region, among
    those its name's bearers lie in, that the outlet's sure votes favour most, rather than where it was
    resolved."""
    region_vote: float = 1.0
    """The home region's vote in a report's geography, as a name's ("Louisiana" named once counts 1)."""
    possible_vote: float = 1.0
    """The home region's vote among the regions the report's names may lie in (`resolve.possible_regions`)."""
    gate: bool = True
    """Whether a candidate in the home region fits the report closely enough for the hand-set gates."""
    file: str | None = None
    """A YAML file of outlet homes (`thucydides outlets learn -o FILE`, or written by a user) that overrides the
    homes learned and kept in the store, outlet by outlet; None: the store's homes only."""


def outlet_settings() -> OutletSettings:
    return section("outlet_homes", OutletSettings)


@dataclass(frozen=True, slots=True)
class OutletHome:
    """Where an outlet's reports are about: a country, and the first-level region within it when one stands out."""

    country: str
    admin1: str | None = None
    reports: int = 0
    share: float = 0.0
    """The share of the outlet's report votes in its home (region, else country)."""

    @property
    def region(self) -> Region | None:
        return (self.country, self.admin1) if self.admin1 else None


@dataclass(frozen=True, slots=True)
class OutletHomes:
    """Outlet (host without "www.") -> its home."""

    homes: Mapping[str, OutletHome] = field(default_factory=dict)

    def home_of(self, url: str | None, outlet: str | None = None) -> OutletHome | None:
        """The home of the outlet a report's web address names, else of the outlet its stored `outlet` field names
        (a feed's title, a masthead: `outlet_key`)."""
        key = outlet_key(url, outlet)
        return self.homes.get(key) if key else None

    def __len__(self) -> int:
        return len(self.homes)


def outlet_of(url: str | None) -> str | None:
    """The outlet a web address belongs to: its host, lower case, without "www." (None for no address)."""
    if not url:
        return None
    host = url_host(url).removeprefix("www.")
    return host if "." in host else None


def outlet_key(url: str | None, outlet: str | None = None) -> str | None:
    """The key an outlet's home is kept under: its web address's host (`outlet_of`); for a report with no address,
    the outlet's stored name (a feed's title, a masthead: "The Bayou Ledger"), lower case, spaces collapsed."""
    host = outlet_of(url)
    if host or not outlet:
        return host
    return " ".join(outlet.lower().split()) or None


@dataclass(frozen=True, slots=True)
class ReportPlaces:
    """One report's outlet address (and its stored outlet name, read where there is no address) and the
    (country, admin1) of each place mention it resolved below the country level (admin1 "" when the gazetteer
    gives none)."""

    url: str | None
    places: tuple[Region, ...]
    outlet: str | None = None
    namesakes: tuple[tuple[Region, ...], ...] = ()
    """Mentions that may be namesakes (`voting_regions`): each the region it was resolved in, then the other
    regions where a place bears its name; each votes for the one the outlet's `places` favour most."""


def report_votes(places: Sequence[Region]) -> tuple[dict[Region, float], dict[str, float]]:
    """One report's vote, split over the regions and the countries of its place mentions by their share."""
    regions: dict[Region, float] = {}
    countries: dict[str, float] = {}
    for country, admin1 in places:
        countries[country] = countries.get(country, 0.0) + 1.0 / len(places)
        if admin1:
            regions[(country, admin1)] = regions.get((country, admin1), 0.0) + 1.0 / len(places)
    return regions, countries


@dataclass(slots=True)
class _Tally:
    reports: int = 0
    regions: dict[Region, float] = field(default_factory=dict)
    countries: dict[str, float] = field(default_factory=dict)

    def add(self, places: Sequence[Region]) -> None:
        self.reports += 1
        regions, countries = report_votes(places)
        for region, share in regions.items():
            self.regions[region] = self.regions.get(region, 0.0) + share
        for country, share in countries.items():
            self.countries[country] = self.countries.get(country, 0.0) + share

    def home(self, settings: OutletSettings) -> OutletHome | None:
        if self.reports < settings.min_reports:
            return None
        if self.regions:
            (country, admin1), votes = max(self.regions.items(), key=lambda kv: (kv[1], kv[0]))
            if votes / self.reports >= settings.concentration:
                return OutletHome(country, admin1, self.reports, round(votes / self.reports, 3))
        country, votes = max(self.countries.items(), key=lambda kv: (kv[1], kv[0]))
        if votes / self.reports >= settings.country_concentration:
            return OutletHome(country, None, self.reports, round(votes / self.reports, 3))
        return None


def learn_homes(reports: Iterable[ReportPlaces], settings: OutletSettings | None = None) -> OutletHomes:
    """The home of every outlet whose reports' places concentrate in one region or country."""
    settings = settings or outlet_settings()
    by_outlet: dict[str, list[ReportPlaces]] = {}
    for report in reports:
        outlet = outlet_key(report.url, report.outlet)
        if outlet and (report.places or report.namesakes):
            by_outlet.setdefault(outlet, []).append(report)
    tallies = {outlet: _outlet_tally(rs, settings.namesakes_follow_outlet) for outlet, rs in by_outlet.items()}
    homes = {outlet: home for outlet, t in sorted(tallies.items()) if (home := t.home(settings))}
    return OutletHomes(homes)


def _outlet_tally(reports: Sequence[ReportPlaces], follow: bool) -> _Tally:
    """One outlet's votes: its reports' sure places first, then each possible namesake for the region they favour
    (`follow`), else where it was resolved."""
    sure = _Tally()
    for report in reports:
        if report.places:
            sure.add(report.places)
    tally = _Tally()
    for report in reports:
        moved = tuple(_favoured(regions, sure.regions) if follow else regions[0] for regions in report.namesakes)
        if report.places or moved:
            tally.add(report.places + moved)
    return tally


def _favoured(regions: Sequence[Region], votes: Mapping[Region, float]) -> Region:
    """The region of `regions` (the resolved one first) with the most `votes`; the resolved one on a tie."""
    best = regions[0]
    for region in regions[1:]:
        if votes.get(region, 0.0) > votes.get(best, 0.0):
            best = region
    return best


@dataclass(frozen=True, slots=True)
class NamedPlace:
    """A place mention as learning reads it: the name written, and the (country, admin1, kind) of the place it
    was resolved to, from a store or an export alike."""

    text: str
    country: str | None
    admin1: str | None
    kind: str


@dataclass(frozen=True, slots=True)
class Votes:
    """A report's voting mentions: the sure ones' regions, and the possible namesakes (`ReportPlaces.namesakes`)."""

    places: tuple[Region, ...] = ()
    namesakes: tuple[tuple[Region, ...], ...] = ()


def voting_regions(named: Iterable[NamedPlace], gaz: Gazetteer, ratio: float,
                   home: OutletHome | None = None) -> Votes:
    """The regions of a report's place mentions that vote: below the country level, and unambiguous. `home`:
    the outlet's home the report was processed with, if any; a mention the home placed inside it votes for it
    (its region; a home country's mention, for the country alone), as it voted for the namesake the pass without
    the home chose, so learning again over the reports a home resolved gives the same homes
    (`corpus/outlet_homes.py`). An unambiguous mention is only a possible namesake when another place bears its
    name outside its region and no other name of the report lies in its region: a paper's lone "Mansfield"
    resolved to England, where the biggest Mansfield lies, may well be the paper's own town."""
    mentions = [m for m in named if m.country]
    names_in = _names_by_region(mentions)
    places: list[Region] = []
    namesakes: list[tuple[Region, ...]] = []
    for m in mentions:
        if m.kind in LEVEL_KINDS:
            continue
        region = (m.country or "", m.admin1 or "")
        bearers = name_bearers(m.text, gaz)
        if not unambiguous_in(bearers, region, ratio):
            vote = _placed_by(region, home)
            places.extend([vote] if vote else [])
        elif len(bearers) > 1 and not names_in.get(region, set()) - {fold(m.text)}:
            namesakes.append((region, *(r for r in bearers if r != region)))
        else:
            places.append(region)
    return Votes(tuple(places), tuple(namesakes))


def _names_by_region(mentions: Iterable[NamedPlace]) -> dict[Region, set[str]]:
    """The names (folded) a report's mentions resolved in each first-level region."""
    out: dict[Region, set[str]] = {}
    for m in mentions:
        if m.country and m.admin1:
            out.setdefault((m.country, m.admin1), set()).add(fold(m.text))
    return out


def _placed_by(region: Region, home: OutletHome | None) -> Region | None:
    """The vote of a mention that is not unambiguous: for the home it lies in, if any."""
    if home is None or region[0] != home.country:
        return None
    if not home.admin1:
        return (home.country, "")
    return region if region == home.region else None


def unambiguous(name: str, region: Region, gaz: Gazetteer, ratio: float) -> bool:
    """Whether the places bearing `name` as their own lie in `region`, but for ones at most `ratio` the size."""
    return unambiguous_in(name_bearers(name, gaz), region, ratio)


def name_bearers(name: str, gaz: Gazetteer) -> dict[Region, int]:
    """The regions of the places bearing `name` as their own, each with the population of its biggest one."""
    out: dict[Region, int] = {}
    for c in gaz.candidates(name):
        if c.match >= 1.0 and c.weight == 2:
            region = (c.place.country or "", c.place.admin1 or "")
            out[region] = max(out.get(region, 0), c.population)
    return out


def unambiguous_in(bearers: Mapping[Region, int], region: Region, ratio: float) -> bool:
    """`unambiguous`, over the name's `name_bearers`."""
    inside = bearers.get(region, 0)
    outside = max((p for r, p in bearers.items() if r != region), default=0)
    return inside > 0 and outside <= ratio * inside


def read_homes(path: Path) -> OutletHomes:
    """Outlet homes from a YAML file: `outlets: {host: {country: US, admin1: Louisiana}}`."""
    return homes_from_mapping(read_yaml(path), str(path))


def homes_from_mapping(raw: object, where: str) -> OutletHomes:
    """Outlet homes from `{outlets: {host: {country, admin1, reports, share}}}` (a file's, or the store's)."""
    outlets = raw.get("outlets") if isinstance(raw, Mapping) else None
    if not isinstance(outlets, Mapping):
        raise KnowledgeError(f"{where}: expected a mapping 'outlets' of host -> {{country, admin1}}")
    return OutletHomes({str(host).lower().removeprefix("www."): _home(where, str(host), v)
                        for host, v in outlets.items()})


def _home(where: str, host: str, value: object) -> OutletHome:
    if not isinstance(value, Mapping) or not isinstance(value.get("country"), str):
        raise KnowledgeError(f"{where}: outlet {host!r} needs a country (ISO code), e.g. {{country: US}}")
    admin1 = value.get("admin1")
    return OutletHome(str(value["country"]), str(admin1) if admin1 else None, int(value.get("reports") or 0),
                      float(value.get("share") or 0.0))


def homes_mapping(homes: OutletHomes) -> dict[str, dict[str, dict[str, object]]]:
    """`homes` as `homes_from_mapping` reads them, outlets in order."""
    return {"outlets": {host: {"country": h.country, "admin1": h.admin1, "reports": h.reports, "share": h.share}
                        for host, h in sorted(homes.homes.items())}}


def write_homes(homes: OutletHomes, path: Path) -> None:
    """Write `homes` as `read_homes` reads them."""
    import yaml

    path.write_text(yaml.safe_dump(homes_mapping(homes), allow_unicode=True, sort_keys=False), encoding="utf-8")


_LOADED: dict[str, OutletHomes] = {}
_IN_FORCE: list[OutletHomes] = [OutletHomes()]
"""The learned homes the places stage reads in this process (the store's, set by the runner)."""


def user_homes() -> OutletHomes:
    """The homes of the file the settings name (`outlet_homes.file`), read once; none when no file is named."""
    name = outlet_settings().file
    if not name:
        return OutletHomes()
    if name not in _LOADED:
        path = Path(name).expanduser()
        if not path.is_file():
            raise KnowledgeError(f"outlet_homes.file: no such file {path}")
        _LOADED[name] = read_homes(path)
    return _LOADED[name]


def configured_homes() -> OutletHomes:
    """The homes the places stage reads: the learned ones in force, the user's file overriding them by outlet."""
    learned, user = _IN_FORCE[-1], user_homes()
    if not user:
        return learned
    if not learned:
        return user
    return OutletHomes({**learned.homes, **user.homes})


def use_homes(homes: OutletHomes) -> None:
    """Make `homes` the learned homes in force in this process (a worker's, for its life)."""
    _IN_FORCE[-1] = homes


@contextmanager
def homes_in_force(homes: OutletHomes) -> Iterator[None]:
    """`homes` in force while the block runs (a run over one store), the ones before restored after."""
    _IN_FORCE.append(homes)
    try:
        yield
    finally:
        _IN_FORCE.pop()
