"""Is a text written in English? The engine's fine-tuned encoder and most of its rules read
English; a text in another language also goes to the multilingual head (``ml/multilingual.py``).

Deliberately simple and fast (it runs on every text): a text is "not English" when most of its
letters are outside the Latin script (Greek, Cyrillic, Arabic, Devanagari, Thai, CJK…), when
it has five words or more and almost none of them is an English function word ("the", "you",
"is"…), or when the function words of the other Latin-script languages clinicians write in
outnumber the English ones (@handles, hashtags and links are not counted). A text of one or two words ("Deregister. Now.", "mid-level sc*m")
counts as English: the English models read it as well as any. Give it the engine's
normalised text too, so homoglyphs and leetspeak ("ѕtupіd dосtоr", "y0u 4re") read as English. Code-mixed text ("Doktor Ahmet, you are a joke")
counts as English when English function words are at least as many as the other language's.
"""

from __future__ import annotations

import re

__all__ = ["is_english", "latin_share"]

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
#: @handles, #hashtags and links: names, not language ("@dr_imani_hakimi Important nuance.").
_NOT_LANGUAGE = re.compile(r"[@#][\w.]+|\b(?:https?://|www\.)\S+")

_ENGLISH_TEXT = """the a an and or but if so to of in on at by for from with about as into over than
    then this that these those there here it its is are was were be been being am do does
    did done have has had having will would shall should can could may might must not no
    you your yours yourself i me my mine we us our he him his she her they them their who
    whom whose what which when where why how all any some every each just only also very
    too more most much many own same such get got go going gone come make made know let
    up out off down again ever never always because while until after before doc ur u im
    dont cant wont isnt youre thats"""
_ENGLISH = frozenset(_ENGLISH_TEXT.split())

#: Function words of the other Latin-script languages most often seen (Spanish, Portuguese,
#: French, Italian, German, Dutch, the Nordic languages, Polish, Czech, Slovak, Romanian,
#: Hungarian, Turkish, Indonesian/Malay, Tagalog, Swahili, Vietnamese, Croatian/Serbian/
#: Bosnian, Slovenian, Albanian, the Baltic languages, Welsh, Irish, Maori, Basque). Words that
#: are also English function words ("a", "in", "do", "to", "is"), or ordinary English or clinical
#: words ("men", "die", "son", "per", "ER", "AMA", "et al", "LOS"), are left out.
_OTHER_TEXT = """el la las un una unos unas y de del que en es por para su sus se
    lo le les mi mis tu tus te nos como pero más muy este esta esto ese esa eso ser
    está están fue usted ustedes vos sos tenés qué quién porque cuando donde
    as uma da das dos na nas no nos é são não seu sua você vocês ele
    ela eles elas isso isto aqui muito mais pelo pela foi está estão já também
    le les des du au aux ou sont pas ne une vous nous ils elles je tu il elle ce cet
    cette ces qui que quoi avec sans dans sur mais très été être avoir fait c'est
    il lo gli della delle dei degli che è una sono come anche più questo
    questa quello sei siete siamo hai hanno
    der das dem des ein eine einen einem einer und oder ist sind nicht kein keine
    du ich sie wir ihr mit für auf aus bei nach von zu zum zur auch noch schon sehr
    wie was wer wo warum dass weil aber
    de het een en of is niet geen je jij u hij zij wij jullie ze met voor uit bij naar
    te ook nog zeer wat wie waar waarom dat omdat maar
    og i ikke en det de du jeg han hun vi dere med for på av til fra som har
    var kan skal vil så også meget mycket och är inte jag vi ni dig mig han att
    ja ei on ole se että mutta kuin sinä minä hän me te he
    i z na do nie jest są to się jak że kto gdzie dlaczego bo już tak
    pani ja my wy oni jesteś
    a je sa na z do ne že to se si jak kdo kde proč protože už já
    my vy oni jsi jste
    și sau este sunt nu un cu la pe din în pentru că ce cine unde de ești tu eu
    és vagy nem egy az hogy mi ki hol miért mert de te én ő mi ti ők vagy
    ve bir bu şu ne için ile gibi çok daha da de mi mı mu mü sen biz siz onlar
    değil var yok
    yang di ke dari ini itu tidak bukan ada untuk dengan atau juga saja sudah akan
    kamu anda saya kami kita mereka dia
    ang ng sa mga si ni na ay at hindi ka ko mo siya kayo kami tayo sila ito iyan
    na wa kwa ni za la katika lakini kama si hii huyo wewe mimi yeye sisi nyinyi wao
    và của là không có cho với những các một người này đó bạn tôi anh chị ông bà
    je su si smo ste nije da li ali ili što tko gdje zašto jer ti ja mi vi oni
    in je so si smo ste ni da ali ali kaj kdo kje zakaj ker ti jaz mi vi oni
    dhe në një që është janë nuk për me nga ti unë ajo ne ju ata
    ir yra ne kad kaip tu aš mes jūs jie un ir nav kas kur kāpēc jo es mēs jūs viņi
    ja on ei kui aga mis kes kus miks sest mina sina meie teie nemad
    y yn yr mae ac nid dy fy ei ein eich eu
    agus an na is ní tá bhí le do mo
    ko te nga he i ki kei ka kua ehara
    da ez du dira zu ni hau hori"""
_OTHER = frozenset(_OTHER_TEXT.split())

#: Latin letters, and the forms evasion dresses them in: full-width, small capitals and other
#: phonetic letters, mathematical and enclosed letters.
_LATIN_RANGES = (
    (0x0041, 0x005A),
    (0x0061, 0x007A),
    (0x00C0, 0x024F),
    (0x1D00, 0x1DBF),
    (0x1E00, 0x1EFF),
    (0x24B6, 0x24E9),
    (0xA720, 0xA7FF),
    (0xFF21, 0xFF3A),
    (0xFF41, 0xFF5A),
    (0x1D400, 0x1D7FF),
)
#: Greek and Cyrillic letters that look Latin ("ѕtupіd dосtоr"): they count as Latin, so a
#: homoglyph attack reads as English; real Greek or Russian has many letters not in this set.
_LOOKALIKES = frozenset("аеорсухіѕјԁԛԝӏһԍАЕОРСУХІЅЈКМНТВοαιΑΕΟΡΤΥΧΙΚΝΒΜΖΗ")


_LETTER = re.compile(r"[^\W\d_]")
_LATIN_LETTER = re.compile(
    "["
    + "".join(f"{chr(low)}-{chr(high)}" for low, high in _LATIN_RANGES)
    + "".join(sorted(_LOOKALIKES))
    + "]"
)


def latin_share(text: str) -> float:
    """The share of the text's letters that are Latin or look Latin (1.0 when it has none)."""
    if text.isascii():
        return 1.0
    letters = len(_LETTER.findall(text))
    if not letters:
        return 1.0
    return len(_LATIN_LETTER.findall(text)) / letters


def _words(text: str) -> list[str]:
    return [word.lower().replace("’", "'") for word in _WORD.findall(_NOT_LANGUAGE.sub(" ", text))]


def is_english(text: str, folded: str | None = None) -> bool:
    """Whether the English models can be trusted to read ``text`` (see the module docstring).

    ``folded``: the engine's normalised form of the text (homoglyphs and leetspeak undone),
    whose words are counted too; the script is judged on ``text`` itself.
    """
    if latin_share(text) < 0.7:
        return False
    words = _words(text)
    if len(words) < 3:
        return True
    english = sum(1 for word in words if word in _ENGLISH)
    other = sum(1 for word in words if word in _OTHER and word not in _ENGLISH)
    if text.isascii() and english >= other and (len(words) < 5 or english >= 0.1 * len(words)):
        return True  # most posts: ASCII text whose normalised form only adds English words
    if folded:
        # English words are also counted in the normalised text (homoglyphs, full-width letters
        # and leetspeak undone; its handles can no longer be told apart: "@dr_x" folds to
        # "adr_x"), other languages' words too (accents folded: "dónde" -> "donde").
        again = _words(folded)
        english = max(english, sum(1 for word in again if word in _ENGLISH))
        other = max(other, sum(1 for word in again if word in _OTHER and word not in _ENGLISH))
    if len(words) >= 5 and english < 0.1 * len(words):
        return False  # five words or more and almost no English function word
    return english >= other


def is_foreign(text: str, folded: str | None = None) -> bool:
    """Whether ``text`` is positively in another language: mostly another script, or more
    function words of other languages than of English. Telegraphic English ("Filipino nurses =
    cheap labour, cheap care") is not English by ``is_english`` (too few function words) but
    not foreign either: the English heads may still read it."""
    if latin_share(text) < 0.7:
        return True
    english = other = 0
    for words in (_words(text), _words(folded) if folded else []):
        english = max(english, sum(1 for word in words if word in _ENGLISH))
        other = max(other, sum(1 for word in words if word in _OTHER and word not in _ENGLISH))
    return other > english
