"""Images and datasets: the one image decoder, the dataset model and its loaders' shared layouts, the scan,
augmentation, the tf.data input pipeline, the restricted unpickler and the datasets the app writes itself.
"""
