"""Voila apps: ipywidgets front-ends that run in a person's own server.

Rule: an app reads and writes only through the programme service's API with the
server's token (the owner's scopes), never files or databases: the service decides
what each person may see. The notebooks in ``dashboards/`` are a few lines that call
``app()`` from a module here.
"""
