"""Kazakh endings the layers share: names, places and organisations take them fused to the word
("Айгерімге", "Алматыдағы", "«Балдәурен» бөбекжайында"), so a layer that matches a known word
must also match it with an ending.

``CASE`` holds the case endings of nouns in every vowel-harmony and consonant variant: genitive,
dative, accusative, locative, ablative and instrumental (the nominative is the bare word).
``POSSESSIVE`` holds the endings of "my", "your" and "our" that chats fuse to a name
("Айгерімім", "Данияңның"), and the fond "-жан" ("Айгерімжан").
"""

from __future__ import annotations

CASE = (
    *("ның", "нің", "дың", "дің", "тың", "тің"),  # genitive
    *("ға", "ге", "қа", "ке", "а", "е", "на", "не"),  # dative
    *("ны", "ні", "ды", "ді", "ты", "ті", "н"),  # accusative
    *("да", "де", "та", "те", "нда", "нде"),  # locative
    *("дан", "ден", "тан", "тен", "нан", "нен"),  # ablative
    *("мен", "бен", "пен"),  # instrumental
)
POSSESSIVE = ("м", "ым", "ім", "ң", "ың", "ің", "мыз", "жан")
# A family named by its plural, with a case ending after it: "Сапаровтармен" (with the Saparovs),
# "сапаровтардың" (the Saparovs')
PLURAL = tuple(
    plural + case
    for plural in ("лар", "лер", "дар", "дер", "тар", "тер")
    for case in ("", "дың", "дің", "ға", "ге", "ды", "ді", "да", "де", "дан", "ден", "мен")
)
