"""A checklist of news attribution (issues 8/9): who says a figure, who did it, whose people it counts, across
the ways outlets tell it ("X said", "according to X", "X told Reuters", "X, a spokesman for Y, said", quotes with
the speaker after, a teller named a sentence before, state media, monitors, passive telling). Sentences we wrote,
with real conflicts' names as facts; each role is what a careful reader would key (actor names as the export
gives them).
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

from tests.conftest import actor_names, is_actor
from thucydides.model import Claim

SKIP = "<not checked>"
"""A role this line does not test (the construction is about another role)."""
SOURCE = "<some source>"
"""A source the text names by a noun the actor lists need not know ("monitors"): any claimant, not the outlet."""


class Line(NamedTuple):
    text: str
    figure: float
    claimant: str | tuple[str, ...] | None
    agent: str | tuple[str, ...] | None = SKIP
    subject: str | tuple[str, ...] | None = SKIP
    gap: str = ""
    """Why a line still fails (it is expected to fail until that is settled)."""


CHECKLIST = [
    # "X said", the teller first
    Line("The Nigerian army said 12 Boko Haram fighters were killed in a raid near Maiduguri on Tuesday.", 12,
         "Military Forces of Nigeria", "Military Forces of Nigeria", "Boko Haram"),
    Line("The Sudanese health ministry says 61 civilians have been killed in El Fasher since Sunday.", 61,
         "Ministry of Health of Sudan", None, "Civilians (Sudan)"),
    Line("Officials in Kabul said 17 civilians were wounded in the blast.", 17,
         "Government of Afghanistan", None, "Civilians (Afghanistan)"),
    Line("Human Rights Watch said Ethiopian forces killed 60 civilians in Amhara.", 60,
         "Human Rights Watch", "Military Forces of Ethiopia", "Civilians (Ethiopia)"),
    Line("Nigerian police said gunmen abducted 30 students from a school in Kaduna.", 30,
         "Police Forces of Nigeria", "Unidentified Armed Group (Nigeria)", "Civilians (Nigeria)"),
    Line("The Haitian police said gang members killed 12 people in Port-au-Prince.", 12,
         "Police Forces of Haiti", SKIP, "Civilians (Haiti)"),
    Line("Hamas said 35 Palestinians were killed in Israeli strikes on Rafah overnight.", 35,
         ("Hamas Movement", "Hamas"), "Military Forces of Israel", SKIP),
    # a side telling its own deeds: its pronoun is the agent
    Line("The BLA said its fighters killed 18 Pakistani soldiers in the attack in Turbat.", 18,
         "BLA", "BLA", "Military Forces of Pakistan"),
    Line("Pakistan's military said its troops killed 10 militants in North Waziristan.", 10,
         "Military Forces of Pakistan", "Military Forces of Pakistan", SKIP),
    Line("The Israeli military said it had killed 20 Hamas fighters in Khan Younis.", 20,
         "Military Forces of Israel", "Military Forces of Israel", "Hamas Movement"),
    Line("Russia's defense ministry claimed its forces killed 300 Ukrainian soldiers near Avdiivka.", 300,
         ("Military Forces of Russia", "Ministry of Defence of Russia", "Government of Russia"),
         ("Military Forces of Russia",), "Military Forces of Ukraine"),
    Line("The Taliban said they captured 15 Pakistani soldiers near the border.", 15,
         "Taliban", "Taliban", "Military Forces of Pakistan"),
    # "according to X"
    Line("According to the Kenyan police, 7 people were arrested after the attack in Mandera.", 7,
         "Police Forces of Kenya"),
    Line("The Myanmar military detained 120 protesters in Yangon on Saturday, according to local media.", 120,
         "Local media (Myanmar)", "Military Forces of Myanmar", "Protesters (Myanmar)"),
    # "X told <outlet>": the outlet only carries it
    Line("Somalia's information minister told Reuters that 30 al-Shabaab militants were killed in an airstrike "
         "near Jilib.", 30, "Government of Somalia", SKIP, "Al Shabaab"),
    Line("Residents told AFP that 19 villagers were killed by gunmen near Djibo.", 19,
         "Residents", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"),
    Line("Medics at the hospital told VOA that 25 wounded people had been brought in.", 25, "Medics"),
    Line("Jama'at Nusrat al-Islam wal-Muslimin fighters blocked the road to Bamako for a week. The group told the "
         "Associated Press that 12 of its members had been detained by the police.", 12,
         "Jama'at Nusrat al-Islam wal-Muslimin", "Police Forces of Mali", "Jama'at Nusrat al-Islam wal-Muslimin"),
    # "X, a spokesman for Y, said": Y speaks
    Line("Abdi Hassan, a spokesman for the Somali army, said 9 soldiers were wounded in the ambush near Baidoa.", 9,
         "Military Forces of Somalia", None, "Military Forces of Somalia"),
    # "Y's ministry said in a statement"
    Line("Pakistan's interior ministry said in a statement that 14 policemen were killed in the attack in Quetta.",
         14, ("Government of Pakistan", "Ministry of Interior of Pakistan"), None, "Police Forces of Pakistan",
         gap="actors.yaml office_generics reads an interior ministry as its country's police (shared with events)"),
    Line("The ICRC said in a statement on Wednesday that 70 detainees had been released in Yemen.", 70,
         "International Committee of the Red Cross"),
    # the teller after the figure
    Line("At least 14 people were killed in an explosion at a market in Mogadishu, police said.", 14,
         "Police Forces of Somalia", None, "Civilians (Somalia)"),
    Line("Ten soldiers were killed in an ambush in northern Burkina Faso, the army said on Friday.", 10,
         "Military Forces of Burkina Faso", None, "Military Forces of Burkina Faso"),
    Line("The attack killed 16 civilians, the UN refugee agency said.", 16, ("UNHCR", "United Nations")),
    Line("Fighting between the army and the RSF has displaced more than 2,000 families in Darfur, the International "
         "Organization for Migration said.", 2000, "International Organization for Migration"),
    Line("French troops killed 15 jihadists in Mali, the French defence ministry said.", 15,
         ("Military Forces of France", "Ministry of Defence of France", "Government of France"),
         "Military Forces of France"),
    # media, reports, monitors
    Line("State media reported that 40 people were killed when the Russian missile struck Kharkiv.", 40,
         SOURCE, "Military Forces of Russia", "Civilians (Ukraine)"),
    Line("Somali police gave no toll, but local media reports say 11 people died in the bombing in Kismayo.", 11,
         "Local media (Somalia)"),
    Line("A regional rights office and Amnesty International estimate that 900 people were detained in Minsk.", 900,
         "Amnesty International"),
    Line("A U.N. rights office and groups such as Amnesty International estimate that 900 people have been "
         "detained in camps in Xinjiang.", 900, ("Amnesty International", "OHCHR", "United Nations")),
    Line("According to the Armed Violence Monitor 2024, rebel groups carried out 300 attacks in Cameroon last year. "
         "According to the report, the attacks killed 450 people.", 450, "Armed Violence Monitor"),
    Line("A United Nations report found that 3,000 civilians were killed in Myanmar last year.", 3000,
         "United Nations", None, "Civilians (Myanmar)"),
    Line("The Syrian Observatory for Human Rights estimated that 80 fighters were killed in the clashes around "
         "Idlib.", 80, "Syrian Observatory for Human Rights"),
    Line("Monitors estimate that 500 people have been killed in the fighting in Tigray.", 500,
         SOURCE, None, "Civilians (Ethiopia)"),
    Line("It was reported by Amnesty International that 200 prisoners were tortured and 15 were killed in Sednaya.",
         15, "Amnesty International"),
    # claims of responsibility
    Line("Al-Shabaab claimed responsibility for the attack, saying it killed 25 Kenyan soldiers in Lamu.", 25,
         "Al Shabaab", "Al Shabaab", "Military Forces of Kenya"),
    # who claims an attack owns the deed; the toll is the outlet's own
    Line("The Islamic State group claimed the bombing, which killed 22 people in Kabul.", 22,
         None, "Islamic State", "Civilians (Afghanistan)"),
    Line("Two bombings claimed by the Islamic State group killed 35 people in Jalalabad on Sunday.", 35,
         None, "Islamic State", "Civilians (Afghanistan)"),
    Line("The Islamic State group claimed the killing of 9 Afghan soldiers in Kunar.", 9,
         "Islamic State", "Islamic State", "Military Forces of Afghanistan"),
    # quotations, the speaker after, and first-person sides
    Line("\u201cWe lost 11 men in the fighting near Bakhmut,\u201d said a Ukrainian commander.", 11,
         "Military Forces of Ukraine", SKIP, "Military Forces of Ukraine"),
    Line("\u201cOur forces captured 45 Russian soldiers near Kupiansk,\u201d Ukrainian army spokesman Oleksandr "
         "Shtupun said.", 45, "Military Forces of Ukraine", "Military Forces of Ukraine", "Military Forces of Russia"),
    Line("Colonel Mamadou Diarra, the spokesman of the Malian army, met reporters in Mopti. \u201cThe terrorists "
         "kidnapped 8 teachers,\u201d he said.", 8, "Military Forces of Mali", SKIP, "Civilians (Mali)"),
    # the teller named in the sentence before
    Line("Police spokesman John Okello briefed reporters in Kampala on Monday. He said 8 suspects were arrested.", 8,
         "Police Forces of Uganda"),
    Line("Boko Haram released a video on Sunday. In it, the group's leader said his fighters had killed 40 Nigerian "
         "soldiers.", 40, "Boko Haram", "Boko Haram", "Military Forces of Nigeria"),
    # outlets' other habits: citing, channels, a statement opening the sentence, anonymous officials, "adding"
    Line("The Xinhua news agency, citing local officials, said 27 people were killed in the attack in Papua.", 27,
         ("Xinhua", "Xinhua news agency")),
    Line("In a statement, the Malian army said it had killed 31 terrorists near Menaka.", 31,
         "Military Forces of Mali", "Military Forces of Mali"),
    Line("A senior security official, who asked not to be named, told AFP that 6 soldiers were killed in the attack "
         "in Diffa.", 6, ("Government of Niger", "Military Forces of Niger"), SKIP, "Military Forces of Niger"),
    Line("Security sources said 9 policemen were abducted by gunmen in Zamfara.", 9,
         SOURCE, "Unidentified Armed Group (Nigeria)", "Police Forces of Nigeria"),
    Line("Nine people were killed and 20 wounded, Lebanon's health ministry said, adding that the toll could rise.",
         20, "Ministry of Health of Lebanon", SKIP, "Civilians (Lebanon)"),
    Line("Israel's military said on Telegram that 3 of its soldiers were killed in southern Lebanon.", 3,
         "Military Forces of Israel", SKIP, "Military Forces of Israel"),
    Line("The Pentagon said U.S. strikes killed 7 Houthi fighters in Yemen.", 7,
         ("Military Forces of the United States", "Government of the United States"),
         "Military Forces of the United States"),
    Line("Ukraine's general staff said Russian forces lost 1,200 soldiers in the past day.", 1200,
         "Military Forces of Ukraine", SKIP, "Military Forces of Russia"),
    # two tellers: the first speaks, and neither did it
    Line("The Ethiopian government and the Tigray People's Liberation Front said 50 people were killed in Mekele.",
         50, ("Government of Ethiopia", "TPLF"), None, "Civilians (Ethiopia)"),
    Line("Witnesses said at least 23 protesters were shot dead by security forces in Khartoum.", 23,
         "Witnesses", SKIP, "Protesters (Sudan)"),
    Line("Iraqi security sources said 4 soldiers were killed in an Islamic State attack near Kirkuk.", 4,
         ("Military Forces of Iraq", "Government of Iraq"), "Islamic State", "Military Forces of Iraq"),
]


def _claim_of(claims: list[Claim], figure: float) -> Claim:
    found = [c for c in claims if figure in (c.low, c.high)]
    assert found, [(c.metric, c.low, c.high) for c in claims]
    return found[0]


def _matches(actor: str | None, expected: str | tuple[str, ...] | None) -> bool:
    if expected == SKIP:
        return True
    if expected == SOURCE:
        return actor is not None
    names = expected if isinstance(expected, tuple) else (expected,)
    return any(is_actor(actor, n) for n in names)


def _shown(actor: str | None) -> list[str]:
    return sorted(actor_names(actor))[:3]


def _cases() -> list:
    return [pytest.param(line, id=f"{k:02d}", marks=[pytest.mark.xfail(strict=True, reason=line.gap)] * bool(line.gap))
            for k, line in enumerate(CHECKLIST)]


@pytest.mark.parametrize("line", _cases())
def test_attribution_checklist(parse_claims, line: Line):
    c = _claim_of(parse_claims(line.text).claims, line.figure)
    assert _matches(c.claimant, line.claimant), ("claimant", _shown(c.claimant))
    assert _matches(c.agent, line.agent), ("agent", _shown(c.agent))
    assert _matches(c.subject, line.subject), ("subject", _shown(c.subject))
