"""A headless Chromium driven over the DevTools protocol, for the browser tests.

Chromium speaks the protocol over a pipe (`--remote-debugging-pipe`: it reads commands
on fd 3 and writes replies on fd 4, each a JSON message ending in NUL), so the tests
need the standard library only. `CHROMIUM` is None when no Chromium is installed
(`.ci/run` installs Debian's `chromium`); the tests then skip.
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

CHROMIUM = "/usr/bin/chromium" if os.access("/usr/bin/chromium", os.X_OK) else shutil.which("chromium")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync",
                  "--remote-debugging-pipe")
# Generous for a cold start on a loaded 2-core machine; a healthy run takes about a second.
TIMEOUT_SECONDS = 60
VIEWPORT = {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False}
PIPE_IN, PIPE_OUT = 3, 4  # the fds Chromium's --remote-debugging-pipe uses


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
        self.open_url(path.resolve().as_uri())

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

    def open_url(self, url: str) -> None:
        self.events.clear()
        self.call("Page.navigate", session=True, url=url)
        self.wait_for("Page.loadEventFired")
