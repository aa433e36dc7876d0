"""Charts drawn as PNG images by Kaleido, in the Chromium of the machine.

Kaleido 1.x drives a Chrome-family browser (through choreographer). The report never
downloads one at run time: it uses the browser named by `BROWSER_PATH`, else the first
Chromium or Chrome on the PATH, and says how to install one when there is none.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from collections.abc import Sequence
from typing import Any

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# One image of a page is drawn in well under a second; a minute means the browser hangs.
RENDER_TIMEOUT_S = 60
# Two browser tabs draw while Python waits on the other: half the time of one, even on two
# busy cores; more tabs only share the same cores.
TABS = 2


class ChartsUnavailable(RuntimeError):
    """No browser to draw the charts with, or the browser failed: the text says what to do."""


def browser_path() -> str:
    """The browser Kaleido is pointed at (never one it would download)."""
    named = os.environ.get("BROWSER_PATH")
    if named:
        if not os.path.isfile(named):
            raise ChartsUnavailable(f"BROWSER_PATH names {named!r}, which is not a file: point it "
                                    "at a Chromium or Chrome executable")
        return named
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    raise ChartsUnavailable("drawing the report's charts needs Chromium: install it "
                            "(`apt-get install -y chromium`) or set BROWSER_PATH to a Chrome "
                            "or Chromium executable")


def figures_png(figures: Sequence[Any], sizes: Sequence[tuple[int, int]], scale: float = 2.0) -> list[bytes]:
    """Each Plotly figure as PNG bytes at its (width, height) in CSS pixels × `scale`,
    all drawn in one browser session (starting the browser costs more than a chart)."""
    if not figures:
        return []
    path = browser_path()

    async def draw() -> list[bytes]:
        import kaleido

        # No MathJax: the charts hold no formula, and Kaleido would fetch it from a CDN.
        async with kaleido.Kaleido(n=TABS, path=path, mathjax=False,
                                   timeout=RENDER_TIMEOUT_S) as browser:
            # gather keeps the order of the figures, whichever tab draws each.
            return list(await asyncio.gather(*(
                browser.calc_fig(figure, opts={"format": "png", "width": width,
                                               "height": height, "scale": scale})
                for figure, (width, height) in zip(figures, sizes))))

    return _run(draw)


def _run(coroutine_function) -> list[bytes]:  # noqa: ANN001 (an async function of no argument)
    """Run the drawing in its own event loop, on a thread of its own when the caller's
    thread already runs one (a Streamlit script thread may)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return _drawn(coroutine_function)
    result: dict[str, Any] = {}

    def work() -> None:
        try:
            result["images"] = _drawn(coroutine_function)
        except BaseException as error:  # handed back to the caller's thread
            result["error"] = error

    thread = threading.Thread(target=work, name="report-charts")
    thread.start()
    thread.join()
    if "error" in result:
        raise result["error"]
    return result["images"]


def _drawn(coroutine_function) -> list[bytes]:  # noqa: ANN001
    from choreographer.errors import BrowserFailedError, ChromeNotFoundError

    try:
        return asyncio.run(coroutine_function())
    except (ChromeNotFoundError, BrowserFailedError) as error:
        raise ChartsUnavailable(f"the browser drawing the charts failed ({error}); check "
                                "that Chromium starts, or set BROWSER_PATH") from error
