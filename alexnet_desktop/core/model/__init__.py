"""Models: the shared layer blocks, building an architecture into the app's model, its summary table,
loading model files safely, explanations (heat maps) and exports.
"""
