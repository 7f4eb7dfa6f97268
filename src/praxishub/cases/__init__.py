"""The case library: de-identify, review and publish anonymised case notebooks.

Finding (each returns spans; ``spans.union`` joins them): ``structured`` (phones,
e-mails, links, handles, national IDs, record numbers, dates, ages), ``places``
(addresses, postcodes, schools, classes, organisations, places), ``ner`` (names and
places by language model), ``persons`` (names by their context: titles, initials,
nicknames), ``intake`` (the contributor's names in all their forms), ``propagate``
(a name found once is masked wherever it recurs in the case).
Replacing: ``engine`` (tags or ``surrogates``; text, Markdown, notebooks).
Around it: ``files`` (reading and atomic writing), ``library`` (review queue,
publishing), ``check`` (the library check, retention), ``browse`` (serving and the
audit log), ``assign`` (case → nbgrader assignment), ``evaluate`` (scoring against the
labelled sets), ``commands`` (``praxishub cases …``).
"""
