"""A third-party exporter, for the tests: the model's weights as a NumPy `.npz` archive.

Installed in the user plugin folder as a user would; it imports only the plugin API.
"""

from __future__ import annotations

from pathlib import Path

from alexnet_desktop.plugin_api import Exporter, hookimpl, load_model


def export_weights(model_path: Path, dest: Path) -> None:
    """Every weight array of the model, in layer order, as `arr_0`, `arr_1`, ... in an `.npz`."""
    import numpy as np

    with open(dest, "wb") as f:
        np.savez(f, *load_model(model_path).get_weights())


@hookimpl
def register_exporters():
    """One export format."""
    return [Exporter(id="weights-npz", name="Weights (.npz)", suffix=".npz", export=export_weights)]
