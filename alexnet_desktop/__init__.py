"""AlexNet Desktop: train image classifiers on your own folders and label folders with them."""

__version__ = "0.1.0"
