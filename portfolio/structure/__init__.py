"""Portfolio structure: mix per segment, gaps to norms, rep comparison, QRC profile, objectives."""
