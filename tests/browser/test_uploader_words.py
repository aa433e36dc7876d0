"""In a French Chromium, the import page's file uploader shows no English word of Streamlit's:
its button reads "Choisir un fichier" and still opens the file chooser, its limits read
"200 Mo par fichier • CSV, XLSX, TXT", and a file dragged over it is invited to "Déposer un
fichier ici"; an English browser keeps Streamlit's words."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from tests.browser.conftest import wait_until_drawn

DROPZONE = '[data-testid="stFileUploaderDropzone"]'
AFTER = "e => getComputedStyle(e, '::after').content"


def _open(browser, app_url: str, locale: str) -> tuple[object, Page]:
    context = browser.new_context(locale=locale, viewport={"width": 1366, "height": 768})
    page = context.new_page()
    page.goto(f"{app_url}/Import")
    wait_until_drawn(page)
    page.wait_for_selector(DROPZONE)
    return context, page


def test_the_french_uploader_shows_french_words_and_its_button_still_works(browser, app_url: str):
    context, page = _open(browser, app_url, "fr-FR")
    try:
        zone = page.locator(DROPZONE)
        shown = zone.inner_text()
        assert "Upload" not in shown and "per file" not in shown
        button = zone.locator("button")
        assert button.locator('[data-testid="stMarkdownContainer"]').evaluate(AFTER) == '"Choisir un fichier"'
        limits = zone.locator('[data-testid="stFileUploaderDropzoneInstructions"] > div')
        assert limits.evaluate(AFTER) == '"200 Mo par fichier • CSV, XLSX, TXT"'
        box = button.bounding_box()
        assert box is not None and box["width"] > 100  # the words take their place in the button
        # A file dragged over the box: its invitation to drop it, in French too.
        dragged = page.evaluate_handle(
            "() => { const d = new DataTransfer(); d.items.add(new File(['x'], 'a.csv')); return d; }")
        zone.dispatch_event("dragenter", {"dataTransfer": dragged})
        invitation = zone.locator('[data-testid="stFileUploaderDropzoneInput"] + div > *')
        expect(invitation).to_contain_text("Drag and drop a file here")  # Streamlit's words…
        assert invitation.evaluate("e => getComputedStyle(e).fontSize") == "0px"  # …not shown
        assert invitation.evaluate(AFTER) == '"Déposer un fichier ici"'
        zone.dispatch_event("dragleave", {"dataTransfer": dragged})
        with page.expect_file_chooser() as chooser:
            button.click()
        assert chooser.value is not None
    finally:
        context.close()


def test_an_english_browser_keeps_streamlit_s_words(browser, app_url: str):
    context, page = _open(browser, app_url, "en-GB")
    try:
        shown = page.locator(DROPZONE).inner_text()
        assert "Upload" in shown and "200MB per file • CSV, XLSX, TXT" in shown
    finally:
        context.close()
