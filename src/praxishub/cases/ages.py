"""Layer 1, continued: ages over 89 written in words, in an age column, or fused to their unit.

Rule: an age is masked only where its context says it is one (a unit of years after it, a
person saying it of themselves, the column of a table headed "age"); the number words are
the languages' general words for 90 to 119, never a list taken from particular notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases.spans import Span

_H = r"[^\S\n]"
# 90-99 (and 100-119) in words: "девяносто один", "тоқсан үш", "九十一", "devadesát šest", "ninety-seven"
_RU_UNIT = (
    r"один|одна|одного|одной|одному|два|две|двух|двум|три|трёх|трех|трём|четыре|четырёх|четырех"
    r"|пять|пяти|шесть|шести|семь|семи|восемь|восьми|девять|девяти"
)
_KK_UNIT = r"бір|екі|үш|төрт|бес|алты|жеті|сегіз|тоғыз"
_KK_LO = "а-яәғқңөұүһі"
_CS_UNIT = r"jedna|jeden|dva|dvě|tři|čtyři|pět|šest|sedm|osm|devět"
_EN_UNIT = r"one|two|three|four|five|six|seven|eight|nine"
_WORDS = {
    "ru": rf"(?:девяност[оа]|сто)(?:{_H}+(?:{_RU_UNIT})(?![а-яё]))?",
    "kk": rf"(?:тоқсан|жүз)(?:{_H}+(?:{_KK_UNIT})(?![а-яәғқңөұүһі]))?",
    "cs": rf"(?:devadesáti?|sto)(?:{_H}+(?:{_CS_UNIT})(?![a-zěščřžýáíéůú]))?",
    "en": rf"(?:ninety|a{_H}hundred)(?:(?:-|{_H})(?:{_EN_UNIT})(?![a-z]))?",
}
# What says the number is a person's age: a unit of years after it, or "I am" before it.
_AGE_WORDS = [
    re.compile(
        rf"(?:(?<![А-Яа-яЁё])(?:я|мне|ей|ему|ему\s+уже|ей\s+уже|ей\s+было|ему\s+было|исполнилось|которой|которому|которым)(?:{_H}+(?:же|ведь|вот|уже))?{_H}+(?P<a>{_WORDS['ru']})(?![а-яё])"
        rf"|(?<![А-Яа-яЁё])(?P<b>{_WORDS['ru']}){_H}+(?:год|года|лет)(?![а-яё]))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\w-])(?P<a>{_WORDS['kk']}){_H}+(?:жас|жыл)[а-яәғқңөұүһі]*"
        rf"|(?<![\w-])(?P<b>(?:тоқсан|жүз)(?:{_H}+(?:{_KK_UNIT}))?(?:да|де|та|те)?(?:мын|мін|пын|пін))"
        r"(?![а-яәғқңөұүһі])",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:(?<!\w)(?:je{_H}+(?:mi|jí|ji|mu|jim)|(?:mi|jí|ji|mu){_H}+(?:je|bylo)|(?:které|kterému|kterýmu|kterým){_H}+(?:je|bude|bylo)|věku"
        rf"|[a-zá-ž]{{2,}}(?:ce|ovi){_H}+(?:je|bylo|bude)(?:{_H}+(?:už|letos|v{_H}+(?:lednu|únoru|březnu|dubnu|květnu|červnu|červenci|srpnu|září|říjnu|listopadu|prosinci)))?"
        rf"|(?:pra)?(?:babičce|dědovi|dědečkovi|babi|mamince|tatínkovi){_H}+(?:(?:je|bylo)(?:{_H}+už)?|už{_H}+je)){_H}+[„\"»]?(?P<a>{_WORDS['cs']})(?!\w)"
        # (not a share or a sum: "je mi devadesát procent jasné")
        rf"(?!{_H}+(?:procent|korun|Kč|minut|bodů|kilo|km)|{_H}*%)"
        rf"|(?<!\w)(?P<b>{_WORDS['cs']}){_H}+(?:let|roků|roky|rok)(?!\w))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?:(?<!\w)(?:I'm|I’m|I{_H}am|she's|she’s|he's|he’s|she{_H}is|he{_H}is|who{_H}is|who{_H}was|turned|turns|aged|age{_H}of)"
        rf"{_H}+(?P<a>{_WORDS['en']})(?![\w-])|(?<!\w)(?P<b>{_WORDS['en']})(?:-|{_H})years?(?:-|{_H})old)",
        re.IGNORECASE,
    ),
    # 九十一岁, 我都九十一了, 今年九十三, 今年也九十五了, 享年一百零二
    re.compile(
        r"(?:(?<=都)|(?<=已经)|(?<=活到)|(?<=活了)|(?<=今年)|(?<=今年也)|(?<=今年都)|(?<=也都)|(?<=年满)|(?<=享年)|(?<=高龄))"
        r"(?P<a>九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九]|一十?[一二三四五六七八九]?)?)"
        r"|(?P<b>九十[一二三四五六七八九多]?|一百(?:零[一二三四五六七八九]|一十?[一二三四五六七八九]?)?多?)(?=周?岁)"
        # "还有我外婆 她在寻甸 九十一了": said alone before 了, after a space or a comma
        r"|(?:(?<=[^\S\n])|(?<=[，,]))(?P<c>九十[一二三四五六七八九]|一百零[一二三四五六七八九])(?=了)"
        # "过了年就九十二了", "快九十三了", "自己也九十一了": about to turn, or as old too
        r"|(?:(?<=就)|(?<=快)|(?<=也))(?P<d>九十[一二三四五六七八九]?|一百(?:零[一二三四五六七八九])?)(?=了|岁)"
    ),
    # "婆婆今年 95，", "外公已经 92 了": in figures after "this year" or "already", said of someone
    re.compile(
        r"(?:(?<=今年)|(?<=已经)|(?<=年满)|(?<=享年))[^\S\n]?(?P<a>9\d|1[01]\d)(?![\d.%])"
        r"(?=[^\S\n]?(?:岁|周岁|了|[，。；,;）)]|$))"
        # "她婆婆都91了": after 都, only before 了 or 岁 (a score is "都91分")
        r"|(?<=都)(?P<b>9\d|1[01]\d)(?=岁|周岁|了)",
        re.M,
    ),
]
# "died on Christmas Eve at 94", "passed away aged ninety-one", "she will be ninety-three in
# January", "Koro is 91 and", "he would have been 97 this March", "her sister, Anneke, is 96":
# a death's age, an age to come, or an elder kin word's "is"
_EN_NUMBER = rf"(?:9\d|1[01]\d|{_WORDS['en']})"
_AGE_AT_DEATH = re.compile(
    rf"(?<!\w)(?:died|passed{_H}+away)(?:{_H}+[^.;\n]{{0,30}}?)?{_H}+(?:at|aged)"
    rf"(?:{_H}+the{_H}+age{_H}+of)?{_H}+(?P<n>{_EN_NUMBER})(?![\w-])"
    # ("he would have been 97 this March": a late spouse's age to come)
    rf"|(?:(?:(?<!\w)will|(?<=\w)(?:'ll|’ll)){_H}+be|(?<!\w)would{_H}+have{_H}+been|(?<=\w)(?:'d|’d){_H}+have{_H}+been){_H}+(?P<m>{_EN_NUMBER})"
    rf"(?={_H}+(?:in|on|next|this|today|soon|at|by|years?)(?!\w)|{_H}*[,;.)\"”])"
    r"|(?<![\w-])(?:great-)?(?:koro|kuia|nani|nana|nanna|nan|granny|gran|grandma|grandpa|grandad"
    rf"|grandmother|grandfather|mémère|pépère|nonna|nonno|abuela|abuelo|babcia|dziadek|bubbe|lola"
    rf"|lolo|dadi|dada|nain|taid|mam|mawmaw|memaw|meemaw|mamaw|grammy|papaw|pawpaw"
    # "Her older sister, Anneke, is 96": a relative of the client's generation
    rf"|sister|brother|husband|wife|aunt|uncle|cousin|neighbou?r)"
    # "Your mam, Nora Walsh, is 91", "MawMaw Odessa is 91": the kin word's name between
    rf"(?:,?{_H}+(?-i:[A-Z][a-z][\w'’-]*)(?:{_H}+(?-i:[A-Z][a-z][\w'’-]*))?,?)?"
    rf"{_H}*(?:(?<={_H})(?:is|was|turned|turns)|'s|’s)(?:{_H}+(?:now|nearly|almost|just))?{_H}+"
    rf"(?P<k>9\d|1[01]\d)(?![\d/%]|[.,]\d)(?!{_H}*(?:%|points?|percent|kg|lbs?|minutes))",
    re.IGNORECASE,
)
# "Nenek is 92 already", "who raised him, is 97 and still in Dire Dawa": an age said with "is"
# and a word of lasting after it; "které bylo v únoru 96", "té je devadesát dva", "ей «девяносто
# три с половиной»": a Czech or Russian age after its dative and verb, a month or a quote between
_AGE_STILL = re.compile(
    rf"(?:(?<![\w-])(?!(?-i:It|This|That|There|Which|What|Total|Score)\b)(?-i:[A-Z][a-z]+)|,)"
    rf"{_H}+is{_H}+(?P<n>9\d|1[01]\d){_H}+(?:already|and{_H}+still|and{_H}+lives|now)(?![\w-])"
    # "Trijntje, still in the Netherlands, is 97;": a name, where they are, then the age
    rf"|(?<![\w-])(?-i:[A-Z][a-z]+),{_H}+(?:still|now|who|living|back){_H}[^,\n]{{2,40}},{_H}+is{_H}+"
    rf"(?P<a>9\d|1[01]\d)(?![\w%-]|[.,]\d|{_H}*(?:%|per|points|kg))"
    # (not "tomu", which is "to that" as often as "to him")
    rf"|(?<![\w-])(?:které|kterému|kterýmu|té|jí|mu)(?:{_H}+podle{_H}+(?:něj|ní|nich))?"
    rf"{_H}+(?:je|bylo|bude)(?:{_H}+(?:už|letos|podle{_H}+(?:něj|ní|nich)|v{_H}+(?:lednu|únoru|březnu|dubnu|květnu|červnu"
    rf"|červenci|srpnu|září|říjnu|listopadu|prosinci)))?{_H}+[„\"»]?"
    rf"(?P<q>9\d|1[01]\d|{_WORDS['cs']})(?![\w%]|{_H}*(?:%|procent|Kč|korun|bodů|minut|kilo))"
    rf"|(?<![\w-])(?:ей|ему|мне)(?:,?{_H}+говорит,?)?{_H}+«(?P<z>{_WORDS['ru']})(?:{_H}+с{_H}+половиной)?»",
    re.IGNORECASE,
)
# "devadesát dva mi bylo v lednu": a Czech age in words before its dative and verb
_CS_AGE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<n>{_WORDS['cs']}){_H}+(?:mi|jí|ji|mu){_H}+(?:je|bylo|bude)(?![\w-])",
    re.IGNORECASE,
)
# "Older man, 91, signed off": a number over 89 between commas after a word for a person.
_AGE_AFTER_PERSON_WORD = re.compile(
    r"(?<![\w-])(?:man|woman|lady|gentleman|male|female|widow|widower|caller|patient|resident"
    r"|pensioner|grandmother|grandfather|grandma|grandpa|grandad|granny|gran|nana|nan|nanna"
    r"|pán|paní|žena|muž|мужчина|женщина|пенсионер\w*|бабушка|дедушка)"
    r",\s(?P<n>9\d|1[01]\d)(?=\s*[,;)]|[^\S\n](?:г\.|лет|года?|let|y/?o)(?![^\W\d_])|[^\S\n]{2,}|\t)",
    re.IGNORECASE,
)
# "great-nan Gwen 92,", "прабабушка Нина Степановна, 92 г.,", "Mrs Opal Jenkins, ninety-three,": an
# age over 89 after a grandparent's word and name, or in words between commas after a name
_NUMBER = r"(?:9\d|1[01]\d)"
_AGE_AFTER_ELDER = re.compile(
    r"(?<![\w])(?:(?:great-)?(?:nan|nana|nanna|gran|granny|grandma|grandad|grandpa|grandmother|grandfather)"
    r"|пра(?:бабушк|дедушк|бабк|дед)\w*|бабушк\w*|дедушк\w*|prababičk\w*|pradědeč\w*|babičk\w*"
    r"|үлкен{_H}+(?:әже|ата)\w*|әже\w*)"
    rf"{_H}+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:{_H}+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+)?,?{_H}+(?P<n>{_NUMBER})"
    rf"(?=\s*[,;)]|{_H}+(?:г\.|р\.|ж\.|жаста|years|let)(?!\w))".replace("{_H}", _H),
    re.IGNORECASE,
)
_AGE_WORDS_AFTER_NAME = re.compile(
    rf"(?<=[a-zà-žа-яёәғқңөұүһі]),{_H}(?P<n>{'|'.join(_WORDS.values())})(?=\s*[,;)])"
)
# "96letá", "96letý", "96letou": the Czech age adjective fused to its number (only the number
# is the age)
_FUSED_CS = re.compile(
    r"(?<!\d)(?P<n>9\d|1[01]\d)(?=[-\s]?let(?:[áýéí]|ou|ého|ému|ém|ých|ým)(?!\w))"
)
# The header of an age column in a plain-text table: "věk", "age", "возраст", "жасы", "年龄".
_AGE_HEADER = re.compile(r"^(?:věk|age|возраст|жас[ыі]?|年龄|年纪)$", re.IGNORECASE)


# Sex and age in one cell of a log: "男/91", "ж/93", "ж, 91", "F/92", "жен./94"; a Chinese log's sex column
# and age column side by side: "女 92"
_SEX_AGE = re.compile(
    r"(?<![\w/])(?:[男女МмЖжFfMmŽžӘәЕе]|муж\.?|жен\.?|ер|әйел)(?:[^\S\n]*/|,)[^\S\n]*(?P<n>9\d|1[01]\d)(?![\d.:%]|,\d)"
    # "Eleanor Kowalchuk, 94 F · DOB": after a name's comma, the age, then the sex
    r"|(?<=[^\W\d_],[^\S\n])(?P<q>9\d|1[01]\d)[^\S\n](?:[FMЖМ]|Ž)(?=[^\S\n]*(?:·|$))"
    r"|(?<![\w/])[男女][^\S\n]+(?P<z>9\d|1[01]\d)"
    r"(?=[^\S\n]{2,}|[^\S\n]*$|岁|[^\S\n]+(?![分元斤次秒页个])[\u4e00-\u9fff])",
    re.MULTILINE,
)
# An age over 89 after its label ("**Age:** 91", "Věk: 94"), said of someone ("shes 90 but
# sharp", "he's 93 now"), or in brackets after a caller's quoted name ('"Ruth" (93), Bay Ridge')
_AGE_SAID = re.compile(
    r"(?<![\w-])(?:(?i:age|věk|возраст|жасы|年龄)(?i:/(?:sex|gender|pohlaví|пол))?(?:\*\*)?[^\S\n]*[:：](?:\*\*)?"
    # "полных лет — 91": a Russian form's field of full years
    r"|(?i:полных[^\S\n]+лет)[^\S\n]*[—–:-]"
    r"|(?i:she'?s|he'?s|she[^\S\n]+is|he[^\S\n]+is|is[^\S\n]+now|turned|turns|(?:at[^\S\n]+)?the[^\S\n]+age[^\S\n]+of)"
    r"|I'm|I’m|I[^\S\n]+am)[^\S\n]*"
    r"(?P<n>9\d|1[01]\d)(?![\d%]|[.,]\d|[^\S\n]*(?i:%|percent|per|kg|lbs?|pounds|quid|dollars"
    r"|bucks|min|mins|minutes|km|miles|mph|times|days|weeks|hours|cm|mm|m\b|th\b))"
    r"|[\"“«][A-ZА-ЯЁ][\w-]+(?:[^\S\n][A-ZА-ЯЁ][\w-]+)?[\"”»][^\S\n]\((?P<q>9\d|1[01]\d)\)(?=[\s,;.:])"
)


# An elder's age beside their kin word, in the five languages: "прабабушке 94", "бабушка 92-х
# лет", "тоқсан үшке келді", "атасы 93-те", "devadesátiletá babička", "grandmother (92)",
# "great nana ninety three", "外婆九十一了", "九旬老人", "九十有三"
_ELDER = (
    r"(?:пра)?(?:бабушк[аеиу]|дедушк[аеиу]|бабул[еяи]|дед[ау]?)|үлкен{_H}+(?:әже|ата)[\w]*|әже(?:сі|м|ң|ңіз)|ата(?:сы|м|ң|ңыз)"
    r"|(?:great[- ])?(?:grandmother|grandfather|grandma|grandpa|grandad|granny|gran|nana|nan|nanna)"
).replace("{_H}", _H)
_KIN_AGE = [
    # "Петрова А. И. (93 г.)", "paní Nováková (91 let)": an age with its unit in brackets
    re.compile(
        rf"\((?P<n>9\d|1[01]\d){_H}*(?:г\.|лет|года?|let|roků|жас|y\.?o\.?|yrs?|years?|岁)\)"
    ),
    # "атасы биыл 95-ке толды": a Kazakh age reached
    re.compile(
        rf"(?<![\d-])(?P<n>9\d|1[01]\d)-?(?:ке|ге|қа|ға|а|е)(?={_H}+(?:толды|толған|толады|толмақ|келді|келген))"
    ),
    # "dědovi bylo 95", "babičce bude 92": a Czech elder's dative, then the years in figures
    re.compile(
        rf"(?<![\w-])(?:(?:pra)?(?:babičce|dědovi|dědečkovi|babi|mamince|tatínkovi|tchyni|tchánovi)"
        rf"){_H}+(?:je|bylo|bude)(?:{_H}+(?:už|letos|teď))?{_H}+(?P<n>9\d|1[01]\d)(?![\d%]|[.,]\d)"
        rf"(?!{_H}*(?:%|Kč|kg|cm|bod|minut|korun))",
        re.I,
    ),
    # "Her grandmother, now 95, lives alone", "Nana Pat, now 91,"
    re.compile(
        rf"(?<![\w-])(?:{_ELDER}|mum|mom|mother|dad|father)(?:{_H}+[A-Z][a-z]+)?,{_H}+now{_H}+"
        rf"(?P<n>9\d|1[01]\d)(?=,|{_H}+and(?![\w-]))",
        re.I,
    ),
    re.compile(
        rf"(?<![\w-])(?:{_ELDER})(?:{_H}+|{_H}*[—–]{_H}*)(?:уже{_H}+)?(?P<n>9\d|1[01]\d)(?:-?х{_H}+лет)?(?![\d%]|[.,:]\d)(?!{_H}*(?:%|кг|см|руб))",
        re.I,
    ),
    # "grandmother (92)", "his grandmother (94, dementia)"
    re.compile(rf"(?<![\w-])(?:{_ELDER}){_H}*\((?P<n>9\d|1[01]\d)(?=\)|,{_H})", re.I),
    # a parent's age in brackets, and in English said after a comma: "dad (94) has dementia",
    # "Vaše maminka (93)", "her dad, ninety-four and living with her"
    re.compile(
        r"(?<![\w-])(?:mum|mom|mother|dad|father|mam|maminka|maminky|matka|matky|máma|mámy"
        r"|tatínek|tatínka|otec|otce|táta|táty|babička|babičky|dědeček|dědečka|děda|dědy"
        # "se stará o tchyni (devadesát čtyři, ležící)", "mother-in-law (93)"
        r"|tchyn[ěií]|tchán[a]?|tchánovi|mother-in-law|father-in-law|aunt|uncle)"
        rf"{_H}*\((?P<n>9\d|1[01]\d|{_WORDS['cs']}|{_WORDS['en']})(?=\)|,{_H})",
        re.I,
    ),
    # a Ukrainian elder's years: "бабусі 90 років", "дідусь 93 роки"
    re.compile(
        rf"(?<![\w-])(?i:бабус[яіеию]|бабусею|дідус[ьяеюві]|бабц[яіею]|мам[аіи]|тат[оауі])"
        rf"{_H}+(?P<n>9\d|1[01]\d){_H}+рок(?:ів|и)(?![\w-])",
    ),
    re.compile(
        rf"(?<![\w-])(?i:mum|mom|mother|dad|father),{_H}+(?P<n>{_WORDS['en']}|9\d|1[01]\d)"
        rf"(?=,|{_H}+(?:and|now|this|last|next)(?![\w-]))",
    ),
    # the age in brackets after a birth date a lifetime back: "DOB 03/14/1933 (93)",
    # "nar. 2. 5. 1932 (94 let)", "р. 12.03.1931 (95 лет)"
    re.compile(
        rf"(?<!\d)\d{{1,2}}{_H}?[./-]{_H}?\d{{1,2}}{_H}?[./-]{_H}?(?:18|19)\d\d{_H}*"
        rf"\((?P<n>9\d|1[01]\d)(?:{_H}*(?:y|yo|yrs?|years?|let|лет|г\.?|жас|岁))?\)",
        re.I,
    ),
    # "его маме 95", "отцу уже 92", "уход за матерью (94)", "маме «девяносто четыре": a
    # parent's age said bare, in brackets, or quoted as they said it
    re.compile(
        rf"(?<![\w-])(?:мам[еаы]|мамой|матер[иь]|матерью|пап[еаы]|папой|отц[уа]|отец|отцом|свекров(?:[иь]|ью)"
        rf"|св[её]кр(?:[уа]|ом)|т[её]щ(?:[еа]|ей)|тест(?:[юя]|ем))(?:{_H}+(?:уже{_H}+|сейчас{_H}+)?|{_H}*\((?=\d+\))|{_H}+«)"
        rf"(?P<n>9\d|1[01]\d|(?<=«){_WORDS['ru']}(?![а-яё]))(?![\d%-]|[.,:]\d)"
        rf"(?!{_H}*(?:\d|%|кг|см|мг|мл|руб|тыс|минут|час|дн|сут|нед|мес|раз|км|шт|лет{_H}+назад))",
        re.I,
    ),
    re.compile(rf"(?<![\w-])(?:{_ELDER}){_H}+(?P<n>{_WORDS['en']})(?![\w-])", re.I),
    # a log's shorthand: "carer, mum 92; signposted", "lives with dad 94"
    re.compile(
        rf"(?<![\w-])(?i:mum|mom|mother|dad|father){_H}+(?P<n>9\d|1[01]\d)(?=[;,)]|{_H}*$)",
        re.MULTILINE,
    ),
    # "На вопрос о возрасте: «девяносто пять»": the age asked for, quoted as it was said
    re.compile(
        rf"(?<![\w-])(?i:возраст(?:е|а|у)?)[:：]?{_H}*[«\"„](?P<n>{_WORDS['ru']}|9\d|1[01]\d)(?![а-яё\d])"
    ),
    re.compile(rf"(?<!\d)(?P<n>9\d|1[01]\d)-?х{_H}+лет(?![а-яё])"),
    # "бабушке девяносто два", "в свои девяносто два", "исполнится девяносто", "93-летняя",
    # "девяностодвухлетняя"
    re.compile(
        rf"(?<![\w-])(?:(?:{_ELDER}){_H}+(?:(?:уже|там|сейчас|тоже|вот|ведь){_H}+)?|в{_H}+свои{_H}+"
        rf"|исполни(?:тся|лось|лся|лась)(?:{_H}+(?:в|на){_H}+[а-яё]+|{_H}+уже)?{_H}+)"
        rf"(?P<n>{_WORDS['ru']}|9\d|1[01]\d)(?![а-яё\d])",
        re.I,
    ),
    re.compile(
        r"(?<![\w-])(?P<n>(?:девяност[оа](?:одно|двух|трёх|трех|четыр[её]х|пяти|шести|семи|восьми|девяти)?"
        r"|(?:9\d|1[01]\d)-?)летн[а-яё]+)",
        re.I,
    ),
    # "умерла в девяносто шесть", "до девяноста трёх дожила", "дожил до 94": an age at death
    re.compile(
        rf"(?<![\w-])(?:(?:умер(?:ла|ли)?|скончал(?:ся|ась))(?:{_H}+[а-яё]+)?{_H}+в|дожил[аи]?{_H}+до)"
        rf"{_H}+(?P<n>{_WORDS['ru']}|9\d|1[01]\d)(?![а-яё\d])(?!{_H}*(?:%|года|году|часов|час))"
        rf"|(?<![\w-])до{_H}+(?P<m>девяноста(?:{_H}+(?:{_RU_UNIT}))?|ста|9\d|1[01]\d)"
        # "до девяноста шести в своём доме прожила": a few words may stand between
        rf"(?:{_H}+лет)?(?:{_H}+[а-яё]+){{0,3}}?{_H}+(?:до|про)?жил[аи]?(?![а-яё])"
        # "в девяносто один в чужой квартире не живут": at that age (not "в девяносто раз")
        rf"|(?<![\w-])в{_H}+(?P<k>девяносто(?:{_H}+(?:{_RU_UNIT}))?|сто)"
        rf"(?=[,.;:!?»)]|{_H}+(?:в|на|с|не|уже|ещё|еще|она|он|я|мы|люди|никто|все)(?![а-яё]))",
        re.I,
    ),
    # "әжесі тоқсан екіде", "ол тоқсан бесте", "тоқсан төрттегі кісі", "тоқсан екіге келген": a
    # Kazakh ninety at (or reached by) someone
    # ("тоқсан" alone is also a school quarter: "үшінші тоқсанда"; then an elder's word before it)
    re.compile(
        rf"(?<![\w-])(?P<n>(?:тоқсан|жүз){_H}+(?:{_KK_UNIT})"
        r"(?:да|де|та|те|дағы|дегі|тағы|тегі))(?![\w])"
        rf"|(?<![\w-])(?:(?:әже|ата|апа|әби|момай|жасы)[{_KK_LO}]*|ол){_H}+(?:биыл{_H}+)?"
        r"(?P<m>тоқсан(?:да|дағы))(?![\w])",
        re.I,
    ),
    re.compile(
        rf"(?<![\w-])(?<!ші{_H})(?<!шы{_H})(?P<n>(?:тоқсан|жүз)(?:{_H}+(?:{_KK_UNIT}))?(?:ға|ге|қа|ке|а|е))"
        rf"(?={_H}+(?:келген|келді|толған|толды))",
        re.I,
    ),
    # "ей в этом году 90", "ему уже 91", "будет девяносто четыре»": said of someone, not counted
    re.compile(
        rf"(?<![\w-])(?:(?:ей|ему|мне)(?:{_H}+(?:уже|сейчас|тоже|скоро|было|будет|исполнилось"
        rf"|в{_H}+этом{_H}+году)){{0,2}}{_H}+(?P<n>9\d|1[01]\d|{_WORDS['ru']})"
        rf"|будет{_H}+(?P<m>{_WORDS['ru']})(?=[»\".,;)!]|{_H}*$))(?![а-яё\d%])"
        rf"(?!{_H}*(?:%|руб|балл|минут|раз|км|кг|см|человек))",
        re.I | re.M,
    ),
    # "(той девяносто, почти не встаёт)": said of the one just named
    re.compile(
        rf"(?<![\w-])(?:той|тому){_H}+(?P<n>{_WORDS['ru']}|9\d|1[01]\d)(?=[,;)]|{_H}+(?:лет|год)(?![а-яё]))",
        re.I,
    ),
    # Czech, said of someone: "bude jí devadesát čtyři", "je mu už 92", "jí je 91", "jemu je
    # devadesát jedna"
    re.compile(
        rf"(?:(?<![\w-])(?:(?:je|bude|bylo|byl[oa]?){_H}+(?:jí|mu|jemu)|(?:jí|mu|jemu){_H}+(?:je|bude|bylo))"
        rf"{_H}+(?:(?:už|teď|letos|skoro){_H}+)?(?P<n>9\d|1[01]\d|{_WORDS['cs']})(?![\w%])"
        rf"|(?<![\w-])(?:má|měl[a]?){_H}+(?:(?:už|teď|letos|skoro){_H}+)?(?P<m>{_WORDS['cs']})(?![\w%]))"
        rf"(?!{_H}*(?:%|Kč|kg|cm|bod|minut|korun))",
        re.I,
    ),
    # a Czech log's caller: "žena 91, Svinov" (the sex, then the age, then a comma or a column)
    re.compile(
        rf"(?<![\w-])(?:žena|muž)[^\S\n]+(?P<n>9\d|1[01]\d)(?=[,;)]|{_H}{{2,}}|{_H}*$)", re.M
    ),
    # Slovak, in Czech notes: "má deväťdesiat jeden rokov"
    re.compile(
        r"(?<!\w)(?P<n>deväťdesiat(?:[^\S\n]+(?:jeden|jedna|dva|dve|tri|štyri|päť|šesť|sedem|osem"
        r"|deväť))?)[^\S\n]+rok(?:ov|y)(?!\w)",
        re.I,
    ),
    # "93/Ž" in a log's cell: the age, then the sex
    re.compile(r"(?<![\w/.])(?P<n>9\d|1[01]\d)[^\S\n]*/[^\S\n]*(?:[ŽžMmFf男女]|муж|жен)(?![\w/])"),
    # "ve svých devadesáti dvou letech", "oslavila 94. narozeniny", "her 93rd birthday", "at 92 she"
    re.compile(
        rf"(?<![\w-])(?:ve{_H}+svých|v){_H}+(?P<n>devadesáti(?:{_H}+(?:jedna|jednom|dvou|třech|čtyřech|pěti"
        rf"|šesti|sedmi|osmi|devíti))?){_H}+let(?:ech)?(?!\w)",
        re.I,
    ),
    re.compile(
        rf"(?<![\d.])(?P<n>9\d|1[01]\d)(?:\.|st|nd|rd|th){_H}+(?:narozenin\w*|birthday)",
        re.I,
    ),
    re.compile(rf"(?<![\w-])at{_H}+(?P<n>9\d|1[01]\d)(?=,?{_H}+(?:she|he|they)(?!\w))", re.I),
    re.compile(rf"(?<![\w-])(?:{_ELDER}){_H}+(?P<n>9\d|1[01]\d)-(?:те|та|де|да)(?![\w])", re.I),
    re.compile(
        r"(?<!\w)(?P<n>devadesáti?(?:jedno|dvou|tří|čtyř|pěti|šesti|sedmi|osmi|devíti)?let(?:[áýéí]|ou|ého|ému|ém|ých|ým))(?!\w)",
        re.I,
    ),
    re.compile(
        r"(?:(?<=奶奶)|(?<=爷爷)|(?<=外婆)|(?<=外公)|(?<=姥姥)|(?<=姥爷)|(?<=老人)|(?<=老太太)|(?<=老爷子)"
        r"|(?<=婆婆)|(?<=公公)|(?<=太公)|(?<=太婆)|(?<=阿婆)|(?<=阿公)|(?<=曾祖母)|(?<=曾祖父)"
        # a parent in speech: "我老娘九十二了"
        r"|(?<=老娘)|(?<=老爹)|(?<=老妈)|(?<=老爸)|(?<=老母亲)|(?<=老父亲)|(?<=我妈)|(?<=我爸))"
        r"(?:(?P<n>九十[一二三四五六七八九]?)(?=了|多了)"
        # "照顾婆婆（91）": the elder's age in brackets
        r"|[（(](?P<k>9\d|1[01]\d)(?=[）)]))"
        r"|(?P<m>九旬|九十有[一二三四五六七八九]|百岁)"
    ),
]


# Every pattern above holds a number over 89 in digits or words: only the stretches around one
# are read (most notes have none, and the patterns are many).
_ANCHOR = re.compile(
    r"(?<!\d)(?:9\d|1[01]\d)(?!\d)|девяност|тоқсан|жүз|devades|deväťdes|ninet|hundred|(?<!\w)(?:сто|sto)(?!\w)|[九百]",
    re.IGNORECASE,
)


def _stretches(text: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        start, end = max(0, m.start() - 120), min(len(text), m.end() + 80)
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def in_words(text: str) -> Iterator[Span]:
    for a, b in _stretches(text):
        yield from _in_stretch(text, a, b)


def _in_stretch(text: str, a: int, b: int) -> Iterator[Span]:
    for pattern in _AGE_WORDS:
        for m in pattern.finditer(text, a, b):
            group = next(g for g in ("a", "b", "c", "d") if m.groupdict().get(g))
            yield Span(m.start(group), m.end(group), "AGE", "pattern")
    for pattern in (
        _AGE_STILL,
        _CS_AGE_BEFORE,
        _AGE_AFTER_PERSON_WORD,
        _FUSED_CS,
        _AGE_AFTER_ELDER,
        _AGE_WORDS_AFTER_NAME,
        _SEX_AGE,
        _AGE_SAID,
    ):
        for m in pattern.finditer(text, a, b):
            group = next(
                (g for g in ("z", "q", "a") if g in pattern.groupindex and m.group(g)), "n"
            )
            yield Span(m.start(group), m.end(group), "AGE", "pattern")
    for pattern in _KIN_AGE:
        for m in pattern.finditer(text, a, b):
            group = next((g for g in ("m", "k") if g in pattern.groupindex and m.group(g)), "n")
            yield Span(m.start(group), m.end(group), "AGE", "pattern")
    for m in _AGE_AT_DEATH.finditer(text, a, b):
        group = next(g for g in ("n", "m", "k") if m.group(g))
        yield Span(m.start(group), m.end(group), "AGE", "pattern")


def in_columns(text: str) -> Iterator[Span]:
    """Ages over 89 in the column headed "age" of a table aligned with spaces (a code block)."""
    if not re.search(r"(?i)věk|age|возраст|жас|年龄|年纪", text):
        return
    column: int | None = None
    at = 0
    for line in text.splitlines(keepends=True):
        cells = list(re.finditer(r"\S+(?: \S+)*", line))
        if column is not None and (len(cells) <= column or line.lstrip().startswith("```")):
            column = None
        if column is None:
            heads = [i for i, c in enumerate(cells) if _AGE_HEADER.match(c.group())]
            if heads and len(cells) >= 3:
                column = heads[0]
        else:
            cell = cells[column]
            value = re.fullmatch(r"(9\d|1[01]\d)", cell.group())
            if value:
                yield Span(at + cell.start(), at + cell.end(), "AGE", "pattern")
        at += len(line)


# A table's age column headed in any of the five languages, a unit in brackets allowed ("Age
# (yrs)", "Возраст (лет)", "年龄（岁）"), and a cell of that column holding an age over 89 (a
# unit or a sex letter after it allowed: "93 г.", "94 F", "92岁")
_TABLE_AGE_HEADER = re.compile(
    r"(?i)(?:věk|age|возраст|жас[ыі]?|вік|年龄|年纪)(?:[^\S\n]*[(（][^)）\n]{0,12}[)）]"
    r"|,[^\S\n]*(?:лет|years|yrs|let|жыл|岁))?"
)
_TABLE_AGE_CELL = re.compile(
    r"(?P<n>9\d|1[01]\d)(?:[^\S\n]*(?:лет|г\.|года?|let|y\.?o\.?|yrs?|years?|岁|周岁|жас|[FMЖМ男女]))?"
)
_MARKUP = re.compile(r"<[^>\n]*>|\*\*|__")
_HTML_ROW = re.compile(r"<tr\b[^>]*>(?P<row>.*?)</tr>", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<t([hd])\b[^>]*>(?P<cell>.*?)</t\1>", re.IGNORECASE | re.DOTALL)
_PIPE_ROW = re.compile(r"(?m)^[^\S\n]*\|(?P<row>[^\n]*)\|[^\S\n]*$")
_PIPE_RULE = re.compile(r"[\s|:-]*")
_NUMBER_IN_CELL = re.compile(r"(?<!\d)(?:9\d|1[01]\d)(?!\d)")


def in_tables(text: str) -> Iterator[Span]:
    """Ages over 89 in the column headed "age" of a Markdown or an HTML table."""
    if not re.search(r"(?i)věk|age|возраст|жас|вік|年龄|年纪", text) or (
        "|" not in text and "<t" not in text
    ):
        return
    html = [
        [c.span("cell") for c in _HTML_CELL.finditer(text, m.start("row"), m.end("row"))]
        for m in _HTML_ROW.finditer(text)
    ]
    pipe = []
    for m in _PIPE_ROW.finditer(text):
        if _PIPE_RULE.fullmatch(m.group("row")):
            continue  # the rule under a Markdown table's header
        cells, at = [], m.start("row")
        for part in m.group("row").split("|"):
            cells.append((at, at + len(part)))
            at += len(part) + 1
        pipe.append(cells)
    for rows in (_table_rows(text, html, "<table"), _table_rows(text, pipe, "\n\n")):
        yield from _age_column(text, rows)


def _table_rows(
    text: str, rows: list[list[tuple[int, int]]], apart: str
) -> list[list[tuple[int, int]] | None]:
    """The rows, with None between two rows that are not of one table (another table opens, or
    a blank line stands, between them)."""
    out: list[list[tuple[int, int]] | None] = []
    last = None
    for cells in rows:
        if not cells:
            continue
        if last is not None and apart in text[last : cells[0][0]]:
            out.append(None)
        out.append(cells)
        last = cells[-1][1]
    return out


def _age_column(text: str, rows: list[list[tuple[int, int]] | None]) -> Iterator[Span]:
    column: int | None = None
    for cells in rows:
        if cells is None:
            column = None
            continue
        values = [_MARKUP.sub("", text[a:b]).strip() for a, b in cells]
        heads = [i for i, v in enumerate(values) if _TABLE_AGE_HEADER.fullmatch(v)]
        if heads:
            column = heads[0]
            continue
        if column is None or column >= len(cells):
            continue
        a, b = cells[column]
        if not _TABLE_AGE_CELL.fullmatch(_MARKUP.sub("", text[a:b]).strip()):
            continue
        number = _NUMBER_IN_CELL.search(text, a, b)
        if number:
            yield Span(number.start(), number.end(), "AGE", "pattern")
