"""Layer 1, continued: institutions written the long official way, and school years.

Rule: like ``places``, a pattern fires on the *shape* of a name: a legal form or an
authority's abbreviation before a quoted name, an institution's type word with the
words of its kind, the town it belongs to ("… г. Тюмени", "Шымкент қ. …", "ZŠ …,
Ostrava-Poruba"), never on a list of particular institutions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from praxishub.cases import gates
from praxishub.cases.spans import Span

_UP = "А-ЯЁӘҒҚҢӨҰҮҺІ"
_LO = "а-яёәғқңөұүһі"
_CS_UP = "A-ZÁČĎÉĚÍŇÓŘŠŤÚŮÝŽ"
_CS_LO = "a-záčďéěíňóřšťúůýž"
_HAN = "\u4e00-\u9fff"
_H = r"[^\S\n]"  # a space that stays on the line
# A quoted name, with one nested quotation: «Центр „Семья“», «Қарттар үйі „Мейірім“»
# (or closed once for both: «Центр помощи «Ступени»)
_QUOTED = r"«(?:[^«»\n]|„[^“”\n]{0,40}[“”]|«[^»\n]{0,40}»){1,90}»|«[^«»\n]{1,90}«[^«»\n]{1,40}»|\"[^\"\n]{1,60}\""
# A Russian town in any case, after "г.": г. Тюмени, г. Москва, г. Ростова-на-Дону
_RU_TOWN = rf"(?:г\.|город[аеу]?){_H}*[{_UP}][{_LO}]+(?:-(?:на-)?[{_UP}]?[{_LO}]+)*"
# A Kazakh town before its word: Шымкент қ., Павлодар қаласының, Қарағанды облысы
_KK_TOWN = (
    rf"[{_UP}][{_LO}-]+(?:{_H}[{_UP}][{_LO}-]+)?{_H}+(?:қ\.|қаласы\w*|облысы\w*|ауданы\w*|ауылы\w*)"
)
# A Czech or English town: Ostrava-Poruba, Brno-venkov, Praha 8, Hradec Králové
_CS_TOWN = rf"[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_UP}]?[{_CS_LO}]+)*(?:{_H}[{_CS_UP}][{_CS_LO}]+)?(?:{_H}\d{{1,2}}(?!\d))?"

# What may follow an institution's name: its town, in a Russian genitive, in brackets, or a
# Czech school's town and street after a comma ("ZŠ Sluneční, Brno-Lesná").
_TOWN_AFTER = re.compile(
    rf"{_H}*(?:\({_H}*(?:{_RU_TOWN}|[{_UP}][{_LO}-]+(?:{_H}+қ\.|{_H}+қаласы)?){_H}*\)|{_RU_TOWN}"
    # "… Управления образования г. Алматы": the authority it belongs to
    rf"|,{_H}*(?:[{_LO}]+{_H}+)?(?:отделени|филиал|корпус)[{_LO}]*{_H}*(?:«[^»\n]{{1,40}}»|№{_H}*\d{{1,3}})"
    rf"|(?:[{_UP}][{_LO}]+ия|[Уу]правления|[Дд]епартамента|[Оо]тдела|[Кк]омитета)"
    rf"(?:{_H}+[{_LO}]+){{1,3}}(?:{_H}+(?:администрации{_H}+)?{_RU_TOWN})?)"
)
_CS_TOWN_AFTER = re.compile(rf",{_H}*{_CS_TOWN}(?:{_H}\d{{1,4}}(?:/\d{{1,4}})?[a-z]?)?")
# "…, pracoviště Sládkova", "…, pobočka Žabovřesky": the branch of a Czech institution
_BRANCH_AFTER = re.compile(
    rf",{_H}*(?:(?:odloučené|detašované){_H}+)?(?:pracoviště|pobočka){_H}+(?:[{_CS_LO}]+{_H}+)?{_CS_TOWN}"
)
# "СОШ № 3 с углублённым изучением английского языка": a school's profile after its number
_PROFILE_AFTER = re.compile(rf"{_H}+с{_H}+углубл[её]нным{_H}+изучением(?:{_H}+[{_LO}]+){{1,3}}")
# A Kazakh case ending fused to a legal form with a hyphen: "ЖШС-да", "КММ-де"
_FUSED_ENDING = re.compile(rf"(?<=[{_UP}])-[{_LO}]{{1,5}}$")
_TOWN_BEFORE = re.compile(rf"(?:{_KK_TOWN}|{_RU_TOWN}){_H}+$")

_SCHOOLS = [
    # Ақсу ауылының жалпы орта білім беретін мектебі: a town, the words of its kind, a school
    re.compile(
        rf"(?<![\w-]){_KK_TOWN}(?:{_H}+[{_LO}-]+){{0,5}}?{_H}+(?:мекте[пб]|гимназия|лицей|балабақша)[\w-]*"
    ),
    # МОБУ «СОШ № 6», КГУ «Общеобразовательная школа № 119», МАОУ гимназия № 21: any
    # body's abbreviation, then a quoted or numbered school
    re.compile(
        rf"(?<![\w-])[{_UP}]{{2,5}}{_H}+(?:«[^»\n]{{0,40}}(?:школ|СОШ|ООШ|гимнази|лице|сад|мектеп)[^»\n]{{0,40}}»"
        rf"|(?i:школа|гимназия|лицей|СОШ|ООШ|д/с|детский{_H}+сад){_H}*№{_H}*\d{{1,4}})"
    ),
    # № 31 ЖОББМ, № 9 мектеп-лицейі, Екібастұз қ. № 1 лицейі: Kazakh numbered schools, abbreviated
    re.compile(
        rf"(?<!\w)№{_H}*\d{{1,4}}{_H}+(?:ЖОББМ|ЖББМ|ЖОМ|ОМ|НЗМ|ҚГЛ|МЛ|(?:[{_LO}-]+{_H}+){{0,4}}(?:[A-Z]{{1,4}}-)?"
        r"(?:мекте[пб]|гимназия|лицей|балабақша|бөбекжай)[\w-]*)"
    ),
    # «Дарын» мамандандырылған лицейі, «Көкжиек» мектеп-лицейі: a quoted name, its kind, its type
    re.compile(
        rf"«[^»\n]{{1,40}}»(?:{_H}+[{_LO}-]+){{0,3}}{_H}+(?:мектеп|гимназия|лицей|колледж|балабақша"
        r"|бөбекжай|университет)[\w-]*"
    ),
    # Masarykova základní škola, Základní škola a mateřská škola Kuřim, SPŠ stavební Brno
    re.compile(
        rf"(?<!\w)(?:[{_CS_UP}][{_CS_LO}]+(?:ova|ovo|ská|cká|ní){_H}+)?(?:[Zz]ákladní|[Mm]ateřsk[áéou]|[Ss]třední)"
        rf"(?:{_H}+[{_CS_LO}]{{3,}}(?:é|á|í|ou))?{_H}+škol[aeyou]\w*(?:{_H}+[{_CS_LO}]{{4,}}(?:í|á|é))?(?:{_H}+a{_H}+(?:mateřsk\w+{_H}+škol\w+|MŠ))?(?:{_H}+při{_H}+[{_CS_LO}]+)?"
        rf"{_H}+{_CS_TOWN}"
        rf"|(?<!\w)(?:ZŠ|MŠ|SŠ|SOŠ|SPŠ|SOU|VOŠ|OA|ZUŠ|SZŠ|SUPŠ|Gymnázium)(?:{_H}+a{_H}+MŠ)?(?:{_H}+[{_CS_LO}]+(?:í|á|ý|é))?"
        rf"(?:{_H}+při(?:{_H}+[{_CS_UP}]{{2,4}})?)?{_H}+{_CS_TOWN}"
    ),
    # a school's stamp in capitals, its marks lost on a scan or kept: "ZAKLADNI SKOLA SUSICE,
    # TYLOVA 4l7", "ZÁKLADNÍ ŠKOLA A MATEŘSKÁ ŠKOLA PERUC"
    re.compile(
        rf"(?<![\w-])(?:Z[ÁA]KLADN[ÍI]|MATE[ŘR]SK[ÁA]|ST[ŘR]EDN[ÍI]){_H}+[ŠS]KOLA"
        rf"(?:{_H}+A{_H}+MATE[ŘR]SK[ÁA]{_H}+[ŠS]KOLA)?(?:{_H}+[{_CS_UP}]{{3,}}){{1,3}}"
        rf"(?:,{_H}*[{_CS_UP}]{{3,}}(?:{_H}+[{_CS_UP}]{{2,}})?{_H}+[0-9lIO]{{1,4}}(?:/[0-9lIO]{{1,4}})?(?![\w-]))?"
    ),
    # Slovak, as a family's school record from Slovakia has it: "Základná škola Sitno",
    # "Základná škola s materskou školou, Hlavná 52, Bystrany", "Stredná odborná škola Prešov"
    re.compile(
        rf"(?<!\w)(?:[Zz]ákladn[áej]|[Ss]tredn[áej](?:{_H}+odborn[áej])?|[Mm]atersk[áej])"
        rf"{_H}+škol[aeyou]\w*(?:{_H}+s{_H}+materskou{_H}+školou)?"
        rf"(?:,?{_H}+[{_CS_UP}][{_CS_LO}]+{_H}+\d{{1,4}}[a-z]?,)?{_H}+{_CS_TOWN}"
    ),
    # Whitfield C of E Primary School, Horfield Church of England Primary, Westgate STEM Academy
    re.compile(
        r"\b(?:[A-Z][\w'’]+\s+){1,3}(?:C of E|CofE|Church of England|Catholic|RC|C\.E\.|STEM|CE)\s+"
        r"(?:(?:Primary|Junior|Infant|Secondary|High|Middle)(?:\s+School|\s+Academy)?|Academy|School)\b"
    ),
]

# Words' gap on one line, or over a line's break
_HN = r"(?:[^\S\n]+|[^\S\n]*\n[^\S\n]*)"
_ORGS = [
    # Қарасай аудандық полиция бөлімі, Ақсу ауылдық мәдениет үйінің: a place, the adjective of its
    # level, the words of its kind and an institution's type word
    re.compile(
        rf"(?<![\w-])[{_UP}][{_LO}-]+(?:{_H}+(?:би|батыр|хан|датқа|ата|ана))?{_H}+"
        # "Хромтау ауданының АХАЖ бөлiмi": the place in the genitive, an office's letters
        r"(?:аудандық|қалалық|облыстық|ауылдық|ауданының|қаласының|облысының)"
        # (a scan may carry the name over to its next line: "Талғар аудандық⏎   орталық
        # ауруханасының")
        rf"(?:{_HN}(?:[{_LO}-]+|№{_H}*\d{{1,4}}|[{_UP}]{{2,6}}(?![\w-]))){{0,4}}?{_HN}"
        r"(?:бөл[іi]м|басқарма|сот|әкімдіг|орталы[ғқ]|үй[іи]|аурухана|емхана|амбулатори|комиссия|кітапхана"
        r"|кабинет|диспансер)[\w-]*"
        # ("орталық аурухана": a central hospital, not a centre)
        rf"(?:(?<=орталық){_HN}(?:аурухана|емхана|поликлиника)[\w-]*)?"
    ),
    # Абай атындағы ҚазҰПУ, Гумилев атындағы ЕҰУ-да: a body named after someone, written with its
    # abbreviation (and a case ending)
    re.compile(
        rf"(?<![\w-])(?:[{_UP}][\w.-]*{_H}+){{1,3}}атындағы{_H}+[{_UP}][{_LO}]{{0,3}}[{_UP}]{{2,}}"
        rf"(?:-[{_LO}]{{1,4}})?(?![\w-])"
    ),
    # УрГПУ, МГУ, СПбГУ, ҚазҰПУ: a university's abbreviation
    re.compile(rf"(?<![\w-])[{_UP}][{_LO}]{{0,3}}[{_UP}]{{0,3}}(?:ГУ|ПУ|МУ|ТУ|ЭУ|ФУ)(?![\w-])"),
    # КДН и ЗП Администрации Первомайского района: an authority's abbreviation and its district
    re.compile(
        rf"(?<![\w-])[{_UP}]{{2,6}}(?:{_H}+и{_H}+[{_UP}]{{1,4}})?{_H}+(?:[Аа]дминистрации{_H}+)?"
        rf"[{_UP}][{_LO}]+(?:ого|его|ой|ского){_H}+(?:района|округа|области|края|поселения)"
    ),
    # Доме культуры с. Берёзовка, Дворец творчества «Юность»: a house of culture and its place
    re.compile(
        rf"(?<![\w-])(?:Дом|Двор[ец]ц?)[{_LO}]{{0,3}}{_H}+(?:культуры|творчества|[{_LO}]+{_H}+творчества|пионеров|школьников)"
        rf"(?:{_H}+(?:{_QUOTED}|(?:с\.|г\.|пос\.|д\.|села|посёлка){_H}*[{_UP}][{_LO}-]+))?"
    ),
    # гостинице «Алтай», хостел «Дом», пансионат «Сосны»: a hotel and its quoted name
    re.compile(
        rf"(?<![\w-])(?i:гостиниц|отел|хостел|пансионат|мотел)[{_LO}]{{0,4}}{_H}*(?:{_QUOTED})"
    ),
    # Thomayerově nemocnici, Masarykův onkologický ústav: a Czech possessive, the words of its
    # kind and an institution's type word
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][{_CS_LO}]+(?:ův|ova|ovo|ově|ovu|ovy|ovou|ových|ovým|in|ina|ině|inu|iny|inou)"
        rf"(?:{_H}+[{_CS_LO}]+(?:ý|á|é|í|ém|ou|ého|ému)){{0,2}}{_H}+"
        r"(?:nemocnic|ústav|poradn|klinik|centr|léčebn|domov|fakult)[a-záčďéěíňóřšťúůýž]*"
    ),
    # Nemocnici Jeseník, penzionu U Lípy, Hotel Slavia: an institution's or hotel's type word
    # and its capitalised name
    re.compile(
        rf"(?<![\w-])(?:Nemocnic[{_CS_LO}]*|[Pp]enzion[{_CS_LO}]*|[Hh]otel[{_CS_LO}]*|[Hh]ostel[{_CS_LO}]*"
        rf"|[Uu]bytovn[{_CS_LO}]*)(?:{_H}+(?:v|ve)(?={_H}))?{_H}+(?:(?:U|Na|V|Pod|Nad|Za){_H}+)?[{_CS_UP}][{_CS_LO}]+"
        rf"(?:[- ][{_CS_UP}][{_CS_LO}]+)?"
    ),
    # Pedagogické fakulty UK, Filozofická fakulta MU: a faculty and its university's abbreviation
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][{_CS_LO}]+(?:á|é|ou|ý|í){_H}+fakult[{_CS_LO}]*{_H}+(?:[{_CS_UP}]{{2,4}}|Univerzit\w*(?:{_H}+[{_CS_UP}][{_CS_LO}]+){{1,3}})"
    ),
    # ГБУЗ ТО «Областная больница № 4», БФ «Свет надежды», ГБУЗ «…» МЗ КК: an abbreviated legal
    # form (and region), a quoted name, and any authority's abbreviation after it
    re.compile(
        rf"(?<![\w-])[{_UP}]{{2,6}}(?:{_H}+[{_UP}]{{2,4}}){{0,2}}{_H}*(?:{_QUOTED})"
        rf"(?:{_H}+[{_UP}]{{2,4}}(?:{_H}+[{_UP}]{{2,4}})?(?![\w-]))?"
    ),
    # «Павлодар облыстық балалар ауруханасы» ШЖҚ КМК, «…» КММ: a Kazakh legal form after the name
    re.compile(
        rf"(?:{_QUOTED})(?:{_H}+[{_LO}-]+){{0,4}}{_H}+(?:ШЖҚ{_H}+)?(?:КММ|МКК|КМК|РМК|КМҚК|МКҚК|ЖШС|АҚ|КЕАҚ|ҚБ|ЖК|РҚБ|СО|СОО|ТЦ|ЗТБ)(?:-[{_LO}]{{1,5}})?(?!\w)"
    ),
    # «Ақбота» жүзу клубы, «Шаңырақ» балалар шығармашылық үйі, «Жарық із» қайғы тобы
    re.compile(
        rf"(?:{_QUOTED})(?:{_H}+№{_H}*\d{{1,4}})?(?:{_H}+[{_LO}-]+){{0,6}}{_H}+(?:клуб|үй[іи]|тоб|бөбекжай|бақша|телефон|желі|сарай|қонақүй|мекте[пб]"
        r"|секция|үйірме|бірлест|федерация|академия|институт|университет|орталы[ғқ]|кофехана|дәмхана|мейрамхана"
        r"|дүкен|кафе)[\w-]*"
    ),
    # ОПДН ОП № 6 УМВД России по г. Тюмени, ПДН ОМВД России по г. Кургану: police units
    re.compile(
        rf"(?<![\w-])(?:[{_UP}]{{2,5}}(?:{_H}+№{_H}*\d{{1,3}})?{_H}+){{0,3}}(?:[ГО]?У?МВД|ОВД|ОМВД|УВД|ГУВД)"
        rf"(?:{_H}+России)?{_H}+по{_H}+(?:г\.{_H}*)?[{_UP}][{_LO}-]+(?:{_H}+(?:области|краю|району|[{_LO}]+ому{_H}+району))?"
    ),
    # «Азаматтарға арналған үкімет» мемлекеттік корпорациясының Түркістан қаласындағы
    # бөлімшесіне: a state corporation by its quoted name, with its town's branch
    re.compile(
        rf"«[^«»\n]{{3,40}}»{_H}+мемлекеттік{_H}+корпорация[{_LO}]*"
        rf"(?:{_H}+[{_UP}][{_LO}-]+{_H}+(?:қаласындағы|ауданындағы|облысындағы|облысы{_H}+бойынша)"
        rf"{_H}+(?:бөлім|филиал)[{_LO}]*)?"
    ),
    # МО МВД России «Бугурусланский», ЛО МВД России на транспорте: an inter-district police
    # department by its quoted name (a scan may break it over two lines)
    re.compile(r"(?<![\w-])(?:ММО|МО|ЛО|ЛОП)[^\S\n]+МВД\s+России\s+«[^»\n]{3,30}»"),
    # КДН и ЗП Ленинского АО г. Тюмени, ТПМПК г. Ишима: an authority's abbreviation and its town
    re.compile(
        rf"(?<![\w-])[{_UP}]{{3,6}}(?:{_H}+и{_H}+[{_UP}]{{1,4}})?(?:{_H}+[{_UP}][{_LO}]+(?:ого|ой|ского){_H}+"
        rf"(?:АО|района|округа))?{_H}+{_RU_TOWN}"
    ),
    # Курчатовский районный суд г. Челябинска, Управление социальной защиты … администрации г. …
    re.compile(
        rf"(?<![\w-])(?:[{_UP}][{_LO}]+(?:ий|ый|ой){_H}+(?:[{_LO}]+(?:ый|ой|ий){_H}+)?суд\w*"
        rf"|(?:[Уу]правлени|[Дд]епартамент|[Мм]инистерств|[Кк]омитет)\w*(?:,?{_H}+[{_LO}]+){{1,8}}?)"
        rf"{_H}+(?:администрации{_H}+)?{_RU_TOWN}"
    ),
    # Шымкент қаласының білім басқармасына, Алмалы ауданы әкімдігінің КДН, Қарағанды қаласының
    # № 2 аудандық соты, Павлодар облысы ПД ювеналдық полиция бөлімшесіне: a Kazakh authority
    re.compile(
        rf"(?<![\w-]){_KK_TOWN}(?:(?:{_H}+(?:№{_H}*\d{{1,4}}|[{_UP}][{_UP}{_LO}-]*|[{_LO}-]+)){{0,6}}?{_H}+"
        rf"(?:басқарма|бөлім|әкімдіг|департамент|консультация|сот|полиция{_H}+тобы|АПБ|КДН|ПД|орталығ|комиссия)[\w-]*)+"
    ),
    # № 17 қалалық емханада, № 4 БЖСМ: a numbered Kazakh clinic
    re.compile(
        rf"(?<!\w)№{_H}*\d{{1,4}}{_H}+(?:[{_LO}-]+{_H}+){{0,2}}(?:емхана|аурухана|перинатал|БЖСМ|ОАЕ)[\w-]*"
    ),
    # Детская линия доверия «Тихая гавань»: an adjective, an institution's type word, a quoted name
    re.compile(
        rf"(?<![\w-])[{_UP}][{_LO}]+(?:ая|ый|ий|ое|ой|ые){_H}+(?:[{_LO}]+{_H}+)?(?:лини|служб|центр|фонд|клуб|секци"
        rf"|дом|приют|организаци|ассоциаци|отделени)[{_LO}]*(?:{_H}+[{_LO}]+){{0,3}}{_H}*«[^»\n]{{1,40}}»"
    ),
    # молодёжного центра «Ровесник», кофейне «Кофе Лаб», ТЦ «Северный квартал»: the kind of place
    # (and an adjective) before its quoted name
    re.compile(
        rf"(?<![\w-])(?:[{_LO}]+(?:ого|его|ый|ий|ой|ая|яя|ом|ем|ую|ое|ее){_H}+)?"
        rf"(?:кофейн|кафе|ресторан|магазин|центр|фонд|приют|клуб|студи|салон|ТЦ|ТРЦ|ТК)[{_LO}]{{0,3}}{_H}*«[^»\n]{{1,40}}»"
    ),
    # Městský soud v Brně, Charitní pečovatelské službě Vřesina, Pedagogicko-psychologická poradna
    # Brno-venkov: adjectives, an institution's type word, its town
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][{_CS_LO}-]+(?:ý|á|é|í)(?:{_H}+[{_CS_LO}]+(?:ý|á|é|í|ské|ské)){{0,2}}{_H}+"
        rf"(?:soud|služb|poradn|lin[ke]|úřad|nemocnic)[{_CS_LO}]*(?:{_H}+v)?{_H}+{_CS_TOWN}"
    ),
    # Policie ČR, Obvodní oddělení Praha 8 – Kobylisy; Policie ČR, MOP Plzeň-Doubravka
    re.compile(
        rf"(?<!\w)Polici[ei]{_H}+(?:ČR|České{_H}+republiky)(?:,{_H}*(?:[{_CS_UP}][{_CS_LO}]+{_H}+oddělení|MOP|OOP|OŘ|KŘP|SKPV)"
        rf"{_H}+{_CS_TOWN}(?:{_H}*[–-]{_H}*{_CS_TOWN})?)?"
    ),
    # OSPOD Úřadu městské části Praha 8, odbor školství Magistrátu města Ostravy, Úřadu práce ČR
    re.compile(
        rf"(?<!\w)(?:(?:OSPOD|[Oo]dbor\w*(?:,?{_H}+[{_CS_LO}-]+){{1,5}}?|[Oo]ddělení(?:{_H}+[{_CS_LO}-]+){{1,4}}?){_H}+)*"
        rf"(?:Úřad\w*|Magistrát\w*|Městsk\w+{_H}+úřad\w*|Krajsk\w+{_H}+úřad\w*)"
        rf"(?:{_H}+[{_CS_LO}]+){{0,3}}{_H}+(?:ČR(?:,{_H}*[{_CS_LO}]+{_H}+[{_CS_LO}]+{_H}+{_CS_TOWN})?|[{_CS_UP}][{_CS_LO}]+{_H}+kraje|{_CS_TOWN})"
        rf"(?:,{_H}*(?:[Oo]dbor|[Oo]ddělení)\w*(?:{_H}+[{_CS_LO}-]+){{1,4}})*"
    ),
    # Obvodní oddělení Policie ČR Olomouc-město; obchodního centra Galerie Bečva, OC Lipová Park;
    # Domova mládeže Envelopa, Nízkoprahového klubu Díra
    re.compile(
        rf"(?<!\w)(?:(?:[Oo]bvodní\w*|[Mm]ístní\w*){_H}+oddělení{_H}+Polici[ei]{_H}+ČR"
        rf"|(?:OC|obchodní\w*{_H}+centr\w*|nákupní\w*{_H}+centr\w*|[Dd]omov\w*{_H}+mládeže|[Nn]ízkoprahov\w+{_H}+klub\w*))"
        rf"{_H}+[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_LO}]+)?(?:{_H}+(?:[{_CS_UP}][{_CS_LO}]+|\d{{1,2}}(?!\d)))?"
    ),
    # Plavecký klub Delfín HK, SK Ledňáček Brno, Nadačního fondu Dětský úsměv, DDM Praha 8 – Spirála,
    # IC Jihlava (an intervention centre), DD Racek, PPP pro Prahu 5
    re.compile(
        rf"(?<!\w)(?:[{_CS_UP}][{_CS_LO}]+(?:ý|á|í){_H}+(?:klub|oddíl|spolek|kroužek)\w*|(?:SK|TJ|FK|HC|HK|MHK|MFK|MŠK|AC|DDM|PPP|SPC|SVP|IC|DDÚ|DD)"
        rf"|Nada(?:ční\w*{_H}+fond\w*|ce)|Link[aouy])(?:{_H}+(?:[{_CS_UP}][{_CS_LO}]+(?:-[{_CS_UP}][{_CS_LO}]+)?(?:{_H}+[{_CS_LO}]{{4,}}(?!\w))?"
        rf"|\d{{1,2}}|U\d{{2}}|[{_CS_UP}]{{2,3}}|–|(?:pro|a){_H}+[{_CS_LO}]+|pro{_H}+[{_CS_UP}][{_CS_LO}]+))+"
    ),
    # Nemocnici Tišnov, p. o.; Dětská psychiatrie MUDr. Malý, s. r. o.: a name and its legal form
    re.compile(
        rf"(?<![\w-])[{_CS_UP}][\w&'’-]*(?:{_H}+[\w&'’.-]+){{0,4}},?{_H}*"
        r"(?:p\.\s?o\.|s\.\s?r\.\s?o\.|z\.\s?s\.|z\.\s?ú\.|o\.\s?p\.\s?s\.|LLP\b|SCIO\b|CIO\b|PLLC\b)"
    ),
    # Beaverton Police Department, Columbus Division of Police, Zone 4, Family Court at Bristol,
    # University of East Pennine, Manningham Mills Juniors FC
    re.compile(
        r"\b(?:[A-Z][a-z]+\s+){1,3}(?:Police|Sheriff's|Fire)\s+(?:Department|Office|Service)\b"
        r"|\b(?:[A-Z][a-z]+\s+){1,2}Division\s+of\s+Police(?:,\s+(?:Zone|District|Precinct)\s+\d+)?"
        r"|\b(?:Family|County|Crown|Magistrates'?|Youth|Juvenile|District|Probate|Circuit|Superior)\s+Court"
        r"\s+(?:at|in|of)\s+[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?"
        r"|\bUniversity\s+of\s+(?:the\s+)?(?:[A-Z][a-z]+\s?){1,3}"
        r"|\b(?:[A-Z][a-z]+\s+){1,3}(?:A?FC|Boys\s+&\s+Girls\s+Club)\b"
    ),
]
# 广州市公安局荔湾区分局西村派出所, 宝安区教育局德育科, 西湾街道未成年人保护工作站: an
# administrative area, then the units under it down to the last
_ZH_UNIT = (
    r"(?:公安局|分局|派出所|教育局|人力资源局|民政局|卫生健康委员会|卫健委|[\u4e00-\u9fff]{1,4}局"
    r"|工作站|服务中心|中心|医院|门诊|[\u4e00-\u9fff]{1,4}科|学院|法院|检察院|基金会|俱乐部|热线"
    r"|办公室|[\u4e00-\u9fff]{1,4}股|妇联|委员会|保健院|卫生院|之家|小组"
    r"|辅导站|关爱站|服务站|监狱|看守所|戒毒所|未成年犯管教所)"
)
_ZH_ORGS = [
    re.compile(
        rf"(?:[{_HAN}]{{2,4}}(?:省|市|区|县|街道|镇))+(?:[{_HAN}]{{0,14}}?{_ZH_UNIT}){{1,4}}"
    ),
    # 汉东购物广场, 汉江百货: a shopping centre's or department store's kind
    re.compile(rf"[{_HAN}]{{2,4}}?(?:购物广场|购物中心|百货(?:大楼|商场)?)"),
    # 家长互助群“甜蜜同行·襄阳”: a support group's quoted name
    re.compile(r"(?<=互助群|家长群|互助会)[\"“「][^\"”」\n]{2,20}[\"”」]"),
    # "暖阳"青少年心理援助热线: a quoted name, then the words of its kind and its type
    re.compile(
        rf"[\"“「][{_HAN}]{{1,10}}[\"”」][{_HAN}]{{0,10}}?(?:热线|中心|基金会|俱乐部|工作室|小组|协会|小家|之家|驿站|公益项目)"
    ),
    # 飞鱼游泳俱乐部, 春芽儿童关爱基金会: types that name one body whatever stands before them
    re.compile(rf"[{_HAN}]{{2,10}}?(?:俱乐部|基金会|派出所)"),
    # 顺达物流有限公司, 江滩假日酒店, 华南师范大学, 宏远会计师事务所, 江滩肿瘤防治门诊部: a
    # company's, hotel's, university's, firm's or outpatient clinic's kind
    re.compile(
        rf"[{_HAN}]{{2,14}}?(?:有限责任公司|股份有限公司|有限公司|集团公司|集团|酒店|宾馆|饭店|旅馆|招待所|民宿|客栈"
        r"|会计师事务所|律师事务所|门诊部"
        r"|(?:师范|理工|科技|医科|农业|财经|交通|工业|外国语|政法|中医药|医学|体育|艺术|民族|工程|海洋)(?:大学|学院))"
    ),
    # 岭南师范大学心理学院, 复康儿童医院发育行为科: an institution and its department
    re.compile(rf"[{_HAN}]{{2,8}}(?:大学|医院)(?:[{_HAN}]{{1,6}}?(?:学院|科|门诊|中心)){{1,2}}"),
]
_ZH_LEAD = "经在到去于由从和与往给向被把对及的是为将让请找"

_CLASSES = [
    # 7. B, 3. G, sexta B, oktáva A, 2. třída, 1. ročníku
    re.compile(
        rf"(?<![\w.])(?P<c>(?:1[0-3]|[1-9])\.{_H}?[A-H](?!\w|\.\w|\.{_H}?\d)|(?:prim|sekund|terci|kvart|kvint|sext|septim|okt[áa]v)"
        rf"[a-zěáéíuy]{{1,2}}{_H}+[A-E](?!\w)|(?:1[0-3]|[1-9])\.{_H}?(?:třída|třídy|třídě|třídu|ročník\w*|tříd)(?!\w))"
    ),
    # NUR-125 cohort, МБ-125 тобы, группа ПК-125, 护理2501班, 是2班的: a college group's code
    re.compile(
        rf"(?<![\w-])(?P<c>[A-ZА-ЯӘҒҚҢӨҰҮҺІ]{{2,4}}-\d{{2,4}})(?={_H}+(?:тобы|тобын|тобында|group|cohort|skupina))"
        rf"|(?<=cohort{_H})(?P<c2>[A-Z]{{2,4}}-\d{{2,4}})(?![\w-])"
        rf"|(?<=группа{_H})(?P<c3>[А-ЯЁ]{{2,4}}-\d{{2,4}})(?![\w-])"
        rf"|(?P<c4>(?<![\d（(）)年级一二三四五六七八九十])(?:[{_HAN}]{{2}}(?=\d{{4}}))?\d{{1,4}}班)"
    ),
    # Year 8, Grade 6, 9th grade, 8 класс, 8-сынып, 八年级
    re.compile(
        r"\b(?P<c>(?:Year|Grades?|Gr\.|Yrs?\.?)\s+(?:1[0-3]|[1-9])(?:[–-](?:1[0-3]|[1-9]))?(?![\d:.,]\d)"
        r"|(?<=\bin\s)(?<!\d)year\s+(?:1[0-3]|[1-9])(?![\d:.,]\d)|(?<=\bof\s)year\s+(?:1[0-3]|[1-9])(?![\d:.,]\d)"
        r"|(?:1[0-2]|[1-9])(?:st|nd|rd|th)\s+grade)\b"
        rf"|(?<![\w№])(?P<c2>(?:1[01]|[1-9])(?:-(?:е|х|ые|ых|м|ми|й|го|му|ом)(?=\s))?{_H}?-?{_H}?(?:класс|сынып)[{_LO}]*)"
        rf"|(?P<c3>[一二三四五六七八九]年级)"
    ),
    # class 4RB, in 8KP: a tutor group's year and its teacher's initials, after a class word
    re.compile(r"\b(?:class|form|tutor group|group|in)\s+(?P<c>(?:1[0-3]|[1-9])[A-Z]{1,3})\b"),
    # "Leah Quinn, 11B;", "Year 3 (3C)", "Form Tutor 7W", "Leah from 11B": a UK form group after
    # a name's comma, in brackets, or after "from"; not "3D", "4G", "4K", which are no classes
    re.compile(
        r"(?:,|\(|\bfrom|\b[Ff]orm(?: [Tt]utor)?)[^\S\n]*(?P<c>(?![2-8][DGK]\b)(?:1[0-3]|[1-9])[A-Z]{1,3})"
        r"(?=[^\S\n]*(?:[;,.)—–\n-]|$)|[^\S\n]+[a-z])"
    ),
    # "Madison K. from 10th?", "Alfie Zouch, Reception –", "due to start Reception": a bare grade in a
    # chat, and the English reception class after a name or a verb of starting
    re.compile(
        r"\b(?:from|in)[^\S\n]+(?P<c>(?:1[0-2]|[1-9])(?:st|nd|rd|th))(?=[^\S\n]*[?!.,]|[^\S\n]*$)"
        r"|(?:,[^\S\n]*|\([^\S\n]*|\bstart(?:s|ing|ed)?[^\S\n]+)(?P<c2>Reception)\b",
        re.MULTILINE,
    ),
    # 七(1)班, 五（2）班: a grade's numeral and its class number
    re.compile(r"(?P<c>[一二三四五六七八九][^\S\n]*[（(][^\S\n]*\d{1,2}[^\S\n]*[)）][^\S\n]*班)"),
]


def _around(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown over the town before it and the town or authority after it."""
    before = _TOWN_BEFORE.search(text, max(0, start - 40), start)
    if before:
        start = before.start()
    for pattern in (_PROFILE_AFTER, _TOWN_AFTER, _CS_TOWN_AFTER, _BRANCH_AFTER):
        after = pattern.match(text, end)
        if after:
            end = after.end()
    return start, end


def grown(text: str, spans: list[Span]) -> Iterator[Span]:
    """The schools and organisations found, each grown over its town (see ``_around``)."""
    for span in spans:
        if span.kind in ("SCHOOL", "ORG"):
            start, end = _around(text, span.start, span.end)
            if (start, end) != (span.start, span.end):
                yield Span(start, end, span.kind, span.source)


def find(text: str) -> Iterator[Span]:
    for kind, patterns in (("SCHOOL", _SCHOOLS), ("ORG", _ORGS)):
        for pattern in gates.live(patterns, text):
            for m in pattern.finditer(text):
                end = m.start() + len(m.group().rstrip(" ,–-"))
                start, end = _around(text, m.start(), end)
                yield Span(start, end, kind, "pattern")
                ending = _FUSED_ENDING.search(m.group())
                if ending:  # "… КММ-де": the name without its case ending too
                    yield Span(m.start(), m.start() + ending.start(), kind, "pattern")
    if re.search(f"[{_HAN}]", text):
        for pattern in gates.live(_ZH_ORGS, text):
            for m in pattern.finditer(text):
                # "转介到宁波市…": the match began with the verb that leads to the name
                lead = max((i for i in range(3) if text[m.start() + i] in _ZH_LEAD), default=-1)
                if text[m.start()] in '"“「':  # a quoted name: its first character is no verb
                    lead = -1
                start = m.start() + lead + 1 if m.end() - (m.start() + lead + 1) >= 5 else m.start()
                yield Span(start, m.end(), "ORG", "pattern")
    for pattern in gates.live(_CLASSES, text):
        for m in pattern.finditer(text):
            group = next(g for g in ("c", "c2", "c3", "c4") if m.groupdict().get(g))
            yield Span(m.start(group), m.end(group), "CLASS", "pattern")
