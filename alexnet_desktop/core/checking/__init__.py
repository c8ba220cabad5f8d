"""Checking a labelled dataset: images whose label is probably wrong (confident learning on
out-of-sample probabilities, through cleanlab), near-duplicates across classes and outliers,
and the user's decisions about them, saved as a corrections file."""
