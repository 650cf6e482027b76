"""Events stage: ACLED's actor 1 / actor 2 conventions on sentences written for these tests.

Actor 1 is the side that acts; the side attacked, hit or killed is actor 2; an unnamed attacker is
not whoever else the sentence happens to name. Places and dates are attached by hand as in
tests/stages/test_events.py.
"""

# ruff: noqa: F811  (the fixtures imported from tests/stages/test_events.py are parameters here)
from __future__ import annotations

from datetime import date

from tests.stages.test_events import events_of, name, only, parse  # noqa: F401  (fixtures)
from thucydides.model import Analysis, Document, Interval


def test_the_side_attacked_in_the_passive_is_actor_2(events_of):
    e = only(events_of("SDF fighters were attacked by ISIS militants near Hajin."))
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Armed clash", "ISIS", "SDF")


def test_fighters_holding_positions_parsed_as_a_clause_are_still_the_side_attacked(events_of):
    e = only(events_of("On Monday, SDF fighters holding positions outside Hajin were attacked by ISIS militants."))
    assert (e.actor1, e.actor2) == ("ISIS", "SDF")


def test_an_actor_at_the_target_of_a_bomb_is_actor_2_not_the_bomber(events_of):
    e = only(events_of("A car bomb exploded at an SDF checkpoint in Raqqa, wounding three fighters."))
    assert e.sub_event_type == "Remote explosive/landmine/IED"
    assert name(e.actor1) == "Unidentified Armed Group (Syria)" and e.actor2 == "SDF"  # ACLED's unnamed bomber


def test_those_killed_when_a_bomb_exploded_are_actor_2(events_of):
    e = only(events_of("Three PMF fighters were killed when a roadside bomb exploded near their truck in Tikrit."))
    assert e.actor2 == "PMF" and e.actor1 != "PMF"


def test_civilians_killed_when_warplanes_struck_are_actor_2(events_of):
    e = only(events_of("Residents reported the death of four civilians when Russian warplanes struck Saraqib."))
    assert (e.sub_event_type, e.actor1, name(e.actor2)) == ("Air/drone strike", "Russia", "Civilians (Syria)")


def test_a_nationality_or_regime_modifier_names_the_side_acting(events_of):
    assert only(events_of("Russian air strikes hit a market in Saraqib.")).actor1 == "Russia"
    shelling = only(events_of("Syrian artillery shelled Saraqib on Tuesday."))
    assert str(name(shelling.actor1)).startswith("Military Forces of Syria")


def test_an_actor_describing_a_place_is_no_side(events_of):
    e = only(events_of("Near the ISIS-held pocket, regime troops were attacked by HTS fighters in Saraqib."))
    assert (e.actor1, e.actor2) == ("HTS", "SAA")


def test_an_attacker_named_only_in_another_clause_is_not_guessed(events_of):
    events = events_of("Gunmen shot dead two farmers in Manbij, while the SDF continued to search the desert.")
    e = only(events)
    assert e.sub_event_type == "Attack" and e.actor1 != "SDF" and name(e.actor2) == "Civilians (Syria)"
    assert name(e.assoc_actor2) == "Farmers (Syria)"  # ACLED: civilians, the farmers associated


def test_a_pronoun_points_to_the_subject_named_before_with_its_modifiers(events_of):
    text = ("The Turkish occupation army keeps targeting the border. The occupation army has hit farms for months. "
            "On Sunday, it fired mortar shells at Tal Rifaat.")
    e = only(events_of(text))
    assert (e.sub_event_type, e.actor1) == ("Shelling/artillery/missile attack", "Turkey")




def test_a_raid_with_arrests_is_the_arrest_where_the_raid_went(events_of):
    e = only(events_of("The SDF arrested four men during a raid on the town of Hajin."))
    assert (e.sub_event_type, e.actor1, e.place) == ("Abduction/forced disappearance", "SDF", "hajin")  # non-state


def test_looting_by_unnamed_gunmen_is_coded(events_of):
    e = only(events_of("Masked gunmen broke into shops in Manbij and stole cash."))
    assert (e.event_type, e.sub_event_type) == ("Strategic developments", "Looting/property destruction")


def test_a_crowd_gathering_to_denounce_is_a_protest(events_of):
    e = only(events_of("Hundreds of residents gathered in Raqqa to denounce the shelling of their villages."))
    assert e.sub_event_type == "Peaceful protest"


def test_the_background_of_an_arrested_man_is_no_event(events_of):
    e = only(events_of("Police arrested a man in Mosul who had fought for ISIS in the old city."))
    assert e.sub_event_type == "Arrests"


def test_a_dateline_neither_dates_nor_places_the_story(events_of):
    text = "MOSUL, May 7, 2019 (Wire) - Warplanes bombed ISIS hideouts in Tikrit on Monday."
    times = {"May 7, 2019": (Interval(date(2019, 5, 7), date(2019, 5, 7)), 1),
             "Monday": (Interval(date(2019, 5, 6), date(2019, 5, 6)), 1)}
    e = only(events_of(text, times))
    assert e.place == "tikrit" and e.date is not None and e.date.start == date(2019, 5, 6)


def test_before_dawn_on_a_day_is_that_day(events_of):
    text = "Before dawn on Sunday, ISIS militants attacked SDF positions in Hajin."
    e = only(events_of(text, {"Sunday": (Interval(date(2018, 12, 9), date(2018, 12, 9)), 1)}))
    assert e.date is not None and e.date.start == date(2018, 12, 9)


def test_an_outlet_or_monitor_is_never_a_side_of_the_event(events_of):
    e = only(events_of("Survivors spoke to Reuters on Monday. They said they attacked the village of Hajin, killing "
                       "five people."))
    assert "Reuters" not in (e.actor1, e.actor2)
    e = only(events_of("Human Rights Watch researchers said they attacked the village of Hajin on Monday, killing five "
                       "people."))
    assert "HRW" not in (e.actor1, e.actor2)


def test_a_clause_without_a_doer_was_done_by_the_doer_of_the_clause_it_hangs_on(events_of):
    e = only(events_of("ISIS fighters shelled Hajin on Monday, as a result of which several houses were destroyed."))
    assert e.actor1 == "ISIS"


def test_the_doer_of_an_action_named_in_a_phrase_is_actor_1(events_of):
    e = only(events_of("Two SDF fighters were killed on Monday following an ambush by ISIS militants near Hajin."))
    assert (e.actor1, e.actor2) == ("ISIS", "SDF")
    e = only(events_of("Three SDF fighters were killed on Monday during clashes with ISIS militants near Hajin."))
    assert (e.actor1, e.actor2) == ("ISIS", "SDF")


def test_a_bracket_after_an_unnamed_attacker_says_who_it_was(events_of):
    e = only(events_of("On Monday, armed men on motorbikes (believed to be ISIS militants) shot dead a shepherd "
                       "near Mosul."))
    assert e.actor1 == "ISIS"
    e = only(events_of("Masked gunmen, travelling in two pickups (thought to be ISIS), attacked a farm near Mosul."))
    assert e.actor1 == "ISIS"


def test_a_bracket_after_another_actor_or_verb_is_not_about_the_attacker(events_of):
    e = only(events_of("Gunmen ambushed a patrol of the police (the PMF) near Mosul on Monday."))
    assert e.actor1 != "PMF"


def test_a_named_group_beats_the_vague_noun_it_modifies(events_of):
    e = only(events_of("Suspected ISIS gunmen stormed a checkpoint near Tikrit on Tuesday."))
    assert e.actor1 == "ISIS"


def test_whoever_planted_a_bomb_owns_it(events_of):
    e = only(events_of("A roadside bomb planted by ISIS militants exploded near Tikrit, killing two soldiers."))
    assert e.actor1 == "ISIS"


def test_a_label_before_a_colon_names_no_side(parse):
    from thucydides.events.roles import in_label

    doc = parse([Analysis(Document.from_text("Troop movements: on Friday, rebels reached the river.",
                                             name="t.txt"))])[0].spacy_doc
    assert doc is not None
    assert in_label(doc[1]) and not in_label(doc[7])
    said = parse([Analysis(Document.from_text("The army said: rebels reached the river.", name="t.txt"))])[0]
    assert said.spacy_doc is not None and not in_label(said.spacy_doc[1])


def test_named_actors_give_the_country_where_no_place_does():
    from thucydides.ling.context import actors_country
    from thucydides.model import ActorMention

    mentions = [ActorMention(0, 9, "marchers", "protesters", generic=True),
                ActorMention(20, 23, "KANU", "kanu", country="KE"),
                ActorMention(30, 34, "NASA", "nasa", country="US"),
                ActorMention(40, 44, "KANU", "kanu", country="KE")]
    assert actors_country(mentions) == "KE"
    assert actors_country(mentions[:1]) is None
    assert actors_country([mentions[2], mentions[1]]) == "US"  # a tie: the first named


def test_a_name_read_as_an_auxiliary_still_does_the_deed(events_of):
    e = only(events_of("On Monday, IS militants attacked an army checkpoint near Tikrit."))
    assert e.actor1 == "ISIS" and "actor1 by doers" in e.notes


def test_a_passive_shares_the_agent_of_the_verb_coordinated_with_it(events_of):
    e = only(events_of("A shepherd was shot and wounded by Taliban fighters near Mosul on Friday."))
    assert e.actor1 == "taliban" and "actor1 by doers" in e.notes


def test_a_fight_between_two_sides_named_in_a_prepositional_phrase(events_of):
    e = only(events_of("A fighter died on Sunday during a gunfight between the SDF and ISIS near Hajin."))
    assert (e.actor1, e.actor2) == ("SDF", "ISIS")


def test_a_clause_without_a_doer_goes_on_telling_the_sentence_before(events_of):
    events = events_of("Turkish soldiers fired at a crowd near Tal Rifaat on Monday. Two farmers were killed.")
    assert events and all(name(e.actor1) == "Military Forces of Turkey (2016-)" for e in events)
    paragraphs = events_of("Turkish soldiers fired at a crowd near Tal Rifaat on Monday.\n\nTwo farmers were killed.")
    assert any(name(e.actor1) != "Military Forces of Turkey (2016-)" for e in paragraphs)


def test_a_militia_named_by_its_people_and_militia_alone(events_of):
    from thucydides.knowledge.actors import actor_base, militia_variants

    assert "murle militiamen" in militia_variants("Murle Ethnic Militia (South Sudan)")
    assert militia_variants("Unidentified Communal Militia (Kenya)") == []
    e = only(events_of("Murle militiamen abducted two boys near Mosul on Tuesday."))
    family = actor_base().get(e.actor1)
    assert family is not None and family.name.startswith("Murle Ethnic Militia")


def test_an_unnamed_attacker_is_the_family_acled_uses_in_the_country():
    from thucydides.learn.unnamed_actors import UnnamedSettings, learn

    rows = [{"actor1": a, "country": "Haiti", "event_type": "Violence against civilians"}
            for a in ["Unidentified Gang (Haiti)"] * 4 + ["Unidentified Armed Group (Haiti)", "Police Forces of Haiti"]]
    rows += [{"actor1": "Unidentified Armed Group (Kenya)", "country": "Kenya", "event_type": "Battles"}] * 9
    learned = learn(rows, UnnamedSettings(min_support=5, min_share=0.5))
    assert [(u.country, u.event_type, u.family, u.support) for u in learned] == [
        ("HT", "Violence against civilians", "Unidentified Gang", 5)]
    assert not learn(rows, UnnamedSettings(min_support=6, min_share=0.5))


def test_the_unnamed_family_is_learned_from_notes_no_cue_word_decides():
    from thucydides.learn.unnamed_actors import UnnamedSettings, learn

    cued = {"actor1": "Unidentified Gang (Haiti)", "country": "Haiti", "event_type": "Violence against civilians",
            "notes": "Gang members shot a driver at a market."}
    plain = {**cued, "actor1": "Unidentified Armed Group (Haiti)", "notes": "Armed men shot a driver at a market."}
    rows = [cued] * 4 + [plain] * 3
    every = UnnamedSettings(min_support=5, min_share=0.5, skip_cued=False)
    assert [u.family for u in learn(rows, every)] == ["Unidentified Gang"]
    assert learn(rows, UnnamedSettings(min_support=3, min_share=0.5, skip_cued=True)) == []  # the armed group's


def test_the_default_actor1_follows_the_learned_family(events_of):
    from thucydides.events.actorbase import ActorBase

    assert ActorBase().member_named("Unidentified Gang", "HT") == "unidentified-gang-haiti"
    assert ActorBase().member_named("No Such Family", "HT") is None
    e = only(events_of("Two shopkeepers were shot dead near Mosul on Monday."))
    assert name(e.actor1) == "Unidentified Armed Group (Iraq)"  # no learned family for this event type there


def test_unnamed_attackers_named_in_the_text_are_the_family_acled_uses_in_the_country(events_of):
    from thucydides.knowledge.unnamed import unnamed_actors

    family = unnamed_actors().get(("IQ", "Battles"))
    e = only(events_of("Unidentified men clashed with soldiers near Mosul on Monday."))
    assert e.event_type == "Battles"
    expected = f"{family} (Iraq)" if family else "Unidentified Armed Group (Iraq)"
    assert name(e.actor1) == expected  # as if no attacker were named at all
    e = only(events_of("Two shopkeepers were shot dead by gang members near Mosul on Monday."))
    assert name(e.actor1) == "Unidentified Armed Group (Iraq)"  # no learned family for attacks there


def test_a_demonym_before_an_armed_noun_the_parse_made_a_modifier_names_that_countrys_forces(events_of):
    e = only(events_of("A Turkish sniper shot and killed a farmer near Tal Rifaat on Sunday."))
    assert name(e.actor1).startswith("Military Forces of Turkey")
    assert name(e.actor2) == "Civilians (Syria)"


def test_of_sides_named_together_the_first_named_is_actor_1(events_of):
    e = only(events_of("Clashes between Konkomba and Bimoba militias left two people dead in Hajin."))
    assert (name(e.actor1), name(e.actor2)) == ("Konkomba Ethnic Militia (Ghana)", "Bimoba Ethnic Militia (Ghana)")


def test_security_guards_are_private_security_forces(events_of):
    e = only(events_of("A security guard shot dead a trader outside a bank in Raqqa on Sunday."))
    assert (e.event_type, name(e.actor1)) == ("Violence against civilians", "Private Security Forces (Syria)")


def test_the_side_repelled_attacked_and_is_actor_1(events_of):
    e = only(events_of("ISIS militants were repelled by SDF fighters near Hajin on Friday."))
    assert (e.event_type, e.actor1, e.actor2) == ("Battles", "ISIS", "SDF")


def test_the_owner_of_a_repulsed_attack_is_actor_1_not_the_repeller(events_of):
    e = only(events_of("SDF fighters repulsed the attack of ISIS militants near Hajin on Friday."))
    assert (e.event_type, e.actor1, e.actor2) == ("Battles", "ISIS", "SDF")


def test_their_attack_repulsed_stands_for_the_side_named_before_not_the_repeller(events_of):
    e = only(events_of("Three ISIS militants were killed when SDF fighters repulsed their attack near Hajin."))
    assert (e.actor1, e.actor2) == ("ISIS", "SDF")


def test_a_pronoun_repelled_is_the_side_that_moved_in_the_sentence_before(events_of):
    events = events_of("ISIS militants moved towards Hajin on Friday. They were repelled by SDF fighters near Hajin.")
    assert [e.actor1 for e in events] == ["ISIS"]


def test_the_side_fought_after_a_thwarting_verb_is_actor_1(events_of):
    e = only(events_of("SDF fighters thwarted and clashed with ISIS militants near Hajin on Friday."))
    assert (e.actor1, e.actor2) == ("ISIS", "SDF")


def test_an_attack_repelled_without_its_doer_was_made_by_the_side_that_attacked_before(events_of):
    events = events_of("ISIS militants attacked an SDF checkpoint near Hajin on Friday. The attack was repelled.")
    assert [(e.actor1, e.actor2) for e in events] == [("ISIS", "SDF")]


def test_the_agent_of_an_ambush_that_wounded_and_killed_is_actor_1(events_of):
    e = only(events_of("Two SDF fighters were killed and four were wounded following an ambush by ISIS militants "
                       "near Hajin."))
    assert (e.actor1, e.actor2) == ("ISIS", "SDF")


def test_the_group_that_claimed_an_attack_told_without_its_doer_is_actor_1(events_of):
    e = only(events_of("Gunmen killed two farmers near Manbij on Monday. ISIS later claimed responsibility for it."))
    assert (e.event_type, e.actor1) == ("Violence against civilians", "ISIS")


def test_a_claim_does_not_replace_a_named_attacker(events_of):
    events = events_of("SDF fighters killed two ISIS militants near Hajin on Monday. ISIS claimed responsibility "
                       "for a bombing in Raqqa.")
    assert [e.actor1 for e in events if e.place == "hajin"] == ["SDF"]


def test_who_planted_a_device_run_into_is_actor_1_and_who_ran_into_it_actor_2(events_of):
    e = only(events_of("An SDF vehicle struck an IED planted by ISIS militants near Hajin, wounding two fighters."))
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Remote explosive/landmine/IED", "ISIS", "SDF")
    unnamed = only(events_of("A civilian car hit a landmine near Manbij, killing two people."))
    assert (name(unnamed.actor1), name(unnamed.actor2)) == ("Unidentified Armed Group (Syria)", "Civilians (Syria)")


def test_a_name_in_apposition_says_who_the_group_is(events_of):
    """'the militant group X' names its actor after the head: no earlier actor is taken for 'the group'."""
    text = ("Somali troops patrolled the market of Kismayo on Monday. Gunmen stormed a hotel in Kismayo on "
            "Tuesday, killing four guests. The Islamist group al-Shabaab claimed responsibility for the raid.")
    claimed = [e for e in events_of(text) if e.sub_event_type in {"Attack", "Armed clash"}]
    assert claimed and name(claimed[0].actor1) != "Military Forces of Somalia"
    assert any(name(e.actor1) == "Al Shabaab" for e in claimed)


def test_people_arrested_unnamed_are_civilians_and_no_civilian_targeting(events_of):
    """ACLED codes most arrests with civilians as actor 2, and never flags an arrest as civilian targeting."""
    e = only(events_of("Police arrested a man in Bulawayo on Monday over a post criticising the president."))
    assert e.sub_event_type == "Arrests" and str(name(e.actor2)).startswith("Civilians")
    assert not e.civilian_targeting


def test_strikes_of_a_list_item_belong_to_the_side_said_to_conduct_them(events_of):
    text = ("On Monday, Coalition military forces conducted nine strikes against ISIL fighters in Syria.\n\n"
            "Near Raqqa, four strikes hit an ISIL unit and killed five of its fighters in their trench.\n"
            "Near Palmyra, two strikes hit an ISIL mortar team and killed three of its members at dawn.\n"
            "Near Manbij, three strikes hit an ISIL checkpoint and killed two fighters guarding the road.\n")
    items = [e for e in events_of(text) if e.evidence[0].text.startswith("Near")]
    assert len(items) >= 2 and all(name(e.actor1) == "Global Coalition Against Daesh" for e in items), items


def test_a_verb_with_a_by_agent_is_passive_though_its_auxiliary_sits_on_the_verb_before(events_of):
    e = only(events_of("On Sunday a PMF commander was struck and killed by Turkish drones near Mosul."))
    assert (e.actor1, e.actor2) == ("Turkey", "PMF"), e


def test_gang_words_name_the_gang_only_where_acled_codes_gangs(events_of, monkeypatch):
    from tests.stages.test_events import PLACES
    from thucydides.model import Place

    monkeypatch.setitem(PLACES, "San Pedro Sula",
                        Place("sanpedrosula", "San Pedro Sula", 15.5, -88.03, "populated_place", "HN", "Cortes"))
    e = only(events_of("Gang members shot dead a bus driver in San Pedro Sula on Monday."))
    assert name(e.actor1) == "Unidentified Gang (Honduras)"
    e = only(events_of("Two gunmen on a motorbike shot dead a bus driver in San Pedro Sula on Monday. Police said the "
                       "driver had refused to pay extortion to a local gang."))
    assert name(e.actor1) == "Unidentified Gang (Honduras)"  # the paragraph's words name the gang
    e = only(events_of("Gunmen shot dead a bus driver in San Pedro Sula on Monday."))
    assert name(e.actor1) == "Unidentified Armed Group (Honduras)"


def test_a_protest_met_by_counter_protesters_has_protesters_on_both_sides(events_of):
    e = only(events_of("Hundreds of people protested against the curfew in Raqqa on Friday. A smaller group of "
                       "counter-protesters gathered across the square."))
    assert e.event_type == "Protests"
    assert name(e.actor1) == "Protesters (Syria)" and name(e.actor2) == "Protesters (Syria)"
    e = only(events_of("Hundreds of people protested against the curfew in Raqqa on Friday."))
    assert e.actor2 is None


def test_the_force_that_stepped_in_is_actor_2_before_an_office_named_earlier(events_of):
    e = only(events_of("Students protested outside the government headquarters in Raqqa on Monday, and police "
                       "fired tear gas to disperse them."))
    assert e.sub_event_type == "Protest with intervention"
    assert name(e.actor2) == "Police Forces of Syria"  # not the Government of Syria its building names
