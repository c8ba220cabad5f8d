"""Architecture plugins: AlexNet as published (2012), and seed 001's dropout variant."""

from __future__ import annotations

from alexnet_desktop.plugin_api import Architecture, Recipe, hookimpl


PAPER = "Krizhevsky, Sutskever, Hinton (2012), ImageNet Classification with Deep Convolutional Neural Networks"
# 11/4 valid convolution then three 3/2 pools: 67 px is the smallest input that leaves a 1x1 map.
MIN_INPUT = 67


def build_alexnet(num_classes: int, input_shape: tuple[int, int, int] = (227, 227, 3)):
    """AlexNet of Krizhevsky et al. (2012), the table of seed 001.

    Conv 96x11/4, LRN, max-pool 3/2; conv 256x5 in two groups, LRN, pool; conv 384x3;
    conv 384x3 and conv 256x3 in two groups; pool; dense 4096, dropout 0.5, dense 4096,
    dropout 0.5, softmax. The grouped convolutions stand for the paper's two GPUs, which
    only exchanged activations at conv3 and the dense layers. At 227x227x3 and 1000
    classes it has 60,965,224 parameters.
    """
    from alexnet_desktop.plugin_api import LocalResponseNormalization, alexnet_classifier, alexnet_features, keras

    inputs = keras().Input(input_shape, name="image")
    norms = {"conv1": LocalResponseNormalization(name="norm1"), "conv2": LocalResponseNormalization(name="norm2")}
    x = alexnet_features(inputs, grouped=True, after=norms)
    return keras().Model(inputs, alexnet_classifier(x, num_classes, dropout=0.5), name="alexnet")


def build_alexnet_dropout(num_classes: int, input_shape: tuple[int, int, int] = (227, 227, 3)):
    """AlexNet as in seed 001 (cats vs dogs): no groups, no LRN, one batch normalisation
    after the second pool, dropout 0.5 after both dense layers.

    At 227x227x3 and 2 classes it has 58,290,562 parameters, the seed's own `summary()` total.
    """
    from alexnet_desktop.plugin_api import alexnet_classifier, alexnet_features, batch_norm, keras

    inputs = keras().Input(input_shape, name="image")
    x = alexnet_features(inputs, after={"pool2": batch_norm("pool2_bn")})
    return keras().Model(inputs, alexnet_classifier(x, num_classes, dropout=0.5), name="alexnet_dropout")


ALEXNET = Architecture(
    id="alexnet",
    name="AlexNet (2012, as published)",
    description=(
        "The network of the paper: five convolutions, local response normalisation after the "
        "first two, overlapping pooling, convolutions 2, 4 and 5 split in two groups as on the "
        "paper's two GPUs, and two dense 4096 layers with dropout. Trains slowly from scratch; "
        "SGD with momentum and learning rate 0.01 is the paper's recipe."
    ),
    reference=PAPER,
    default_input_shape=(227, 227, 3),
    min_input_size=MIN_INPUT,
    build=build_alexnet,
    # Section 5 of the paper: batch 128, momentum 0.9, weight decay 5e-4, rate 0.01 divided
    # by 10 when the validation error stopped improving, about 90 epochs.
    recipe=Recipe(
        "the paper: SGD 0.01, momentum 0.9, weight decay 5e-4, batch 128, ÷10 on plateau, 90 epochs",
        "sgd", 1e-2, 128, 90, momentum=0.9, weight_decay=5e-4, lr_schedule="plateau",
    ),
    # Adam at 1e-4 (the app's default, said here on purpose): with no batch normalisation and
    # two dense 4096 layers, Adam at 1e-3 risks stalling near chance from random weights.
    defaults={"optimizer": "adam", "learning_rate": 1e-4},
)

ALEXNET_DROPOUT = Architecture(
    id="alexnet-dropout",
    name="AlexNet + dropout (seed 001)",
    description=(
        "AlexNet without groups or response normalisation, with one batch normalisation after "
        "the second pool and dropout 0.5 after each dense layer: the cats-vs-dogs tutorial's model."
    ),
    reference=f"{PAPER}; seed 001 (cats vs dogs with Keras, 2023)",
    default_input_shape=(227, 227, 3),
    min_input_size=MIN_INPUT,
    build=build_alexnet_dropout,
    recipe=Recipe("seed 001: plain SGD at 0.001, batch 32, 100 epochs", "sgd", 1e-3, 32, 100, momentum=0.0),
    # Adam at 1e-4: one batch normalisation only, before two dense 4096 layers; 1e-3 is too
    # large for those from random weights (it risks stalling near chance).
    defaults={"optimizer": "adam", "learning_rate": 1e-4},
)


@hookimpl
def register_architectures():
    """Provide the published AlexNet and seed 001's dropout variant."""
    return [ALEXNET, ALEXNET_DROPOUT]
