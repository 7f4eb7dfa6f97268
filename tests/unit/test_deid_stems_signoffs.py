"""Identifiers in the shapes the thirty-seventh set's notes gave them: ages over 89 in brackets
after a kin word in its other cases (Czech "matku (91)", Kazakh "анасы (тоқсанда)"), quoted with
the month they are reached in, said in Russian words after "в" or "до … прожила", and in Chinese
after 也; a lower-case name in a messenger's message under its sender's header; a Kazakh date
range joined by "мен"; a Kazakh house by its number alone and a town said with "I am"; a
Chinese village's group alone, a postcode in brackets after an address, a place
named with its unit word and then alone, a club or a shop with its quoted name after the kind; a
Russian district written "р-н", a school by its ordinal word after a class, a taxi firm; a
webinar's ID, a Saskatchewan health number, a Czech data box; a Polish and a Hong Kong primary
class; initials signing a line with its date, after an admin's role and in a list that ends at a
column's gap; a Czech phone said in colloquial words; a Kazakh class said with its letter's
name ("алтыншы гэдағы"); a Russian school by its ordinal alone in speech ("в четырнадцатой
учусь"). Each found, the look-alikes left alone.
Every person, number and address is invented."""

from __future__ import annotations

import pytest
from deid_probe import covered, touched

PRESENT = (
    "**Facilitators:** Gwyn Bebb (GB)\n"
    "**Present:** PH, RS, TE, LB, DM (new)   **Apologies:** JW (in for scans)\n\n"
    "DM quiet but stayed to the end.\n"
)
VK = (
    "**Ирина Лапина** 19:14\nЯ знаю, кто снимал.\n\n**Анжела В.** 20:03\n"
    "И это не первый раз, в ноябре в раздевалке вадим у него телефон отобрал, и миша мой говорил.\n"
)
STEM = "我们屋头在曾口镇那边，观音井村二组，你从巴中坐到曾口的车，到了场口给我打电话。"


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("26-0415    01:10–01:31  ž, 58   péče o matku (91), vyčerpání", "cs", "91"),
        ("Үйде анасы (тоқсанда) және немересі тұрады.", "kk", "тоқсанда"),
        (
            'She looks after her mother, "ninety-four in May, sharp as anything".',
            "en",
            "ninety-four",
        ),
        ("«в девяносто один в чужой квартире не живут»", "ru", "девяносто один"),
        ("мать моя до девяноста шести в своём доме прожила", "ru", "девяноста шести"),
        ("隔壁的罗婆婆每天过来看一眼，罗婆婆自己也九十一了。", "zh", "九十一"),
        ("2026 жылғы 9 мен 27 ақпан аралығында 11 күн сабақ жіберген.", "kk", "9 мен 27 ақпан"),
        ("<tr><td>Көршісі Мәншүк апа</td><td>36-үй</td><td>кілті бар</td></tr>", "kk", "36-үй"),
        ("Клиент: мен талдықорғандамын 9 класс", "kk", "талдықорғандамын"),
        (
            "21:07  tuman_qyz: мен қазалыданмын мұнда аграрлық колледжде оқимын",
            "kk",
            "қазалыданмын",
        ),
        ("үлкен әжеміз тоқсан бірге толды құлсарыда той жасаймыз", "kk", "құлсарыда"),
        (STEM, "zh", "观音井村二组"),
        (STEM, "zh", "曾口"),
        ("母亲在佛山顺德打工，父亲在佛山市顺德区锦华家具有限公司做油漆工。", "zh", "顺德"),
        ("地址东坡区湖滨路东段39号二楼（620020），中心电话 028-38127406。", "zh", "620020"),
        ("他报名了学校的彝族达体舞社团“索玛花开”，指导老师是吉木老师。", "zh", "索玛花开"),
        ("父亲在苏稽镇开了一家跷脚牛肉店（“老苏跷脚牛肉”），早出晚归。", "zh", "老苏跷脚牛肉"),
        ("佢以前喺深水埗榮光小學讀到小五，成績一般。", "zh", "小五"),
        ("26-0415    23:10–23:36   Первомайский р-н        ж, 15", "ru", "Первомайский р-н"),
        ("Варе 15 лет, она учится в 9 «Г» десятой школы и после", "ru", "десятой школы"),
        ("Выписка 20.03.2026, транспорт — такси «Рейс» за счёт дочери.", "ru", "такси «Рейс»"),
        ("Запись: r.example.ru/razbor-1702, ID вебинара 864 215 907\n", "ru", "864 215 907"),
        ("**HSN:** 884 512 307   **MRN:** SCH-2201586", "en", "884 512 307"),
        ("jsme odeslali do datové schránky školy (k7pq2vm) a matce poštou", "cs", "k7pq2vm"),
        ("a school in Słupsk, where she had finished klasa 5b with good reports", "en", "klasa 5b"),
        (PRESENT, "en", "DM"),
        (
            "Паспорт: 04 06 517283, выдан ТП УФМС России по Красноярскому краю в Эвенкийском р-не"
            " 1О.О8.2ОО6",
            "ru",
            "ТП УФМС России по Красноярскому краю в Эвенкийском р-не",
        ),
        (
            "Свидетельство: серия III-АР № 714362, выдано Отделом ЗАГС Стерлитамакского района"
            " 29.09.2016.",
            "ru",
            "Отделом ЗАГС Стерлитамакского района",
        ),
        ("мать айшат с младшим в махачкале в ркб лежит, я одна", "ru", "ркб"),
        ("жеке куәлік № 051873264, берген ҚР IIМ 02.03.2019. Мекенжайы", "kk", "ҚР IIМ"),
        ("кеше кешке бердақ жылап келді алтыншы гэдағы нұрбол деген бала", "kk", "алтыншы гэдағы"),
        ("ана данияр дегенмен ұрысыпты ол үшінші ә класта оқиды", "kk", "үшінші ә класта"),
        ("я из апатитов, в четырнадцатой учусь в 9б", "ru", "четырнадцатой"),
        ("ещё он говорит в девяносто вторую хочет, там брат", "ru", "девяносто вторую"),
        ("23:02  тихий_енот: в шестнадцатой в нововятске. психолог есть?", "ru", "шестнадцатой"),
        (VK, "ru", "вадим"),
        (VK, "ru", "миша"),
        ("number to be confirmed.\n\nKH, 17 March 2026. Office 08 8951 4732.\n", "en", "KH"),
        ("**Typed by admin (ML), 20/02/2026:** corrections to the OCR", "en", "ML"),
        (
            "pište si sedum set dvacet štyři, tři sta osumnáct, dvě stě šedesát pět. jo?",
            "cs",
            "sedum set dvacet štyři, tři sta osumnáct, dvě stě šedesát pět",
        ),
    ],
)
def test_what_the_thirty_seventh_set_s_shapes_give_away(text, language, part) -> None:
    assert covered(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "part"),
    [
        ("péče o matku (45), vyčerpání", "cs", "45"),
        ("Третьей четверти тоқсанда (екінші тоқсанда) бағалар төмен.", "kk", "тоқсанда"),
        ("We analysed ninety-four in May and sixty in June.", "en", "ninety-four"),
        ("Число звонков выросло в девяносто раз.", "ru", "девяносто"),
        ("Семья приехала в девяносто пятом году.", "ru", "девяносто"),
        ("他也九十分了，数学进步很大。", "zh", "九十"),
        ("Ол 5 мен 6 сынып оқушыларымен жұмыс істейді.", "kk", "5 мен"),
        ("мен үйдемін, сабақтамын", "kk", "үйдемін"),
        ("ол жақсыда жақсы, жаманда жаман болады дейді", "kk", "жақсыда"),
        ("他住在开发区，周末去开发公司上班。", "zh", "开发公司"),
        ("已推荐区级辅导中心，推荐人是班主任。", "zh", "推荐人"),
        ("他说“我没有偷”，然后哭了。", "zh", "我没有偷"),
        ("他的学号是（12345），不是邮编。", "zh", "12345"),
        ("Из Узбекистана, вторая школа за год.", "ru", "вторая школа"),
        ("Оценка по пятибалльной шкале: в среднем 4 «Б» группы.", "ru", "группы"),
        ("**Present:** HT (head teacher), CT (class teacher)   **Notes:** none", "en", "CT"),
        ("Ask the admin (HR) for the forms.", "en", "HR"),
        ("PE, 17 March 2026. Swimming moved to Friday.", "en", "PE"),
        ("Klasa hodnocení je 5b podle stupnice.", "cs", "stupnice"),
        ("Výsledky: štyři body z deseti.", "cs", "štyři body"),
    ],
)
def test_the_thirty_seventh_set_s_look_alikes_stay(text, language, part) -> None:
    assert not touched(text, language, part)


@pytest.mark.parametrize(
    ("text", "language", "word"),
    [
        ("**学生**：王梓睿，男，五年级（3）班\n**记录人**：唐小红", "zh", "学生"),
        ("**科室**：雅安市人民医院老年医学科", "zh", "科室"),
        ("23:52  Консультант: Вы сейчас в безопасности?", "ru", "Вы"),
        ("Kl. руководитель: Кл. руководитель 6 «В» Карпова Юлия", "ru", "Кл"),
        ("Кеңесші: Қазір қауіпсіз жердесің бе?", "kk", "Қазір"),
        ("Konzultant: Jsem rád, že ses ozval.", "cs", "Jsem"),
        ("Quiet, polite, good eye contact once settled.", "en", "Quiet"),
        ("**Voice message 3**: Nanna Maisie · 9 March 2026, 8:03am", "en", "Voice message 3"),
        ("Family are Romanian Roma from a village near Craiova.", "en", "Romanian Roma"),
        ("Office hours Mon–Fri, 9 to 5; reads the Qur'an with his uncle.", "en", "Mon–Fri"),
        ("Office hours Mon–Fri, 9 to 5; reads the Qur'an with his uncle.", "en", "Qur'an"),
        ("建议到医院复查，民政局也可以帮忙。", "zh", "医院"),
        ("Сіз қазір қайдасыз? Мектепте ме?", "kk", "Мектепте"),
        ("АООП НОО для обучающихся с ТНР (вариант 5.2), занятия с логопедом", "ru", "5.2"),
        ("программа для обучающихся с ЗПР 7.2 либо ТНР 5.1", "ru", "7.2"),
        ("**Итоги встречи** 10:00\nобсудили мир в классе и роль семьи", "ru", "мир"),
        ("Заключение выдано на руки матери, копия в деле.", "ru", "на руки"),
        ("Файл весит 500 кб, откройте его.", "ru", "кб"),
        ("В третьей четверти оценки хуже, во второй половине дня устаёт.", "ru", "третьей"),
        ("Бесінші де оқиды, үшінші ені кең, екінші әні ұнады.", "kk", "үшінші ені"),
        ("Бесінші де оқиды, үшінші ені кең, екінші әні ұнады.", "kk", "екінші әні"),
    ],
)
def test_labels_chat_words_and_programme_variants_are_no_identifiers(text, language, word) -> None:
    assert not touched(text, language, word)


def test_a_day_and_month_outside_a_programme_s_variant_stays_a_date() -> None:
    assert covered("Приходите 5.2 в 10:00, кабинет психолога.", "ru", "5.2")
