"""Praxis Hub: a training and supervision workspace on JupyterHub, nbgrader and Voila."""

__version__ = "0.1.0"
