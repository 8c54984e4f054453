"""The viewer in a real browser: headless Chromium driven over the DevTools protocol.

Chromium speaks the protocol over a pipe (`--remote-debugging-pipe`: it reads commands
on fd 3 and writes replies on fd 4, each a JSON message ending in NUL), so the test
needs the standard library only. Skipped when no Chromium is installed (`.ci/run`
installs Debian's `chromium`).
"""
from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from extractor.report.viewer import write_report

FIXTURES = Path(__file__).parent / "data" / "viewer"
CHROMIUM = "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--remote-debugging-pipe")
# Generous for a cold start on a loaded 2-core machine; a healthy run takes about a second.
TIMEOUT_SECONDS = 60
VIEWPORT = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PIPE_IN, PIPE_OUT = 3, 4  # the fds Chromium's --remote-debugging-pipe uses

pytestmark = [pytest.mark.e2e,
              pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed")]


class Browser:
    """A headless Chromium and one page, driven over the DevTools protocol pipe."""

    def __init__(self, executable: str, profile: Path):
        # Move our pipe ends above the fds the child needs, so the dup2 calls below
        # never overwrite one with the other.
        cmd_r, self._cmd_w = os.pipe()
        self._reply_r, reply_w = os.pipe()
        child_in = fcntl.fcntl(cmd_r, fcntl.F_DUPFD, 10)
        child_out = fcntl.fcntl(reply_w, fcntl.F_DUPFD, 10)
        os.close(cmd_r), os.close(reply_w)

        def wire_pipes() -> None:
            os.dup2(child_in, PIPE_IN)
            os.dup2(child_out, PIPE_OUT)

        self.proc = subprocess.Popen(
            [executable, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(PIPE_IN, PIPE_OUT), preexec_fn=wire_pipes)
        os.close(child_in), os.close(child_out)
        self._next_id, self._buffer, self.events = 0, b"", []
        try:
            target = self.call("Target.createTarget", url="about:blank")["targetId"]
            self.session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
            for domain in ("Page", "Runtime", "Network"):
                self.call(f"{domain}.enable", session=True)
            self.call("Emulation.setDeviceMetricsOverride", session=True, **VIEWPORT)
        except BaseException:
            self.close()
            raise

    def _read_message(self, deadline: float) -> dict:
        while b"\0" not in self._buffer:
            ready, _, _ = select.select([self._reply_r], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(self._reply_r, 1 << 16) if ready else b""
            if not chunk:
                raise TimeoutError("Chromium sent no reply in time (or exited)")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def call(self, method: str, *, session: bool = False, **params) -> dict:
        """Send one command and return its result; events that arrive meanwhile are kept."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = self.session
        os.write(self._cmd_w, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            reply = self._read_message(deadline)
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, event: str) -> dict:
        deadline = time.monotonic() + TIMEOUT_SECONDS
        while True:
            for i, message in enumerate(self.events):
                if message.get("method") == event:
                    return self.events.pop(i)
            self.events.append(self._read_message(deadline))

    def open(self, path: Path) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=path.resolve().as_uri())
        self.wait_for("Page.loadEventFired")

    def js(self, expression: str):
        result = self.call("Runtime.evaluate", session=True, expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def hover(self, selector: str) -> None:
        """Move the real mouse pointer onto the first element matching `selector`.

        Aims at the middle of its first line box: the middle of the bounding box of
        a quote that wraps may fall between two lines, outside the element.
        """
        box = self.js(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                      ".getClientRects()[0]; return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        self.call("Input.dispatchMouseEvent", session=True, type="mouseMoved", x=box[0], y=box[1])

    def screenshot(self, path: Path) -> None:
        data = self.call("Page.captureScreenshot", session=True, format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def requested_urls(self) -> list[str]:
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent"]

    def close(self) -> None:
        try:
            self.call("Browser.close")
        except (OSError, RuntimeError, TimeoutError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._cmd_w), os.close(self._reply_r)


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    out = tmp_path_factory.mktemp("report")
    summary = write_report(FIXTURES, out)
    assert summary.articles == 2
    return out


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    b = Browser(CHROMIUM, tmp_path_factory.mktemp("chromium-profile"))
    yield b
    b.close()


def _kaiser_page(report: Path) -> Path:
    (page,) = (report / "articles").glob("seed-kaiser-*.html")
    return page


def test_article_page_renders_quotes_panel_and_hover(browser, report, tmp_path):
    browser.open(_kaiser_page(report))
    # Script ran: every quote piece in the text (5 quotes; the numbers and dates inside
    # Q2, Q3 and Q5 cut them into 10 pieces) and every panel entry (5) has its handler.
    assert browser.js("document.body.dataset.hoverReady") == "15"
    assert browser.js("[0,1,2,3,4].map(q => [...document.querySelectorAll("
                      "`.article-text mark[data-q='${q}']`)].map(e => e.textContent).join(''))") == [
        "Our patients aren’t able to get the care they need", "nearly 40% of staff had left since 2019",
        "it offered appointments to 156 patients",
        "We remain committed to <script>alert(1)</script> our members", "talks would resume in seven weeks"]
    # One colour per speaker, as the browser computed it: Taluz's two quotes alike,
    # Kaiser's another, the unattributed quote grey.
    colours = browser.js("[0,1,2,3,4].map(q => getComputedStyle("
                         "document.querySelector(`.article-text mark[data-q='${q}']`)).backgroundColor)")
    assert colours[0] == colours[1] and colours[2] == colours[3]
    assert len({colours[0], colours[2], colours[4]}) == 3
    assert colours[4] == "rgb(230, 230, 230)"
    assert browser.js("document.querySelectorAll('.article-text u.cue').length") == 5
    assert browser.js("document.querySelectorAll('.article-text .num').length") == 3
    assert browser.js("document.querySelectorAll('.article-text .date').length") == 3
    # The side panel lists the speakers with their quotes.
    assert browser.js("[...document.querySelectorAll('#panel .speaker .name')].map(e => e.textContent)") == [
        "Kaiser Permanente (2)", "Tanya Taluz (2)", "Unattributed (1)"]
    assert browser.js("document.querySelectorAll('#panel ol.quotes li').length") == 5
    # The hostile quote text stayed text: no element was made from it.
    assert browser.js("document.querySelectorAll('script').length") == 1
    # A real mouse move over the pronoun-attributed quote shows how its speaker was found,
    # and lights up the mention "She" and the quote's panel entry.
    assert browser.js("document.querySelector('.tip').hidden") is True
    browser.hover(".article-text mark[data-q='1']")
    assert browser.js("document.querySelector('.tip').hidden") is False
    assert browser.js("document.querySelector('.tip').textContent") == "“She” → Tanya Taluz, pronoun · indirect quote"
    assert browser.js("[...document.querySelectorAll('.mention.hot')].map(e => e.textContent)") == ["She"]
    assert browser.js("document.querySelectorAll('#panel li.hot').length") == 1
    shot = tmp_path / "article.png"
    browser.screenshot(shot)
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
    # Offline: nothing but the page itself was requested.
    assert all(url.startswith("file://") for url in browser.requested_urls())


def test_index_and_speakers_pages_link_to_articles(browser, report):
    browser.open(report / "index.html")
    assert browser.js("[...document.querySelectorAll('tbody tr td:nth-child(3)')].map(e => e.textContent)") == [
        "1", "5"]
    browser.open(report / "speakers.html")
    first = browser.js("(() => { const r = document.querySelector('tbody tr'); return "
                       "[r.cells[0].querySelector('b').textContent, r.cells[1].textContent, r.cells[2].textContent]; })()")
    assert first == ["Tanya Taluz", "3", "2"]
    # A link to a quote opens its article page at that quote.
    href = browser.js("document.querySelector('tbody tr a').getAttribute('href')")
    target, anchor = href.split("#")
    browser.open(report / target)
    assert browser.js(f"document.getElementById('{anchor}').nextElementSibling.textContent") == "We will be back"
