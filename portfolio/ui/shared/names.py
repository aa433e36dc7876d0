"""Stored names shown in the user's language where the app, not the user, chose them."""

from __future__ import annotations

import re

from portfolio.i18n import t
from portfolio.store.bootstrap import DEMO_DATASET_NAME, DEMO_VARIANT_NAMES
from portfolio.store.datasets import Dataset

# The demo's name as the first start or a reload gives it: "Demo portfolio", "Demo portfolio (2)"…
_DEMO_NAME = re.compile(re.escape(DEMO_DATASET_NAME) + r"(?P<suffix> \(\d+\))?")
# The other demo variants' stored names, each with its catalogue key.
_VARIANT_KEYS = {"small": "datasets.demo_name_small", "overflow": "datasets.demo_name_overflow"}
_VARIANT_NAMES = tuple(
    (re.compile(re.escape(DEMO_VARIANT_NAMES[variant]) + r"(?P<suffix> \(\d+\))?"), key)
    for variant, key in _VARIANT_KEYS.items())


def dataset_name(dataset: Dataset, lang: str) -> str:
    """The dataset's name; the demo's own name in `lang`.

    The demo is stored before anyone picks a language, so under a fixed English name.
    Once a user renames it, their name is shown as they wrote it.
    """
    if dataset.is_demo:
        match = _DEMO_NAME.fullmatch(dataset.name)
        if match:
            return t("datasets.demo_name", lang) + (match.group("suffix") or "")
        for pattern, key in _VARIANT_NAMES:
            match = pattern.fullmatch(dataset.name)
            if match:
                return t(key, lang) + (match.group("suffix") or "")
    return dataset.name
