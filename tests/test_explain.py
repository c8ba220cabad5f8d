"""Grad-CAM follows the object; the first layer's filters tile into an image."""

from __future__ import annotations

import numpy as np

from alexnet_desktop.core.descriptors import Architecture
from alexnet_desktop.core.explain import first_layer_filters, grad_cam, overlay
from alexnet_desktop.core.models import build_classifier


def _bright_detector(num_classes, input_shape):
    """One 3x3 convolution that fires on bright pixels, global pooling, and a dense layer
    that calls an image "bright" (class 1) the more bright pixels it has."""
    from alexnet_desktop.core.tf_runtime import keras

    k = keras()
    inputs = k.Input(input_shape)
    conv = k.layers.Conv2D(1, 3, padding="same", activation="relu", name="detector")
    x = conv(inputs)
    x = k.layers.GlobalAveragePooling2D()(x)
    dense = k.layers.Dense(num_classes, activation="softmax")
    model = k.Model(inputs, dense(x), name="bright")
    conv.set_weights([np.full((3, 3, 3, 1), 1 / 27, np.float32), np.array([-0.5], np.float32)])
    dense.set_weights([np.array([[-20.0, 20.0]], np.float32), np.zeros(2, np.float32)])
    return model


ARCH = Architecture("bright", "Bright", "test", "none", (32, 32, 3), 3, _bright_detector)


def _image(row: int, col: int) -> np.ndarray:
    img = np.zeros((32, 32, 3), np.uint8)
    img[row : row + 8, col : col + 8] = 255
    return img


def test_grad_cam_is_the_image_size_and_its_peak_moves_with_the_object():
    model = build_classifier(ARCH, 2, 32)  # the app's wrapper: uint8 input, rescaling, nested network
    peaks = []
    for row, col in ((2, 3), (20, 22), (4, 21)):
        heat, explained = grad_cam(model, _image(row, col), class_index=1)
        assert heat.shape == (32, 32) and explained == 1
        assert 0 <= heat.min() and heat.max() == 1.0
        r, c = np.unravel_index(np.argmax(heat), heat.shape)
        assert row - 1 <= r <= row + 8 and col - 1 <= c <= col + 8  # on the square
        assert heat[row : row + 8, col : col + 8].mean() > 4 * heat.mean() / 2
        peaks.append((r, c))
    assert len(set(peaks)) == 3
    assert overlay(_image(2, 3), heat).shape == (32, 32, 3)


def test_grad_cam_defaults_to_the_predicted_class():
    model = build_classifier(ARCH, 2, 32)
    _, explained = grad_cam(model, _image(10, 10))
    assert explained == 1  # a bright square: "bright" wins


def test_first_layer_filters_tile_every_kernel(host):
    from alexnet_desktop.core.models import build_classifier as build

    model = build(host.architecture("alexnet"), 10, 67)
    grid = first_layer_filters(model, scale=2)
    # 96 kernels of 11x11, 14 columns x 7 rows of 22-px tiles with 1-px gaps.
    assert grid.dtype == np.uint8 and grid.shape == (7 * 23 + 1, 14 * 23 + 1, 3)
