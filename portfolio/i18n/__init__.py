"""The FR/EN translation catalogue: every text the interface shows comes from here."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from portfolio.currency import current

LANGUAGES: tuple[str, ...] = ("en", "fr")
DEFAULT_LANGUAGE = "en"
_LOCALES = Path(__file__).with_name("locales")
# libyaml's safe loader where PyYAML has it: the same safe subset, ten times faster (the
# catalogue is read once per process, and a command pays for it on every run).
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    """All messages of one language, keyed `<file stem>.<key>` (one file per area)."""
    messages: dict[str, str] = {}
    for path in sorted((_LOCALES / lang).glob("*.yaml")):
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER) or {}
        for key, text in _flatten(data):
            messages[f"{path.stem}.{key}"] = str(text)
    return messages


def _flatten(data: dict, prefix: str = ""):
    for key, value in data.items():
        if isinstance(value, dict):
            yield from _flatten(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The message `key` in `lang`, formatted with `params`.

    A key missing from the catalogue shows as itself, so a gap is visible on screen
    (and a test checks that both languages hold the same keys).
    """
    lang = lang if lang in LANGUAGES else DEFAULT_LANGUAGE
    text = catalogue(lang).get(key) or catalogue(DEFAULT_LANGUAGE).get(key) or key
    if "{currency}" in text and "currency" not in params:
        # Headers such as "Revenue ({currency})" name the currency of the amounts written now.
        params = {**params, "currency": current().sign}
    return text.format(**params) if params else text


def language_from_locale(locale: str | None) -> str:
    """Pick the interface language from a browser locale such as `fr-FR`."""
    if locale and locale.split("-")[0].split("_")[0].lower() in LANGUAGES:
        return locale.split("-")[0].split("_")[0].lower()
    return DEFAULT_LANGUAGE
