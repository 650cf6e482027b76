"""Floors on the real-data figures of the dev parts (`make eval`, docs/eval/baseline.md).

Each floor sits a little under what the code reached when it was set, so only a real loss fails;
raise a floor when a change lifts its figure. The parts run exactly as `make eval` runs them
(same cap, same corpora), about a minute and a half on two cores. Figures are computed from the
export contract by thucydides.evaluation; test parts (VOA test) have no floors here.
"""

from __future__ import annotations

import pytest

from tests.conftest import shared_or_skip
from thucydides.evaluation import acled, annotated, geoparse, re3d, seeds, voa
from thucydides.knowledge import outside
from thucydides.knowledge.splits import is_re3d_test

pytestmark = pytest.mark.slow

# ACLED dev split, at most 300 rows per country (3,844 rows): figures of 2026-12-06 08:04 UTC (58215bc) in brackets,
# the baseline (docs/eval/baseline.md) after them
ACLED_HAS_EVENT = 0.97  # (0.980 at 4883e03: a short note's single reading from 0.6, 'did it happen' on asked-for
# objects; 0.967 at e67faf4: a blocked road is a blockade that happened; 0.957; 0.691)
ACLED_TYPE_ACCURACY = 0.90  # (0.920 at 4883e03; 0.909 at e67faf4; 0.900; 0.563)
ACLED_TYPE_MACRO_F1 = 0.87  # (0.891; 0.490)
ACLED_SUB_ACCURACY = 0.88  # (0.897 at 4883e03; 0.886 at e67faf4; 0.876 at 0587618: the surest sentence types a
# happening; 0.865; 0.527)
ACLED_SUB_MACRO_F1 = 0.81  # (0.826 at 4883e03; 0.824 at 0587618; 0.806; 0.299)
ACLED_ACTOR1 = 0.76  # (0.783 at actors30: a suspected group its clause names, a government's arresting force;
# 0.777 at 188a2e2: parties as civilians, crowds by nationality, units by sub-event type;
# 0.764 at 4883e03: a repelled attack's owner; 0.756 at e67faf4; 0.745 at 02e73c8; 0.739 at
# 28179d9; 0.725; 0.038)
ACLED_ACTOR2 = 0.66  # (0.686 at actors30: a member to the front ACLED names it under, a government to the force
# that stepped in; 0.662 at 4dcadec: the learned side model, followers' crowds, the side ACLED codes
# where the text names none; 0.609 at 188a2e2: the other armed side beyond clashes, parties as civilians;
# 0.601 at d4e29a0: officials and party members attacked are civilians, gangs are armed;
# 0.596 at feafac6: the likely opponent by period, crowds, off-duty, foreigners;
# 0.552 at 6a9131e: counter-protests, police over the office, bare armed nouns;
# 0.537 at 980655f: a second side for armed clashes, civilians' property;
# 0.498 at 8807892, over the 1,900 capped rows where ACLED names an actor 2: a victim named
# by a word for a person is the country's civilians, the force that stepped in on a protest, looting's civilians)
ACLED_LOC25 = 0.82  # (0.837 at cd54745: a happening told only at a province at ACLED's point for it;
# 0.830 at 188a2e2: ACLED's namesakes, units told by their noun, a country's capital;
# 0.826 at c9acc13: qualifiers read across a unit noun, the governing clause's place;
# 0.820 at d4e29a0: the actors' capital where nothing is named, peoples' names no towns abroad;
# 0.810 at 4883e03: known places spaCy missed, the pin with the report's geography; 0.793 at
# e67faf4; 0.783 at 02e73c8: the only place of its name, first named on ties;
# 0.758 at 28179d9, 0.741 at geo6 cb3a42a, 0.707 before; 0.407)
ACLED_LOC161 = 0.90  # (0.903 at cd54745, 3,473 rows; 0.904 at a9a9641, 3,474;
# 0.903 at 3c83716: a town whose state no longer holds it, notes with no event;
# 0.8996 at 51f3113; 0.899 at 188a2e2: ACLED's namesakes, self-qualified towns, units told by their noun;
# 0.895 at c9acc13: towns told as towns, no small town abroad on a strong name;
# 0.892 at d4e29a0; 0.881 at 4883e03; 0.863 at e67faf4; 0.850 at 02e73c8; 0.838 at 28179d9,
# 0.828 at geo6 cb3a42a,
# 0.801 before;
# 0.492)
ACLED_FATALITIES_POSITIVE = 0.78  # (0.805 at cd54745: figures that count no dead, joined killings, equal figures
# kept apart; 0.796 at a9a9641; 0.780; 0.116)
ACLED_FATALITIES_ALL = 0.93  # (0.950 at cd54745; 0.940; 0.831)

# geoparsing end to end, the whole corpora (2026-12-06 08:04 UTC; baseline after): accuracy within 161 km over all
# gold toponyms, recall, precision, accuracy of resolved
LGL_ACCURACY_ALL = 0.75  # (0.766 at 4883e03; 0.763 at 0587618 with civil bodies' places and namesakes;
# 0.756 with outlet homes learned from a first pass, s19-outlet; 0.703 at 02e73c8: US
# towns from ZIP codes; 0.677 at 28179d9; 0.664; 0.595)
LGL_RECALL = 0.85  # issue 10's target (0.855 at a9a9641; 0.853 at 980655f: party letters,
# where a named person lives, state roads;
# 0.842 at 4883e03: known places spaCy missed or read as people; 0.837 at 0587618: places inside
# civil bodies' names kept; 0.826 at 02e73c8; 0.800; 0.745)
LGL_PRECISION = 0.90  # (0.912 at c9acc13: no small town abroad on a strong name, no far village;
# 0.903 at 02e73c8: no word or airport-code alternate names; 0.892 at 28179d9:
# people's surnames; 0.880; 0.893)
LGL_ACCURACY_RESOLVED = 0.92  # (0.936 with outlet homes, s19-outlet; 0.861; 0.834)
GEOVIRUS_ACCURACY_ALL = 0.84  # (0.866 at 4883e03: seas, ranges, breakaway regions in the gazetteer; 0.840 at 02e73c8;
# 0.826 at 28179d9: conventional points of wide areas; 0.730; 0.624)
GEOVIRUS_RECALL = 0.92  # (0.947 at 4883e03; 0.921 at 28179d9; 0.910; 0.844)
GEOVIRUS_PRECISION = 0.90  # (0.921 at 28179d9; 0.907; 0.916)
GEOVIRUS_ACCURACY_RESOLVED = 0.91  # (0.928 at 28179d9; 0.832; 0.777)

# the five development reports, shared scorer F1. The events figure fell from 1.000 to 0.333 when the rules
# written for these five reports gave way to the learned coder (which lifted ACLED dev event type from 0.563 to
# 0.899): the seeds' battles are told as manoeuvres ("advancing into the town", "attacked on three sides") and
# their takeovers as control ("managed to control the enclave"), which ACLED's notes do not teach. This floor
# keeps the smoke test from falling further; issue 8 asked for 0.9 and that is not met.
SEEDS_CLAIMS_F1 = 0.98  # (1.000)
SEEDS_PLACES_F1 = 0.96  # (0.978: an armed group's acronym names no town through the town's alternate names, so
# the SDF is no longer Louisville's airport code; LGL and GeoVirus unchanged by it)
SEEDS_EVENTS_F1 = 0.90  # (0.923 at feafac6: ACLED's fatality coding, the side the dead belong to, a headline
# read with its lead; 0.833 at 6a9131e: a run-on sentence typed by its surest clause, placed on its line of
# clauses; 0.727 at 0587618: Change to group/activity only when the coder is 0.9 sure;
# 0.615 at 28179d9: ground lost read as a takeover, clauses of run-on sentences; 0.333;
# 1.000 with the rules written for them)

# VOA dev part (64 of the 89 annotated stories), shared scorer F1, figures of 2026-12-06 08:04 UTC; the
# baseline's, on the 32 dev stories annotated then, after them
VOA_DEV_CLAIMS_F1 = 0.72  # (0.748; 0.606)
VOA_DEV_PLACES_F1 = 0.91  # (0.933 at 4883e03; 0.893 at 02e73c8; 0.884; 0.864)
VOA_DEV_EVENTS_F1 = 0.72  # (0.813 at 8807892: a long sentence read by what it tells; 0.774 at 02e73c8: catch-all
# sub-type floor, rescue in short reports, tallies,
# history in long reports; 0.686 at be16c46: fallback nouns, custody since a date, 'order' an irrealis cue; 0.606
# before; 0.571 at recall d7bb15c: an event of another named doer, an arrest dated by its custody; 0.471 before; 0.222)

# re3d dev (tests/data/re3d: 60 dev documents, gold written before the system first ran on them): the first run's
# figures in brackets, at dbe75de
RE3D_DEV_CLAIMS_F1 = 0.88  # (0.931 at 980655f: bracketed conversions, hedged and received reports, fighters
# where they fight; 0.769)
RE3D_DEV_PLACES_F1 = 0.85  # (0.880 at 6a9131e: "Near X" opening a line, famous cities that are words, towns placed
# from a town; 0.870)
RE3D_DEV_EVENTS_F1 = 0.68  # (0.705 at 188a2e2: distinct weekdays, dates on the main line, evidence of a toll;
# 0.682 at c9acc13: no far village for a district of a named city, no catch-all
# rescue in a long report; 0.651 at d4e29a0: stance verbs, a told strike kept by the mention re-read;
# 0.621 at feafac6: fatality coding, the dead's side, coded views, statements of
# judgement; 0.558 at 6a9131e: happenings named under judgements, ground taken is territory, the
# accused does the deed; 0.494 at 980655f: strike lists, the weapon types the attack, statements and
# things taken are no events; 0.391)


@pytest.fixture(scope="module")
def acled_result(pipeline) -> acled.AcledResult:
    shared_or_skip(outside.acled_events())
    return acled.evaluate(pipeline)


def test_acled_dev_event_types(acled_result):
    a = acled_result
    assert a.selection_rows > 3000
    assert (a.has_event.value or 0) >= ACLED_HAS_EVENT
    assert (a.type_accuracy.value or 0) >= ACLED_TYPE_ACCURACY
    assert a.type_macro_f1 >= ACLED_TYPE_MACRO_F1
    assert (a.sub_accuracy.value or 0) >= ACLED_SUB_ACCURACY
    assert a.sub_macro_f1 >= ACLED_SUB_MACRO_F1


def test_acled_dev_actors_places_fatalities(acled_result):
    a = acled_result
    assert (a.actor1.value or 0) >= ACLED_ACTOR1
    assert (a.actor2.value or 0) >= ACLED_ACTOR2
    assert (a.loc25.value or 0) >= ACLED_LOC25
    assert (a.loc161.value or 0) >= ACLED_LOC161
    assert (a.fatalities_positive.value or 0) >= ACLED_FATALITIES_POSITIVE
    assert (a.fatalities_all.value or 0) >= ACLED_FATALITIES_ALL


@pytest.mark.parametrize(("corpus", "floors"), [
    ("lgl", (LGL_ACCURACY_ALL, LGL_RECALL, LGL_PRECISION, LGL_ACCURACY_RESOLVED)),
    ("geovirus", (GEOVIRUS_ACCURACY_ALL, GEOVIRUS_RECALL, GEOVIRUS_PRECISION, GEOVIRUS_ACCURACY_RESOLVED)),
])
def test_geoparsing_end_to_end(pipeline, corpus, floors):
    shared_or_skip(outside.geoparsing(geoparse.CORPORA[corpus]))
    g = geoparse.evaluate(corpus, pipeline)
    got = tuple(r.value or 0 for r in (g.accuracy_all, g.recall, g.precision, g.accuracy_resolved))
    assert all(v >= floor for v, floor in zip(got, floors, strict=True)), (got, floors)


def test_seeds(pipeline):
    shared_or_skip(outside.seeds())
    f = seeds.evaluate(pipeline).figures
    assert f.claims.f1 >= SEEDS_CLAIMS_F1
    assert f.places.f1 >= SEEDS_PLACES_F1
    assert f.events.f1 >= SEEDS_EVENTS_F1
    assert f.contract_errors == 0 and f.bad_spans == 0


def test_voa_dev(pipeline):
    shared_or_skip(outside.voa_stories())
    if not voa.read_gold():
        pytest.skip("no VOA gold files in tests/data/voa/gold yet")
    part = voa.evaluate(pipeline).dev
    assert part.figures is not None
    f = part.figures
    assert f.claims.f1 >= VOA_DEV_CLAIMS_F1
    assert f.places.f1 >= VOA_DEV_PLACES_F1
    assert f.events.f1 >= VOA_DEV_EVENTS_F1
    assert f.contract_errors == 0 and f.bad_spans == 0


def test_re3d_dev(pipeline):
    """The dev part only: its test part is scored by bench/eval.py, never read for errors."""
    shared_or_skip(outside.re3d())
    golds = [g for g in re3d.read_gold() if not is_re3d_test(str(g["story"]))]
    if not golds:
        pytest.skip("no re3d dev gold files in tests/data/re3d/gold yet")
    f = annotated.score_part("re3d dev", golds, re3d.read_documents(), pipeline, re3d.RE3D.source).figures
    assert f is not None
    assert f.claims.f1 >= RE3D_DEV_CLAIMS_F1
    assert f.places.f1 >= RE3D_DEV_PLACES_F1
    assert f.events.f1 >= RE3D_DEV_EVENTS_F1
    assert f.contract_errors == 0 and f.bad_spans == 0
