"""A chart's PNG download says what it shows: every chart carries, at its foot, its title, the
dataset and period, the rep shown, the filters in force and the date, and its image file is
named after them (one Plotly configuration for every chart)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import json

import numpy as np
from PIL import Image

from portfolio.report.charts import figures_png
from portfolio.ui.shared.chart_export import CAPTION_PX
from tests.ui.conftest import DATASET_NAME, open_page

STRUCTURE, REP, MATRIX = "pages/5_Structure.py", "pages/6_Rep.py", "pages/1_Matrix.py"


def _charts(at) -> dict[str, tuple[dict, dict]]:
    """Each chart's figure and Plotly configuration, by key."""
    return {chart.key: (json.loads(chart.proto.spec), json.loads(chart.proto.config))
            for chart in at.get("plotly_chart")}


def _caption(spec: dict) -> str:
    return spec["layout"]["title"]["text"]


def test_every_structure_chart_names_itself_its_data_its_filters_and_the_date(seeded_db):
    at = open_page(STRUCTURE, locale="fr-FR")
    regions = at.multiselect(key="w.structure.filter.regions")
    region = regions.options[0]
    regions.select(region).run()
    assert not at.exception
    charts = _charts(at)
    assert "w.structure.mix" in charts and "w.structure.norms" in charts
    today = dt.date.today()
    for key, (spec, config) in charts.items():
        caption = _caption(spec)
        assert caption.startswith({"w.structure.mix": "Répartition du portefeuille par segment",
                                   "w.structure.norms": "Structure face à la norme"}.get(key, "")), key
        for part in (DATASET_NAME, "période 2026-Q3", f"Filtres : Région : {region}",
                     today.strftime("%d/%m/%Y")):
            assert part in caption, (key, part)
        options = config["toImageButtonOptions"]
        assert options["format"] == "png" and config["displaylogo"] is False
        assert today.strftime("%d-%m-%Y") in options["filename"] and "Filtres" in options["filename"]
    name = charts["w.structure.norms"][1]["toImageButtonOptions"]["filename"]
    assert name.startswith("Structure-face-à-la-norme_Test-portfolio")


def test_the_rep_and_matrix_charts_name_the_rep_and_say_when_no_filter_applies(seeded_db):
    rep_page = open_page(REP)
    rep = rep_page.selectbox(key="w.rep.rep").value
    spec, _ = _charts(rep_page)["w.rep.norms"]
    assert _caption(spec).startswith(f"Structure against the norm · {rep} · {DATASET_NAME}")
    # The filters of another page are not carried over to a page without them.
    matrix = open_page(MATRIX)
    matrix.multiselect(key="w.matrix.filter.salespeople").select(rep).run()
    spec, config = _charts(matrix)["w.matrix.chart"]
    assert f"Filters: Salesperson: {rep}" in _caption(spec)
    matrix.switch_page(REP).run()
    assert "No filter" in _caption(_charts(matrix)["w.rep.norms"][0])
    assert config["toImageButtonOptions"]["filename"].startswith("Clients-in-the-matrix")


def _dark_rows(png: bytes) -> np.ndarray:
    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("L"))
    return (pixels < 160).any(axis=1)


def test_the_line_is_drawn_inside_the_image_in_its_own_strip(seeded_db):
    at = open_page(STRUCTURE)
    spec, _ = _charts(at)["w.structure.norms"]
    blank = copy.deepcopy(spec)
    blank["layout"]["title"]["text"] = ""
    height = int(spec["layout"].get("height") or 450)
    with_line, without = figures_png([spec, blank], [(1200, height)] * 2, 1.0)
    drawn, plain = _dark_rows(with_line), _dark_rows(without)
    strip = slice(height - CAPTION_PX, height)
    assert drawn[strip].any() and not plain[strip].any()  # the text, and nothing else, there
    assert (drawn[: height - CAPTION_PX] == plain[: height - CAPTION_PX]).all()  # nothing covered
