"""Building blocks shared by the architecture plugins, registered for safe-mode loading.

Everything here is a Keras layer or a function of Keras layers (never `Lambda`), and
custom layers are registered with `register_keras_serializable`, so a model saved by
the app loads again with `keras.saving.load_model(path, safe_mode=True)`.
"""

from __future__ import annotations

from alexnet_desktop.core.tf_runtime import keras

keras = keras()
layers = keras.layers


def conv_bn_relu(x, filters: int, kernel: int, *, strides: int = 1, padding: str = "same", name: str):
    """Convolution, batch normalisation, ReLU: the unit of seed 000's AlexNet."""
    x = layers.Conv2D(filters, kernel, strides=strides, padding=padding, name=f"{name}_conv")(x)
    # Momentum 0.9, not Keras' 0.99: with 0.99 the moving statistics need hundreds of
    # steps to settle, and on a small dataset (the demo has 6 batches an epoch) validation
    # then sits at chance while training accuracy is perfect. Measured on the demo: val
    # accuracy 0.25 after 10 epochs with 0.99.
    x = layers.BatchNormalization(axis=-1, momentum=0.9, name=f"{name}_bn")(x)
    return layers.Activation("relu", name=f"{name}_relu")(x)


def alexnet_classifier(x, num_classes: int, *, dropout: float = 0.0, name: str = "fc"):
    """Flatten, two dense 4096 ReLU layers (with optional dropout after each) and softmax."""
    x = layers.Flatten(name="flatten")(x)
    for i in (6, 7):
        x = layers.Dense(4096, activation="relu", name=f"{name}{i}")(x)
        if dropout:
            x = layers.Dropout(dropout, name=f"{name}{i}_dropout")(x)
    return layers.Dense(num_classes, activation="softmax", name="predictions", dtype="float32")(x)
