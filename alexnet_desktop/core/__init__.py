"""The Qt-free core: images, datasets, training, runs and prediction.

Nothing under this package imports Qt. Long jobs take an event callback and a
`threading.Event` to stop them, so the GUI, the CLI and the tests drive the same code.
"""
