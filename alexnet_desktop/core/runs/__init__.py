"""A run folder on disk: its manifest (run.json), its files, the listing of runs."""
