"""Praxis Hub: a training and supervision workspace on JupyterHub, nbgrader and Voila."""

from praxishub.fastimport import skip_slow_imports

__version__ = "0.1.0"

# Every Praxis Hub process (the services, the CLI, the dashboards' kernels) imports this
# package before jsonschema: skip the 0.8 CPU-second import praxishub.fastimport names.
skip_slow_imports()
