"""Identifier shapes from other countries and languages that the PHI guard finds without a key
word: national id numbers that carry their own check digit, ages over 89, beds and wards, and
day-and-month dates written in other languages.

Each finder takes the post's text and returns ``(start, end, type, reason)`` tuples; ``phi.py``
adds them where nothing else has claimed the characters. Pure Python, no Django.

* **National ids with a distinctive shape** are flagged anywhere, because a random number
  rarely has both the shape and the check: China's resident id (18 characters with a valid
  birth date inside; the ISO 7064 mod 11-2 check is reported, not required, as a mistyped id
  is still an id), South Africa's id (13 digits, a valid birth date and Luhn), Switzerland's
  AHV number (756.xxxx.xxxx.xx dotted, or 13 digits passing EAN-13), Thailand's id (13 digits,
  grouped 1-4-5-2-1 with hyphens, or with spaces and the mod 11 check) and India's Aadhaar
  (12 digits grouped 4-4-4, not starting with 0 or 1, passing Verhoeff).
* **Ages over 89**: the words for a person in their nineties or hundreds in about fifteen
  languages ("nonagenarian", "centenaire", "novantenne"); "in her late nineties"; Chinese
  numerals with the word for years ("九十二岁"); Hebrew "בן 94"; Welsh "92 oed"; Ukrainian
  "93 роки"; a birth year at least 90 years before the current year ("born 1931", in a sentence
  about a patient).
* **Beds and wards** in other languages and scripts, with any digits ("leito 22", "койка 2",
  "giường 8", "เตียง 12", "침대 3", "बेड 18", "سرير ٤"): a hospital bed or ward word is about a
  patient in any language, so no English context word is needed. Words that only mean "room"
  ("sala", "pokój", "chambre") are left to ``phi.py``, which asks for a sentence about a patient.
* **Dates**: a day number and a month name in Turkish, Romanian, Polish, Czech, the Nordic
  languages, Finnish, Hungarian, Indonesian and Malay, Tagalog, Ukrainian, Bulgarian and
  Serbian, Arabic (both month series), Urdu, Farsi (both calendars), Hebrew (both calendars),
  Hindi, Bengali, Thai, Swahili, and the Islamic months transliterated; Vietnamese "12 tháng 3".
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

__all__ = ["Found", "ages", "beds", "checked_ids", "dates"]

#: (start, end, PhiType value, reason)
Found = tuple[int, int, str, str]

# --- check-digit national ids --------------------------------------------------------------

_CN_ID = re.compile(
    r"(?<![0-9A-Za-z.-])([1-8]\d{5})((?:19|20)\d{2})(\d{2})(\d{2})(\d{3})([\dXx])(?![0-9A-Za-z-])"
)
_ZA_ID = re.compile(r"(?<![0-9A-Za-z.-])(\d{2})(\d{2})(\d{2})\d{4}[01]\d{2}(?![0-9A-Za-z.-])")
_AHV = re.compile(r"(?<![0-9A-Za-z.-])756[.\s]?\d{4}[.\s]?\d{4}[.\s]?\d{2}(?![0-9A-Za-z-])")
_TH_ID = re.compile(r"(?<![0-9A-Za-z.-])[1-8][-\s]\d{4}[-\s]\d{5}[-\s]\d{2}[-\s]\d(?![0-9A-Za-z-])")
_AADHAAR = re.compile(r"(?<![0-9A-Za-z.-])[2-9]\d{3}([-\s])\d{4}\1\d{4}(?![0-9A-Za-z-])")

_CN_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CN_CHECK = "10X98765432"
_VERHOEFF_D = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 2, 3, 4, 0, 6, 7, 8, 9, 5),
    (2, 3, 4, 0, 1, 7, 8, 9, 5, 6),
    (3, 4, 0, 1, 2, 8, 9, 5, 6, 7),
    (4, 0, 1, 2, 3, 9, 5, 6, 7, 8),
    (5, 9, 8, 7, 6, 0, 4, 3, 2, 1),
    (6, 5, 9, 8, 7, 1, 0, 4, 3, 2),
    (7, 6, 5, 9, 8, 2, 1, 0, 4, 3),
    (8, 7, 6, 5, 9, 3, 2, 1, 0, 4),
    (9, 8, 7, 6, 5, 4, 3, 2, 1, 0),
)
_VERHOEFF_P = (
    (0, 1, 2, 3, 4, 5, 6, 7, 8, 9),
    (1, 5, 7, 6, 2, 8, 3, 0, 9, 4),
    (5, 8, 0, 3, 7, 9, 6, 1, 4, 2),
    (8, 9, 1, 6, 0, 4, 3, 5, 2, 7),
    (9, 4, 5, 3, 1, 2, 6, 8, 7, 0),
    (4, 2, 8, 6, 5, 7, 3, 9, 0, 1),
    (2, 7, 9, 3, 8, 0, 6, 4, 1, 5),
    (7, 0, 4, 6, 9, 1, 3, 2, 5, 8),
)


def _digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def _valid_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def luhn_ok(number: str) -> bool:
    total = 0
    for index, ch in enumerate(reversed(number)):
        digit = int(ch)
        if index % 2:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return total % 10 == 0


def verhoeff_ok(number: str) -> bool:
    check = 0
    for index, ch in enumerate(reversed(number)):
        check = _VERHOEFF_D[check][_VERHOEFF_P[index % 8][int(ch)]]
    return check == 0


def cn_id_ok(value: str) -> bool:
    body = value[:17]
    total = sum(int(ch) * weight for ch, weight in zip(body, _CN_WEIGHTS, strict=True))
    return _CN_CHECK[total % 11] == value[17].upper()


def ean13_ok(number: str) -> bool:
    total = sum(int(ch) * (3 if index % 2 else 1) for index, ch in enumerate(number[:12]))
    return (10 - total % 10) % 10 == int(number[12])


def thai_id_ok(number: str) -> bool:
    total = sum(int(ch) * (13 - index) for index, ch in enumerate(number[:12]))
    return (11 - total % 11) % 10 == int(number[12])


def checked_ids(text: str) -> list[Found]:
    """National id numbers whose shape and check digit both hold. The number may touch letters
    of scripts written without spaces ("身份证号110105…")."""
    found: list[Found] = []
    if sum(ch.isdigit() for ch in text) < 12:
        return found
    for m in _CN_ID.finditer(text):
        year, month, day = int(m.group(2)), int(m.group(3)), int(m.group(4))
        if _valid_date(year, month, day):
            checked = "check digit valid" if cn_id_ok(m.group()) else "a birth date inside"
            found.append((m.start(), m.end(), "ssn", f"resident id number (China), {checked}"))
    for m in _ZA_ID.finditer(text):
        month, day = int(m.group(2)), int(m.group(3))
        if _valid_date(2000, month, day) and luhn_ok(m.group()):
            found.append((m.start(), m.end(), "ssn", "id number (South Africa), check digit valid"))
    for m in _AHV.finditer(text):
        number = _digits(m.group())
        # 756.1234.5678.97: the dotted shape alone is distinctive; undotted, the check must hold
        if len(number) == 13 and (m.group().count(".") == 3 or ean13_ok(number)):
            found.append((m.start(), m.end(), "ssn", "AHV number (Switzerland)"))
    for m in _TH_ID.finditer(text):
        number = _digits(m.group())
        # grouped 1-4-5-2-1 with hyphens the shape is distinctive; with spaces the check must hold
        if len(number) == 13 and ("-" in m.group() or thai_id_ok(number)):
            found.append((m.start(), m.end(), "ssn", "id number (Thailand)"))
    for m in _AADHAAR.finditer(text):
        if verhoeff_ok(_digits(m.group())):
            found.append((m.start(), m.end(), "ssn", "Aadhaar number (India), check digit valid"))
    return found


# --- ages over 89 ------------------------------------------------------------------------

#: One person's age in a word ("our nonagenarian", "une centenaire"); plurals are talk about a
#: group ("nonagenarians benefit less"), so they are left alone.
_AGE_WORDS = re.compile(
    r"\b(?i:(?:super)?centenarian|nonagenarian|nonag[ée]naire|centenaire|nonagenari[oa]|"
    r"centenari[oa]|centen[áa]ri[oa]|novantenne|neunzigj[äa]hrige[rn]?|hundertj[äa]hrige[rn]?|"
    r"negentigjarige|honderdjarige|dziewięćdziesięciolat(?:ek|ka)|stulat(?:ek|ka)|"
    r"девяностолетн(?:ий|яя|его|ей)|столетн(?:ий|яя|его|ей)|ενενηντάχρον(?:ος|η)|"
    r"αιωνόβι(?:ος|α)|devadesátiletá|devadesátiletý)\b"
)
#: "she's in her late nineties", "Mr Bell, in his 90s": a person's decade, not "a man in his 90s"
#: in a teaching point.
_IN_NINETIES = re.compile(
    r"(?:\b(?:she|he|who|patient|pt|mum|mom|dad|mother|father|grandma|grandpa|granny|nan|"
    r"grandmother|grandfather)(?:['’]s| is| was)?|[A-Z][a-z]+,)\s+(?:now\s+|still\s+|well\s+)?"
    r"(in (?:his|her) (?:(?:early|mid|late)[- ])?(?:nineties|90s|90['’]s|hundreds))\b"
)
_HAN_DIGIT = "一二三四五六七八九"
_AGE_HAN = re.compile(
    rf"(?:九十[{_HAN_DIGIT}]?|一百(?:零?[{_HAN_DIGIT}]|一十[{_HAN_DIGIT}]?)?)\s?[岁歲歳才]"
    r"|아흔\s?(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉)?\s?살"
)
#: The number first, then a word no older pattern reads; or a word first, then the number.
_AGE_NUMBER = re.compile(
    r"(?<![\d.,/:])(\d{2,3})\s?(?:роки|рочки|годы|(?i:mlwydd oed|oed|ετών|anos de idade|"
    r"ans et demi|yrs? of age))(?![^\W\d_])"
    r"|(?:בן|בת|בגיל)\s?(\d{2,3})(?!\d)"
)
_BORN_YEAR = re.compile(
    r"\b(?i:born(?: in)?|b\.|n[ée]e?(?: en)?|nat[oa](?: nel)?|nacid[oa](?: en)?|nascid[oa](?: em)?|"
    r"geboren(?: im jahr)?|geb\.|urodzon[ay](?: w)?|народ(?:ився|илася)(?: у)?|"
    r"родил(?:ся|ась)(?: в)?|doğumlu|d\.o\.b\.?|dob:?)\s+((?:19)\d{2})\b(?![-/.]\d)"
)


def ages(text: str, patient_context: Callable[[int], bool]) -> list[Found]:
    """Ages over 89 in words, other scripts and birth years. ``patient_context(pos) -> bool``
    says whether the sentence holding ``pos`` is about a patient (for birth years only)."""
    found: list[Found] = []
    for m in _AGE_WORDS.finditer(text):
        found.append((m.start(), m.end(), "age_over_89", "age over 89 in words"))
    for m in _IN_NINETIES.finditer(text):
        found.append((m.start(1), m.end(1), "age_over_89", "age over 89 as a decade"))
    for m in _AGE_HAN.finditer(text):
        found.append(
            (m.start(), m.end(), "age_over_89", "age over 89 (Chinese or Korean numerals)")
        )
    for m in _AGE_NUMBER.finditer(text):
        number = m.group(1) or m.group(2)
        if 90 <= int(number) <= 119:
            found.append((m.start(), m.end(), "age_over_89", "age over 89 (another language)"))
    this_year = datetime.date.today().year
    for m in _BORN_YEAR.finditer(text):
        year = int(m.group(1))
        if 1900 <= year <= this_year - 90 and patient_context(m.start()):
            found.append((m.start(), m.end(), "age_over_89", "a birth year 90 or more years ago"))
    return found


# --- beds and wards ----------------------------------------------------------------------

_NUMBER = r"(?:№|#|nr\.?|n[º°o]\.?|no\.?)?\s?\d{1,4}[A-Za-z]?"
_BED = re.compile(
    r"\b(?i:leito|enfermaria|cama|letto|posto letto|patul|salonul|katil|wad|ranjang|койка|ліжко|"
    r"палата|łóżko|lůžko|giường|buồng|bett|sängplats|seng|sänky|yatak|κρεβάτι|κλίνη|"
    r"θάλαμος|легло|кревет|ágy|kórterem|kitanda|wodi|higaan)"
    rf"\s?{_NUMBER}(?!\s?(?:%|mg|ml|mm|cm|kg|h\b|min))"
    r"|(?:เตียง|หอผู้ป่วย|床位?|病房|病室|病床|병동|병실|침대|बेड|वार्ड|বেড|ওয়ার্ড|سرير|عنبر|تخت|"
    r"מיטה|አልጋ)\s?(?:№|#|no\.?|ที่|번|号|號)?\s?\d{1,4}"
    r"|\d{1,4}\s?(?:号床|號床|床|番ベッド|号室|號房|号病房|병동|호실|번 ?침대|호)(?!\w)"
)


def beds(text: str, professional_context: Callable[[int], bool]) -> list[Found]:
    """A hospital bed, ward or room in another language, with its number; not in a sentence
    about clinicians' work (``professional_context(pos) -> bool``)."""
    found: list[Found] = []
    if text.isascii() and not _ASCII_BED_HINT.search(text):
        return found
    for m in _BED.finditer(text):
        if not professional_context(m.start()):
            found.append((m.start(), m.end(), "location", "ward, room or bed (another language)"))
    return found


_ASCII_BED_HINT = re.compile(
    r"(?i)\b(?:leito|enfermaria|cama|letto|patul|salonul|katil|wad|ranjang|lozko|luzko|bett|"
    r"seng|sanky|yatak|agy|korterem|kitanda|wodi|higaan|giuong|buong)\b"
)

# --- dates ---------------------------------------------------------------------------------

_MONTHS_INTL = (
    # Turkish
    "ocak|şubat|subat|nisan|mayıs|mayis|haziran|temmuz|ağustos|agustos|eylül|eylul|ekim|"
    "kasım|kasim|aralık|aralik|"
    # Romanian
    "ianuarie|februarie|martie|aprilie|iunie|iulie|septembrie|octombrie|noiembrie|decembrie|"
    # Polish and Czech (genitive)
    "stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|wrzesnia|"
    "października|pazdziernika|listopada|grudnia|ledna|února|unora|března|brezna|dubna|"
    "května|kvetna|června|cervna|července|cervence|srpna|září|zari|října|rijna|listopadu|"
    "prosince|"
    # Nordic
    "januari|februari|marts|augusti|januar|februar|"
    # Finnish
    "tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta|"
    "syyskuuta|lokakuuta|marraskuuta|joulukuuta|"
    # Hungarian (after the day: "3. március" is rare, "március 3." is handled below)
    # Indonesian, Malay, Tagalog, Swahili
    "maret|mei|juni|juli|agustus|ogos|desember|disember|enero|pebrero|marso|abril|mayo|"
    "hunyo|hulyo|agosto|setyembre|oktubre|nobyembre|disyembre|machi|aprili|juni|julai|"
    "agosti|septemba|oktoba|novemba|desemba|"
    # Ukrainian, Bulgarian, Serbian (Cyrillic)
    "січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|"
    "грудня|януари|февруари|март|април|май|юни|юли|август|септември|октомври|ноември|"
    "декември|јануар|фебруар|април|мај|јун|јул|август|септембар|октобар|новембар|децембар|"
    # Serbian, Croatian, Bosnian (Latin), Serbian Cyrillic genitive, Slovak genitive
    "januara|februara|marta|aprila|juna|jula|avgusta|augusta|septembra|oktobra|novembra|"
    "decembra|siječnja|sijecnja|veljače|veljace|ožujka|ozujka|travnja|svibnja|lipnja|srpnja|"
    "kolovoza|rujna|studenoga|studenog|prosinca|јануара|фебруара|марта|априла|маја|јуна|јула|"
    "августа|септембра|октобра|новембра|децембра|januára|februára|apríla|mája|júna|júla|"
    "októbra|"
    # Icelandic, Latvian, Estonian
    "janúar|febrúar|apríl|maí|júní|júlí|ágúst|nóvember|janvārī|februārī|martā|"
    "aprīlī|maijā|jūnijā|jūlijā|augustā|septembrī|oktobrī|novembrī|decembrī|janvāra|februāra|"
    "aprīļa|maija|jūnija|jūlija|jaanuar|jaanuaril|veebruar|veebruaril|märts|"
    "märtsil|aprill|aprillil|juuni|juunil|juuli|juulil|oktoober|oktoobril|detsember|"
    "detsembril|"
    # Hebrew and Islamic months, transliterated
    "tishrei|cheshvan|heshvan|kislev|tevet|shevat|adar|nisan|iyar|sivan|tammuz|elul|"
    "muharram|safar|rabi['’ ]?(?:al|ul)[- ](?:awwal|thani|akhir)|jumada[- ](?:al|ul)[- ]"
    "(?:awwal|ula|thani|akhirah)|rajab|sha['’]?ban|ramadan|ramadhan|ramazan|shawwal|"
    "dhu[- ]al[- ]qi['’]?dah|dhu[- ]al[- ]hijjah|zilhaj|zil hajj"
)
_MONTHS_SCRIPT = (
    "يناير|فبراير|مارس|أبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر|نوفمبر|"
    "ديسمبر|كانون الثاني|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول|تشرين الأول|تشرين الثاني|"
    "كانون الأول|محرم|صفر|رجب|شعبان|رمضان|شوال|ذو القعدة|ذو الحجة|جنوری|فروری|مارچ|اپریل|مئی|"
    "جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر|ژانویه|فوریه|آوریل|ژوئن|ژوئیه|اوت|سپتامبر|اکتبر|"
    "نوامبر|دسامبر|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند|ינואר|"
    "פברואר|מרץ|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר|תשרי|חשוון|חשון|כסלו|"
    "טבת|שבט|אדר|ניסן|אייר|סיוון|סיון|תמוז|אב|אלול|जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|"
    "जुलाई|अगस्त|सितंबर|सितम्बर|अक्टूबर|अक्तूबर|नवंबर|नवम्बर|दिसंबर|दिसम्बर|জানুয়ারি|"
    "ফেব্রুয়ারি|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|সেপ্টেম্বর|অক্টোবর|নভেম্বর|ডিসেম্বর|মকর|"
    "มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|"
    "พฤศจิกายน|ธันวาคม|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|"
    "ก\\.ย\\.|ต\\.ค\\.|พ\\.ย\\.|ธ\\.ค\\.|"
    # Georgian, Tamil, Sinhala, Khmer, Nepali (Bikram Sambat)
    "იანვარს|თებერვალს|მარტს|აპრილს|მაისს|ივნისს|ივლისს|აგვისტოს|სექტემბერს|ოქტომბერს|"
    "ნოემბერს|დეკემბერს|იანვარი|თებერვალი|მარტი|აპრილი|მაისი|ივნისი|ივლისი|აგვისტო|"
    "სექტემბერი|ოქტომბერი|ნოემბერი|დეკემბერი|ஜனவரி|பிப்ரவரி|மார்ச்|ஏப்ரல்|ஜூன்|ஜூலை|ஆகஸ்ட்|"
    "செப்டம்பர்|அக்டோபர்|நவம்பர்|டிசம்பர்|ජනවාරි|පෙබරවාරි|මාර්තු|අප්‍රේල්|මැයි|ජූනි|ජූලි|"
    "අගෝස්තු|සැප්තැම්බර්|ඔක්තෝබර්|නොවැම්බර්|දෙසැම්බර්|មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|"
    "កក្កដា|សីហា|កញ្ញា|តុលា|វិច្ឆិកា|ធ្នូ|बैशाख|वैशाख|जेठ|असार|साउन|श्रावण|भदौ|असोज|कार्तिक|"
    "मंसिर|पुस|माघ|फागुन|चैत"
)
#: Months written before the day: Armenian (genitive), Amharic, Lithuanian (genitive).
_MONTHS_BEFORE = (
    "հունվարի|փետրվարի|մարտի|ապրիլի|մայիսի|հունիսի|հուլիսի|օգոստոսի|սեպտեմբերի|հոկտեմբերի|"
    "նոյեմբերի|դեկտեմբերի|መስከረም|ጥቅምት|ኅዳር|ህዳር|ታኅሣሥ|ታህሳስ|ጥር|የካቲት|መጋቢት|ሚያዝያ|ግንቦት|"
    "ሰኔ|ሐምሌ|ሀምሌ|ነሐሴ|ነሃሴ|sausio|vasario|kovo|balandžio|gegužės|birželio|liepos|"
    "rugpjūčio|rugsėjo|spalio|lapkričio|gruodžio"
)
_YEAR = r"(?:\s?(?:de\s)?\d{4}(?:\s?(?:г\.?|р\.?|року|года|ה|هـ|ش|ق|พ\.ศ\.|BE|AH))?)?"
_DATE_INTL = re.compile(
    rf"(?<![\w.])\d{{1,2}}\.?\s?(?:de\s|ng\s)?(?i:{_MONTHS_INTL})(?![^\W\d_]){_YEAR}"
    rf"|(?<![\w.])\d{{1,2}}\.?\s(?:Mart|Mac)\b{_YEAR}"
    rf"|(?<![\w.])\d{{1,2}}\s?(?:ב|ב-)?(?:{_MONTHS_SCRIPT})(?![^\W\d_]){_YEAR}"
    r"|(?<![\w.])(?i:ngày\s)?\d{1,2}\s(?i:tháng)\s\d{1,2}(?:\s(?i:năm)\s\d{4})?(?!\d)"
    r"|\b(?i:január|február|március|április|május|június|július|augusztus|szeptember|"
    r"október|november|december)\s\d{1,2}\.(?!\d)"
    rf"|(?<!\w)(?i:{_MONTHS_BEFORE})\s?\d{{1,2}}(?:-?ին|-?ի|\s?d\.)?(?!\d)"
    r"|ថ្ងៃទី\s?\d{1,2}\s?(?:ខែ\s?)?(?:មករា|កុម្ភៈ|មីនា|មេសា|ឧសភា|មិថុនា|កក្កដា|សីហា|កញ្ញា|តុលា|"
    r"វិច្ឆិកា|ធ្នូ)"
)


_DAY = re.compile(r"\d+")


def dates(text: str) -> list[Found]:
    """A day and a month written in another language."""
    if not any(ch.isdigit() for ch in text):
        return []
    return [
        (m.start(), m.end(), "date", "day and month in another language")
        for m in _DATE_INTL.finditer(text)
        if 1 <= int(_DAY.findall(m.group())[0]) <= 31
    ]
