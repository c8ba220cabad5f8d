"""Training runs: the settings (`config`), what a run reports (`events`), the jobs (`fit`: a new run and
a resume, over the steps of `job`, with `prepare` for the images and `cluster_run` for a worker's part),
the optimizer and schedule, devices and clusters, the run folder (`runs`) and its typed manifest
(`manifest`), and what a finished run is judged by (evaluation, the model card).
"""
