"""The claims stage's named, ordered steps: each alone on a sentence we wrote, and the settings that order them."""

from __future__ import annotations

import dataclasses

import pytest

from tests.conftest import actor_names, is_actor
from thucydides.claims import extract_claims, sides, speakers
from thucydides.claims.cast import Cast
from thucydides.claims.context import Context
from thucydides.claims.figures import Figure, find_figures, segments
from thucydides.claims.lexicon import lexicon
from thucydides.claims.metric import Reading, read_metric
from thucydides.claims.roles import check_settings, make_context
from thucydides.claims.settings import ClaimsSettings, claims_settings
from thucydides.knowledge.settings import SettingsError, build
from thucydides.model import Analysis, Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def upstream():
    from thucydides.pipeline import Pipeline

    pipe = Pipeline(("nlp", "actors", "time", "places"))

    def run(text: str) -> Analysis:
        return pipe.run_documents([Document.from_text(text, name="test.txt")])[0]

    return run


def first_figure(analysis: Analysis, figure: float | None = None) -> tuple[Figure, Reading, Context]:
    """The context the claims stage builds, and the (first, or given) figure with its metric."""
    assert analysis.spacy_doc is not None
    cfg, lex = claims_settings(), lexicon()
    segs = segments(analysis.spacy_doc, analysis.segments)
    ctx = make_context(analysis, lex, Cast.of(analysis), cfg, segs)
    for fig in find_figures(analysis.spacy_doc, segs, lex, cfg):
        reading = read_metric(fig, False, lex, cfg)
        if reading is not None and (figure is None or figure in (fig.quantity.low, fig.quantity.high)):
            return fig, reading, ctx
    raise AssertionError("no figure")


@pytest.mark.parametrize("step, text, expected", [
    ("headline", "Malian army: 12 rebels captured near Kidal", "Military Forces of Mali"),
    ("attribution_phrase", "Some 80 people were killed in Kidal, according to the Malian army.",
     "Military Forces of Mali"),
    ("reporting_subject", "The Malian army said 12 rebels were captured near Kidal.", "Military Forces of Mali"),
    ("toll_setter", "Officials in Bamako raised the death toll to 61.", "Government of Mali"),
    ("quoted_speaker", "\u201cWe captured 12 rebels near Kidal. The raid began at dawn,\u201d the Malian army said.",
     "Military Forces of Mali"),
    ("first_person", "The Malian army said the raid began at dawn. Our troops captured 12 rebels near Kidal.",
     "Military Forces of Mali"),
    ("paragraph_carry", "The Malian army said the raid began at dawn. Some 12 rebels were captured near Kidal.",
     "Military Forces of Mali"),
])
def test_each_claimant_step_alone(upstream, step, text, expected):
    fig, reading, ctx = first_figure(upstream(text))
    found = speakers.STEPS[step](fig, reading, ctx)
    assert is_actor(found, expected), (found, actor_names(found))


def test_publisher_speaks_only_in_its_own_release(upstream):
    fig, reading, ctx = first_figure(upstream("Syrian Observatory for Human Rights\n\nJets killed 9 people in Ariha."))
    assert speakers.publisher(fig, reading, ctx) == "SOHR"
    fig, reading, ctx = first_figure(upstream("Jets killed 9 people in Ariha."))
    assert speakers.publisher(fig, reading, ctx) is None


@pytest.mark.parametrize("step, text, figure, expected", [
    ("included", "Police arrested nine ISIS members, including two women, near Kirkuk.", 2, None),
    ("counted_phrase", "Troops killed 30 ISIS militants near Hajin.", 30, "ISIS"),
    ("loser", "ISIS lost 20 square kilometres near Hajin.", 20, "ISIS"),
    ("holder", "Some 50 square kilometres remain under ISIS control.", 50, "ISIS"),
    ("taken_from", "The SDF took 65 square kilometres from ISIS.", 65, "ISIS"),
    ("own_people", "The SDF said 29 of its fighters were wounded.", 29, "SDF"),
    ("sender", "The Syrian army sent 300 soldiers to Deir ez-Zor.", 300, "SAA"),
    ("state_people", "The Iraqi army said two soldiers were wounded near Rawa.", 2, "ISF"),
    ("recent_armed", "ISIS still holds the village. About 300 militants remain inside.", 300, "ISIS"),
    ("main_armed_group", "ISIS fighters attacked the post. ISIS gunmen then fled.\n\nAbout 30 militants died.", 30,
     "ISIS"),
])
def test_each_subject_step_alone(upstream, step, text, figure, expected):
    fig, reading, ctx = first_figure(upstream(text), figure)
    found = sides.SUBJECT_STEPS[step](fig, reading, ctx)
    assert is_actor(found, expected), (found, actor_names(found))


def test_the_sibling_step_takes_the_side_counted_before(upstream):
    analysis = upstream("Two Iraqi soldiers were killed near Rawa. Three others were wounded.")
    claims = extract_claims(analysis)
    assert claims[1].subject == claims[0].subject is not None


@pytest.mark.parametrize("step, text, figure, expected", [
    ("by_agent", "Nine farmers were killed by ISIS near Kirkuk.", 9, "ISIS"),
    ("gainer", "ISIS lost 20 square kilometres to the SDF.", 20, "SDF"),
    ("doer", "The SDF killed 14 ISIS fighters near Hajin.", 14, "SDF"),
    ("when_clause", "Seven policemen were killed when ISIS militants stormed their post.", 7, "ISIS"),
    ("attack_owner", "The toll of the Turkish assault on the town reached 52 civilians killed.", 52, "Turkey"),
    ("responsibility", "A bomb killed 12 people in Kirkuk. ISIS claimed responsibility for the attack.", 12, "ISIS"),
    ("speaker_did_it", "The SDF said they killed 14 ISIS fighters near Hajin.", 14, "SDF"),
    ("state_arrest", "The raid in Kirkuk led to the arrest of five people.", 5, "ISF"),
    ("main_armed_group", "ISIS fighters attacked the post. ISIS gunmen then fled.\n\nSome 9 guards were killed.", 9,
     "ISIS"),
    ("recent_armed", "ISIS fighters attacked the post and 9 soldiers were killed.", 9, "ISIS"),
])
def test_each_agent_step_alone(upstream, step, text, figure, expected):
    fig, reading, ctx = first_figure(upstream(text), figure)
    ctx.subjects[fig.segment.index] = "nobody"  # the speaker's own side is counted elsewhere
    found = sides.AGENT_STEPS[step](fig, reading, ctx)
    assert is_actor(found, expected), (found, actor_names(found))


def test_steps_switched_off_in_the_settings_find_nothing(upstream):
    analysis = upstream("The Malian army said 12 rebels were captured near Kidal.")
    every = extract_claims(analysis)
    assert every[0].claimant is not None
    silent = dataclasses.replace(claims_settings(), claimant_steps=("headline",))
    assert extract_claims(analysis, cfg=silent)[0].claimant is None


def test_the_order_of_steps_decides(upstream):
    analysis = upstream("According to witnesses, the Malian army said 12 rebels were captured near Kidal.")
    first = dataclasses.replace(claims_settings(), claimant_steps=("attribution_phrase", "reporting_subject"))
    second = dataclasses.replace(claims_settings(), claimant_steps=("reporting_subject", "attribution_phrase"))
    names = [extract_claims(analysis, cfg=c)[0].claimant for c in (first, second)]
    assert names[0] != names[1]


def test_an_unknown_step_fails_at_start_up_naming_it():
    with pytest.raises(SettingsError, match="attribution_fraze"):
        check_settings(ClaimsSettings(claimant_steps=("attribution_fraze",)))


def test_the_settings_file_holds_every_step_and_no_unknown_key():
    cfg = claims_settings()
    check_settings(cfg)
    assert set(cfg.claimant_steps) == set(speakers.STEPS)
    assert set(cfg.subject_steps) == set(sides.SUBJECT_STEPS)
    assert set(cfg.agent_steps) == set(sides.AGENT_STEPS)
    with pytest.raises(SettingsError, match="typo"):
        build(ClaimsSettings, {"typo": 1}, "stages.claims")
