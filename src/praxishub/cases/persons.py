"""Layer 2, continued: persons named by their context, in every language.

Rule: the context alone must say "this is a person": a title (Mr, Ms., paní,
MUDr.), an initial before a surname (J. Mensah, Е. В. Шестакова), a role label
with a colon ("Konzultant: Ondřej"), a name being introduced ("gave her name as",
"представилась как", "деп таныстырды", "自称") or a nickname ("calls him "Mase"",
"JJ (his nickname)", "妈妈叫她"琪琪""), an attendance list ("Přítomni: …"), the sender of
an e-mail ("Name <…@…>") or a name in the other script ("英文名Emily Chen", "安娜·彼得罗娃").
So these find names that no list holds.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.ner import allowed, latin_names, titles
from praxishub.cases.ner_zh import zh_surnames
from praxishub.cases.spans import Span


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UP = "A-ZА-ЯЁÁČĎÉĚÍŇÓŘŠŤÚŮÝŽӘҒҚҢӨҰҮҺІ"
_LO = "a-zа-яёáčďéěíňóřšťúůýžәғқңөұүһі"
_NAME = rf"[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?"
_NAMES = rf"{_NAME}(?:\s{_NAME}){{0,2}}"
_HAN = "\u4e00-\u9fff"

# Capitalised function words that can follow an initial-like letter at a sentence's end.
_NOT_SURNAMES = frozenset(
    [
        "The",
        "This",
        "That",
        "Then",
        "There",
        "They",
        "These",
        "Those",
        "She",
        "He",
        "It",
        "We",
        "You",
        "His",
        "Her",
        "Its",
        "Our",
        "Their",
        "And",
        "But",
        "Or",
        "If",
        "When",
        "While",
        "After",
        "Before",
        "Also",
        "In",
        "On",
        "At",
        "To",
        "For",
        "From",
        "With",
        "Of",
        "As",
        "By",
        "No",
        "Not",
        "Yes",
        "Mr",
        "Mrs",
        "Ms",
        "Miss",
        "Mx",
        "Dr",
        "Prof",
    ]
)

_CONTEXTS = [
    # Mr Osei, Ms. Alvarez, Mrs Kowalski's, Dr Aisha Thompson, Pastor Ames, Aunt Rosa
    re.compile(
        r"\b(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Pastor|Father|Fr|Rev|Reverend|Rabbi|Imam|Sister|Brother|Coach"
        r"|Officer|PC|DC|Sgt|Sergeant|Detective|Judge|Nurse|Aunt|Auntie|Uncle|Grandma|Grandpa|Granny"
        rf"|Grandad|Nana|Nan)\.?\s+(?P<n>{_NAMES})"
    ),
    # her ex-partner, Dom; his brother Kofi; a friend called Rafa: a relative or friend, then a name
    re.compile(
        r"\b(?:(?:ex-|step-?)?(?:partner|boyfriend|girlfriend|husband|wife|son|daughter|brother|sister"
        r"|mother|father|mum|mom|dad|friend|cousin|uncle|aunt|grandmother|grandfather|grandma|grandpa"
        r"|nan|niece|nephew|fianc[ée]e?|colleague|manager|boss|neighbou?r|flatmate|roommate|classmate"
        r"|carer|stepdad|stepmum|stepmom|volunteer|mentor|befriender|buddy|coach)|ex)"
        r"(?:,\s+|\s+(?:called|named)\s+|\s*\(|\s+)(?P<n>" + _NAME + r")(?![\w'’-])"
    ),
    # a baby boy (Alfie), her son (Kai): a child named in brackets after the word for it
    re.compile(rf"\b(?:baby|boy|girl|son|daughter|brother|sister|child)\s*\((?P<n>{_NAME})\)"),
    # Mason Lee Thornton, DOB 11.05.2011; Jana Nováková, nar. 3. 4. 2012: a person and the birth date
    re.compile(
        rf"(?P<n>{_NAME}(?:\s{_NAME}){{1,2}}),\s*(?:DOB|D\.O\.B\.|born|nar\.|narozen[aáý]?|родил\w*|туған)(?!\w)"
    ),
    # мен Аружанмын: "I am …", a Kazakh name with its fused verb of being
    re.compile(rf"(?<!\w)[Мм]ен\s+(?P<n>[{_UP}][{_LO}]{{2,}}(?:мын|мін|пын|пін|бын|бін))(?!\w)"),
    # paní Kučerová, pana Černého, MUDr. Malým, Mgr. Hana Horáková
    re.compile(
        # ("tř. uč. p. Pospíšilová", "pí Dvořáková": pan and paní abbreviated)
        r"(?<!\w)(?:pan|paní|pana|panu|panem|pane|p\.|pí|slečn[aouě]|Mgr\.|MUDr\.|PhDr\.|Ing\.|Bc\.|doc\.|prof\."
        # police and army ranks: "inspektorka por. Bílková", "Por. Tereza Bílková"
        r"|(?i:n?por|ppor|kpt|mjr|pplk|plk|n?prap|pprap|stržm|šstržm)\.)"
        rf"\s+(?P<n>{_NAMES})"
    ),
    # J. Mensah, R. Castillo, Е. В. Шестакова
    re.compile(rf"(?<![\w.])(?P<n>[{_UP}]\.\s?(?:[{_UP}]\.\s?)?{_NAME})"),
    # Соколовой О. П., Жұмабекова Р. Т.
    re.compile(rf"(?<![\w.])(?P<n>{_NAME}\s[{_UP}]\.\s?[{_UP}]\.)"),
    # Беловой А., 8 «А»; сыныптасы Бекзат Қ.; Jakub Š. (Kuba): a surname or name and one initial,
    # inside a sentence (not "… в приложении А. Далее")
    re.compile(
        rf"(?<=[\w,:;—–*-]\s)(?P<n>{_NAME}\s[{_UP}]\.)(?!\s?[{_UP}]\.)(?=\s*[,;:)(]|\s+[{_LO}—–-])"
    ),
    # Egon Sýkora (7. D), Kenzie Palmer (9th grade), Лиза Вахрушева (3 «А»): a pupil and the class
    re.compile(
        rf"(?P<n>{_NAME}\s{_NAME})\s*\((?:\d{{1,2}}\.?\s?[A-ZА-ЯЁӘ]|\d{{1,2}}\s*«[{_UP}]»"
        r"|\d{1,2}(?:st|nd|rd|th)\s+grade|Grade\s+\d{1,2}|Year\s+\d{1,2})[,)]"
    ),
    # School counsellor:** Priya Nair / Konzultant: Ondřej / Кеңесші: Арман
    re.compile(
        r"(?i:counsel+or|therapist|psychologist|supervisor|tutor|consultant|caseworker|social worker"
        r"|konzultant\w*|psycholog\w*|terapeut\w*|supervize|supervizor\w*|psycholožka"
        r"|психолог\w*|консультант\w*|супервиз\w*|кеңесші|куратор\w*)"
        r"(?:[^\S\n]+on[^\S\n]+(?:call|duty|shift))?"  # "Supervisor on call: Mandeep Gill"
        rf"\s*[:：]\s*(?:\*\*\s*)?(?:(?:Dr|Mgr|PhDr|Mr|Ms|Mrs)\.?\s+)?(?P<n>{_NAMES})"
    ),
    # Tyler J. Castellano, Anna M. Nováková: a first name, a middle initial and a surname
    re.compile(rf"(?<![\w.])(?P<n>{_NAME}\s[{_UP}]\.\s?{_NAME})"),
    # Alena Pokorny <counselling@…>: a name before its e-mail address in angle brackets
    re.compile(rf"(?P<n>{_NAME}(?:\s{_NAME}){{1,2}})\s*<[^<>\s@]+@"),
    # dobrovolnice Gábina, se sestrou Janou: a Czech relative, friend or volunteer, then a name
    re.compile(
        r"(?<!\w)(?:dobrovoln(?:ík|ice|íka|ici|íkem|icí)|kamarád(?:ka|ky|ce|ku|kou|a|em|ovi)?"
        r"|spolužá(?:k|ka|kem|kovi|čka|čky|čce|čku|čkou)|přítel(?:kyně|kyní|em|e)?|bratr(?:a|em|ovi)?"
        r"|sestr(?:a|u|ou|y|e)|babičk(?:a|u|ou|y)|děd(?:a|ou|em|eček)|strýc|strýce|tet(?:a|u|ou|y)"
        r"|syn(?:a|em|ovi)?|dcer(?:a|u|ou|y))\s+(?P<n>[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+"
        r"(?:\s[A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ][a-záčďéěíňóřšťúůýž]+)?)(?=\s+(?:může|ze|z|je|a|chodí|říká|přišla|přišel)\b|[.,;)])"
    ),
    # Žák               Matyáš Hrubý / Student: Tyler J. Castellano: a pupil's name after its label,
    # in an aligned table or after a colon
    re.compile(
        r"(?m)^[^\S\n]*(?:\*\*)?(?:Žák|Žákyně|Student|Pupil|Child|Jméno|Name|Ученик|Ученица|Обучающ\w+|ФИО"
        r"|Оқушы|Аты-жөні|Pacient\w*|Patient|Dítě|Ребёнок|Ребенок)(?:(?:\*\*)?[:：](?:\*\*)?[^\S\n]*|[^\S\n]{2,})"
        rf"(?P<n>{_NAME}(?:[^\S\n](?:[{_UP}]\.[^\S\n]?)?{_NAME}){{1,2}})"
    ),
    # Nutriční terapeutka Grace Oduya, sociální pracovnice Jana Malá: a Czech professional's full name
    re.compile(
        r"(?<!\w)(?:terapeut(?:ka|ky|ce|ku|kou)?|psycholož(?:ka|ky|ce|ku|kou)|psycholog(?:a|em|ovi)?"
        r"|lékař(?:ka|ky|ce|ku|kou|e|em)?|učitel(?:ka|ky|ce|ku|kou|e|em)?|asistent(?:ka|ky|ce|ku|kou)?"
        r"|vychovatel(?:ka|ky|ce|ku|kou)?|pracovni(?:ce|ci|cí)|pracovník(?:a|em)?|metodi(?:čka|čky|čce|k|ka))"
        rf"\s+(?P<n>{_NAME}\s{_NAME})(?![\w-])"
    ),
    # the Hernandez family, Nguyen family, Luis: a surname before the word for family
    re.compile(
        r"(?<![\w-])(?!(?:Foster|Host|Birth|Adoptive|Extended|Whole|Royal|Blended|Immediate|Nuclear|Same|Other"
        r"|New|Own|Step|Biological|Kinship|Wider|Entire|Maternal|Paternal|Military|Christian|Muslim|Jewish|Roma"
        r"|My|Your|Our|Whose|Each|Every|Any|Which|What|Whole|Single|Large|Small|Close|Good|Big)\b)"
        rf"(?!\w+(?:ian|ish|ese|ean)\b)(?P<n>{_NAME})[^\S\n]+family\b"
    ),
    # Маргарита Юрьевна Донская, Әсемгүл Маратқызы: the given name before a patronymic, and
    # a surname after a given name and patronymic
    re.compile(
        rf"(?<![\w-])(?!(?:Құрметті|Қымбатты|Уважаем|Дорог|Сәлем)[{_LO}]*[^\S\n])"
        rf"(?P<n>[{_UP}][{_LO}]+(?:[^\S\n][{_UP}][{_LO}]+)?[^\S\n][{_UP}][{_LO}]+"
        r"(?:қызы|ұлы|кызы|улы|овна|евна|ична|инична|ович|евич|ьич)[а-яәіңғүұқөһ]{0,4}"
        rf"(?:[^\S\n][{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?(?=[\s,.;:)]))?)(?![\w-])"
    ),
    # "ms k", "thank you Mr T": a title and the initial that stands for the surname (not
    # "mr a", "Mrs I", words of a sentence)
    re.compile(
        r"(?<![\w.])(?:[Mm]rs?|[Mm]s|MRS?|MS)\.?[^\S\n]+(?P<n>(?![AIai]\b)[A-Za-z])(?![\w'’@-]|\.\w)"
    ),
]
# A pupil in a list, with the class after a comma (and the name in another script in brackets):
# "- Hope Ossett, 7B;", "1. **Oleksandr Bondarenko** (Олександр Бондаренко), 4.A.",
# "**Kim Ji-woo**（金智友），四年级(1)班", "Leah = Leah Quinn, 11B"
_FOREIGN_NAME = rf"[{_UP}][{_LO}]+(?:-[{_UP}]?[{_LO}]+)?"
_CLASS_AFTER = (
    r"(?:\d{1,2}\.?[^\S\n]?[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ](?!\w|\.\w)|\d{1,2}[^\S\n]*«[А-ЯЁӘҒҚҢӨҰҮҺІA-Z]»|\d{1,2}[A-Z]{1,3}\b"
    r"|Year\s+\d{1,2}|\d{1,2}(?:st|nd|rd|th)\s+grade|[一二三四五六七八九]年级|[初高][一二三]|Reception\b|Nursery\b)"
)
_PUPIL = re.compile(
    rf"(?<![\w-])(?:\*\*)?(?P<n>{_FOREIGN_NAME}(?:[^\S\n]{_FOREIGN_NAME}){{1,2}})(?:\*\*)?"
    r"(?:[^\S\n]*[（(](?P<alt>[^\d()（）\n,，]{2,30})[)）])?[^\S\n]*[,，][^\S\n]*" + _CLASS_AFTER
)
# Chinese names by their context, checked for a surname where they are full names: 同班男生邓凯文把,
# 外孙李想（, 女生朵朵，(a doubled nickname), 小蕊（方蕊）(a nickname and the full name sharing a
# character), 母亲Olga电话 (a name in Latin letters after a relative)
_ZH_RELATIVES = (
    "外孙女|外孙|孙子|孙女|儿子|女儿|侄子|侄女|男生|女生|男孩|女孩|同桌|好朋友|父亲|母亲|爸爸|妈妈"
)
_ZH_FULL_NAME = re.compile(
    rf"(?:{_ZH_RELATIVES})(?P<n>[{_HAN}]{{2,3}})(?=[、，。；（(：:\s)）]|把|被|说|和|也|都)"
)
_ZH_NICKNAME = re.compile(
    rf"(?:{_ZH_RELATIVES})(?P<n>([{_HAN}])\2)(?=[、，。；（(\s)）])"
    rf"|(?P<s>[小阿]?[{_HAN}]{{1,2}})[（(](?P<f>[{_HAN}]{{2,3}})[)）]"
)
_ZH_LATIN_NAME = re.compile(
    r"(?:母亲|父亲|妈妈|爸爸|哥哥|姐姐|弟弟|妹妹|继母|继父|舅舅|姑姑|阿姨|叔叔|好朋友|朋友|同学|同桌|男友|女友"
    r"|前男友|前女友|闺蜜)(?P<n>[A-Z][a-z]{2,})(?![A-Za-z])"
)
# 安娜·彼得罗娃, 阿依古丽·买买提: a foreign name written in characters, its parts joined by a dot
_ZH_DOTTED = re.compile(rf"[{_HAN}]{{1,6}}(?:[·•・‧][{_HAN}]{{1,6}})+")
# 英文名Emily Chen, 中文名程欣怡, Lucas Martin（中文名马路可）: a person's name in the other script
_ZH_OTHER_NAME = re.compile(
    rf"(?:英文名|中文名|原名|本名|全名|外文名)[：:]?[^\S\n]*(?P<n>[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+){{0,2}}|[{_HAN}]{{2,4}})"
    rf"|(?P<m>[A-Z][a-z]+(?:[^\S\n][A-Z][a-z]+){{0,2}})(?=[^\S\n]*[（(](?:英文名|中文名|原名|本名))"
)
# Lucas Martin in a Chinese note: a first name and a surname in Latin letters
_ZH_LATIN_FULL = re.compile(r"(?<![A-Za-z])(?P<n>[A-Z][a-z]+)[^\S\n][A-Z][a-z]+(?![A-Za-z])")
_ZH_LATIN_GIVEN = re.compile(
    r"(?<![A-Za-zÀ-ž0-9_@.#/\\-])(?:(?P<t>Miss|Mr|Mrs|Ms|Dr)\.?[^\S\n])?(?P<n>[A-Z][a-zà-ž]{2,})"
    r"(?:[^\S\n][A-Z][a-zà-ž]+)?(?![A-Za-zÀ-ž0-9_@])"
)
_ZH_ROLE_NAME = re.compile(
    rf"(?:个案|家访对象|对象|留守儿童|孩子|来访者|当事人|报告人|求助者|继父|继母|养父|养母|生父|生母|外婆|外公|奶奶|爷爷"
    rf"|心理老师|班主任|辅导员|社工|民警|记录人|报告人)[：:]?[^\S\n]*"
    rf"(?P<n>[{_HAN}]{{3}}|(?:欧阳|司马|上官|诸葛|东方|慕容|司徒|皇甫|夏侯|尉迟)[{_HAN}]{{1,2}})"
    rf"(?:[（(](?P<d>([{_HAN}])\3)[)）])?(?=[、，。；（(：:\s)）]|备注|说|表示|称|的|在|是|和|跟|也)"
)
_ZH_ROLE_TITLED = re.compile(
    rf"(?:班主任|民警|辅导员|社工|已交|交给|转给|联系|家访[^\S\n]*)(?P<n>[{_HAN}])"
    rf"(?=老师|警官|医生|主任|社工|家(?![长庭里人属中访]))"
)
_ZH_KIN_DOUBLES = _words(
    "爸爸 妈妈 哥哥 姐姐 弟弟 妹妹 奶奶 爷爷 婆婆 公公 叔叔 舅舅 姑姑 伯伯 宝宝 太太 姥姥"
)
# 糖糖（唐诗琪）: a doubled nickname, then the full name in brackets
_ZH_DOUBLED = re.compile(
    rf"(?P<d>([{_HAN}])\2)[（(](?P<f>[{_HAN}]{{2,3}})[)）]"
    # 同班的Kevin（刘凯文）: a name in Latin letters, then the full name in characters
    rf"|(?P<d2>(?<![A-Za-z])[A-Z][a-z]+)[（(](?P<f2>[{_HAN}]{{2,3}})[)）]"
)
# 弟弟（豆豆，4岁）, 同班的露露: a doubled nickname after a relative or "in the same class"
_ZH_DOUBLED_AFTER = re.compile(
    rf"(?:弟弟|妹妹|哥哥|姐姐|儿子|女儿|孙子|孙女|同班的|同学)[（(]?(?P<d>([{_HAN}])\2)(?=[，,、；;。）)（(\s])"
)
# ；乔老师在: a surname alone before a title, after punctuation or at a line's start
_ZH_TITLED = re.compile(
    rf"(?:^|(?<=[\s，。；、：:（(“\"—]))(?P<n>[{_HAN}])(?=老师|医生|主任|校长|警官|律师|社工|教练|阿姨|叔叔|婆婆|奶奶|爷爷)",
    re.MULTILINE,
)
# A name being introduced, or a nickname: the names a note then uses alone, even to start a
# sentence ("jmenuje se Lev … Lva zná od září"), so later layers trust them more.
_INTRODUCTIONS = [
    # gave her name as Hope / se představila jako Míša / представилась как Саша / Жансая деп таныстырды
    re.compile(
        r"(?:name (?:is|was|as)|named|introduced (?:herself|himself|themselves) as"
        r"|call(?:s|ed)? (?:herself|himself|themselves)|назвал(?:ась|ся)"
        r"|představil[aoi]? se jako|se představil[aoi]? jako|представил\w* как|представил\w*"
        r"|[Jj]menuje se|[Jj]menoval[aoi]? se|[Jj]ménem|[Zz]ove se|[Пп]о имени|[Ее]сімі"
        rf"|назвал\w* себя|зовут)\s+[\"“«„]?(?P<n>{_NAMES})"
    ),
    re.compile(rf"[«\"“]?(?P<n>{_NAMES})[»\"”]?\s+деп\s+(?:ата\w*|таныстыр\w*|шақыр\w*)"),
    # Mom calls him "Mase" / volá „Matýsku“ / называет его Тимошей / просит называть «Тим»
    re.compile(
        r"(?:\bcalls?|\bcalled|nicknamed?|goes by|known as|volá|volají|říká|říkají|oslovuje|přezdív\w+"
        r"|называ\w+|зов[ёеу]т)\s+(?:(?:him|her|them|me|ho|ji|mu|jí|jej|его|её|ее|их|меня)\s+)?"
        rf"[\"“„«'‘]?(?P<n>{_NAME})"
    ),
    # Olivia Hartley (Liv), Sophie Tran ("Soph"): a short name in brackets after a full name
    re.compile(rf"{_NAME}\s{_NAME}(?:\*\*)?\s*\([\"“«]?(?P<n>{_NAME})[\"”»]?\)"),
    # JJ (his nickname), Gracie (she prefers this), Aika (she uses this name with friends)
    re.compile(
        r"(?P<n>\b[A-Z][A-Za-z]{1,20})[\"”]?\s*\((?:(?:his|her|their)\s+(?:nick)?name"
        r"|(?:she|he|they)\s+(?:prefers?|uses?|likes?)"
        # Dre (he asked me to call him that), Liv (she goes by it)
        r"|(?:she|he|they)\s+(?:asked|wants|wanted)\s+(?:me|us|staff)\s+to\s+call"
        r"|(?:she|he|they)\s+goes?\s+by)"
    ),
    # 妈妈叫她"琪琪", 自称小雨, 明明（妈妈这样叫他）
    re.compile(
        rf"叫(?:他|她|我)?(?:(?:苗|彝|藏|蒙古|维吾尔|回|经|汉|乳|小)名)?\s*[\"“”「『](?P<n>[{_HAN}]{{1,3}})[\"”」』]"
    ),
    re.compile(
        rf"(?:自称|小名|昵称|名叫|(?:苗|彝|藏|蒙古|维吾尔|经|汉|乳)名(?:叫|是)?)[\"“「]?(?P<n>[{_HAN}]{{2}})"
    ),
    re.compile(rf"(?P<n>[{_HAN}]{{2}})[（(][^）)\n]{{0,10}}叫(?:他|她)[）)]"),
    # Gel (family nickname), Геля (так её называют дома), Нұрик (анасы солай атайды): a name
    # and, in brackets, what it is
    re.compile(
        rf"(?P<n>(?<![\w-])[{_UP}][{_LO}]{{1,20}})[»\"”]?[^\S\n]*\([^()\n]{{0,25}}?"
        r"(?:nickname|prefers|называ|зов[уё]т|атайды|атаған|přezdív|říkají|říká|volají|volá)"
    ),
    # called the boy "Tobes", oslovila chlapce jako maminka „Tobíku“, «Темкош» деп үш рет атады,
    # «Деньку» — так он зовёт папу: a quoted name a few words from the verb of calling
    re.compile(
        r"(?:\bcall(?:s|ed)?|oslovil\w*|oslovuje|volal\w*|называ\w*|назвал\w*|зов[её]т)"
        rf"(?:[^\S\n]+[^\s\"“„«]+){{1,4}}?[^\S\n]+[\"“„«](?P<n>{_NAME})[\"”“»]"
        rf"|[«\"“](?P<q>{_NAME})[»\"”][^\S\n]+деп(?:[^\S\n]+[{_LO}]+){{0,3}}?[^\S\n]+(?:ата|шақыр|таныстыр)"
        rf"|[«\"“](?P<r>{_NAME})[»\"”][^\S\n]*[—–-][^\S\n]*так[^\S\n]+(?:[{_LO}]+[^\S\n]+){{0,2}}?(?:зов|называ)"
    ),
    # Amber ("Ambs" to Gran): a quoted short name in brackets after a name
    re.compile(rf"{_NAME}(?:\*\*)?[^\S\n]*\([\"“«](?P<n>{_NAME})[\"”»]"),
]


# "Her mam, Bernie, is worried": a relative's name in commas after the kin word
_KIN_APPOSITION = re.compile(
    r"(?<![\w-])(?:mam|mum|mom|mother|dad|father|nan|nana|nanny|gran|granny|grandma|grandad"
    r"|grandmother|grandfather|aunt|auntie|aunty|uncle|brother|sister|stepdad|stepmum|stepmom"
    r"|partner|husband|wife|son|daughter|cousin|carer),[^\S\n](?P<n>[A-Z][a-z'’]{2,}"
    r"(?:[^\S\n][A-Z][a-z'’-]+)?),"
)


def _kin_named(text: str) -> Iterator[Span]:
    """A relative's name in commas after the kin word: a first name from the list, or a word
    that is no common word ("However", "Monday" stay)."""
    from wordfreq import zipf_frequency

    from praxishub.cases import ner

    for m in _KIN_APPOSITION.finditer(text):
        first = m.group("n").split()[0]
        low = first.casefold()
        named = low in ner.latin_names("en", first_only=True) or zipf_frequency(low, "en") < 4.0
        if named and not allowed(first):
            # an introduction: the note has said this word is a person, wherever it recurs
            yield Span(m.start("n"), m.end("n"), "PERSON", "introduced")


def find(text: str) -> Iterator[Span]:
    for patterns, source in ((_CONTEXTS, "context"), (_INTRODUCTIONS, "introduced")):
        for pattern in gates.live(patterns, text):
            for m in pattern.finditer(text):
                group = next(g for g in ("n", "q", "r") if m.groupdict().get(g))
                name = m.group(group)
                words = re.findall(rf"[{_UP}][{_LO}]+", name)
                if words and (words[-1] in _NOT_SURNAMES or allowed(name)):
                    continue
                if all(w.casefold() in titles() for w in re.findall(r"\w+", name)):
                    continue  # "School Counsellor <…@…>": a role, not a name
                yield Span(m.start(group), m.end(group), "PERSON", source)
    if re.search(f"[{_HAN}]", text):
        yield from _chinese(text)
    yield from _attendees(text)
    if ", " in text:
        yield from _kin_named(text)
    if re.search("[A-Za-z]", text):
        yield from _named_by_list(text)
    for m in _PUPIL.finditer(text):
        if allowed(m.group("n")) or m.group("n").split()[-1] in _NOT_SURNAMES:
            continue
        yield Span(m.start("n"), m.end("n"), "PERSON", "context")
        if m.group("alt") and len(m.group("alt").split()) <= 4:
            yield Span(m.start("alt"), m.end("alt"), "PERSON", "context")


# Characters that are prepositions or conjunctions before a title far more often than surnames
# ("向老师汇报", "和老师谈").
_ZH_FUNCTION_CHARS = frozenset("向和跟给对被让请与找问把由从在是为叫将所也都就还又班副原那")
# Přítomni: Kadlec, Šimková L., Oleksandr Kovalenko: the people listed after an attendance label
_ATTENDEES = re.compile(
    r"(?:Přítomn[iíaá]|Přítomen|Present|Attendees|Attending|Participants|Присутствовали|Присутствуют"
    r"|Участники|Қатысқандар|Қатысушылар)(?:\*\*)?[^\S\n]*[:：](?:\*\*)?[^\S\n]*(?P<list>[^\n]+)"
)
_ATTENDEE = re.compile(
    rf"(?:[{_UP}]\.[^\S\n]?)*[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?(?:[^\S\n](?:[{_UP}][{_LO}]+(?:-[{_UP}][{_LO}]+)?|[{_UP}]\.))*$"
)


# - Adéla a Viktorie ze 6.C, - Poppy and Summer-Rae (6B): two names joined at a list item's start
_JOINED = re.compile(
    rf"(?m)^[^\S\n]*[-*•][^\S\n]+(?:\*\*)?(?P<a>{_NAME})[^\S\n]+(?:a|and|и|және|та)[^\S\n]+(?P<b>{_NAME})(?![\w-])"
)
# Eli: "When my hair grows back…": a first name speaking, before a quotation
_SPEAKER = re.compile(
    rf"(?:^|(?<=[.!?;][^\S\n])|(?<=[.!?;][\"”][^\S\n]))(?P<n>{_NAME}):[^\S\n]*[\"“„«]", re.M
)


@functools.cache
def _first_names() -> frozenset[str]:
    return latin_names("en", first_only=True) | latin_names("cs", first_only=True)


def _named_by_list(text: str) -> Iterator[Span]:
    """Names that open a list item or a quotation, checked against the first-name lists."""
    firsts = _first_names()
    for m in _JOINED.finditer(text):
        if m.group("a").casefold() in firsts or m.group("b").casefold() in firsts:
            for group in ("a", "b"):
                if not allowed(m.group(group)) and m.group(group).casefold() not in titles():
                    yield Span(m.start(group), m.end(group), "PERSON", "context")
    for m in _SPEAKER.finditer(text):
        if m.group("n").casefold() in firsts and not allowed(m.group("n")):
            yield Span(m.start("n"), m.end("n"), "PERSON", "context")


def _attendees(text: str) -> Iterator[Span]:
    for m in _ATTENDEES.finditer(text):
        at = m.start("list")
        for item in re.split(r"([,;、，；]|\(.*)", m.group("list")):
            words = _ATTENDEE.search(item.strip())
            name = words.group() if words and not item.startswith("(") else ""
            if name and not allowed(name) and name.casefold() not in titles():
                start = at + item.index(name)
                yield Span(start, start + len(name), "PERSON", "context")
            at += len(item)


@functools.cache
def zh_common_surnames() -> frozenset[str]:
    """Faker's Chinese surnames: only trusted where a title follows them."""
    from faker import Faker

    return frozenset(Faker("zh_CN").provider("faker.providers.person").last_names) | zh_surnames()


def _zh_common_name(name: str) -> bool:
    """Is name an ordinary word or phrase (jieba cuts it with no person's tag)?"""
    from praxishub.cases.ner_zh import _zh_common

    return len(name) == 3 and _zh_common(name) and _zh_common(name[1:])


def _chinese(text: str) -> Iterator[Span]:
    surnames = zh_surnames()
    common = zh_common_surnames()
    for m in _ZH_FULL_NAME.finditer(text):
        name = m.group("n")
        known = name[0] in surnames or name[:2] in surnames
        # a surname only Faker's list knows must come with a given name of two characters
        rare = len(name) == 3 and name[0] in common and name[0] not in _ZH_FUNCTION_CHARS
        if (known or rare) and not allowed(name):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
    # 个案：麦家乐, 继父范志远, 心理老师司马蓉备注, 外婆包月娥，: a full name after a case label, a
    # relative or a role, before punctuation or a verb; 贺雨萱（萱萱）: a name and its doubled nickname
    for m in _ZH_ROLE_NAME.finditer(text):
        name = m.group("n")
        known = name[:2] in surnames or (name[0] in common and name[0] not in _ZH_FUNCTION_CHARS)
        if known and not allowed(name) and not _zh_common_name(name):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
            nick = m.group("d")
            if nick and nick[0] == name[-1]:
                yield Span(m.start("d"), m.end("d"), "PERSON", "zh-context")
    for m in _ZH_NICKNAME.finditer(text):
        if m.group("n"):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
        elif m.group("f")[0] in surnames and m.group("s")[-1] == m.group("f")[-1]:
            short = m.group("s")[-2:]
            yield Span(m.end("s") - len(short), m.end("s"), "PERSON", "zh-context")
            yield Span(m.start("f"), m.end("f"), "PERSON", "zh-context")
    for m in _ZH_LATIN_NAME.finditer(text):
        if not allowed(m.group("n")):
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-context")
    for m in _ZH_DOTTED.finditer(text):
        yield Span(m.start(), m.end(), "PERSON", "zh-context")
    for m in _ZH_OTHER_NAME.finditer(text):
        group = "n" if m.group("n") else "m"
        yield Span(m.start(group), m.end(group), "PERSON", "zh-context")
    first_names = latin_names("en", first_only=True)
    for m in _ZH_LATIN_FULL.finditer(text):
        if m.group("n").casefold() in first_names and not allowed(m.group()):
            yield Span(m.start(), m.end(), "PERSON", "zh-context")
    # Cathy就是…, 给Kevin打电话, Miss Zhou: an English first name (or a title and a name) in a
    # Chinese note is a person's, not an English word
    for m in _ZH_LATIN_GIVEN.finditer(text):
        name = m.group("n")
        if (m.group("t") or name.casefold() in first_names) and not allowed(name):
            yield Span(m.start(), m.end(), "PERSON", "zh-context")
    for m in _ZH_DOUBLED.finditer(text):
        d, f = ("d", "f") if m.group("d") else ("d2", "f2")
        kin = m.group(d) in _ZH_KIN_DOUBLES or allowed(m.group(d))
        if not kin and (m.group(f)[0] in surnames or m.group(f)[:2] in surnames):
            yield Span(m.start(d), m.end(d), "PERSON", "zh-context")
            yield Span(m.start(f), m.end(f), "PERSON", "zh-context")
    for m in _ZH_DOUBLED_AFTER.finditer(text):
        if m.group("d") not in _ZH_KIN_DOUBLES:
            yield Span(m.start("d"), m.end("d"), "PERSON", "zh-context")
    # 班主任关老师, 民警俞警官, 已交蒙警官: a surname with its title after a role word
    for m in _ZH_ROLE_TITLED.finditer(text):
        if m.group("n") in common and m.group("n") not in _ZH_FUNCTION_CHARS:
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-title")
    for m in _ZH_TITLED.finditer(text):
        if m.group("n") in common and m.group("n") not in _ZH_FUNCTION_CHARS:
            yield Span(m.start("n"), m.end("n"), "PERSON", "zh-title")
