"""Names an attacker would put in a client file or a grid: each tries one way of being read
as markup (an image the browser fetches, a link, HTML tags, emphasis, a formula, an icon)."""

from __future__ import annotations

IMAGE = "![x](http://127.0.0.1:9/beacon)"
BOLD = "<b>bold</b>"
BIG = '<span style="font-size:200px">big</span>'
LINK = '<a href="http://evil">link</a>'
MARKDOWN_LINK = "[click](http://evil)"
EMPHASIS = "**x**"
FORMULA = "$x$"
ICON = ":material/home:"
TEMPLATE = "Team %{customdata[9]}"  # a hover template would show a value in its place

HOSTILE = (IMAGE, BOLD, BIG, LINK, MARKDOWN_LINK, EMPHASIS, FORMULA, ICON)
TAGGED = (BOLD, BIG, LINK)  # the ones Plotly would render
