"""The case library: de-identify, review and publish anonymised case notebooks.

Modules: ``spans`` (what is found), ``structured`` / ``ner`` / ``intake`` (the three
finding layers), ``engine`` (joins them and replaces), ``files`` (reading and writing
inputs atomically), ``library`` (the published cases and their metadata).
"""
