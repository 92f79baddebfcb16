"""A tiny Chrome DevTools Protocol client over --remote-debugging-pipe (stdlib only).

Chromium reads commands from fd 3 and writes replies and events to fd 4, each message a JSON
text ended by a NUL byte. That is enough to open a page, watch its console, click and screenshot,
without a websocket library or a browser download.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--remote-debugging-pipe",
)
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class BrowserUnavailable(RuntimeError):
    """No Chromium on this machine, or it would not start."""


class BrowserError(RuntimeError):
    """The browser answered a command with an error, or did not answer in time."""


def find_chromium() -> str | None:
    override = os.environ.get("FACTCHECK_CHROMIUM")
    if override:
        return override if Path(override).exists() else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


class Page:
    """One tab, attached with a flat session; events are kept in arrival order."""

    def __init__(self, browser: Browser, session_id: str) -> None:
        self.browser = browser
        self.session_id = session_id

    def send(self, method: str, params: dict[str, Any] | None = None, timeout: float = 15.0) -> Any:
        return self.browser.send(method, params, session_id=self.session_id, timeout=timeout)

    def events(self, method: str) -> list[dict[str, Any]]:
        return [
            event["params"]
            for event in self.browser.events
            if event.get("method") == method and event.get("sessionId") == self.session_id
        ]

    def evaluate(self, expression: str) -> Any:
        reply = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in reply:
            raise BrowserError(f"script failed: {reply['exceptionDetails'].get('text')}")
        return reply["result"].get("value")

    def open(self, url: str, timeout: float = 15.0) -> None:
        self.send("Page.navigate", {"url": url})
        deadline = time.monotonic() + timeout
        while not self.events("Page.loadEventFired"):
            if time.monotonic() > deadline:
                raise BrowserError(f"page did not load within {timeout} s: {url}")
            self.browser.pump(0.1)

    def settle(self, seconds: float = 0.3) -> None:
        """Let late console messages and errors arrive."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.browser.pump(0.05)

    def console_errors(self) -> list[str]:
        errors = [
            " ".join(str(arg.get("value", arg.get("description", ""))) for arg in event.get("args", []))
            for event in self.events("Runtime.consoleAPICalled")
            if event.get("type") in ("error", "assert")
        ]
        errors += [
            event["exceptionDetails"].get("exception", {}).get("description")
            or event["exceptionDetails"].get("text", "exception")
            for event in self.events("Runtime.exceptionThrown")
        ]
        errors += [
            event["entry"].get("text", "")
            for event in self.events("Log.entryAdded")
            if event["entry"].get("level") == "error"
        ]
        return errors

    def requested_urls(self) -> list[str]:
        return [event["request"]["url"] for event in self.events("Network.requestWillBeSent")]

    def screenshot(self, path: Path) -> None:
        metrics = self.send("Page.getLayoutMetrics")
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        clip = {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 6000), "scale": 1}
        reply = self.send(
            "Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True}
        )
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(reply["data"]))


class Browser:
    def __init__(self, process: subprocess.Popen[bytes], to_browser: int, from_browser: int) -> None:
        self.process = process
        self._to = to_browser
        self._from = from_browser
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        self._replies: dict[int, dict[str, Any]] = {}

    def pump(self, timeout: float) -> None:
        """Read what the browser has written within `timeout` seconds."""
        ready, _, _ = select.select([self._from], [], [], timeout)
        if not ready:
            return
        chunk = os.read(self._from, 1 << 20)
        if not chunk:
            raise BrowserError("the browser closed the pipe")
        self._buffer += chunk
        while b"\0" in self._buffer:
            raw, self._buffer = self._buffer.split(b"\0", 1)
            message = json.loads(raw)
            if "id" in message:
                self._replies[message["id"]] = message
            else:
                self.events.append(message)

    def send(
        self,
        method: str,
        params: dict[str, Any] | None = None,
        *,
        session_id: str | None = None,
        timeout: float = 15.0,
    ) -> Any:
        self._next_id += 1
        message: dict[str, Any] = {"id": self._next_id, "method": method, "params": params or {}}
        if session_id:
            message["sessionId"] = session_id
        os.write(self._to, json.dumps(message).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while self._next_id not in self._replies:
            if time.monotonic() > deadline:
                raise BrowserError(f"no answer to {method} within {timeout} s")
            self.pump(0.1)
        reply = self._replies.pop(self._next_id)
        if "error" in reply:
            raise BrowserError(f"{method}: {reply['error'].get('message')}")
        return reply.get("result", {})

    def new_page(self) -> Page:
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        page = Page(self, session)
        for domain in ("Page", "Runtime", "Log", "Network"):
            page.send(f"{domain}.enable")
        page.send(
            "Emulation.setDeviceMetricsOverride",
            {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False},
        )
        return page


def _high_pipe() -> tuple[int, int]:
    """A pipe whose ends are above fd 4, so moving them onto fds 3 and 4 cannot clobber either."""
    low = os.pipe()
    high = tuple(fcntl.fcntl(fd, fcntl.F_DUPFD_CLOEXEC, 10) for fd in low)
    for fd in low:
        os.close(fd)
    return high[0], high[1]


@contextmanager
def launch(executable: str | None = None) -> Iterator[Browser]:
    """Start headless Chromium with a throwaway profile; stop it (and only it) afterwards."""
    binary = executable or find_chromium()
    if binary is None:
        raise BrowserUnavailable("Chromium not found (install Debian's `chromium` or set FACTCHECK_CHROMIUM)")
    profile = tempfile.mkdtemp(prefix="factcheck-chromium-")
    to_read, to_write = _high_pipe()  # we write commands, the browser reads them on fd 3
    from_read, from_write = _high_pipe()  # the browser writes on fd 4, we read
    command = [binary, *FLAGS, f"--user-data-dir={profile}", "about:blank"]

    def onto_fds_3_and_4() -> None:
        # Runs in the child before exec; dup2 copies are inheritable, the originals close on exec.
        os.dup2(to_read, 3)
        os.dup2(from_write, 4)

    try:
        process = subprocess.Popen(
            command,
            preexec_fn=onto_fds_3_and_4,  # a test helper, started from one thread
            close_fds=False,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
    except OSError as exc:
        shutil.rmtree(profile, ignore_errors=True)
        raise BrowserUnavailable(f"cannot start {binary}: {exc}") from exc
    os.close(to_read)
    os.close(from_write)
    browser = Browser(process, to_write, from_read)
    try:
        try:
            browser.send("Browser.getVersion", timeout=30.0)
        except BrowserError as exc:
            raise BrowserUnavailable(f"{binary} did not start: {exc}") from exc
        yield browser
    finally:
        with suppress(BrowserError, OSError):
            browser.send("Browser.close", timeout=5.0)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)
        os.close(to_write)
        os.close(from_read)
        shutil.rmtree(profile, ignore_errors=True)
