"""The Import page: upload, reading choices, mapping, preview, report and import."""
