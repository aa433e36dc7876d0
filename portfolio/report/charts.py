"""Charts drawn as PNG images by Kaleido, in the Chromium of the machine.

Kaleido 1.x drives a Chrome-family browser (through choreographer). The report never
downloads one at run time: it uses the browser named by `BROWSER_PATH`, else the first
Chromium or Chrome on the PATH, and says how to install one when there is none.
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import plotly.io

BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# One image of a page is drawn in well under a second; a minute means the browser hangs.
RENDER_TIMEOUT_S = 60
# Two browser tabs draw while Python waits on the other: half the time of one, even on two
# busy cores; more tabs only share the same cores.
TABS = 2
# Kaleido reloads a tab's page (and with it plotly.js) after every chart, which took more
# time than drawing the chart; the report reloads it only every so many charts, enough to
# keep a tab's memory bounded over a few hundred pages. The images are the same bytes.
CHARTS_PER_RELOAD = 40


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


@dataclass(frozen=True)
class Chart:
    """A figure to draw: Plotly's figure (or its dict), its size in CSS pixels, its scale."""

    figure: Any
    width: int
    height: int
    scale: float = 2.0


def figures_png(figures: Sequence[Any], sizes: Sequence[tuple[int, int]],
                scales: float | Sequence[float] = 2.0) -> list[bytes]:
    """Each Plotly figure as PNG bytes at its (width, height) in CSS pixels × its scale (one
    for all, or one per figure), all drawn in one browser session."""
    each = [float(scales)] * len(figures) if isinstance(scales, (int, float)) else list(scales)
    return charts_png(Chart(f, w, h, scale) for f, (w, h), scale in zip(figures, sizes, each))


def charts_png(charts: Iterable[Chart]) -> list[bytes]:
    """Each chart as PNG bytes, in order, all drawn in one browser session (starting the
    browser costs more than a chart). `charts` may be a generator that builds each figure:
    it is run on a thread of its own, so that Python builds the next figures while the
    browser draws the ones before (building a figure costs about as much as drawing it)."""
    path = browser_path()
    pending = iter(charts)

    def next_spec() -> tuple[dict, dict] | None:
        chart = next(pending, None)
        if chart is None:
            return None
        # Plain JSON values, not numpy arrays: the browser driver writes every command's
        # parameters into a debug message whether or not it is logged, and printing numpy
        # arrays took longer than drawing; here it is done on the builder's thread, once.
        figure = json.loads(plotly.io.to_json(chart.figure, validate=False))
        return figure, {"format": "png", "width": chart.width, "height": chart.height,
                        "scale": chart.scale}

    async def draw() -> list[bytes]:
        spec = await asyncio.to_thread(next_spec)
        if spec is None:
            return []
        # No MathJax: the charts hold no formula, and Kaleido would fetch it from a CDN.
        async with _browser_class()(n=TABS, path=path, mathjax=False,
                                    timeout=RENDER_TIMEOUT_S) as browser:
            tasks = []
            try:
                while spec is not None:
                    tasks.append(asyncio.ensure_future(browser.calc_fig(spec[0], opts=spec[1])))
                    spec = await asyncio.to_thread(next_spec)
                # gather keeps the order of the charts, whichever tab draws each.
                return list(await asyncio.gather(*tasks))
            finally:
                for task in tasks:
                    task.cancel()

    return _run(draw)


def _browser_class():  # noqa: ANN202 (a Kaleido subclass, imported late: Kaleido is slow to import)
    import kaleido

    class ReportKaleido(kaleido.Kaleido):
        """Kaleido, its tabs reloaded every `CHARTS_PER_RELOAD` charts instead of after each.

        Kaleido 1.x (pinned) hands a tab back through `_return_kaleido_tab`, which reloads it
        and puts it back in the queue of ready tabs; this keeps the queue and skips the reload."""

        async def _return_kaleido_tab(self, tab) -> None:  # noqa: ANN001 (a Kaleido tab)
            drawn = getattr(tab, "_report_charts_drawn", 0) + 1
            if drawn >= CHARTS_PER_RELOAD:
                await tab.reload()
                drawn = 0
            tab._report_charts_drawn = drawn
            await self.tabs_ready.put(tab)

    return ReportKaleido


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
