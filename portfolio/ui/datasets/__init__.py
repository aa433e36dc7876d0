"""The Datasets page: the active dataset, renaming, deletion, exports."""
