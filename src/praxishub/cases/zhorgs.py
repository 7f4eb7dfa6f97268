"""Chinese businesses and local bodies named by a rare word before a word for their kind.

Rule: a word for a kind of business or local body (超市, 居委会, 办事处, 培训中心, 火锅店 …)
closes a name when the nouns jieba cuts just before it (at most five, with no verb,
preposition or particle between) include a word that names something: one jieba tags as
a place, person or organisation, or a noun its dictionary hardly knows ("优才", "花楼",
"护国"). The name runs from that word to the kind word ("村口红梅超市" gives 红梅超市).
Generic services ("社区服务中心", "附近的超市") have only common nouns and stay unmarked.
A small business named by two or three characters before its trade ("老灶台饺子馆",
"茗香阁茶行", "那家美伊假发"), where jieba cuts the name apart, is found by its trade word after a bracket,
a comma or 的/在/于/那家, when the name is no word jieba knows well and no verb; a shop
named by a surname and 记 before its food ("付记热干面馆") likewise.

Known limits: a name with a verb inside ("心理关爱中心" after a city name) is cut after the
verb or missed; a rare common noun before a kind word ("水塔超市") is taken for a name;
jieba's mistakes in tagging carry over.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.ner_zh import _jieba, tagged
from praxishub.cases.spans import Span

_KINDS = re.compile(
    r"(?:超市|便利店|居委会|村委会|办事处|培训中心|培训班|托管班|咖啡馆|咖啡厅|茶室|茶馆|餐厅|饭店|火锅店|火锅"
    r"|外卖|网吧|商店|药店|书店|酒店|宾馆|旅馆|客栈|社团|驿站|服务中心|服务站|关爱中心|派出所|工作室"
    r"|俱乐部|协会|基金会|小卖部|理发店|健身房|奶茶店|面馆|监狱|看守所|戒毒所|热线"
    # a sports team: "大安区少年篮球队"
    r"|篮球队|足球队|排球队|球队"
    # a professional alliance, and an employer by its trade: "中原心理督导联盟", "宏达铝业"
    r"|联盟|铝业|钢业|化工|纺织|建材|物流|制衣|汽修|加工厂|食品厂|服装厂)$"
)
# What a hotline's words say it is for, when no name is among them
_GENERIC_LINE = re.compile(
    r"(?:青少年|全国|心理|援助|服务|维权|儿童|妇女|老年|老人|市民|政务|公益|免费|危机|干预|咨询|求助|健康"
    r"|家庭|教育|法律|反诈|未成年人|学生|社区|24小时|心理健康|希望|关爱|流动|热线)+"
)
# Who a team or a class is for, which jieba tags as a numeral: "大安区少年篮球队"
_AGE_GROUPS = frozenset(["少年", "青少年", "少儿", "儿童", "女子", "男子", "老年"])
_TRADES = frozenset(["铝业", "钢业", "化工", "纺织", "建材", "物流", "制衣", "汽修"])
_ANY_KIND = re.compile(_KINDS.pattern.removesuffix("$"))
# jieba's tags for the words that may make up a name before the kind word.
_INSIDE = {"n", "nr", "ns", "nz", "nt", "nrt", "nrfg", "j", "ng", "zg", "l", "an", "vn", "b"}
_PROPER = {"nr", "ns", "nt", "nrt", "nrfg", "j"}
_RARE_TAGS = {"n", "ng", "zg", "nr"}
# jieba's frequency below which a noun is rare enough to be a name.
RARE = 200


# A hotline's name in its counsellor's greeting: "你好，这里是泉心夜语，我是小鹿"
_GREETING = re.compile(r"这里是(?P<o>[\u4e00-\u9fff]{3,8})[，,][^\S\n]*我是")


def find(text: str) -> Iterator[Span]:
    """Names that end in a kind word and hold a proper or rare word; a line's name in its
    greeting."""
    for m in _GREETING.finditer(text):
        yield Span(m.start("o"), m.end("o"), "ORG", "zh-kind")
    if not _ANY_KIND.search(text) and not _SHOP.search(text) and not _JI_SHOP.search(text):
        return  # jieba's tagging is the costly part: only where a kind word stands
    _jieba()  # first: it loads the dictionary whose frequencies are read below
    import jieba

    freq = jieba.dt.FREQ
    words: list[tuple[int, str, str]] = []
    at = 0
    for word, flag in tagged(text):  # the cut ner_zh made of the same text
        words.append((at, word, flag))
        at += len(word)
    yield from _shops(text, freq)
    for i, (start, word, _flag) in enumerate(words):
        if not _KINDS.search(word):
            continue
        j = i
        while (
            j > 0 and i - j < 5 and (words[j - 1][2] in _INSIDE or words[j - 1][1] in _AGE_GROUPS)
        ):
            j -= 1
        first = next((k for k in range(j, i) if _names_something(words[k], freq)), None)
        if first is None and i > j and word in _TRADES and words[i - 1][2] == "nz":
            first = i - 1  # "宏达铝业": a brand-like name before an employer's trade
        if first is not None:
            # "心桥夜话心理援助热线": characters jieba could not join (心, 桥) begin the name
            while first > j and len(words[first - 1][1]) == 1 and words[first - 1][2] in _RARE_TAGS:
                first -= 1
            if word == "热线" and _GENERIC_LINE.fullmatch(text, words[first][0], start):
                continue  # "青少年服务热线", "维权热线": what a line is for, not its name
            yield Span(words[first][0], start + len(word), "ORG", "zh-kind")


# A small business named by two or three characters before its trade ("老灶台饺子馆",
# "茗香阁茶行", "阿凡提烤馕坊"), after a bracket, a comma or 的/在/于: the name is no word
# jieba's dictionary knows and holds no measure word or particle ("一家小饭馆", "旁边的面馆")
_SHOP = re.compile(
    r"(?:(?<=[（(，、：:])|(?<=[的在于])|(?<=[那这]家))(?P<name>[\u4e00-\u9fff]{2,3})"
    r"(?:茶行|商行|车行|米行|饺子馆|包子铺|面馆|饭馆|菜馆|餐馆|酒楼|食府|烤馕坊|馕坊|作坊|杂货铺|早餐店|小吃店|烧烤店"
    r"|假发店|假发|理发店|美发店|药房|花店)"
)
# A shop named by its owner's surname and 记, then its food: "付记热干面馆", "陈记粥铺"
_JI_SHOP = re.compile(
    r"(?:(?<=[（(，、：:])|(?<=[的在于家]))"
    r"(?P<name>(?![日笔登书标牢忘惦铭印速传游札手杂附谨切熟默强暗补后前史])[\u4e00-\u9fff]记)"
    r"[\u4e00-\u9fff]{0,4}?(?:面馆|饭馆|菜馆|餐馆|粥铺|粉店|面店|包子铺|小吃|烧烤|火锅|酒家|茶餐厅|大排档|烧腊|饭店)"
)
_NOT_SHOP_NAME = re.compile(
    r"[一二三四五六七八九十几这那每某个家间的了小大新]|附近|旁边|对面|门口|楼下"
)


def _shops(text: str, freq: dict[str, int]) -> Iterator[Span]:
    import jieba.posseg

    tags = jieba.posseg.dt.word_tag_tab
    for m in _SHOP.finditer(text):
        name = m.group("name")
        if _NOT_SHOP_NAME.search(name) or (freq.get(name) or 0) >= RARE:
            continue
        if tags.get(name, "n")[0] in "vdpcr":
            continue  # a verb or an adverb before the trade: "约谈面馆经营者"
        yield Span(m.start("name"), m.end(), "ORG", "zh-kind")
    for m in _JI_SHOP.finditer(text):
        yield Span(m.start("name"), m.end(), "ORG", "zh-kind")


def _names_something(word: tuple[int, str, str], freq: dict[str, int]) -> bool:
    """A place, person or organisation tag, or a noun of two or more characters that jieba's
    dictionary hardly knows."""
    _start, text, flag = word
    if flag in _PROPER:
        return True
    return flag in _RARE_TAGS and len(text) >= 2 and (freq.get(text) or 0) < RARE
