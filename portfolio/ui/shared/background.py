"""Long work run beside the page's script run, so that the run can be stopped.

A script run stops when the user does anything else on the page (a click reruns it),
presses Cancel, or closes the tab (the session ends). Streamlit raises its stop at the
script's next element; a DuckDB query or a read loop in the script's own thread would
not see it and run on at full CPU. So the work runs in a thread of its own while the
script waits, writing a line of progress every half second: each line lets Streamlit
stop the run, and the stop cancels the work (its queries interrupted, its loops left).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

import streamlit as st

from portfolio.reading.cancel import Cancellation, cancellable

T = TypeVar("T")
TICK_SECONDS = 0.5
SHOW_AFTER_SECONDS = 1.0
# After a stop, how long the script waits for the work to let go of its files, so that
# the next run does not start a second reading beside it.
STOP_WAIT_SECONDS = 30


def run_stoppable(work: Callable[[], T], *, waiting: Callable[[int], str],
                  cancel_label: str, on_cancel: Callable[[], None], key: str) -> T:
    """`work()`'s value, computed in a thread; a Cancel button and `waiting(seconds)`
    shown meanwhile. The work is cancelled if this script run stops before it ends."""
    cancellation = Cancellation()
    outcome: dict[str, object] = {}

    def run() -> None:
        with cancellable(cancellation):
            try:
                outcome["value"] = work()
            except BaseException as error:  # handed to the script thread below
                outcome["error"] = error

    worker = threading.Thread(target=run, name=f"portfolio-{key}", daemon=True)
    started = time.monotonic()
    holder = st.empty()
    ticker = None
    worker.start()
    try:
        while worker.is_alive():
            seconds = time.monotonic() - started
            if ticker is None and seconds >= SHOW_AFTER_SECONDS:
                with holder.container():  # not for a short work: no button flashing by
                    st.button(cancel_label, key=key, on_click=on_cancel,
                              icon=":material/cancel:")
                    ticker = st.empty()
            if ticker is not None:
                ticker.caption(waiting(int(seconds)))
            else:
                holder.empty()  # an element sent: Streamlit may stop the run here
            worker.join(TICK_SECONDS)
    finally:
        if worker.is_alive():  # the run was stopped: the work must stop too
            cancellation.cancel()
            worker.join(STOP_WAIT_SECONDS)
    holder.empty()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]
