"""Architecture plugin: Keras Applications backbones that suit a desktop, with a new classifier.

Each network is the backbone without its ImageNet classifier (`include_top=False`, global
average pooling), dropout 0.2 and a new softmax layer for the dataset's classes. The app's
model feeds it images scaled to [0, 1]; the network itself turns them into what the backbone
was trained on, so every use of the saved model (predict, evaluate, explain, export) applies
the same preprocessing. Weights: see `alexnet_desktop.core.model.backbones` (never downloaded).
"""

from __future__ import annotations

from typing import Any, Callable

from alexnet_desktop.plugin_api import Architecture, Pretrained, hookimpl

# ImageNet's mean in BGR order, 0-255, that ResNet50's "caffe" preprocessing subtracts.
CAFFE_MEAN_BGR = (103.939, 116.779, 123.68)


def _scaled_to_255(x: Any, keras: Any) -> Any:
    """MobileNetV3 and EfficientNetV2 rescale 0-255 inputs themselves (include_preprocessing)."""
    return keras.layers.Rescaling(255.0, name="to_0_255")(x)


def _caffe(x: Any, keras: Any) -> Any:
    """ResNet50's preprocessing: RGB to BGR, 0-255, less ImageNet's mean; one fixed 1x1 convolution."""
    import numpy as np

    kernel = np.zeros((1, 1, 3, 3), dtype="float32")
    for out, source in enumerate((2, 1, 0)):
        kernel[0, 0, source, out] = 255.0
    conv = keras.layers.Conv2D(3, 1, name="caffe_preprocessing", trainable=False)
    y = conv(x)
    conv.set_weights([kernel, -np.array(CAFFE_MEAN_BGR, dtype="float32")])
    return y


def _builder(application: str, preprocess: Callable[[Any, Any], Any], **extra: Any) -> Callable[..., Any]:
    def build(num_classes: int, input_shape: tuple[int, int, int] = (224, 224, 3)) -> Any:
        from alexnet_desktop.plugin_api import keras

        k = keras()
        backbone = getattr(k.applications, application)(
            input_shape=input_shape, include_top=False, weights=None, pooling="avg", **extra)
        inputs = k.Input(input_shape, name="image")
        x = backbone(preprocess(inputs, k))
        x = k.layers.Dropout(0.2, name="head_dropout")(x)
        outputs = k.layers.Dense(num_classes, activation="softmax", name="predictions", dtype="float32")(x)
        return k.Model(inputs, outputs, name=f"{backbone.name}_transfer")

    build.__doc__ = f"keras.applications.{application} without its top, then dropout and a new softmax."
    return build


_MOBILENET = "https://storage.googleapis.com/tensorflow/keras-applications/mobilenet_v3/"
_KERAS_SCALING = "inside the model: Rescaling(255), then the backbone's own preprocessing (include_preprocessing)"
# The head learns at a rate a pretrained backbone tolerates once it is trained too (x0.1 then).
_DEFAULTS = {"learning_rate": 1e-3, "batch_size": 32, "epochs": 10}


def _arch(id: str, name: str, application: str, file_name: str, origin: str, preprocessing: str,
          preprocess: Callable[[Any, Any], Any], description: str, reference: str, **extra: Any) -> Architecture:
    return Architecture(
        id=id, name=name, description=description, reference=reference,
        default_input_shape=(224, 224, 3), min_input_size=32,
        build=_builder(application, preprocess, **extra),
        defaults=dict(_DEFAULTS),
        pretrained=Pretrained(file_name, origin + file_name, application_name(application), preprocessing),
    )


def application_name(application: str) -> str:
    """The name keras.applications gives the backbone model (its `name` default)."""
    return {"EfficientNetV2B0": "efficientnetv2-b0", "ResNet50": "resnet50"}.get(application, application)


BACKBONES = [
    _arch("mobilenet-v3-small", "MobileNetV3-Small (ImageNet backbone)", "MobileNetV3Small",
          "weights_mobilenet_v3_small_224_1.0_float_no_top_v2.h5", _MOBILENET, _KERAS_SCALING, _scaled_to_255,
          "Google's small phone network: 0.9 million backbone parameters, fast on any CPU.",
          "Howard et al. 2019, Searching for MobileNetV3"),
    _arch("mobilenet-v3-large", "MobileNetV3-Large (ImageNet backbone)", "MobileNetV3Large",
          "weights_mobilenet_v3_large_224_1.0_float_no_top_v2.h5", _MOBILENET, _KERAS_SCALING, _scaled_to_255,
          "The larger MobileNetV3: 3 million backbone parameters, a good default on a laptop.",
          "Howard et al. 2019, Searching for MobileNetV3"),
    _arch("efficientnet-v2-b0", "EfficientNetV2-B0 (ImageNet backbone)", "EfficientNetV2B0",
          "efficientnetv2-b0_notop.h5",
          "https://storage.googleapis.com/tensorflow/keras-applications/efficientnet_v2/", _KERAS_SCALING,
          _scaled_to_255, "EfficientNetV2's smallest: 6 million backbone parameters, accurate for its size.",
          "Tan and Le 2021, EfficientNetV2: Smaller Models and Faster Training"),
    _arch("resnet50", "ResNet50 (ImageNet backbone)", "ResNet50",
          "resnet50_weights_tf_dim_ordering_tf_kernels_notop.h5",
          "https://storage.googleapis.com/tensorflow/keras-applications/resnet/",
          "inside the model: RGB to BGR, x255, less ImageNet's mean (caffe), one fixed 1x1 convolution",
          _caffe, "The classic 50-layer residual network: 23 million backbone parameters; slow on a CPU.",
          "He et al. 2016, Deep Residual Learning for Image Recognition"),
]


@hookimpl
def register_architectures():
    """Provide the Keras Applications backbones."""
    return list(BACKBONES)
