"""Work run beside a script run stops when the run stops (a click elsewhere, Cancel, or
the session ending all stop it), and hands back its value or its error otherwise."""

from __future__ import annotations

import time

from streamlit.testing.v1 import AppTest


def _endless_work_script(marker: str) -> None:
    """A page whose work only ends when it is cancelled, and says so in `marker`."""
    import time
    from pathlib import Path

    from portfolio.reading import cancel
    from portfolio.ui.shared.background import run_stoppable

    def work() -> None:
        try:
            while True:
                cancel.check()
                time.sleep(0.02)
        except cancel.ReadingCancelled:
            Path(marker).write_text("cancelled")
            raise

    run_stoppable(work, waiting=lambda s: f"working {s} s", cancel_label="Cancel",
                  on_cancel=lambda: None, key="w.cancel")


def _quick_work_script(value: int) -> None:
    import streamlit as st

    from portfolio.ui.shared.background import run_stoppable

    result = run_stoppable(lambda: value * 2, waiting=lambda s: f"working {s} s",
                           cancel_label="Cancel", on_cancel=lambda: None, key="w.cancel")
    st.write(f"result {result}")


def _failing_work_script() -> None:
    import streamlit as st

    from portfolio.ui.shared.background import run_stoppable

    def work() -> None:
        raise ValueError("broken file")

    try:
        run_stoppable(work, waiting=str, cancel_label="Cancel", on_cancel=lambda: None,
                      key="w.cancel")
    except ValueError as error:
        st.write(f"error {error}")


def test_a_stopped_run_cancels_its_work(tmp_path):
    marker = tmp_path / "marker"
    app = AppTest.from_function(_endless_work_script, args=(str(marker),))
    try:
        app.run(timeout=2.5)  # the session gives up on the run: Streamlit stops it
    except RuntimeError:
        pass
    deadline = time.monotonic() + 30
    while not marker.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert marker.read_text() == "cancelled"


def test_work_that_ends_gives_its_value_and_leaves_no_button():
    app = AppTest.from_function(_quick_work_script, args=(21,)).run(timeout=30)
    assert not app.exception
    assert [m.value for m in app.markdown] == ["result 42"]
    assert not app.button


def test_work_that_fails_raises_its_error_in_the_script():
    app = AppTest.from_function(_failing_work_script).run(timeout=30)
    assert [m.value for m in app.markdown] == ["error broken file"]
