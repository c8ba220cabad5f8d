"""Architecture plugin: the small CNN of seed 003 for 32x32 images (CIFAR-10, MNIST)."""

from __future__ import annotations

from alexnet_desktop.plugin_api import Architecture, Recipe, hookimpl



def build_small_cnn(num_classes: int, input_shape: tuple[int, int, int] = (32, 32, 3)):
    """Seed 003's `createModel()` (LearnOpenCV, "Image Classification using CNNs in Keras").

    Three blocks of two 3x3 ReLU convolutions (the first padded, the second not) with
    32, 64 and 64 filters, each block ending in a 2x2 max-pool and dropout 0.25; then
    dense 512 ReLU, dropout 0.5 and softmax. At 32x32x3 and 10 classes it has 276,138
    parameters, the seed's `summary()` total.
    """
    from alexnet_desktop.plugin_api import keras

    layers = keras().layers
    inputs = keras().Input(input_shape, name="image")
    x = inputs
    for block, filters in enumerate((32, 64, 64), start=1):
        x = layers.Conv2D(filters, 3, padding="same", activation="relu", name=f"block{block}_conv1")(x)
        x = layers.Conv2D(filters, 3, activation="relu", name=f"block{block}_conv2")(x)
        x = layers.MaxPooling2D(2, name=f"block{block}_pool")(x)
        x = layers.Dropout(0.25, name=f"block{block}_dropout")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(512, activation="relu", name="fc")(x)
    x = layers.Dropout(0.5, name="fc_dropout")(x)
    outputs = layers.Dense(num_classes, activation="softmax", name="predictions", dtype="float32")(x)
    return keras().Model(inputs, outputs, name="small_cnn")


SMALL_CNN = Architecture(
    id="small-cnn",
    name="Small CNN for 32x32 images (seed 003)",
    description=(
        "Six 3x3 convolutions in three pooled blocks, dropout 0.25 and 0.5, one dense 512 "
        "layer: 276 thousand parameters instead of AlexNet's 58 million. Made for CIFAR-10 and "
        "MNIST-sized images; an epoch of CIFAR-10 takes about a minute on a laptop CPU."
    ),
    reference="Seed 003 (LearnOpenCV 2017, Image Classification using Convolutional Neural Networks in Keras)",
    default_input_shape=(32, 32, 3),
    # Each block takes 2 px (the unpadded conv) and halves: 22 px is the least that leaves 1x1.
    min_input_size=22,
    build=build_small_cnn,
    recipe=Recipe("seed 003: RMSprop (Keras' default rate), batch 256, 100 epochs", "rmsprop", 1e-3, 256, 100),
    # Adam at 1e-3: a net this small with no normalisation learns slowly at the app's 1e-4
    # (on held-out digits after 6 epochs: 0.73 at 1e-4, 0.97 at 1e-3).
    defaults={"learning_rate": 1e-3},
)


@hookimpl
def register_architectures():
    """Provide seed 003's small CNN."""
    return [SMALL_CNN]
