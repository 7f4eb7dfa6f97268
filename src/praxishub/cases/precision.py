"""What the models take for identifiers and a note writer never means as one.

Rule: this layer only removes spans, and only spans that a statistical model or a bare name
list found on its own (natasha, pymorphy3, spaCy, jieba, the name lists); what a pattern, the
intake names or a checksum found is left alone. Each reason is about how notes are written,
never about one note: a heading or a form's label, a table's header cell, a column layout
read as one name, a kinship word, a greeting that opens a chat message, a name that is also a
word used as that word ("Вера в то…", "Grace under pressure"), a common Chinese word that
jieba's dictionary tags as a name.
"""

from __future__ import annotations

import functools
import re

from praxishub.cases import wordlists
from praxishub.cases.spans import Span

# Layers whose findings are a model's guess, not a pattern's or the user's word.
MODELS = frozenset({"natasha", "pymorphy3", "spacy", "jieba", "names", "names-kk", "capitals"})
# A line's markup before its first word: blanks, quote marks, list bullets, emphasis, numbers.
_LEAD = r"(?:[^\S\n]|[>*_•·\-–]|\d{1,2}[.)](?!\d)|<t[hd][^>]*>)*"
_HEADING = re.compile(r"^[^\S\n]*#{1,6}[^\S\n]+")
# After a label's last word: its colon (with Markdown emphasis), or a run-in heading's full stop.
_LABEL_END = re.compile(r"[^\S\n]*(?:\*\*|__)?[:：]|\.(?:\*\*|__)|</th>")
_LABEL_WORDS = re.compile(r"(?:[^\S\n]+[^\W\d_][\w-]*){0,2}(?=[^\S\n]*(?:\*\*)?[:：])")
# A chat line's speaker, then the message: a greeting or pronoun opening it is no name.
_CHAT_SPEAKER = re.compile(
    r"^[^\S\n]*(?:\[?\d{1,2}[:.]\d{2}(?:[^\S\n]*[AP]M)?\]?[^\S\n]+)\S[^:\n]{0,30}:[^\S\n]+$"
)

# Words that are also names, and the words after them that show they are used as words.
_WORD_NAMES = frozenset(
    [
        "вера",
        "надежда",
        "любовь",
        "faith",
        "grace",
        "hope",
        "will",
        "bill",
        "mark",
        "summer",
        "easter",
        "joy",
        "sunny",
        "rose",
        "naděje",
        "víra",
        "láska",
        "сәуле",
        "бақыт",
        "арман",
        "үміт",
    ]
)
_WORD_FOLLOWERS = frozenset(
    [
        "в",
        "во",
        "на",
        "у",
        "к",
        "о",
        "об",
        "от",
        "для",
        "что",
        "как",
        "из",
        "за",
        "под",
        "—",
        "–",
        "-",
        "и",
        "но",
        "in",
        "under",
        "for",
        "the",
        "a",
        "an",
        "of",
        "on",
        "to",
        "is",
        "was",
        "at",
        "and",
        "that",
        "as",
        "by",
        "from",
        "it",
        "she",
        "he",
        "her",
        "his",
        "they",
        "their",
        "we",
        "you",
        "this",
        "was",
        "were",
        "has",
        "had",
        "be",
        "v",
        "ve",
        "na",
        "že",
        "u",
        "k",
        "o",
        "se",
        "je",
        "—",
        "түсетін",
        "секілді",
    ]
)

# Kinship and role words a model takes for a name (with their case endings).
_KIN = re.compile(
    r"^(?:дед(?:ушк\w*|уля|а|у|ом|е)?|баб(?:ушк\w*|уля|ули|уле|улю)|прабабушк\w*|прадед\w*|тёт[яеиюй]\w*"
    r"|дяд[яеиюь]\w*|отчим\w*|мачех\w*"
    r"|(?:ата-ана|аға|апа|әпке|іні|сіңлі|қарындас|әже|нағашы|жиен|немере|шеше|әке)(?:сы|сі|ы|і|м|ң)?"
    r"(?:ның|нің|на|не|н|мен|ға|ге|да|де|дан|ден|нан|нен)?"
    r"|děd(?:eček|ečk\w*|a|ovi|ou|y|u)?|babič(?:k\w*|ce)|mamin(?:k\w*|ce|ko)|tatín(?:ek|k\w*)|strejd\w*"
    r"|tet(?:a|ě|u|ou|y|ička|ičce)|macech\w*|otčím\w*|praděd\w*|prababič\w*)$",
    re.IGNORECASE,
)
_ZH_KIN = re.compile(
    r"^(?:曾?祖[父母]|曾?外?祖[父母]|曾孙女?|外?孙[子女]?|[哥姐弟妹]{2}|[大小]?姨|[大小]?舅|阿姨|叔叔|伯伯"
    r"|姑姑|婶婶|老先生|老太太|老人家|家里人|同班同学|嘉宾)$"
)
# A test or scale named after its author, the author's name following: "шкале Бека",
# "по методике Семаго", "тест Рене Жиля", "dotazník Rosenberga".
_TEST_WORD = re.compile(
    r"(?:^|[^\w-])(?:шкал[аеуыой]|тест[аеу]?|методик[аеиу]|опросник[аеу]?|scale|test[u]?|dotazník[u]?"
    r"|škál[aeyou]|metod[aeyu]|әдістеме(?:сі)?|шкаласы)[^\S\n]+(?:депрессии[^\S\n]+|по[^\S\n]+)?$",
    re.IGNORECASE,
)
# Lowercase words inside a real name.
_NAME_PARTICLES = frozenset(
    [
        "ұлы",
        "қызы",
        "улы",
        "кызы",
        "van",
        "von",
        "der",
        "de",
        "da",
        "di",
        "la",
        "le",
        "du",
        "bin",
        "ibn",
        "al",
        "el",
        "ben",
        "ter",
        "ten",
        "y",
        "ap",
        "ab",
        "ní",
        "nic",
        "den",
        "del",
        "della",
        "dos",
        "das",
        "zu",
    ]
)
# Greetings and pronouns that open a chat message or a reply.
_GREETINGS = frozenset(
    [
        "ahoj",
        "hi",
        "hello",
        "hey",
        "dobrý",
        "здравствуй",
        "здравствуйте",
        "привет",
        "давай",
        "это",
        "сәлем",
        "сәлеметсіз",
        "бұл",
        "мен",
        "сен",
        "рахмет",
        "спасибо",
        "thanks",
        "díky",
    ]
)


def keep(text: str, spans: list[Span], language: str) -> list[Span]:
    """spans without the models' findings that are layout, labels, kin or words."""
    pieces = [p for s in spans for p in (_pieces(text, s) if s.source in MODELS else [s])]
    people = [(s.start, s.end) for s in pieces if s.kind == "PERSON"]
    return [
        s
        for s in pieces
        if s.source not in MODELS or not _not_identifier(text, s, language, people)
    ]


def _pieces(text: str, span: Span) -> list[Span]:
    """A model's span cut where it crosses a line or a table's column gap ("Руслан)⏎⏎Серёжа К."),
    each piece trimmed of the markup and brackets around it; pieces without a letter go."""
    out = []
    for m in re.finditer(r"[^\n\t]+?(?=\s{3,}|[\n\t]|$)", text[span.start : span.end]):
        piece = m.group()
        left = len(piece) - len(piece.lstrip(" #*>()[]-–—•"))
        right = len(piece.rstrip(" #*>()[]-–—•,;:"))
        if right > left and re.search(r"[^\W\d_]", piece[left:right]):
            start = span.start + m.start()
            out.append(Span(start + left, start + right, span.kind, span.source))
    return out


def _not_identifier(text: str, span: Span, language: str, people: list[tuple[int, int]]) -> bool:
    surface = text[span.start : span.end]
    line_start = text.rfind("\n", 0, span.start) + 1
    before = text[line_start : span.start]
    if span.kind != "PERSON" or not _CHAT_SPEAKER.match(before):
        heading = _HEADING.match(before) and not _HEADING.sub("", before).strip()
        if heading and not known_name(surface, language):
            return True  # a heading's first word
        if re.fullmatch(_LEAD, before) and _label(text, span.end):
            return True  # a form's or a line's label ("Дата обследования:", "**Hypotéza.**")
    if re.search(r"<th[^>]*>[^<]*$", before) and text.startswith("</th>", span.end):
        return True  # a table's header cell
    if _code_table_header(text, line_start):
        return True  # an aligned table's header row, just after its code fence
    if span.kind == "PERSON":
        folded = surface.casefold()
        if _KIN.match(folded) or (language == "zh" and _ZH_KIN.match(surface)):
            return True
        words = surface.split()
        if (
            len(words) >= 3
            and words[0][0].isupper()
            and any(w[0].islower() and w.casefold() not in _NAME_PARTICLES for w in words[1:-1])
        ):
            return True  # a phrase, not a name ("Рене Жиль әдістемесінің және Бек")
        if _TEST_WORD.search(text[max(0, span.start - 30) : span.start]):
            return True  # a test's author after the test's name ("шкала Бека", "test Reného Gilla")
        if folded in _GREETINGS and _CHAT_SPEAKER.match(before):
            return True
        if folded in _WORD_NAMES and _used_as_word(text, span):
            return True
        if (
            language == "zh"
            and span.source == "jieba"
            and len(surface) == 2
            and surface[0] not in "小老阿"
            and not _joins_name(text, span, people)
            and _zh_common_word(surface)
        ):
            return True  # 安静, 康复, 体操: a word, unless it joins a surname or another name
    return False


def _code_table_header(text: str, line_start: int) -> bool:
    """Is the line the header of an aligned table: the first in a code block, three columns or
    more (two spaces apart), no digits ("Күні      Отбасы / бала      Мекенжай")?"""
    if not text.endswith("```\n", 0, line_start) and not text.endswith("```text\n", 0, line_start):
        return False
    end = text.find("\n", line_start)
    line = text[line_start : end if end >= 0 else len(text)]
    return len(re.split(r"\s{2,}", line.strip())) >= 3 and not re.search(r"\d|:", line)


def _label(text: str, end: int) -> bool:
    """Does a label's end (a colon after up to two more words, or a run-in heading) follow?"""
    if _LABEL_END.match(text, end):
        return True
    words = _LABEL_WORDS.match(text, end)
    return bool(words and words.group() and _LABEL_END.match(text, words.end()))


def _used_as_word(text: str, span: Span) -> bool:
    """Does the name-word open a sentence, followed by a word that shows it is a word ("Вера в",
    "Grace under")? Mid-sentence, a capitalised one is a name ("…; Bill in his group")."""
    if not re.search(r"(?:^|[.!?…\n][\s\"«“*_]*)$", text[max(0, span.start - 6) : span.start]):
        return False
    after = re.match(r"[^\S\n]+([^\W\d_]+|[—–-])", text[span.end : span.end + 30])
    return bool(after) and after.group(1).casefold() in _WORD_FOLLOWERS


@functools.cache
def _zh_common_word(word: str) -> bool:
    """Is word a common word in jieba's dictionary (frequent there, so not a given name)?"""
    from praxishub.cases.ner_zh import _jieba

    _jieba()
    import jieba

    return (jieba.dt.FREQ.get(word) or 0) >= 100


def _joins_name(text: str, span: Span, people: list[tuple[int, int]]) -> bool:
    """Is the Chinese word part of a longer name: after a surname, or next to another name?"""
    from praxishub.cases.ner_zh import zh_surnames

    if span.start > 0 and text[span.start - 1] in zh_surnames():
        return True
    return any(b == span.start or a == span.end for a, b in people)


# Territories that notes mark as places: cities and islands more than countries
_PLACE_TERRITORIES = frozenset({"HK", "MO", "TW", "PR", "GU", "VI", "AS", "MP", "GL", "XK"})


@functools.cache
def _countries() -> frozenset[str]:
    """Countries' and continents' names, in the five languages' nominative (Babel's territories)."""
    from babel import Locale

    names: set[str] = set()
    for locale in ("en", "ru", "kk", "cs", "zh", "zh_Hant"):
        for code, name in Locale.parse(locale).territories.items():
            if code not in _PLACE_TERRITORIES and not name.isdigit():
                names.add(name.casefold())
    return frozenset(names)


def _in_country(text: str, span: Span) -> bool:
    """Is the span a country's name, or a word of one ("Lanka" in "Sri Lanka")?"""
    before = re.findall(r"[^\W\d_]+[^\S\n]+", text[max(0, span.start - 40) : span.start])
    after = re.match(r"(?:[^\S\n]+[^\W\d_]+){0,2}", text[span.end : span.end + 40])
    tail = after.group().split() if after else []
    surface = text[span.start : span.end]
    countries = _countries()
    for left in range(min(2, len(before)) + 1):
        head = "".join(before[len(before) - left :]) if left else ""
        for right in range(len(tail) + 1):
            name = " ".join([head + surface, *tail[:right]]).casefold()
            if name in countries:
                return True
    return False


def known_name(word: str, language: str) -> bool:
    """Is word a first name the name lists or the Russian analyser know?"""
    from praxishub.cases import ner

    first = re.split(r"[\s-]", word.strip())[0]
    if not first:
        return False
    if language in ("ru", "kk"):
        if ner.kk_names() & {first.casefold()}:
            return True
        return any("Name" in p.tag.grammemes and p.score >= 0.3 for p in ner.parse(first)[:2])
    if language in ("cs", "en"):
        return first.casefold() in ner.latin_names(language, first_only=True)
    return False


# Kinds a word can be taken for: a number, a date or an address's digits are never a term.
_WORDY = frozenset({"PERSON", "PLACE", "ORG", "HANDLE", "SCHOOL", "ADDRESS"})
# Words after a name-word that opens a sentence and show it is used as a word even where the
# name is a person of the case (an intake name, a recurrence): prepositions and "that", never a
# verb or a pronoun ("Hope said", "Hope is worried" are the person).
_WORD_PREPOSITIONS = frozenset(
    [
        "в",
        "во",
        "на",
        "у",
        "к",
        "о",
        "об",
        "от",
        "для",
        "что",
        "из",
        "за",
        "под",
        "in",
        "under",
        "for",
        "of",
        "on",
        "to",
        "at",
        "that",
        "by",
        "from",
        "v",
        "ve",
        "na",
        "že",
        "u",
        "k",
        "o",
        "түсетін",
        "секілді",
    ]
)


def settle(text: str, spans: list[Span], language: str) -> list[Span]:
    """spans without the ones that are, whichever layer found them, no identifier: those
    inside a term that never is one (a test, weekday, subject, language, label, role,
    medicine, greeting, a common Chinese word the name finders take: ``terms.txt``), and a
    name-word opening a sentence as a word ("Вера в то…", "Faith in the team…").

    Why here and not in each layer: recurrences and the intake names re-mask such words
    wherever they stand, so only a filter over every finding lets them go."""
    if not spans:
        return spans
    covered = _term_letters(text)
    return [s for s in spans if not _settled(text, s, covered)]


@functools.lru_cache(maxsize=8)
def _term_letters(text: str) -> bytes:
    """A mark for each character of the text that lies inside a term (``terms.txt``); kept
    for the last few texts, as the layers' findings and their recurrences ask for one text."""
    marks = bytearray(len(text))
    for start, end in wordlists.term_places(text):
        marks[start:end] = b"\x01" * (end - start)
    return bytes(marks)


# Honorifics: a word after one is a surname, even one that is also a term ("Mr Welsh", "paní
# Polka", "Mrs Guest").
_HONORIFIC = re.compile(
    r"(?:^|[^\w])(?:mr|mrs|ms|miss|mx|dr|sir|madam|pan|paní|pana|panu|panem|slečna|slečno|mgr"
    r"|господин|госпожа|г-н|г-жа)\.?[^\S\n]+$",
    re.IGNORECASE,
)


# An adapted programme's variant, not a day and month: "(вариант 5.2)", "ЗПР 7.2", "программа 7.1"
_PROGRAMME_VARIANT = re.compile(r"\d\.\d")
_VARIANT_BEFORE = re.compile(
    r"(?:вариант\w*|программ\w*|АООП|АОП|ТНР|ЗПР|НОДА|РАС|ТМНР|УО|нұсқа\w*)[^\S\n]*[(:]?[^\S\n]*\Z"
)
# A score out of ten after its scale, not a day and month: "Distress Thermometer 8/10", "scored
# your distress at 7/10", "(emotional 7/10)"; a shift pattern: "график 2/2"
_SCORE = re.compile(r"\d{1,2}/(?:10|\d)")
_SCORE_BEFORE = re.compile(
    r"(?i)(?:thermometer|distress|scored?|rated?|rating|mood|pain|anxiety|worry|worries|suds"
    r"|scale|scaled|confidence|emotional|балл\w*|оценк\w*|шкал\w*)[^\n]{0,20}\Z"
)
_SHIFT_BEFORE = re.compile(r"(?i)(?:график|смены|ауысым\w*)[^\S\n]*(?:работы[^\S\n]*)?\Z")
# A practitioner's credential, no name: "R.Psych.", "C. Psych", "Ph.D."
_CREDENTIAL = re.compile(r"(?:[RC]\.[^\S\n]?Psych|Ph\.[^\S\n]?D|Psy\.[^\S\n]?D|Ed\.[^\S\n]?D)\.?")
# A sentence that opens with "Дана" (was given) before what was given, or with the modal "Will"
# before its subject or "not": a word that is also a first name
_GIVEN_OR_ASKED = re.compile(r"дана|will")
_SENTENCE_START = re.compile(r"(?:^|[.!?…\n]|^[-*•][^\S\n]*|\n[-*•][^\S\n]*)[\s\"«“*_]*\Z")
# (what was given in the nominative, as "дана" agrees with it: "Дана информацию передала" is
# Dana, the subject)
_GIVEN_OR_ASKED_NEXT = re.compile(
    r"(?:информация|ссылка|памятка|рекомендация|консультация|справка|характеристика|обратная"
    r"|инструкция|брошюра|листовка|you|she|he|we|they|it|i|the|not|this|that|there)$",
    re.IGNORECASE,
)
# 向 before whom something is said to, after an adverb, a clause's start or a list's number
_TOWARDS_AFTER = re.compile(
    r"(?:母亲|父亲|妈妈|爸爸|奶奶|爷爷|外婆|外公|家长|父母|同学|学生|孩子|学校|班主任|监护人|家属|校方|大家"
    r"|他|她|我|你|对方)"
)
_TOWARDS_BEFORE = re.compile(
    r"(?:[已先并再不要会可需应则还也都就曾将均]|[，。；：:、（(\n]|^|\d[.、)）][^\S\n]*|电话|面)\Z"
)
# A transcript's legend of its role letters: "K = klient, P = pracovník", "C – caller"
_ROLE_LEGEND = re.compile(
    r"(?<![\w.])(?P<l>[A-ZА-ЯЁ]{1,2})[^\S\n]*[=–—-][^\S\n]*(?i:klient\w*|pracovn\w*|konzultant\w*"
    r"|návštěvník\w*|volající\w*|client|caller|counsell?or|worker|volunteer|visitor|texter"
    r"|клиент\w*|консультант\w*|абонент\w*|посетитель\w*|кеңесші\w*)(?![\w])"
)


@functools.lru_cache(maxsize=8)
def _role_letters(text: str) -> frozenset[str]:
    """The letters a transcript's legend gives its roles (two or more of them)."""
    letters = frozenset(m.group("l") for m in _ROLE_LEGEND.finditer(text))
    return letters if len(letters) >= 2 else frozenset()


_MONTH_BEFORE = re.compile(
    r"(?i)\b(?:in|by|since|until|till|from|of|early|late|mid|next|last|this|each|every|during"
    r"|before|after|through)[^\S\n]+\Z"
)
_KEY = re.compile(r"[^\W\d_a-zа-яё]{2,3}")
_INITIAL = re.compile(r"(?<![^\W\d_])[^\W\d_a-zа-яё]\.")
_SPACED_INITIALS = re.compile(r"(?:[^\W\d_a-zа-яё]\.[^\S\n])+[^\W\d_a-zа-яё]\.")


def _settled(text: str, span: Span, covered: bytes) -> bool:
    """Is span no identifier: all its letters inside terms, or a name-word used as a word?"""
    if (
        span.kind == "DATE"
        and _PROGRAMME_VARIANT.fullmatch(text, span.start, span.end)
        and _VARIANT_BEFORE.search(text, max(0, span.start - 25), span.start)
    ):
        return True  # "АООП НОО для обучающихся с ТНР (вариант 5.2)": a programme's variant
    if span.kind == "DATE" and _SCORE.fullmatch(text, span.start, span.end):
        before = text[max(0, span.start - 40) : span.start]
        out_of_ten = text[span.start : span.end].endswith("/10")
        if (out_of_ten and _SCORE_BEFORE.search(before)) or _SHIFT_BEFORE.search(before):
            return True  # a score out of ten after its scale, or a shift pattern: no date
    credential = _CREDENTIAL.match(text, span.start) if span.kind == "PERSON" else None
    if credential and credential.end() >= span.end:
        return True  # a credential after the name ("Ph.D.", "R.Psych."), no name itself
    if "intake" in span.source:
        return False  # the contributor named this person: masked wherever it stands
    if _HONORIFIC.search(text, max(0, span.start - 12), span.start):
        return False  # a surname after a title stays masked, whatever else it means
    if (
        span.kind == "PERSON"
        and span.end - span.start >= 2
        and _ZH_KIN.match(text[span.start : span.end])
        and text[span.end : span.end + 1] != "士"
    ) or (
        span.kind == "PERSON"
        and text[span.start : span.end] == "孙"
        and text[span.end : span.end + 1] in ("女", "子")
        and text[span.end + 1 : span.end + 2] != "士"
    ):
        # a kin word the name layers take for a surname and a name ("孙女   陆思琪"), not 孙女士
        return True
    if (
        span.kind == "PERSON"
        and text[span.start : span.end] == "向"
        and _TOWARDS_AFTER.match(text, span.end)
        and _TOWARDS_BEFORE.search(text, max(0, span.start - 6), span.start)
    ):
        return True  # "已向母亲说明", "1. 向奶奶说明": the preposition "to", not the surname 向
    if span.kind in ("PERSON", "HANDLE") and text[span.start : span.end] in _role_letters(text):
        return True  # "Role v přepisu: K = klient, P = pracovník": a transcript's role letter
    if "initials-key" in span.source and _KEY.fullmatch(text, span.start, span.end):
        return False  # initials the note keys to a name ("Yusuf Adeyemi (YA)"), a word or not
    if _SPACED_INITIALS.fullmatch(text, span.start, span.end) and not re.match(
        r"[^\S\n]*[^\W\d_a-zа-яё]", text[span.end : span.end + 3]
    ):
        return False  # "(T. M. a J. Š.)": spaced initials alone, no degree ("M.A.")
    # a test author's initials are no name of their own ("Н. Я. Семаго", "A. M. Прихожан")
    initials = {
        m.start() for m in _INITIAL.finditer(text, span.start, span.end) if m.end() < span.end
    }
    letters = [i for i in range(span.start, span.end) if text[i].isalpha() and i not in initials]
    numbered = span.kind == "SCHOOL" and any(ch.isdigit() for ch in text[span.start : span.end])
    if span.kind in _WORDY and letters and not numbered and all(covered[i] for i in letters):
        return True  # every letter inside a term: "Kresba rodiny", "Ravenových maticích 31"
    surface = text[span.start : span.end].casefold()
    if span.kind in ("PERSON", "PLACE") and _in_country(text, span):
        # "born in Kenya", "Jaffna, Sri Lanka", "(Қарақалпақстан, Өзбекстан)": a country is no
        # identifier; a first name spelt like one is ("Kuba", "Dominika", "Jordan")
        name = surface.title()
        return not (span.kind == "PERSON" and any(known_name(name, k) for k in ("en", "cs", "ru")))
    if (
        span.kind == "PERSON"
        and _GIVEN_OR_ASKED.fullmatch(surface)
        and _SENTENCE_START.search(text[max(0, span.start - 6) : span.start])
    ):
        after = re.match(r"[^\S\n]+([^\W\d_]+)", text[span.end : span.end + 30])
        if after and _GIVEN_OR_ASKED_NEXT.match(after.group(1)):
            return True  # "Дана информация о группе", "Will she manage …?": a word, no name
    if (
        span.kind in ("PERSON", "PLACE")
        and surface in ("june", "may", "april", "august")
        and _MONTH_BEFORE.search(text[max(0, span.start - 12) : span.start])
        and not re.match(r"['’]s\b", text[span.end : span.end + 3])
    ):
        return True  # "in June", "by April": the month, not a woman of that name
    if span.kind not in ("PERSON", "PLACE", "ORG") or surface not in _WORD_NAMES:
        return False
    if "recurs" in span.source:
        return False  # a person of this case by that name: "Вера в классе…" is her
    after = re.match(r"[^\S\n]+([^\W\d_]+)", text[span.end : span.end + 30])
    return (
        after is not None
        and after.group(1).casefold() in _WORD_PREPOSITIONS
        and _used_as_word(text, span)
    )
