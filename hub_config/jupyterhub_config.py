# JupyterHub configuration for Praxis Hub: glue only, the logic is in praxishub.hub.
import logging
import os

from praxishub.hub import Runtime, apply_settings, log_isolation
from praxishub.settings import load_settings

settings = load_settings(os.environ.get("PRAXISHUB_SETTINGS", "praxishub.yaml"))
runtime = Runtime.detect()
log_isolation(settings, runtime, logging.getLogger("praxishub"))
apply_settings(c, settings, runtime)  # noqa: F821 (c is given by JupyterHub)
