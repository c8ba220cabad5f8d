"""Architecture plugin: AlexNet with batch normalisation after every convolution (seed 000)."""

from __future__ import annotations

from alexnet_desktop.hookspecs import Architecture, hookimpl


def build_alexnet_bn(num_classes: int, input_shape: tuple[int, int, int] = (227, 227, 3)):
    """AlexNet as in seed 000 (Tangri, "Multi-Class Image Classification using AlexNet", 2020).

    The five convolutions of Krizhevsky et al. (2012) without groups, each followed by
    batch normalisation and ReLU in place of local response normalisation; overlapping
    3/2 max-pooling; two dense 4096 layers without dropout; softmax over `num_classes`.
    At 227x227x3 and 6 classes it has 58,311,430 parameters.
    """
    from alexnet_desktop.core.layers import alexnet_classifier, alexnet_features, conv_bn_relu, keras

    inputs = keras.Input(input_shape, name="image")
    x = alexnet_features(inputs, conv_bn_relu)
    return keras.Model(inputs, alexnet_classifier(x, num_classes), name="alexnet_bn")


ALEXNET_BN = Architecture(
    id="alexnet-bn",
    name="AlexNet + batch norm (seed 000)",
    description=(
        "The five convolutions and three dense layers of AlexNet, with batch normalisation "
        "after every convolution instead of local response normalisation, and no dropout. "
        "Trains quickly and steadily from scratch; the model of the Intel scenes tutorial."
    ),
    reference="Krizhevsky, Sutskever, Hinton (2012), ImageNet Classification with Deep CNNs; seed 000 (Tangri 2020)",
    default_input_shape=(227, 227, 3),
    # 11/4 valid conv then three 3/2 pools: 67 px is the smallest input that leaves a 1x1 map.
    min_input_size=67,
    build=build_alexnet_bn,
)


@hookimpl
def register_architectures():
    """Provide the batch-norm AlexNet."""
    return [ALEXNET_BN]
