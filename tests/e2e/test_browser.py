"""The UI in a real browser: the map draws, the time slider moves it, a click shows the highlighted evidence."""

from __future__ import annotations

from datetime import date

import pytest

from tests.browser import find_browser, open_ui, start_browser, wait_for
from tests.e2e.test_serve import TEXTS, _seed
from thucydides.model import Analysis, Document, Event, Evidence, Interval, Place, Toponym
from thucydides.serve.server import Server
from thucydides.store.db import Store

pytestmark = pytest.mark.slow

CAPTURE = "Fighters of the SDF took the town of Hajin from ISIS on 14 December 2018 after weeks of fighting."


@pytest.fixture(scope="module")
def driver():
    found = find_browser()
    if isinstance(found, str):
        pytest.skip(found)
    browser = start_browser()
    yield browser
    browser.quit()


@pytest.fixture
def ui(tmp_path):
    store = Store(tmp_path / "ui.db")
    _seed(store)
    doc = Document.from_text(CAPTURE, name="capture.txt", published=Interval(date(2018, 12, 15), date(2018, 12, 15)))
    hajin = Place("gn-174506", "Hajīn", 34.695, 40.831, country="SY", admin1="Deir-ez-Zor")
    start = CAPTURE.index("took")
    capture = Event(id="event-capture", docs=[doc.id], event_type="Battles",
                    sub_event_type="Non-state actor overtakes territory",
                    evidence=[Evidence.of(doc, start, CAPTURE.index(" after"))], actor1="SDF", actor2="ISIS",
                    place=hajin.id, date=Interval(date(2018, 12, 14), date(2018, 12, 14)), time_precision=1)
    store.add_documents([doc])
    store.save_analysis(Analysis(doc, toponyms=[Toponym(CAPTURE.index("Hajin"), CAPTURE.index("Hajin") + 5, "Hajin",
                                                        hajin.id)], places={hajin.id: hajin}, events=[capture]))
    with Server(store, port=0) as server:
        yield server.url


def shown(driver) -> int:
    return int(driver.execute_script("return document.getElementById('shown').dataset.events"))


def test_map_slider_click_and_screenshot(driver, ui, tmp_path):
    open_ui(driver, ui + "/")
    countries = driver.execute_script("return document.querySelectorAll('#map path.leaflet-interactive').length")
    assert countries > 200  # the offline base layer: the whole world
    wait_for(driver, "return document.querySelectorAll('.event-marker, .marker-cluster').length > 0")
    wait_for(driver, "return document.querySelectorAll('.control-marker').length > 0")
    at_the_end = shown(driver)
    assert at_the_end > 0

    driver.execute_script("const w = document.getElementById('window'); w.value = '7'; "
                          "w.dispatchEvent(new Event('change'));")
    driver.execute_script("const s = document.getElementById('slider'); s.value = 0; "
                          "s.dispatchEvent(new Event('input'));")
    undated = driver.find_element("id", "f-undated")
    if undated.is_selected():
        undated.click()
    wait_for(driver, "return document.getElementById('shown').dataset.events !== undefined")
    assert shown(driver) != at_the_end  # the slider moved the map
    assert driver.find_element("id", "slider-date").text == driver.execute_script(
        "return new Date(window.thucydides.first).toISOString().slice(0, 10)")

    driver.execute_script("const s = document.getElementById('slider'); s.value = s.max; "
                          "s.dispatchEvent(new Event('input'));")
    wait_for(driver, "return document.querySelectorAll('.event-marker').length > 0")
    marker = next(m for m in driver.find_elements("css selector", "path.event-marker") if m.is_displayed())
    driver.execute_script("arguments[0].dispatchEvent(new MouseEvent('click', {bubbles: true}))", marker)
    mark = wait_for(driver, "return document.querySelector('#detail mark')")
    assert mark.text and any(mark.text in text for text in [CAPTURE, *TEXTS])  # the evidence, highlighted

    row = next(r for r in driver.find_elements("css selector", "#control tr.clickable") if "SDF" in r.text)
    row.click()
    wait_for(driver, "return document.querySelector('#detail h3') && "
                     "document.querySelector('#detail h3').textContent.startsWith('Control of')")
    highlighted = driver.find_element("css selector", "#detail mark").text
    assert highlighted == CAPTURE[CAPTURE.index("took"):CAPTURE.index(" after")]

    driver.execute_script("const f = document.getElementById('f-type'); f.value = 'Battles'; "
                          "f.dispatchEvent(new Event('change'));")
    wait_for(driver, "return window.thucydides.events.length > 0 && "
                     "window.thucydides.events.every((e) => e.event_type === 'Battles')")  # filtered by the API
    shot = tmp_path / "ui.png"
    assert driver.save_screenshot(str(shot)) and shot.stat().st_size > 10_000
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
