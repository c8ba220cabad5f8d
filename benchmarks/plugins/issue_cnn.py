"""Benchmark plugin: the network issue 35 measured plain Keras with, as a user's plugin file.

Issue 35 gave its FixMatch figures for "a small CNN: two blocks of two 3x3 convolutions, dense
256". `benchmarks/fixmatch.py --arch issue-cnn` copies this file into its own plugin folder, so
the app's training runs that same network, and the app's figures can be set beside the issue's.
"""

from __future__ import annotations

from alexnet_desktop.plugin_api import Architecture, hookimpl, keras


def build_issue_cnn(num_classes: int, input_shape: tuple[int, int, int] = (32, 32, 3)):
    """Two blocks of two padded 3x3 ReLU convolutions (32, then 64 filters), each block ending in
    a 2x2 max-pool; then dense 256 ReLU and softmax. The issue names no filters, padding or
    dropout: these are the plainest choices."""
    layers = keras().layers
    inputs = keras().Input(input_shape, name="image")
    x = inputs
    for block, filters in enumerate((32, 64), start=1):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"block{block}_conv1")(x)
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"block{block}_conv2")(x)
        x = layers.MaxPooling2D(2, name=f"block{block}_pool")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(256, activation="relu", name="fc")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions", dtype="float32")(x)
    return keras().Model(inputs, outputs, name="issue_cnn")


@hookimpl
def register_architectures():
    """Provide the issue's CNN."""
    return [Architecture(
        id="issue-cnn",
        name="Issue 35's small CNN",
        description="Two blocks of two 3x3 convolutions, dense 256: the network issue 35 measured with.",
        reference="Issue 35, 'Learn from the unlabelled folder'",
        default_input_shape=(32, 32, 3),
        min_input_size=4,
        build=build_issue_cnn,
        defaults={"learning_rate": 1e-3},
    )]
