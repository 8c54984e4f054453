"""`extractor serve` in a real browser: Datasette on 127.0.0.1, pages opened in headless
Chromium (tests/chromium.py). Skipped without Chromium or Datasette."""
from __future__ import annotations

import importlib.util
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from extractor.report.database import write_database
from extractor.report.serve import free_port

from .chromium import CHROMIUM, Browser

FIXTURES = Path(__file__).parent / "data" / "viewer"
REPO = Path(__file__).resolve().parents[1]
# Datasette starts in about two seconds; a loaded 2-core machine may take ten times that.
START_SECONDS = 60

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed"),
              pytest.mark.skipif(importlib.util.find_spec("datasette") is None,
                                 reason="Datasette is not installed (pip install 'extractor[serve]')")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """`extractor serve corpus.db --port N` on a free port; stopped when the tests end."""
    folder = tmp_path_factory.mktemp("served")
    write_database(FIXTURES, folder / "corpus.db")
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "extractor", "serve", str(folder / "corpus.db"),
                                "--port", str(port)], cwd=REPO,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                    break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("extractor serve did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def _listening_addresses(port: int) -> set[str]:
    """Local addresses of the TCP sockets listening on `port`, from /proc/net/tcp{,6}."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.add(address)
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="needs Linux's /proc/net/tcp")
def test_the_server_listens_on_loopback_only(server):
    port = int(server.rsplit(":", 1)[1])
    assert _listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and no other interface


def test_a_facet_page_renders_real_rows(server, browser):
    browser.open_url(f"{server}/corpus/quotes")  # facets from the metadata
    facet = browser.js("[...document.querySelectorAll('#facet-speaker li')].map(li => li.textContent"
                       ".replace(/\\s+/g, ' ').trim())")
    assert facet == ["Tanya Taluz 3", "Kaiser Permanente 2"]
    assert browser.js("document.querySelectorAll('table.rows-and-columns tbody tr').length") == 6
    # Choosing a facet value (a real link on the page) filters the rows.
    browser.open_url(browser.js("document.querySelector('#facet-speaker li a').href"))
    assert sorted(browser.js("[...document.querySelectorAll('table.rows-and-columns tbody td.col-text')]"
                             ".map(td => td.textContent.trim())")) == [
        "Our patients aren’t able to get the care they need", "We will be back",
        "nearly 40% of staff had left since 2019"]


def test_a_canned_query_renders_real_rows(server, browser):
    browser.open_url(f"{server}/corpus/quotes_by_speaker?speaker=Tanya+Taluz")
    assert browser.js("document.querySelector('h1').textContent.trim()") == "All quotes by a speaker"
    assert browser.js("[...document.querySelectorAll('table.rows-and-columns tbody td.col-quote')]"
                      ".map(td => td.textContent.trim())") == [
        "We will be back", "Our patients aren’t able to get the care they need",
        "nearly 40% of staff had left since 2019"]
    browser.open_url(f"{server}/corpus/search_quotes?search=patients")
    assert browser.js("document.querySelectorAll('table.rows-and-columns tbody tr').length") == 2


def test_tables_show_their_descriptions(server, browser):
    browser.open_url(f"{server}/corpus/speakers")
    assert "matched across articles" in browser.js("document.body.innerText")
    assert browser.js("[...document.querySelectorAll('table.rows-and-columns tbody td.col-name')]"
                      ".map(td => td.textContent.trim())") == ["Tanya Taluz", "Kaiser Permanente"]
