"""The printed report: one A4 page per rep and one for the team, as PDF or PNG.

`content` gathers each page's figures from the core (the same functions the Rep, Structure
and Visit plan pages use), `charts` draws the charts with Kaleido in the machine's Chromium,
`layout` writes a page with fpdf2, `build` puts them together and `files` writes them out.
"""
