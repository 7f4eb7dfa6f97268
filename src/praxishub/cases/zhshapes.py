"""Layer 4, continued: Chinese schools and places by the shape of their names.

Rule: a numbered middle school's short name (锦江七中, 建材一中: a name and a numeral before 中),
a college or university after a place-like name (松湖学院), a school's section after its name
(…中学初中部), a city or county written after its province (河北省保定市) and a district or
street office named as where someone is (官渡区那边, 在三元里街道) are identifiers; generic
ones (医学院, 本市, 城区, 小区) are not.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import grades
from praxishub.cases.spans import Span

_HAN = "\u4e00-\u9fff"
# A name's characters: not a verb, particle or pronoun that would start a phrase instead
_NAME_CHAR = rf"(?:(?![在住到去是的了从和与把被给对向说要没有这那我你他她们也都就还某个])[{_HAN}])"
_SCHOOLS = re.compile(
    # 锦江七中, 建材一中, 育才二中 (not 初一中午, 其中)
    rf"(?:(?<=[在于到去从的是读念上市区县，。、（(“\s:：])|^)(?P<a>{_NAME_CHAR}{{2,4}}[一二三四五六七八九十]{{1,2}}中)"
    rf"(?![午间旬期文国心学部])"
    rf"|(?<=[在于到去从了，。、（(“\s:：是])(?P<b>{_NAME_CHAR}{{2,6}}?(?:学院|大学))(?![{_HAN}]?[院系])"
)
_GENERIC_COLLEGE = re.compile(
    r"(?:医|商|法|工|文|理|农|师范|职业|技术|社区|老年|成人|开放|继续教育|一所|这所|那所|某|哪所|本|该)(?:学院|大学)$"
)
# …中学初中部, …学校小学部, …一中高中部: a school's section after its name
_SECTION = re.compile(r"(?:初中部|高中部|小学部|国际部|分校|校区)")
# 河北省保定市: a city or county after its province, when the model took only the province
_AFTER_PROVINCE = re.compile(rf"(?<=省)(?P<p>{_NAME_CHAR}{{2,3}}(?:市|县|州|盟))")
# 官渡区那边, 在三元里街道, 搬去义乌: a district or street office named as where someone is
_DISTRICT = re.compile(
    rf"(?<=[在到去住回从们，。、\s])(?P<d>{_NAME_CHAR}{{2,3}}(?:区|街道))(?=那边|这边|一带|附近|那里|这里|，|。|的|住|上学)"
)
_GENERIC_DISTRICT = re.compile(
    r"^(?:.*(?:小|社|园|城|郊|景|校|市|山|病|新|老|开发|商业|住宅|居民|生活|工业|学)区|.*本街道)$"
)


def find(text: str) -> Iterator[Span]:
    """Chinese schools and places by their shapes."""
    if not re.search(f"[{_HAN}]", text):
        return
    for m in _SCHOOLS.finditer(text):
        group = "a" if m.group("a") else "b"
        if group == "b" and _GENERIC_COLLEGE.search(m.group("b")):
            continue
        yield Span(m.start(group), m.end(group), "SCHOOL", "pattern")
    yield from grades.zh_classes(text)
    for m in _AFTER_PROVINCE.finditer(text):
        yield Span(m.start("p"), m.end("p"), "PLACE", "pattern")
    for m in _DISTRICT.finditer(text):
        if not _GENERIC_DISTRICT.match(m.group("d")):
            yield Span(m.start("d"), m.end("d"), "PLACE", "pattern")


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """Schools grown over the section after their name."""
    for span in spans:
        if span.kind in ("SCHOOL", "ORG") and text[span.end - 1 : span.end] in "学校中":
            section = _SECTION.match(text, span.end)
            if section:
                yield Span(span.start, section.end(), span.kind, "edge")
