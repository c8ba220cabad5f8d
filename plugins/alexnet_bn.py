"""Architecture plugins: AlexNet with batch normalisation, as in seeds 000 and 004."""

from __future__ import annotations

from alexnet_desktop.plugin_api import Architecture, Recipe, hookimpl


PAPER = "Krizhevsky, Sutskever, Hinton (2012), ImageNet Classification with Deep CNNs"
# 11/4 valid conv then three 3/2 pools: 67 px is the smallest input that leaves a 1x1 map.
MIN_INPUT = 67


def build_alexnet_bn(num_classes: int, input_shape: tuple[int, int, int] = (227, 227, 3)):
    """AlexNet as in seed 000 (Tangri, "Multi-Class Image Classification using AlexNet", 2020).

    The five convolutions of Krizhevsky et al. (2012) without groups, each followed by
    batch normalisation and ReLU in place of local response normalisation; overlapping
    3/2 max-pooling; two dense 4096 layers without dropout; softmax over `num_classes`.
    At 227x227x3 and 6 classes it has 58,311,430 parameters.
    """
    from alexnet_desktop.plugin_api import alexnet_classifier, alexnet_features, conv_bn_relu, keras

    inputs = keras().Input(input_shape, name="image")
    x = alexnet_features(inputs, conv_bn_relu)
    return keras().Model(inputs, alexnet_classifier(x, num_classes), name="alexnet_bn")


def build_alexnet_bn_dropout(num_classes: int, input_shape: tuple[int, int, int] = (224, 224, 3)):
    """AlexNet as in seed 004 (Mydatahack, "Building AlexNet with Keras", Flowers-17).

    The seed normalises "before the input" and "after every layer" and puts dropout
    between the dense layers: here a batch normalisation of the input image, every
    convolution followed by ReLU and then batch normalisation, overlapping 3/2 pools, and
    each dense 4096 layer followed by batch normalisation and dropout 0.4 (the seed's rate).
    No groups: the seed drops the two-GPU split "for simplification". Input 224x224 as the
    seed's tflearn copy of Flowers-17.
    """
    from alexnet_desktop.plugin_api import alexnet_classifier, alexnet_features, batch_norm, conv_relu_bn, keras

    inputs = keras().Input(input_shape, name="image")
    x = batch_norm("input_bn")(inputs)
    x = alexnet_features(x, conv_relu_bn)
    outputs = alexnet_classifier(x, num_classes, dropout=0.4, batch_norm_dense=True)
    return keras().Model(inputs, outputs, name="alexnet_bn_dropout")


ALEXNET_BN = Architecture(
    id="alexnet-bn",
    name="AlexNet + batch norm (seed 000)",
    description=(
        "The five convolutions and three dense layers of AlexNet, with batch normalisation "
        "after every convolution instead of local response normalisation, and no dropout. "
        "Trains quickly and steadily from scratch; the model of the Intel scenes tutorial."
    ),
    reference=f"{PAPER}; seed 000 (Tangri 2020)",
    default_input_shape=(227, 227, 3),
    min_input_size=MIN_INPUT,
    build=build_alexnet_bn,
    recipe=Recipe("seed 000: Adam (Keras' default rate), batch 32, 50 epochs", "adam", 1e-3, 32, 50),
    # Adam at 1e-3, seed 000's rate: batch normalisation after every layer keeps the
    # activations in range, so the larger rate is stable and learns faster than 1e-4.
    defaults={"learning_rate": 1e-3},
)

ALEXNET_BN_DROPOUT = Architecture(
    id="alexnet-bn-dropout",
    name="AlexNet + batch norm + dropout (seed 004)",
    description=(
        "AlexNet with its input normalised, batch normalisation after every layer and dropout "
        "0.4 between the dense layers: the Flowers-17 tutorial's model, built to fight "
        "overfitting on small datasets (80 images a class)."
    ),
    reference=f"{PAPER}; seed 004 (Mydatahack 2018, Building AlexNet with Keras)",
    default_input_shape=(224, 224, 3),
    min_input_size=MIN_INPUT,
    build=build_alexnet_bn_dropout,
    recipe=Recipe("seed 004: Adam (Keras' default rate), batch 64, 250 epochs", "adam", 1e-3, 64, 250),
    # Adam at 1e-3, as seed 004: batch normalisation makes the larger rate safe.
    defaults={"learning_rate": 1e-3},
)


@hookimpl
def register_architectures():
    """Provide seed 000's and seed 004's batch-norm AlexNets."""
    return [ALEXNET_BN, ALEXNET_BN_DROPOUT]
