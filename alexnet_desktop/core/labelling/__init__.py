"""Labelling folders: predicting a folder in batches, the user's corrections, and sorting files into class
folders (and undoing it) without ever losing one.
"""
