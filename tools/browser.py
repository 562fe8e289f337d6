"""A tiny headless-Chromium driver over the DevTools protocol, on a pipe (no extra packages).

Development tooling, not part of the package: used by the HTML report test
(``tests/rendering/test_browser.py``), by ``docs/make_diagram_png.py`` (``make docs``) and by
``tools/screenshot_report.py``, which saves the HTML report as a phone and a desktop would
show it.
"""

from __future__ import annotations

import base64
import fcntl
import json
import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--remote-debugging-pipe",
    "--hide-scrollbars",
]


def find_chromium() -> str | None:
    """The Chromium executable, if one is installed."""
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


class Browser:
    """One headless Chromium with one page, driven by DevTools protocol messages."""

    def __init__(self, executable: str) -> None:
        to_child_read, self._write = os.pipe()
        self._read, from_child_write = os.pipe()
        # Chromium reads commands on fd 3 and writes replies on fd 4.
        high_in = fcntl.fcntl(to_child_read, fcntl.F_DUPFD, 10)
        high_out = fcntl.fcntl(from_child_write, fcntl.F_DUPFD, 10)

        def wire() -> None:
            os.dup2(high_in, 3)
            os.dup2(high_out, 4)

        self._profile = tempfile.mkdtemp(prefix="jtbd-chromium-")
        self._process = subprocess.Popen(
            [executable, *FLAGS, f"--user-data-dir={self._profile}", "about:blank"],
            preexec_fn=wire,
            pass_fds=(3, 4),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for fd in (to_child_read, from_child_write, high_in, high_out):
            os.close(fd)
        self._buffer = b""
        self._next_id = 0
        self.events: list[dict[str, Any]] = []
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        for domain in ("Page", "Network", "Runtime", "Log"):
            self.call(f"{domain}.enable")

    def _send(self, message: dict[str, Any]) -> int:
        self._next_id += 1
        message["id"] = self._next_id
        os.write(self._write, json.dumps(message).encode() + b"\0")
        return self._next_id

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._read, 1 << 16)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)

    def _call(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> dict[str, Any]:
        message: dict[str, Any] = {"method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        wanted = self._send(message)
        while True:
            reply = self._receive()
            if reply.get("id") == wanted:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def call(self, method: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Send a command to the page and return its result."""
        return self._call(method, params, self._session)

    def open(self, url: str) -> None:
        """Navigate and wait for the load event."""
        self.call("Page.navigate", {"url": url})
        while not any(e["method"] == "Page.loadEventFired" for e in self.events):
            reply = self._receive()
            if "method" in reply:
                self.events.append(reply)

    def evaluate(self, expression: str) -> Any:
        """Evaluate JavaScript in the page and return the value."""
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return result["result"].get("value")

    def failures(self) -> list[str]:
        """Everything that failed to load, every script error and console error."""
        problems = []
        for event in self.events:
            method, params = event["method"], event.get("params", {})
            if method == "Network.loadingFailed":
                problems.append(f"load failed: {params.get('errorText')}")
            elif method == "Runtime.exceptionThrown":
                problems.append(f"exception: {params['exceptionDetails'].get('text')}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                problems.append(f"console: {params['entry'].get('text')}")
        return problems

    def set_width(self, width: int, scale: float = 1) -> None:
        """Lay the page out as a screen ``width`` CSS pixels wide (a phone below 600)."""
        self.call(
            "Emulation.setDeviceMetricsOverride",
            {"width": width, "height": 900, "deviceScaleFactor": scale, "mobile": width < 600},
        )

    def page_size(self) -> tuple[int, int]:
        """The laid-out page's full width and height in CSS pixels."""
        width, height = self.evaluate(
            "[document.documentElement.scrollWidth, document.documentElement.scrollHeight]"
        )
        return int(width), int(height)

    def screenshot_area(self, path: Path, x: float, y: float, width: float, height: float) -> None:
        """Save a PNG of one area of the page (it may lie below the first screen)."""
        clip = {"x": x, "y": y, "width": width, "height": height, "scale": 1}
        data = self.call(
            "Page.captureScreenshot", {"format": "png", "clip": clip, "captureBeyondViewport": True}
        )["data"]
        path.write_bytes(base64.b64decode(data))

    def screenshot(self, path: Path, selector: str) -> None:
        """Save a PNG of the element matching ``selector``."""
        box = self.evaluate(
            f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
            ".getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; })()"
        )
        self.screenshot_area(path, *box)

    def close(self) -> None:
        """Stop Chromium and remove its profile."""
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
        os.close(self._write)
        os.close(self._read)
        shutil.rmtree(self._profile, ignore_errors=True)

    def __enter__(self) -> Browser:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
