"""The README's screenshot: the seeds through the pipeline, the server on loopback, headless Chromium.

    .venv/bin/python bench/screenshot.py [REPORTS...] [-o docs/ui-seeds.png] [--at 2018-12-31]

Takes it the way the browser tests drive the UI (tests/browser.py): loads the page, moves the time slider
to --at, opens the control panel of the first place taken in the window, and writes a PNG (palette-reduced
when Pillow is installed, to keep the repository small). Prints the path and size.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import open_ui, start_browser, wait_for  # noqa: E402
from thucydides.knowledge import outside  # noqa: E402
from thucydides.runner import ingest, process  # noqa: E402
from thucydides.serve.server import Server  # noqa: E402
from thucydides.store.db import Store  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="*", type=Path, default=[outside.seeds()])
    parser.add_argument("-o", "--output", type=Path, default=ROOT / "docs" / "ui-seeds.png")
    parser.add_argument("--at", type=date.fromisoformat, default=date(2018, 12, 31))
    parser.add_argument("--place", default="Haj", help="Open the control panel of the place whose name has this.")
    args = parser.parse_args()
    store = Store(Path(tempfile.mkdtemp(prefix="thucydides-shot-")) / "shot.db")
    ingest(store, args.reports)
    process(store)
    driver = start_browser(1280, 1060)
    try:
        with Server(store, port=0) as server:
            server.data.warm()
            open_ui(driver, server.url + "/")
            driver.execute_script(
                "const s = document.getElementById('slider');"
                "s.value = Math.round((Date.parse(arguments[0]) - window.thucydides.first) / 86400000);"
                "s.dispatchEvent(new Event('input'));", args.at.isoformat())
            wait_for(driver, "return document.querySelectorAll('.control-marker').length > 0")
            row = next(r for r in driver.find_elements("css selector", "#control tr.clickable")
                       if "inactive" not in (r.get_attribute("class") or "") and args.place in r.text)
            row.click()
            wait_for(driver, "return document.querySelector('#detail mark')")
            driver.execute_script("window.scrollTo(0, 0)")
            args.output.parent.mkdir(parents=True, exist_ok=True)
            driver.save_screenshot(str(args.output))
    finally:
        driver.quit()
    _shrink(args.output)
    print(f"wrote {args.output} ({args.output.stat().st_size // 1024} KiB)")


def _shrink(path: Path) -> None:
    try:
        from PIL import Image
    except ImportError:
        return
    Image.open(path).convert("RGB").quantize(colors=192, method=Image.Quantize.MAXCOVERAGE).save(path, optimize=True)


if __name__ == "__main__":
    main()
