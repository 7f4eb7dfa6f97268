"""Chinese provinces and cities by a gazetteer, where jieba does not tag them as places.

Rule: the names of China's provinces and prefecture-level cities (and a few large
county-level cities) are general vocabulary, like a map's index; one of them is a PLACE
where it stands as a whole word, that is where jieba's cut of its surroundings begins
and ends a word at its edges ("在自贡农村", "从遵义转来"), so a city name hidden inside
other words ("平安顺利" holds 安顺) is left alone. A following 市 or 省 is taken in.

Hubei's county-level cities and Wuhan's neighbourhoods (钟家村, 街道口, 吴家山) are listed too:
the programme in Wuhan names them as others name a city. Beyond the list, GeoNames' towns in
Han characters (``gazetteer``: county seats, towns, Taiwan's and Hong Kong's districts) are a
PLACE the same way, where they are no common word (wordfreq's Zipf under 3, and not one noun of
jieba's dictionary: 温泉, 织锦 and 巷口 stay).

A place the note names once with its unit word (a county, district, town or township: "曾口镇",
"佛山市顺德区", inside what another layer found) is a PLACE where the note names it alone too
("坐到曾口的车", "在佛山顺德打工"), as a whole word; names of a kind of area ("开发区",
"风景区") are not taken.

Known limits: names that are also common words (大同, 安康, 开封, 中山, 东方, 普洱 …) are
left out of the list and, by the word filter, of GeoNames' towns too (原平, whose name is also
a word to wordfreq); villages and a city's districts are in neither (the suffix shapes of the
address layers find those, and the rule above their names alone); a city cut by jieba
together with the next word (遵义会议) is missed.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_PROVINCES = (
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西"
    " 甘肃 青海 内蒙古 广西 西藏 宁夏 新疆 香港 澳门"
)
_CITIES = (
    "北京 上海 天津 重庆 石家庄 唐山 秦皇岛 邯郸 邢台 保定 张家口 承德 沧州 廊坊 衡水 太原 阳泉 晋城 朔州"
    " 晋中 运城 忻州 临汾 吕梁 呼和浩特 包头 乌海 赤峰 通辽 鄂尔多斯 呼伦贝尔 巴彦淖尔 乌兰察布 沈阳 大连"
    " 鞍山 抚顺 本溪 丹东 锦州 营口 阜新 辽阳 盘锦 铁岭 朝阳市 葫芦岛 长春 四平 辽源 松原 白城 延吉"
    " 哈尔滨 齐齐哈尔 鸡西 鹤岗 双鸭山 大庆 伊春 佳木斯 七台河 牡丹江 黑河 绥化 南京 无锡 徐州 常州"
    " 苏州 南通 连云港 淮安 盐城 扬州 镇江 泰州 宿迁 杭州 宁波 温州 嘉兴 湖州 绍兴 金华 衢州 舟山 台州"
    " 丽水 义乌 合肥 芜湖 蚌埠 淮南 马鞍山 淮北 铜陵 安庆 黄山市 滁州 阜阳 宿州 六安 亳州 池州 宣城 福州"
    " 厦门 莆田 三明 泉州 漳州 南平 龙岩 宁德 南昌 景德镇 萍乡 九江 新余 鹰潭 赣州 吉安 宜春 抚州 上饶"
    " 济南 青岛 淄博 枣庄 东营 烟台 潍坊 济宁 泰安 威海 日照 临沂 德州 聊城 滨州 菏泽 郑州 洛阳"
    " 平顶山 安阳 鹤壁 新乡 焦作 濮阳 许昌 漯河 三门峡 南阳 商丘 信阳 周口 驻马店 武汉 黄石 十堰 宜昌"
    " 襄阳 鄂州 荆门 孝感 荆州 黄冈 咸宁 随州 恩施 长沙 株洲 湘潭 衡阳 邵阳 岳阳 常德 张家界 益阳 郴州"
    " 永州 怀化 娄底 广州 韶关 深圳 珠海 汕头 佛山 江门 湛江 茂名 肇庆 惠州 梅州 汕尾 河源 阳江 清远"
    " 东莞 潮州 揭阳 云浮 南宁 柳州 桂林 梧州 北海 防城港 钦州 贵港 玉林 百色 贺州 河池 来宾 崇左 海口"
    " 三亚 儋州 成都 自贡 攀枝花 泸州 德阳 绵阳 广元 遂宁 内江 乐山 南充 眉山 宜宾 广安 达州 雅安 巴中"
    " 资阳 贵阳 六盘水 遵义 安顺 毕节 铜仁 昆明 曲靖 玉溪 昭通 丽江 临沧 大理 西双版纳 拉萨 日喀则"
    " 西安 铜川 宝鸡 咸阳 渭南 延安 汉中 榆林 商洛 兰州 嘉峪关 金昌 白银 天水 武威 张掖 平凉 酒泉 庆阳"
    " 定西 陇南 西宁 银川 石嘴山 吴忠 固原 中卫 乌鲁木齐 克拉玛依 吐鲁番 哈密 喀什 伊宁 库尔勒 阿克苏"
    " 昆山 江阴 张家港 常熟 晋江 慈溪 余姚 瑞安 乐清 温岭 诸暨 海宁 桐乡 东阳 永康 宜兴 溧阳 丹阳"
)
# Hubei's county-level cities and counties, and Wuhan's neighbourhoods: the programme's own
# province and city, which its notes name by these
_HUBEI = (
    "仙桃 潜江 天门 汉川 应城 安陆 云梦 大冶 阳新 麻城 武穴 赤壁 嘉鱼 利川 枣阳 宜城 老河口 丹江口 当阳"
    " 枝江 宜都 松滋 石首 洪湖 监利 钟祥 京山 广水 红安 罗田 英山 蕲春 黄梅 浠水 团风 孝昌 大悟 巴东"
    " 钟家村 街道口 光谷 王家湾 汉正街 江汉路 徐东 积玉桥 司门口 吴家山 后湖 四新 鲁巷 宗关 古田 六渡桥"
    " 王家墩 百步亭 杨春湖 白沙洲 阳逻 蔡甸 汉南 纸坊 金银湖 藏龙岛 庙山 中南路 循礼门 首义 武胜路 常青花园"
)


@functools.cache
def _names() -> frozenset[str]:
    return frozenset((_PROVINCES + " " + _CITIES + " " + _HUBEI).split())


@functools.cache
def _pattern() -> re.Pattern[str]:
    names = sorted(_names(), key=len, reverse=True)
    return re.compile(rf"(?:{'|'.join(names)})(?:市|省)?")


def find(text: str) -> Iterator[Span]:
    """Provinces and cities of the list, and towns of GeoNames, that stand as whole words."""
    taken: list[tuple[int, int]] = []
    for m in _pattern().finditer(text):
        if _whole_word(text, m.start(), m.end()):
            taken.append((m.start(), m.end()))
            yield Span(m.start(), m.end(), "PLACE", "zh-gazetteer")
    yield from _towns(text, taken)


# A town's name that is also a word people use this often or more is left alone (温泉 "hot
# spring", 太平, 和平)
_TOWN_WORD = 3.0


def _towns(text: str, taken: list[tuple[int, int]]) -> Iterator[Span]:
    """GeoNames' Chinese towns (county seats, towns, Taiwan's and Hong Kong's districts) in Han
    characters, the longest name at each place first, where jieba's cut makes it a whole word
    and it is no common word: "2012年来介休开店", "坐车去可可托海"."""
    from praxishub.cases import gazetteer
    from praxishub.cases.zhnameshapes import zipf_zh

    towns = gazetteer.index().han
    if not towns:
        return
    at = 0
    while at < len(text):
        size = next(
            (
                size
                for size in (5, 4, 3, 2)
                if text[at : at + size] in towns
                and not any(a < at + size and at < b for a, b in taken)
                and zipf_zh(text[at : at + size]) < _TOWN_WORD
                and not _common_noun(text[at : at + size])
                and _whole_word(text, at, at + size)
            ),
            0,
        )
        if size:
            yield Span(at, at + size, "PLACE", "zh-gazetteer")
        at += size or 1


@functools.lru_cache(maxsize=4096)
def _common_noun(name: str) -> bool:
    """Does jieba's dictionary know the town's name as one common noun, a place word or a time
    word (织锦 "brocade", 巷口 "the alley's mouth")?"""
    from praxishub.cases.ner_zh import _jieba

    pieces = list(_jieba().cut(name, HMM=False))
    return len(pieces) == 1 and pieces[0].flag in ("n", "s", "f", "t")


def _whole_word(text: str, start: int, end: int) -> bool:
    """Does jieba's cut of the surroundings begin a word at start and end one at end?"""
    from praxishub.cases.ner_zh import _jieba

    _jieba()
    import jieba

    left = max(0, start - 6)
    window = text[left : min(len(text), end + 6)]
    bounds = {0}
    at = 0
    for word in jieba.cut(window, HMM=False):
        at += len(word)
        bounds.add(at)
    return start - left in bounds and end - left in bounds


# A place's name with its unit word, inside a place, address or organisation found in the note
# ("曾口镇", "佛山市顺德区", "昭觉县四开乡"): the name is the first word of the found span or
# follows a higher unit in it
# (not a level or an office: "区级", "县长", "镇政府")
_UNIT_NAME = re.compile(
    r"(?:^|(?<=[省市州县区]))(?P<n>[\u4e00-\u9fff]{2,3}?)(?:县|区|镇|乡|市)"
    r"(?!级|长|委|政府|民|场)"
)
# Names of a kind of area, not of a place ("开发区", "风景区", "老城区")
_AREA_KINDS = frozenset(
    [
        "开发",
        "高新",
        "保税",
        "风景",
        "老城",
        "新城",
        "主城",
        "示范",
        "试验",
        "功能",
        "商业",
        "工业",
        "行政",
        "市辖",
        "管辖",
        "农村",
        "城镇",
        "城乡",
        "中心城",
    ]
)


def recurring(text: str, found: list[Span]) -> Iterator[Span]:
    """A place named with its unit word somewhere in the note, named alone elsewhere in it:
    "在曾口镇那边" … "坐到曾口的车", "佛山市顺德区" … "在佛山顺德打工" (where it stands as a
    whole word)."""
    if not re.search(r"[县区镇乡]", text):
        return
    stems: set[str] = set()
    for span in found:
        if span.kind in ("PLACE", "ADDRESS", "ORG"):
            for m in _UNIT_NAME.finditer(text[span.start : span.end]):
                stems.add(m.group("n"))
    for stem in sorted(stems - _AREA_KINDS - _names()):
        for m in re.finditer(re.escape(stem), text):
            if m.end() < len(text) and text[m.end()] in "县区镇乡市":
                continue  # with its unit word: the span already found
            if _whole_word(text, m.start(), m.end()):
                yield Span(m.start(), m.end(), "PLACE", "zh-gazetteer")
