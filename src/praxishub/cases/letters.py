"""Character classes of the scripts the notes are written in, for the place patterns.

Cyrillic capitals and small letters (Russian and Kazakh), Czech capitals and small
letters (English fits inside them), and the common Han ideographs; ``places`` and
``postal`` build their patterns from these.
"""

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
