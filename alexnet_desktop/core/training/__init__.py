"""Training runs: the training job, its optimizer and schedule, devices and clusters, the run folder and its
manifest, and what a finished run is judged by (evaluation, the model card).
"""
