"""A third-party architecture with a layer of its own, for the tests that reopen models.

It is copied into a workspace's user plugin folder, as a user would install it. Its layer is
deliberately *not* registered with Keras (`register_keras_serializable`): the descriptor's
`custom_layers` is the only route by which a process that never built the model can load it.
"""

from __future__ import annotations
from alexnet_desktop.plugin_api import Architecture, hookimpl



def _layer_class():
    from alexnet_desktop.plugin_api import keras

    k = keras()

    class ChannelGain(k.layers.Layer):
        """Multiplies each channel by a learnt gain (one weight per channel)."""

        def build(self, input_shape):
            self.gain = self.add_weight(shape=(input_shape[-1],), initializer="ones", name="gain")

        def call(self, x):
            return x * self.gain

    return ChannelGain


class _Lazy:
    """The layer class, made on first use so that importing the plugin does not import Keras."""

    cls = None

    @classmethod
    def get(cls):
        if cls.cls is None:
            cls.cls = _layer_class()
        return cls.cls


def build_layered(num_classes, input_shape):
    """A few thousand parameters with one ChannelGain layer in the middle."""
    from alexnet_desktop.plugin_api import keras

    k = keras()
    inputs = k.Input(input_shape)
    x = k.layers.Rescaling(1 / 255)(inputs)
    x = k.layers.Conv2D(8, 3, strides=2, activation="relu", name="conv")(x)
    x = _Lazy.get()(name="gain")(x)
    x = k.layers.GlobalAveragePooling2D()(x)
    return k.Model(inputs, k.layers.Dense(num_classes, activation="softmax")(x), name="layered")


@hookimpl
def register_architectures():
    """One architecture whose model holds a custom layer, declared on its descriptor."""
    return [Architecture(id="layered-test-net", name="Layered test net", description="For tests.", reference="none",
                         default_input_shape=(32, 32, 3), min_input_size=8, build=build_layered,
                         custom_layers=lambda: (_Lazy.get(),))]
