"""Names in text written without capitals, by the words around them and their shape.

Rule: in a stretch written in lower case (a transcript, a chat message, a run-on quotation:
``chatnames.lowercase_runs``), the name lists alone miss surnames and rare first names, and
leave first names that are also words ("crystal", "gene", "ray"). Context decides:

- a surname: a rare word (no common word by ``wordfreq``) right after a found first name,
  or after a first name that is also a word ("crystal spurlock", "gene wilcox": a word
  followed by a surname is a name);
- a coordinated name: a rare word joined by "and", "or", "и", "или", "мен", "a", "nebo"
  to a found one-word name ("kaden and lilly": lilly is known, so kaden is a name too);
- a name after a word that says a name follows: "фамилия", "по фамилии", "surname",
  "příjmení", "тегі", and before Kazakh "есімді" ("named");
- a Kazakh first name by its shape: a stem of three letters or more ending in -жан, -бек
  or -гүл, with or without a case ending ("сейітжан", "Саятжан"), that the Russian
  dictionary does not know;
- a Kazakh or Russian place in lower case: a word whose stem, once the Kazakh case ending
  is taken off, pymorphy3 knows only as a town ("шымкентке", "новосибирскіде"), a stem
  ending in -кент ("ақсукенттегі"), and a word before "ауданы"/"облысы" with that word.

Known limits: a rare common word after a first name ("jess whatever") is taken for a
surname; a name coordinated with a common word is missed ("kaden and will"); Kazakh
words of the name shape that are not names (rare) are masked.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import capitals, chatnames, ner, wordlists
from praxishub.cases.spans import Span

_LO = "a-zà-žа-яёәғқңөұүһі"
_WORD = re.compile(rf"(?<![\w@.#/-])[{_LO}]{{2,}}(?![\w@-])")
_AND = frozenset(["and", "or", "&", "и", "или", "мен", "және", "a", "nebo", "i"])
# Zipf value below which a lower-case word is rare enough to be a name.
RARE = 2.6
_SURNAME_CUE = re.compile(
    r"(?i)(?<!\w)(?:фамили[яию]|по фамилии|фамилия у него|surname|last name|family name"
    r"|příjmení|тегі)(?:[^\S\n]+(?:вроде|типа|like|maybe|asi|is|je))?[^\S\n]*:?[^\S\n]+"
    rf"(?P<n>[{_LO}]{{3,}})(?:[^\S\n]+(?:или|or|nebo|не)[^\S\n]+(?P<m>[{_LO}]{{3,}}))?"
)
_KK_NAMED = re.compile(rf"(?P<n>[А-ЯЁӘҒҚҢӨҰҮҺІ]?[{_LO}]{{2,}})[^\S\n]+есімді(?![\w])")
_KK_NAME_SHAPE = re.compile(
    r"(?i)^[а-яёәғқңөұүһі]{3,}(?:жан|бек|гүл)(?:ның|нің|ға|ге|қа|ке|ды|ді|ты|ті|ны|ні|да|де"
    r"|та|те|нан|нен|дан|ден|тан|тен|мен|бен|пен|тың|тің|дың|дің|а|е|н|ым|ім|ыма|іме)?$"
)
_KK_ENDING_TEXT = (
    "ке ге қа ға та те да де тан тен дан ден нан нен ның нің дың дің тың тің ны ні ды ді ты ті"
    " на не нда нде ндағы ндегі тағы тегі дағы дегі іде ыда"
)
_KK_ENDINGS = sorted(set(_KK_ENDING_TEXT.split(" ")), key=len, reverse=True)
_KK_DISTRICT = re.compile(
    rf"(?<![\w-])(?P<n>[{_LO}]{{3,}})[^\S\n]+(?:аудан|облыс)(?:ы|ына|ында|ындағы|ынан|ының|ымен)(?![\w])"
)
_KENT = re.compile(rf"^[{_LO}]{{2,}}кент(?:{'|'.join(_KK_ENDINGS)}|тегі|ке|те|тен|тің)?$")


def grown(text: str, found: list[Span], language: str) -> Iterator[Span]:
    """Names and places in lower-case stretches, by their neighbours and shapes."""
    if language not in ("ru", "kk", "cs", "en"):
        return
    runs = list(chatnames.lowercase_runs(text))
    runs.extend((m.start("msg"), m.end("msg")) for m in chatnames._MESSAGE.finditer(text))
    if runs:
        new = list(_in_runs(text, runs, found, language))
        yield from new
        yield from _recurring(text, runs, found + new, language)
    for m in _SURNAME_CUE.finditer(text):
        for group in ("n", "m"):
            if m.group(group) and capitals.rare_word(m.group(group), language):
                yield Span(m.start(group), m.end(group), "PERSON", "surname-cue")
    if language == "kk":
        yield from _kazakh(text, runs)
    if language in ("ru", "kk") and runs:
        yield from _ru_at_someone(text, runs)
        yield from _ru_kin_names(text, runs)
    if language == "en" and runs:
        yield from _introduced(text, runs)
    if language == "cs":
        yield from _cs_here(text)
        if runs:
            yield from _cs_named(text, runs)
            yield from _cs_kin_names(text, runs)


# "dobrý den tady černá z ospodu", "dobrý den paní magistro tady ryšavá babička lukáška": a caller
# on the phone saying who is speaking ("tady" and the surname, in lower case)
_CS_HERE = re.compile(
    r"(?i:dobr[ýé]\w*[^\S\n]+(?:den|večer|ráno|odpoledne)|haló|halo|zdravím|dobrý)[,.!]?"
    r"(?:[^\S\n]+(?:paní|pani|pane|pan)[^\S\n]+[a-zá-ž]+[,.!]?)?[^\S\n]+tady[^\S\n]+(?:je[^\S\n]+)?"
    r"(?P<n>[a-zá-ž]{3,})(?:[^\S\n]+(?P<m>[a-zá-ž]{3,}))?(?![\w-])"
)
_CS_NOT_CALLER = frozenset(
    re.findall(
        r"\S+",
        "maminka mamka máma mama matka maminky tatínek táta tata otec babička babi děda dědeček"
        " teta strejda sestra bratr školní paní pani pan pane sociální sociálka ředitelka"
        " učitelka psycholožka třídní ospod policie nemocnice škola školka zástupkyně zástupce"
        " vedoucí koordinátorka asistentka vychovatelka doktorka lékařka sestřička kurátorka"
        " pracovnice",
    )
)


# In Czech speech typed in lower case: a surname after a title ("u paní hronkový", "syn toho pana
# vaňka", "doktorovi brousilovi"), and a family by its genitive plural after "od", "u" or a kin
# word ("kevin od lakatošů", "synovec horvátů"), with the first name before it
_CS_TITLED = re.compile(
    r"(?<![\w-])(?:(?P<her>paní|pani)(?:[^\S\n]+(?:učitelka|ucitelka|doktorka|ředitelka|reditelka"
    r"|třídní|tridni|sousedka))?"
    # "pan ucitel sykora", "pan soused skála": a man's role between the title and the surname
    r"|(?:pan|pana|panu|panem)(?:[^\S\n]+(?:učitel|ucitel|ředitel|reditel|doktor|soused|trenér|trener"
    r"|farář|farar))?|doktor|doktora|doktorovi|doktorem)"
    r"[^\S\n]+(?P<n>[a-zá-ž]{3,})(?![\w-])"
)
# a woman's surname after "paní" is an adjective's form ("holá", "hronkový", "novákové")
_CS_HER_SURNAME = re.compile(r"(?:á|ov[áéýou]|ou|é|ý)$")
_CS_FAMILY = re.compile(
    r"(?<![\w-])(?:(?P<f>[a-zá-ž]{3,})[^\S\n]+)?(?:od|u|synovec|neteř|vnuk|vnučka|kluk|holka)"
    r"[^\S\n]+(?P<n>[a-zá-ž]{3,}ů)(?![\w-])"
)


# a role or a verb after the title, not a surname
_CS_ROLE = re.compile(
    r"psycholo|magist|učitel|doktor|ředitel|vychovatel|asistent|koordinátor|kurátor|zástup|vedouc"
    r"|pracovn|sociáln|speciáln|třídn|jmenovan|uveden|zmíněn|dotyčn|sestř|lékař|terapeut|primář"
    r"|ucitel|reditel|školn|skoln|řidič|ridic|vrátn|vratn|farář|farar|starost"
)
_CS_PRESENT = re.compile(
    r"(?:uje|ije|uju|ne|nou|ete|í)$|^(?:rika|říká|chce|muze|může|mysli|myslí|psal)$"
)
_CS_PAST = re.compile(r"(?:[aeěiyu]l|[aeěiyu]la|[aeěiyu]li|[aeěiyu]lo|[aeěiyu]ly)$")


def _cs_named(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """Surnames after a title and families after "od" in a Czech lower-case stretch: words rarer
    than the verbs and nouns said there (not "paní učitelka řekla", "od rodičů")."""
    for pattern, rare in ((_CS_TITLED, 3.4), (_CS_FAMILY, 2.5)):
        for m in pattern.finditer(text):
            if not any(a <= m.start("n") < b for a, b in runs):
                continue
            word = m.group("n")
            if word in _CS_NOT_CALLER or _zipf(word, "cs") >= rare or wordlists.allowed(word):
                continue
            if _CS_ROLE.match(word) or (_CS_PAST.search(word) and _zipf(word, "cs") >= 2.0):
                continue  # "paní psycholožko", "paní jmenovaná", "pan vyplnil"
            if m.groupdict().get("her") and not _CS_HER_SURNAME.search(word):
                continue  # "paní řidička", "pani rika"
            if _CS_PRESENT.search(word) or re.search(r"[^aeiouyáéěíóúůý]l[aoiy]?$", word):
                continue  # "pan kontaktuje", "pan ucitel rekl"
            start = m.start("n")
            first = m.groupdict().get("f")
            if first and any(
                ner._latin_name(first.capitalize(), ner.latin_names(lang, first_only=True), lang)
                for lang in ("cs", "en")
            ):
                yield Span(m.start("f"), m.end("f"), "PERSON", "lower-caller")
            yield Span(start, m.end("n"), "PERSON", "lower-caller")


@functools.cache
def _zipf(word: str, language: str) -> float:
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language)


def _cs_here(text: str) -> Iterator[Span]:
    """A caller's surname after "dobrý den … tady" (and a first name after it, "vaněk jarda")."""
    for m in _CS_HERE.finditer(text):
        word = m.group("n")
        if word in _CS_NOT_CALLER or word in chatnames._stop_words("cs"):
            continue
        end = m.end("n")
        more = m.group("m")
        if (
            more
            and more not in _CS_NOT_CALLER
            and ner._latin_name(more.capitalize(), ner.latin_names("cs", first_only=True), "cs")
        ):
            end = m.end("m")
        yield Span(m.start("n"), end, "PERSON", "lower-caller")


# "my name is hodan abdullahi warsame", "hi this is javed amiri", "its folake dami mum": a
# caller or a texter saying who they are, in lower case; and whose someone is ("my husband
# javed", "his dad imran drives nights"), or the doctor seen ("we saw doctor mehta")
_KIN_EN = (
    r"dad|mum|mom|mam|husband|wife|son|daughter|brother|sister|cousin|uncle|aunty|auntie|aunt"
    r"|nan|nana|grandma|grandad|grandpa|granny|papaw|mamaw|stepdad|stepmum|stepmom|partner"
    r"|boyfriend|girlfriend|neighbour|neighbor|ex"
)
_INTRODUCED = re.compile(
    r"(?<![\w'’])(?:my[^\S\n]+name[^\S\n]+is|my[^\S\n]+name['’]s|this[^\S\n]+is|it['’]?s|it[^\S\n]+is"
    rf"|(?P<kin>(?:my|his|her|their|your|our)[^\S\n]+(?:{_KIN_EN})|doctor))"
    r"[^\S\n]+(?:(?:miss|mrs|mr|ms|aunty|auntie|nana|nan|koro|nurse)[^\S\n]+)?"
    r"(?P<n>[a-z][a-z'’-]{2,})(?:[^\S\n]+(?P<s>[a-z]{2,}))?(?:[^\S\n]+(?P<t>[a-z]{2,}))?"
)


# contractions typed without their apostrophe
_TYPED_SHORT = frozenset(
    re.findall(
        r"\S+",
        "hasnt havent isnt aint wont cant dont doesnt didnt wasnt werent shouldnt couldnt"
        " wouldnt im ive youre theyre thats whats hes shes",
    )
)


def _introduced(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """A name said after "my name is", "this is" or "it's" in a lower-case stretch: a rare word,
    or a first name that is no everyday word; with the rare words or names after it, its
    surname ("javed amiri", "hodan abdullahi warsame")."""
    for start, stop in runs:
        for m in _INTRODUCED.finditer(text, start, stop):
            word = m.group("n")
            # after a kin word, a name the lists do not know, rarer than the verbs typed there
            # ("my husband javed", not "his dad drives", "my ex texted", "my mum hasnt")
            kin_named = (
                m.group("kin") is not None
                and _zipf(word, "en") < 3.4
                and not word.endswith("ing")
                and word not in _TYPED_SHORT
                and not wordlists.allowed(word)
            )
            first = (
                kin_named
                or _rare(word, "en")
                or (
                    not _everyday(word, "en")
                    and word not in chatnames._EN_WORDS
                    and ner._latin_name(
                        word.capitalize(), ner.latin_names("en", first_only=True), "en"
                    )
                )
            )
            if not first or re.search(r"(.)\1\1", word):
                continue  # "this is sooo bad": a word drawn out, no name
            end = m.end("n")
            for group in ("s", "t"):
                if (
                    m.group(group) is None
                    or end != m.start(group) - 1
                    or not _surname(m.group(group), "en")
                ):
                    break
                end = m.end(group)
            yield Span(m.start("n"), end, "PERSON", "lower-introduced")


# "был у хазирова", "звонила мухаммаду", "к дауровым": a word after a preposition of persons
_RU_AT = re.compile(
    r"(?<![\w-])(?:у|к|от|с|со|для|про)\s+(?P<n>[а-яё]{4,}(?:а|у|ым|ом|ой|ой|ым|ых|е))(?![\w-])"
)
# "с костей шевцовым": a first name and a surname after the preposition
_RU_AT_PAIR = re.compile(
    r"(?<![\w-])(?:у|к|от|с|со|для|про)\s+(?P<f>[а-яё]{3,})\s+(?P<n>[а-яё]{4,}(?:ым|ой|ого|ому|у|а))(?![\w-])"
)

# "мама сони бондаренко": a kin word, then a first name and a surname the dictionary knows
_RU_KIN_PAIR = re.compile(
    r"(?<![\w-])(?:мама|мать|папа|отец|бабушка|дедушка|брат|сестра|сестр[ау]|брата)\s+"
    r"(?P<f>[а-яё]{3,})\s+(?P<n>[а-яё]{4,})(?![\w-])"
)

# "бато (брат) тоже в школе": a lower-case word, then who the person is in brackets
_RU_KIN_AFTER = re.compile(
    r"(?<![\w-])(?P<n>[а-яё]{3,})[^\S\n]*\((?:брат|сестра|сын|дочь|дочка|мама|папа|мать|отец"
    r"|бабушка|дедушка|тётя|тетя|дядя|внук|внучка|племянни[кц]а?|отчим|мачеха|одноклассни(?:к|ца))\)"
)


# "тетя света в купчино", "соседка забидат", "подруга вика": a kin word or a friend, then their
# first name in lower case
_RU_KIN_NAME = re.compile(
    r"(?<![\w-])(?:тетя|тётя|тети|тёти|дядя|дяди|брат|брата|сестра|сестры|подруга|подруги|подружка"
    r"|друг|друга|соседка|соседки|сосед|соседа|бабушка|дедушка|крестная|крёстная)"
    r"(?:[^\S\n]+(?:мой|моя|моего|моей|наш|наша))?[^\S\n]+(?P<n>[а-яё]{3,})(?![\w-])"
    # ("брат слава богу здоров": thanks, not a name)
    r"(?![^\S\n]+(?:богу|господу|аллаху|всевышнему))"
)


# "babi jarka", "sestra jarka", "ten kevin a ještě jeden", "ta mirka z čerchenori": a Czech kin
# word or a demonstrative, then a first name in lower case
_CS_KIN_NAME = re.compile(
    r"(?<![\w-])(?:babi|babička|babičky|děda|dědy|sestra|sestry|ségra|brácha|bráška|bratr|teta|tety"
    r"|strejda|mamka|máma|mamina|táta|taťka|kamarád|kamarádka|soused|sousedka|ten|ta|toho|tý|té)"
    r"[^\S\n]+(?P<n>[a-zá-ž]{3,})(?![\w-])"
)


def _cs_kin_names(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """A first name after a Czech kin word or "ten"/"ta" in a lower-case stretch: a word the
    name lists know as a first name and the word lists as a rare word ("babi jarka", not "ten
    kluk", "ta holka")."""
    for m in _CS_KIN_NAME.finditer(text):
        if not any(a <= m.start() < b for a, b in runs):
            continue
        word = m.group("n")
        if word in _CS_NOT_CALLER or wordlists.allowed(word) or _zipf(word, "cs") >= 2.5:
            continue
        if any(
            ner._latin_name(word.capitalize(), ner.latin_names(lang, first_only=True), lang)
            for lang in ("cs", "en")
        ):
            yield Span(m.start("n"), m.end("n"), "PERSON", "lower-caller")


def _ru_kin_names(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """A first name after a Russian kin word in a lower-case stretch, a word the dictionary can
    read as a name ("тетя света", not "тетя сказала")."""
    morph = ner.morph()
    for m in _RU_KIN_NAME.finditer(text):
        if not any(a <= m.start() < b for a, b in runs):
            continue
        word = m.group("n")
        if wordlists.allowed(word) or not morph.word_is_known(word):
            continue
        if any("Name" in p.tag.grammemes for p in morph.parse(word)[:4]):
            yield Span(m.start("n"), m.end("n"), "PERSON", "ru-lower-at")


def _ru_at_someone(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """A Russian name in lower case after "у", "к", "от", "с" in a transcript or chat: a word
    the dictionary knows only as a name ("у мухаммада"), or does not know and is made like a
    surname ("у хазирова"). Other words stay ("к фудкорту", "с контрпереносом")."""
    morph = ner.morph()
    for m in _RU_AT.finditer(text):
        if not any(a <= m.start() < b for a, b in runs):
            continue
        word = m.group("n")
        if wordlists.allowed(word):
            continue
        if morph.word_is_known(word):
            if not all({"Name", "Surn", "Patr"} & p.tag.grammemes for p in morph.parse(word)):
                continue
        elif not chatnames._RU_SURNAME.search(word):
            continue  # an unknown word not made like a surname: a loan word ("к фудкорту")
        yield Span(m.start("n"), m.end("n"), "PERSON", "ru-lower-at")
    for m in _RU_AT_PAIR.finditer(text):
        if not any(a <= m.start() < b for a, b in runs):
            continue
        first, surname = m.group("f"), m.group("n")
        if morph.word_is_known(surname) or not chatnames._RU_SURNAME.search(surname):
            continue
        if any({"Name"} & p.tag.grammemes for p in morph.parse(first)[:3]):
            yield Span(m.start("f"), m.end("n"), "PERSON", "ru-lower-at")
    for m in _RU_KIN_AFTER.finditer(text):
        if any(a <= m.start() < b for a, b in runs) and _rare_ru(m.group("n")):
            yield Span(m.start("n"), m.end("n"), "PERSON", "ru-lower-at")
    for m in _RU_KIN_PAIR.finditer(text):
        if not any(a <= m.start() < b for a, b in runs):
            continue
        first, surname = morph.parse(m.group("f")), morph.parse(m.group("n"))
        if "Name" in first[0].tag.grammemes and all("Surn" in p.tag.grammemes for p in surname):
            yield Span(m.start("f"), m.end("n"), "PERSON", "ru-lower-at")


def _in_runs(
    text: str, runs: list[tuple[int, int]], found: list[Span], language: str
) -> Iterator[Span]:
    persons = [s for s in found if s.kind == "PERSON"]
    for start, stop in runs:
        words = list(_WORD.finditer(text, start, stop))
        for i, m in enumerate(words):
            after = words[i + 1] if i + 1 < len(words) else None
            named = any(s.start <= m.start() and m.end() <= s.end for s in persons)
            if (
                named
                and _one_word(persons, m)
                and after is not None
                and language in ("en", "cs")
                and not chatnames._CS_SURNAME.search(m.group())  # "šafránková" is no first name
            ):
                if _adjacent(text, m, after) and _surname(after.group(), language):
                    yield Span(after.start(), after.end(), "PERSON", "lower-surname")
            elif (
                not named
                and language in ("en", "cs")
                and _word_name(m.group(), language)
                and after
                and _adjacent(text, m, after)
                and _surname(after.group(), language)
                and not _everyday(after.group(), language)
            ):
                yield Span(m.start(), after.end(), "PERSON", "lower-word-name")
            if named and i + 2 < len(words):
                yield from _coordinated(text, words[i + 1], words[i + 2], language)
            if named and i >= 2:
                yield from _coordinated(text, words[i - 1], words[i - 2], language)


def _recurring(
    text: str, runs: list[tuple[int, int]], spans: list[Span], language: str
) -> Iterator[Span]:
    """A name found in lower case, where it recurs in lower case ("kaden's in second grade"):
    only rare words, since a common one ("crystal") recurs as the word."""
    names: set[str] = set()
    for span in spans:
        if span.kind != "PERSON" or not text[span.start : span.end].islower():
            continue  # a name written in lower case where it was found
        for m in _WORD.finditer(text, span.start, span.end):
            word = m.group()
            if _kk_first_or_shape(word) if language == "kk" else _rare(word, language):
                names.add(word)
    if not names:
        return
    alternatives = "|".join(sorted(map(re.escape, names), key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w@#/.-])(?:{alternatives})(?=['’]s\b|(?![\w@-]))")
    for start, stop in runs:
        for m in pattern.finditer(text, start, stop):
            yield Span(m.start(), m.end(), "PERSON", "lower-recurring")


def _kk_first_or_shape(word: str) -> bool:
    return bool(_KK_NAME_SHAPE.match(word)) or chatnames._kk_first(word)


def _coordinated(
    text: str, joiner: re.Match[str], other: re.Match[str], language: str
) -> Iterator[Span]:
    """other is a name when joined to a name by "and", "или", "мен" …, and rare."""
    if joiner.group() not in _AND:
        return
    gap = text[min(joiner.end(), other.end()) : max(joiner.start(), other.start())]
    if gap.strip():
        return
    word = re.sub(r"['’]s$", "", other.group())
    if language == "kk":  # wordfreq has no Kazakh list: every Kazakh word looks rare
        if _KK_NAME_SHAPE.match(word) or chatnames._kk_first(word):
            yield Span(other.start(), other.end(), "PERSON", "lower-coordinated")
    elif _rare(word, language):
        yield Span(other.start(), other.end(), "PERSON", "lower-coordinated")


def _one_word(persons: list[Span], m: re.Match[str]) -> bool:
    return any(s.start == m.start() and s.end == m.end() for s in persons)


def _adjacent(text: str, a: re.Match[str], b: re.Match[str]) -> bool:
    return text[a.end() : b.start()] == " "


def _surname(word: str, language: str) -> bool:
    """A surname after a first name: rare in the language, no title or allowed word."""
    if word in chatnames._ROLE_WORDS or word in _AND:
        return False
    if (
        language in ("en", "cs")
        and word not in chatnames._EN_WORDS
        and ner._latin_name(word.capitalize(), ner.latin_names(language), language)
    ):
        return True
    if language == "cs" and _CS_VERB_END.search(word):
        return False  # a verb after the name ("matyas volaji"), however rare typed bare
    return _rare(word, language)


# Czech verb endings (present plural and past), with or without diacritics
_CS_VERB_END = re.compile(r"(?:aji|eji|ají|ejí|uje|ují|uji|oval|ovala|ali|ili|ela|ila|ly|li)$")


def _everyday(word: str, language: str) -> bool:
    """A word of everyday speech (Zipf 5 or more: "clear", "good"), which after a first name
    that is an ordinary word ("crystal clear") makes a phrase, not a name."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, language) >= 5.0


def _word_name(word: str, language: str) -> bool:
    """A first name that is also an ordinary word ("crystal", "gene", "ray")."""
    return word in chatnames._EN_WORDS and ner._latin_name(
        word.capitalize(), ner.latin_names(language, first_only=True), language
    )


@functools.cache
def _rare(word: str, language: str) -> bool:
    """No common word at all: rarer than ``RARE`` on wordfreq's list, not a title, allowed
    or stop word."""
    from wordfreq import zipf_frequency

    if len(word) < 3 or wordlists.allowed(word) or word.casefold() in wordlists.titles():
        return False
    lists = {"ru": "ru", "kk": "ru", "cs": "cs", "en": "en"}
    if language in ("en", "cs") and word in chatnames._stop_words(language):
        return False
    return zipf_frequency(word, lists.get(language, "en")) < RARE and capitals.rare_word(
        word, language
    )


# "інім тұрсынбай атырауда тұрады", "көрші бақыт айтады", "мамасы гүлбахор ғой": a kin word or a
# neighbour, a friend, a teacher, then their name in lower case
_KK_KIN_NAME = re.compile(
    r"(?<![\w-])(?:інім|інісі|ағам|ағасы|әпкем|әпкесі|сіңлім|сіңлісі|қарындасым|атасы|әжесі|әкесі"
    r"|анасы|мамасы|папасы|көрші|көршім|көршіміз|көршісі|құрбым|құрбысы|досым|мұғалімі|мұғалімім"
    r"|қайынанам|қайынатам|қайынағам|келінім|күйеуім|әйелім|ұлым|қызым|немерем|жиенім|нағашым"
    r"|балдызым|жеңгем|баласы|ұлы|қызы|немересі|жиені)[^\S\n]+(?P<n>[а-яәғқңөұүһі]{3,})(?![\w-])"
)
# the endings of Kazakh, Uzbek and Uyghur names ("серікбай", "гүлбахор", "мөмүнжан", "шерзод")
_KK_NAME_PART = re.compile(
    r"(?:бай|бек|жан|гүл|хан|тай|жон|хон|зод|бахор|бүбі|нұр|сұлу)$|^гүл|^нұр"
)


def _kk_kin_names(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """A name after a Kazakh kin word in a lower-case stretch: on the name list, of a name's
    shape, or a name in Russian's dictionary ("зульфия"); not a word of the dictionary else."""
    morph = ner.morph()
    for m in _KK_KIN_NAME.finditer(text):
        if not any(a <= m.start() < b for a, b in runs):
            continue
        word = m.group("n")
        if word in _KK_COMMON_AFTER_KIN or wordlists.allowed(word):
            continue
        known = morph.word_is_known(word)
        named = (
            ner._kk_name_form(word, ner.kk_names())
            or (_KK_NAME_PART.search(word) and not known)
            or (known and "Name" in morph.parse(word)[0].tag.grammemes)
        )
        if named:
            yield Span(m.start("n"), m.end("n"), "PERSON", "kk-kin-name")


_KK_COMMON_AFTER_KIN = frozenset(
    re.findall(
        r"\S+", "бар жоқ да де ғой ой ойбай сол осы бұл мен сен ол біз сіз олар жаңа әлі енді"
    )
)


def _kazakh(text: str, runs: list[tuple[int, int]]) -> Iterator[Span]:
    """Kazakh names by their shape, names before "есімді", and places in lower case."""
    yield from _kk_kin_names(text, runs)
    for m in _KK_NAMED.finditer(text):
        if capitals.rare_word(m.group("n"), "kk"):
            yield Span(m.start("n"), m.end("n"), "PERSON", "kk-named")
    for m in re.finditer(r"(?<![\w-])[^\W\d_]{6,}(?![\w-])", text):
        word = m.group()
        if _KK_NAME_SHAPE.match(word) and not ner.morph().word_is_known(word.casefold()):
            yield Span(m.start(), m.end(), "PERSON", "kk-name-shape")
    for start, stop in runs:
        for m in _WORD.finditer(text, start, stop):
            if _kk_place(m.group()):
                yield Span(m.start(), m.end(), "PLACE", "kk-lower-place")
    for m in _KK_DISTRICT.finditer(text):
        if any(a <= m.start() < b for a, b in runs) and capitals.rare_word(m.group("n"), "kk"):
            yield Span(m.start(), m.end(), "PLACE", "kk-district")


@functools.cache
def _kk_place(word: str) -> bool:
    """A town in lower case with a Kazakh case ending: by Russian gazetteer tags, or -кент."""
    if _KENT.match(word):
        return True
    for ending in _KK_ENDINGS:
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            for candidate in (stem, stem.removesuffix("і").removesuffix("ы")):
                if ner.morph().word_is_known(candidate) and chatnames._only_place(candidate):
                    return True
    return False


def _rare_ru(word: str) -> bool:
    """A Russian word rare enough to be a name (wordfreq's Zipf under 3), no allowed word."""
    from wordfreq import zipf_frequency

    return not wordlists.allowed(word) and zipf_frequency(word, "ru") < 3.0
