"""PHI guard: "post the pearl, not the patient".

Finds the HIPAA Safe Harbor identifiers in a post before it is published and proposes a
redacted text. Deterministic and offline: regular expressions plus compact name lists
(`phi_names`) find the identifiers that have a form (numbers, addresses, titles, dates), and a
learned word tagger (`ml/tagger.py`: MiniLM word states plus spelling features, trained by
`training/phi_tagger.py`) adds the names, places, dates and ages written in free text that no
pattern knows ("Deshawn came back", "drove in from Tillamook"). A pattern wins an overlap.

Decisions (documented in primum/safety/evaldata/README.md, measured by bench/safety_phi.py):

* Names. A name is flagged when it is in patient context: after Mr/Mrs/Ms/Miss/Mx; after a
  patient or relative word ("patient John Smith", "pt J. Smith", "her son Kevin", "named X");
  as initials next to an age/sex or a date of birth ("J.S., 45M"); as a known first name
  followed by a capitalised word ("Maria Lopez"); or as a lone known first name in a sentence
  about a patient. Clinicians are not patients: a name after Dr/Prof/Nurse, before a credential
  (", MD") or "et al", or in a sentence about professional life (grand rounds, conference,
  paper, thanks, congratulations, ...) is not flagged. Eponyms followed by disease/sign/score
  words ("Graves disease", "Wells score") are never names.
* Dates: anything more specific than a year (3/14, March 14th, 14/03/2024, March 2024 in a
  sentence about a patient). Relative days ("last Tuesday", "yesterday") are not dates on their
  own, but count as the time of a `risky_combination`.
* Ages over 89 ("92-year-old", "93M", "aged 95"): replaced by "[age 90+]".
* Location (smaller than a state): street addresses, PO boxes and ZIP/postcodes always; a city,
  county, named facility (hospital, clinic, care home) or ward/room/bed only in a sentence about
  a patient. "Mayo Clinic guidelines" and "I presented in Boston" pass.
* Licence numbers: driver's licence, DEA and NPI numbers with a number attached are flagged
  whoever they belong to: a clinician's own number has no place in a post either.
* URLs: flagged unless the host is a reference source (doi.org, PubMed, journals, guideline
  bodies).
* Direct identifiers follow the HIPAA limited-data-set list: everything except dates, ages,
  towns/cities/ZIPs and rare-case combinations; a street address is a direct identifier.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, replace
from enum import StrEnum

from primum.safety import phi_intl, phi_keys
from primum.safety.ml.tagger import TaggedSpan
from primum.safety.phi_names import FIRST_NAMES, SURNAMES


class PhiType(StrEnum):
    NAME = "name"
    DATE = "date"
    AGE_OVER_89 = "age_over_89"
    LOCATION = "location"
    PHONE = "phone"
    FAX = "fax"
    EMAIL = "email"
    SSN = "ssn"
    MRN = "mrn"
    ACCOUNT_NUMBER = "account_number"
    HEALTH_PLAN_NUMBER = "health_plan_number"
    LICENCE_NUMBER = "licence_number"
    VEHICLE_ID = "vehicle_id"
    DEVICE_ID = "device_id"
    URL = "url"
    IP_ADDRESS = "ip_address"
    BIOMETRIC = "biometric"
    OTHER_UNIQUE_ID = "other_unique_id"
    RISKY_COMBINATION = "risky_combination"


#: Types that identify a person on their own (the HIPAA limited-data-set list).
DIRECT_TYPES: frozenset[PhiType] = frozenset(
    {
        PhiType.NAME,
        PhiType.PHONE,
        PhiType.FAX,
        PhiType.EMAIL,
        PhiType.SSN,
        PhiType.MRN,
        PhiType.ACCOUNT_NUMBER,
        PhiType.HEALTH_PLAN_NUMBER,
        PhiType.LICENCE_NUMBER,
        PhiType.VEHICLE_ID,
        PhiType.DEVICE_ID,
        PhiType.URL,
        PhiType.IP_ADDRESS,
        PhiType.BIOMETRIC,
        PhiType.OTHER_UNIQUE_ID,
    }
)

REPLACEMENTS: dict[PhiType, str] = {
    PhiType.NAME: "[name]",
    PhiType.DATE: "[date]",
    PhiType.AGE_OVER_89: "[age 90+]",
    PhiType.LOCATION: "[location]",
    PhiType.PHONE: "[phone]",
    PhiType.FAX: "[fax]",
    PhiType.EMAIL: "[email]",
    PhiType.SSN: "[SSN]",
    PhiType.MRN: "[MRN]",
    PhiType.ACCOUNT_NUMBER: "[account number]",
    PhiType.HEALTH_PLAN_NUMBER: "[health plan number]",
    PhiType.LICENCE_NUMBER: "[licence number]",
    PhiType.VEHICLE_ID: "[vehicle id]",
    PhiType.DEVICE_ID: "[device id]",
    PhiType.URL: "[link]",
    PhiType.IP_ADDRESS: "[IP address]",
    PhiType.BIOMETRIC: "[biometric]",
    PhiType.OTHER_UNIQUE_ID: "[id]",
    PhiType.RISKY_COMBINATION: "[rare case details]",
}

_ADVICE_WORDS: dict[PhiType, str] = {
    PhiType.NAME: "the patient's name",
    PhiType.DATE: "exact dates",
    PhiType.AGE_OVER_89: "the exact age (say 90+)",
    PhiType.LOCATION: "the place",
    PhiType.PHONE: "phone numbers",
    PhiType.FAX: "fax numbers",
    PhiType.EMAIL: "e-mail addresses",
    PhiType.SSN: "the social security number",
    PhiType.MRN: "the record number",
    PhiType.ACCOUNT_NUMBER: "account numbers",
    PhiType.HEALTH_PLAN_NUMBER: "insurance numbers",
    PhiType.LICENCE_NUMBER: "licence numbers",
    PhiType.VEHICLE_ID: "vehicle details",
    PhiType.DEVICE_ID: "device serial numbers",
    PhiType.URL: "links",
    PhiType.IP_ADDRESS: "IP addresses",
    PhiType.BIOMETRIC: "photos or biometrics",
    PhiType.OTHER_UNIQUE_ID: "identifying numbers",
    PhiType.RISKY_COMBINATION: "the rare-case details that together identify the patient",
}


@dataclass(frozen=True, slots=True)
class PhiFinding:
    """`text[start:end]` of the ORIGINAL text is an identifier of type `type`."""

    start: int
    end: int
    type: PhiType
    text: str
    replacement: str
    reason: str
    #: Identifies a person on its own (see DIRECT_TYPES; street addresses too).
    direct: bool = False

    def to_dict(self) -> dict[str, object]:
        return {
            "start": self.start,
            "end": self.end,
            "type": str(self.type),
            "text": self.text,
            "replacement": self.replacement,
            "reason": self.reason,
            "direct": self.direct,
        }


@dataclass(frozen=True, slots=True)
class PhiReport:
    text: str
    findings: tuple[PhiFinding, ...]

    @property
    def has_phi(self) -> bool:
        return bool(self.findings)

    @property
    def direct_identifiers(self) -> tuple[PhiFinding, ...]:
        return tuple(f for f in self.findings if f.direct)

    @property
    def redacted_text(self) -> str:
        """The text with each finding replaced; overlapping findings merge into the widest."""
        out: list[str] = []
        pos = 0
        for start, end, replacement in _merged(self.findings):
            out.append(self.text[pos:start])
            out.append(replacement)
            pos = end
        out.append(self.text[pos:])
        return "".join(out)

    @property
    def suggestion(self) -> str:
        """One line for the composer; empty when nothing was found."""
        if not self.findings:
            return ""
        seen: list[str] = []
        for finding in sorted(self.findings, key=lambda f: f.start):
            words = _ADVICE_WORDS[finding.type]
            if words not in seen:
                seen.append(words)
        listed = seen[0] if len(seen) == 1 else ", ".join(seen[:-1]) + " and " + seen[-1]
        return f"Post the pearl, not the patient: remove {listed}."

    def to_dict(self) -> dict[str, object]:
        return {
            "has_phi": self.has_phi,
            "findings": [f.to_dict() for f in self.findings],
            "redacted_text": self.redacted_text,
            "suggestion": self.suggestion,
        }


def _merged(findings: Iterable[PhiFinding]) -> list[tuple[int, int, str]]:
    spans: list[tuple[int, int, str, int]] = []
    for f in sorted(findings, key=lambda f: (f.start, -(f.end - f.start))):
        if spans and f.start < spans[-1][1]:
            start, end, replacement, width = spans[-1]
            if f.end - f.start > width:
                replacement, width = f.replacement, f.end - f.start
            spans[-1] = (start, max(end, f.end), replacement, width)
        else:
            spans.append((f.start, f.end, f.replacement, f.end - f.start))
    return [(s, e, r) for s, e, r, _ in spans]


# --------------------------------------------------------------------------------------------
# Vocabulary

# Latin letters with diacritics: Latin-1 and Latin Extended-A (Łukasz, Tāne, Šimůnek).
_EXT_A_UP = "".join(chr(c) for c in range(0x100, 0x17F) if chr(c).isupper())
_EXT_A_LOW = "".join(chr(c) for c in range(0x100, 0x180) if chr(c).islower())
_UP = "A-ZÀ-ÖØ-Þ" + _EXT_A_UP
_LOW = "a-zß-öø-ÿ" + _EXT_A_LOW
_NAME = rf"(?:Ma?c|O['’]|D['’])?[{_UP}][{_LOW}]+(?:-[{_UP}]?[{_LOW}]+)?"
_INITIAL = rf"[{_UP}]\."

_MONTHS = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"

#: Capitalised words that are never a person's name in these rules.
_NOT_NAMES_WORDS = """
    The A An This That These Those He She They His Her Hers Him Them Their I We You It Its Our
    My Your In On At With Without For And But Or If When Then After Before During Since Until
    From To Of By As Is Was Were Are Be Has Had Have Who Whom Which What Why How Where There
    Here Not No Yes So Also Just Only Still Today Yesterday Tomorrow Tonight Day Days Week Weeks
    Month Months Year Years Monday Tuesday Wednesday Thursday Friday Saturday Sunday January
    February March April May June July August September October November December Pearl Pearls
    Note Update Case Patient Pt Presented Presents Came Comes Admitted Discharged Seen Saw Had
    Takeaway Lesson Tip Reminder Remember Always Never Consider Think Check Look Learning Teaching
    Emergency Department Hospital Clinic Ward Unit Room Bed Street Road Avenue Lane Drive County
    Disease Syndrome Sign Test Score Criteria Rule Rules Scale Trial Study Guidelines Guideline
    Doctor Nurse Dr Prof Professor Mr Mrs Ms Miss Mx Sir Lady Lord Saint St God Jesus Christ
    English Spanish French German Chinese Hindi Arabic Black White Asian Hispanic Latino Latina
    Medicare Medicaid Type Stage Grade Class Level Group Phase Part Lead Leads Chest Back Left
    Right Upper Lower North South East West New Old Big Small Good Bad Great Best Sure Thanks
    Christmas Easter Thanksgiving Halloween Covid COVID Omicron Delta Dad Mom Mum Mother Father
    Son Daughter Wife Husband Brother Sister Grandma Grandpa Baby Grandmother Grandfather
"""
_NOT_NAMES = frozenset(_NOT_NAMES_WORDS.split())
_NOT_NAMES_LOWER = frozenset(w.lower() for w in _NOT_NAMES) | {"smith-like", "doubtfire"}

#: Known first names that are everyday words: not enough alone, only with a surname or a cue.
_AMBIGUOUS_FIRST_WORDS = """
    Will May June April August Summer Autumn Grace Hope Faith Joy Dawn Rose Crystal Diamond
    Destiny Angel Mark Bill Guy Chase Grant Gene Don Ray Max Lance Jack Art Sunny Holly Ivy Robin
    Sydney Austin Jackson Dakota Savannah Chelsea Jordan Parker Hunter Taylor Lee Kim Christian
    Virginia Carol Jesus Frank Sue Pat Rich Bob Penny Misty Brandy Raven Sierra Mercedes Madison
    Miranda Tanner Cole Kent Kirk Glen Dean Drew Carl Earl Ruby Iris Jade Skylar Wayne Will
    Tyler Logan Bailey Cameron Morgan Shelby Spencer Stuart Sonia Angela Lydia Santiago Houston
    Aoife Isla Noor Mei Wei Xin Ana Jo Gene Douglas Russell Lynn Ross
"""
_AMBIGUOUS_FIRST = frozenset(_AMBIGUOUS_FIRST_WORDS.split())

_EPONYM_NEXT = re.compile(
    r"\s*(?:['’]s?\s+)?(?:disease|syndrome|sign|signs|test|criteria|score|classification|"
    r"maneuver|manoeuvre|reflex|triad|phenomenon|law|rule|rules|ulcer|palsy|node|nodes|"
    r"fracture|hernia|procedure|operation|tumou?r|lymphoma|sarcoma|ratio|equation|formula|"
    r"scale|index|bodies|cells|disorder|thyroiditis|encephalopathy|ophthalmopathy|contracture|"
    r"phenomenon|method|approach|incision|position|curve|line|point|space|canal|duct|gland|"
    r"nodule|nodules|lesion|lesions|membrane|body|area|fold|bundle|valve|"
    r"Clinic|Hospital|Medical|Institute|University|Foundation|Center|Centre|guidelines)\b",
)

#: "Sister Okafor" (a ward sister) is a clinician, "her sister Ingrid" a relative.
_CLINICIAN_BEFORE = re.compile(
    r"(?:\b(?:(?i:Dr|Drs|Doctor|Prof|Professor|Nurse|Midwife|Consultant|Surgeon|Registrar|"
    r"Attending|Colleague|Rev|Judge|Senator|President|Coach)|Sister|Matron)\.?\s*|@)$",
)
_CLINICIAN_AFTER = re.compile(
    r"^(?:,?\s*(?:MD|DO|RN|NP|PA-C|PhD|FRCP|FRCS|FACP|FACC|MBBS|MRCP|MPH|PharmD|DNP|BSN|DPM)"
    r"\b|\s+et al\b|['’]s (?:lab|group|team|paper|talk|lecture|study|trial)\b"
    r"|\s+(?:from|in|of|at) (?:the )?(?:pharmacy|radiology|pathology|microbiology|the lab|IT|"
    r"estates|HR|finance|admin|physio|OT|dietetics|switchboard|medical records|the library|"
    r"audit|governance|education|the deanery|our team|my team)\b)"
)
# Sentence context is decided on the sentence's set of lower-case words (one cheap pass) plus a
# few phrases, not by scanning long alternations of words.
_PROFESSIONAL_WORDS = frozenset(
    [
        "conference",
        "congress",
        "symposium",
        "lecture",
        "keynote",
        "webinar",
        "podcast",
        "paper",
        "published",
        "author",
        "coauthor",
        "coauthors",
        "colleague",
        "colleagues",
        "attending",
        "consultant",
        "registrar",
        "mentor",
        "professor",
        "congrats",
        "congratulations",
        "thanks",
        "tweeted",
        "preprint",
        "editorial",
        "chapter",
        "textbook",
        "course",
        "panel",
        "workshop",
        "fellowship",
        "residency",
        "promoted",
        "hired",
        "joins",
        "welcome",
        "speaker",
        "talk",
        "masterclass",
        "mmm",
    ]
)
_PROFESSIONAL_PHRASE = re.compile(
    r"grand rounds|co-authors?|journal club|thank you|shout-?out|joined our|\bm&m\b"
)
_PATIENT_WORDS = frozenset(
    [
        "nok",
        "patient",
        "patients",
        "pt",
        "pts",
        "he",
        "she",
        "his",
        "her",
        "him",
        "man",
        "woman",
        "boy",
        "girl",
        "gentleman",
        "lady",
        "male",
        "female",
        "infant",
        "baby",
        "newborn",
        "toddler",
        "child",
        "kid",
        "teen",
        "teenager",
        "son",
        "daughter",
        "wife",
        "husband",
        "mother",
        "father",
        "mom",
        "mum",
        "dad",
        "grandma",
        "grandpa",
        "family",
        "lives",
        "lived",
        "living",
        "resident",
        "admitted",
        "discharged",
        "seen",
        "transferred",
        "died",
        "yo",
        "mr",
        "mrs",
        "ms",
        "miss",
        "farmer",
        "veteran",
        "client",
        "dob",
        "victim",
        "prisoner",
        "inmate",
        "casualty",
        "relatives",
        "grandad",
        "granny",
        "nan",
    ]
)
_PATIENT_PHRASE = re.compile(
    r"present(?:ed|s) with|brought in|came in|year[- ]old|y/o|\b\d{1,3}\s?(?:m|f|yo)\b"
)

# --------------------------------------------------------------------------------------------
# Structured identifiers

#: Scripts written without spaces between words (Thai, Lao, Burmese, Khmer, kana, Han, Hangul
#: compounds): a key word there has no word boundary before it ("患者身份证号码").
_NO_SPACE_SCRIPT = re.compile(
    r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)


#: Where an English key word may start: at a word boundary, or anywhere before a key of a script
#: written without spaces ("病人身份证号": no boundary between 人 and 身).
_KEY_START = rf"(?:\b|(?={_NO_SPACE_SCRIPT.pattern}))"


def _alternation(keys: Iterable[str]) -> str:
    """Literal keys as one alternation, longest first ("身份证号码" before "身份证号")."""
    return "|".join(re.escape(k) for k in sorted(set(keys), key=lambda k: (-len(k), k)))


def _first(keys: Iterable[str]) -> str:
    """A lookahead for the first characters of `keys`: one test per position, not one per key."""
    return "(?=[" + "".join(sorted({re.escape(k[0]) for k in keys})) + "])"


def _intl_keys(plain: Iterable[str], cased: Iterable[str] = (), *, after: str = "") -> str:
    """A regex fragment for the literal key words of `phi_keys`. Keys of spaced scripts need no
    word character before them, and `after` after them (a lookahead, not a word boundary, which
    fails after "tél." or a Thai vowel mark); keys of scripts written without spaces need
    neither. Matches nothing when there are no keys."""
    plain, cased = list(plain), list(cased)
    spaced_plain = [k for k in plain if not _NO_SPACE_SCRIPT.match(k)]
    spaced_cased = [k for k in cased if not _NO_SPACE_SCRIPT.match(k)]
    unspaced = [k for k in plain + cased if _NO_SPACE_SCRIPT.match(k)]
    parts = []
    if spaced_plain:
        parts.append(rf"(?i:{_first(spaced_plain)}(?<!\w)(?:{_alternation(spaced_plain)})){after}")
    if spaced_cased:
        parts.append(rf"{_first(spaced_cased)}(?<!\w)(?:{_alternation(spaced_cased)}){after}")
    if unspaced:
        parts.append(rf"{_first(unspaced)}(?:{_alternation(unspaced)})")
    return "|".join(parts) or r"(?!)"


def _ascii(keys: Iterable[str]) -> list[str]:
    return [k for k in keys if k.isascii()]


_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}\b")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"'()]+|"
    r"\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|me|ly|co|info|us|uk|ca|au|in|nz|ie|"
    r"blog|site|page|example|app)/[^\s<>\"'()]+",
    re.IGNORECASE,
)
#: A bare domain ("sarahs-ms-journey.example.net") is a person's only after a word that ties
#: it to one: "she blogs at", "his instagram", "her fundraiser".
_BARE_DOMAIN = re.compile(
    r"(?i:\b(?:blogs?|blogging|site|website|page|instagram|insta|tiktok|youtube|facebook|"
    r"twitter|substack|fundraiser|gofundme|profile|channel|vlog|diary|journal)\b[^.\n]{0,24}?)"
    r"\b((?:[a-z0-9]+(?:-[a-z0-9]+)*\.)+(?:com|org|net|io|me|blog|site|page|example|info|"
    r"co\.uk|uk|au|ca|nz|ie))\b",
    re.IGNORECASE,
)
_REFERENCE_HOSTS = re.compile(
    r"(?:^|\.)(?:doi\.org|ncbi\.nlm\.nih\.gov|nih\.gov|nejm\.org|thelancet\.com|bmj\.com|"
    r"jamanetwork\.com|nice\.org\.uk|who\.int|cdc\.gov|fda\.gov|uptodate\.com|acc\.org|"
    r"heart\.org|clinicaltrials\.gov|cochranelibrary\.com|medrxiv\.org|biorxiv\.org|"
    r"nature\.com|sciencedirect\.com|ema\.europa\.eu|idsociety\.org|ahajournals\.org|"
    r"escardio\.org|sign\.ac\.uk|guidelines\.gov|aafp\.org|acog\.org|aap\.org|mdcalc\.com|"
    r"litfl\.com|wikipedia\.org)$",
    re.IGNORECASE,
)
_IPV4 = re.compile(
    r"(?<![\d.])(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)(?!\d|\.\d)"
)
_DOTTED = re.compile(r"\d\.\d{1,3}\.\d")
_SSN = re.compile(r"(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])")
_SSN_KEYED = re.compile(
    r"\b(?:SSN|SS#|social security(?: number| no\.?| #)?)\s*(?:is|was|:|#)?\s*"
    r"(\d{9}|\d{3}[ .]\d{2}[ .]\d{4}|\*{3}-?\*{2}-?\d{4}|x{3}-?x{2}-?\d{4})",
    re.IGNORECASE,
)
_PHONE = re.compile(
    r"(?<![\w-])(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[\s.-]\d{4}(?![\w-])"
    r"|(?<![\w-])\+\d{1,3}(?:[\s.-]\d{2,5}){2,4}(?![\w-])"
)
_PHONE_KEYED = re.compile(
    r"\b(?:phone|tel|cell|mobile|call|text|fax|pager|bleep|ph)\b\.?\s*(?:no\.?|number|#)?\s*"
    r"(?:is|at|on|:)?\s*(\d{7,11}|\d{3}[\s.-]\d{4})\b",
    re.IGNORECASE,
)
_FAX_BEFORE = re.compile(
    r"\b(?:tele)?fax(?:ed|es|ing|en|er|ar|a|e|nummer|nr)?\b[^.\n]{0,45}$|\bF:\s*$", re.IGNORECASE
)
#: Any run of 2-5 digit groups (international, UK, Australian, Indian layouts, "555 0192 334"):
#: a phone when it has a prefix (+44, (02), a leading 0 trunk digit) or a phone word before it.
_PHONE_GROUPS = re.compile(
    r"(?<![\w.,/+-])(?:\+\d{1,3}[\s.-]?(?:\(0\)\s?)?\d{1,5}|\(0?\d{1,4}\)[\s.-]?\d{2,5}|\d{2,5})"
    r"(?:[\s.-]\d{1,7}){1,4}(?![\w/+-]|[.,]\d)"
)
#: "husband 555-0143", "daughter on 555 0192": a seven-digit local number after a relative.
_LOCAL_PHONE_KEYED = re.compile(
    r"\b(?i:husband|wife|partner|son|daughter|mum|mom|mother|dad|father|brother|sister|"
    r"family|carer|caregiver|neighbou?r|friend|home|cell|mobile)\b[^.\n\d]{0,12}"
    r"(?<![\d-])(\d{3}[-. ]\d{4})(?![\d-])"
)
_PHONE_WORD_BEFORE = re.compile(
    r"\b(?:phon(?:e|es|ed|ing)|telephone|tel|mob|mobile|cell|call(?:s|ed|ing)?|ring(?:s|ing)?|"
    r"rang|text(?:s|ed|ing)?|txt|whatsapp|sms|numbers?|no|contact|reach(?:ed|es|ing)?|landline|"
    r"pager|bleep|try (?:him|her|them|me|mum|dad)? ?on|"
    r"fax(?:es|ed|ing)?|ph|cel|celular|m[oó]vil|tel[eé]fono|telefone|t[eé]l[eé]phone|portable|"
    r"handy|telefon|telefono|cellulare|numer|nummer|mobiel|mobil|tlf|puhelin|zap|ruft|anrufen|"
    r"appel(?:er|le|é)?|llam(?:ar|a|ó|e)|ligar|liga|chiamare|bellen|zadzwo\w*)\b[^.\n\d]{0,30}$",
    re.IGNORECASE,
)
#: Phone and fax words of other languages ("tfno.", "tél.", "тел.", "โทร.", "电话", "SĐT").
_NOT_WORD_AFTER = r"(?!\w)"
_PHONE_WORD_INTL = re.compile(
    _intl_keys(phi_keys.PHONE, phi_keys.PHONE_CASED, after=_NOT_WORD_AFTER) + r"[^.\n\d]{0,30}$"
)
_FAX_INTL = re.compile(
    _intl_keys(phi_keys.FAX, phi_keys.FAX_CASED, after=_NOT_WORD_AFTER) + r"[^.\n]{0,45}$"
)


def _phone_word_before(before: str) -> bool:
    return bool(_PHONE_WORD_BEFORE.search(before) or _PHONE_WORD_INTL.search(before))


#: "faxed to 555-0148, her mobile is 555-0149": a phone word after the fax word wins.
_PHONE_AFTER_FAX = re.compile(
    r"\bfax(?:ed)?\b.*\b(?:phone|telephone|tel|mob|mobile|cell|landline|whatsapp)\b[^.\n\d]{0,30}$",
    re.IGNORECASE,
)
_LOCAL_PHONE = re.compile(r"(?<![\d+(-])\d{3}[- ]\d{4}(?![\d-]|[.,]\d)")
_EXTENSION = re.compile(r"\s*,?\s*(?:ext\.?|extension|x)\s*\d{1,5}\b", re.IGNORECASE)
#: UK National Insurance number (the SSN of the UK): two letters, six digits, one letter.
_NINO = re.compile(r"\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D]\b")
#: After "NI number" / "national insurance" any two letters (QQ is the documentation prefix).
_NINO_KEYED = re.compile(
    r"\b(?:NI|NINO|(?i:national insurance))(?:\s+(?i:number|no\.?))?\s*(?:is|:|#)?\s*"
    r"([A-Z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-D])\b"
)
#: International bank account number: country, check digits, 11-30 letters and digits.
_IBAN = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b")
#: IPv6, written in full or compressed ("2001:db8::4a1"): only with "::" or five or more groups,
#: so times ("10:30:45") and ratios never match.
_IPV6 = re.compile(
    r"(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){1,7}:(?:[0-9A-Fa-f]{1,4}(?::[0-9A-Fa-f]{1,4}){0,6})?(?![\w:])"
    r"|(?<![\w:])(?:[0-9A-Fa-f]{1,4}:){4,7}[0-9A-Fa-f]{1,4}(?![\w:])"
)

#: What may stand between a key word and its value: "NHS no: ", "member ID #", "card number ".
#: Number words of other languages ("nº", "Nr.", "№", "número", "番号", "号码", "번호", "رقم").
_NUMBER_WORDS = _alternation(phi_keys.NUMBER_WORDS)
_ID_PREFIX = (
    r"(?i:\s*(?:card|cards)?\s*(?:number|no\.?|nr\.?|num|id|ref\.?|reference|#|"
    + _NUMBER_WORDS
    + r")?\s*(?:is|was|of|=|:|：|#|-|\()?\s*)$"
)
_KEY_WORDS: tuple[tuple[PhiType, str, str], ...] = (
    (
        PhiType.BIOMETRIC,
        r"AFIS|fingerprint(?: record| ID| ref(?:erence)?)?|palm[- ]?vein(?: enrol?ment| ID| ref)?|"
        r"voice ?print(?: ID| ref)?|iris (?:scan|ID|template)|biometric(?: ID| enrol?ment| ref)?",
        "biometric identifier",
    ),
    (
        PhiType.SSN,
        r"social insurance|national insurance|NINO|tax file|TFN|aadhaar|aadhar|"
        r"national ID|national identity|identity card|ID card|identity number|"
        r"PPSN?|NRIC|CNIC|NIN|BVN|omang|Ghana ?Card|Emirates ID|NIDA|personnummer|PESEL|"
        r"(?:his|her|their|my) ID(?: number| no\.?)?|HKID|MyKad|kimlik|codice fiscale|"
        r"Teudat Zehut|s[ée]curit[ée] sociale|UMID|(?-i:SSS|TIN|NIF|SA ID)|"
        r"SNILS|СНИЛС|(?-i:SIN|PAN|NI|IC|BSN|CPR|NIR|DNI|NIE|CURP|CPF|RUT|NIC|NID)|"
        r"RRN|resident registration|주민등록번호|주민번호|My ?Number|マイナンバー|個人番号|身份证号?|"
        r"身分證(?:字號)?|居民身份证|(?-i:NSS|AHV|SVNR|CNP|AMKA|NISS|NIK|KTP|DUI|INE|RNOKPP|ИНН)|"
        r"ΑΜΚΑ|РНОКПП|num[ée]ro de s[ée]cu|s[ée]cu|Sozialversicherungsnummer|Steuer-?ID|"
        r"rodn[ée] [čc][íi]slo|c[ée]dula|henkil[öo]tunnus|HETU|f[øo]dselsnummer|CPR-nummer|"
        r"rijksregisternummer|burgerservicenummer|TC kimlik|T\.C\.|Teudat|תעודת זהות|ת\.ז\.?",
        "national identity number",
    ),
    (
        PhiType.VEHICLE_ID,
        r"licen[cs]e plate|number plate|registration plate|reg plate|plate|plates|VIN|"
        r"vehicle identification|vehicle ID|reg|registration|rego|car reg",
        "vehicle plate or VIN",
    ),
    (
        PhiType.MRN,
        r"MRN|medical record|med rec|hospital|chart|record|unit|CR|hosp|UHID|EMR|EHR|EPR|"
        r"clinic card|clinic number|hospital card|patient card|folder(?: number| no\.?)?|"
        r"file number|OPD(?: card| number| no\.?)?|"
        r"(?-i:UR|URN|IP|OP|IPP)|住院号|病历号|病案号|病歴番号|カルテ番号|診察券番号|患者ID|병록번호|"
        r"등록번호|환자번호|Patienten-?ID|Patientennummer|Fallnummer|Aufnahmenummer|"
        r"num[ée]ro de dossier|n° de dossier|dossier|prontu[áa]rio|historia cl[íi]nica|expediente|"
        r"cartella clinica|numero di cartella|nosologico|dossiernummer|pati[ëe]ntnummer|"
        r"ziekenhuisnummer|journalnummer|hosp\.? no|hospital no",
        "medical record number",
    ),
    (
        PhiType.HEALTH_PLAN_NUMBER,
        r"member|insurance|insurance policy|policy|Medicare|Medicaid|health plan|NHS|NHI|(?-i:CHI)|"
        r"subscriber|beneficiary|plan|BCBS|Aetna|Cigna|UHC|Humana|group|MBI|health card|"
        r"health insurance|OHIP|MSP|RAMQ|PHN|personal health|ABHA|health ID|IHI|DVA|"
        r"ECHS|CGHS|ESIC|PMJAY|NHIF|NHIS|PhilHealth|health number|medical card|GMS|"
        r"insurance card|member ID|policy holder|membership|Bupa|AXA|Allianz|Medibank|HCF|"
        r"Vhi|Laya|cart[ãa]o SUS|(?-i:SUS)|Versichertennummer|Versicherungsnummer|"
        r"Krankenkasse|Krankenversicherung|eGK|Sehat(?: card)?|health services? (?:card|number|no)|"
        r"Medi-Cal|Tricare|EHIC|GHIC|tessera sanitaria|carte vitale|mutuelle|FONASA|ISAPRE|"
        r"BPJS|SHIF|Ayushman|(?-i:MBR|CHIP|HMO|PPO)",
        "health plan number",
    ),
    (
        PhiType.ACCOUNT_NUMBER,
        r"billing account|bank account|hospital account|patient account|account|acct|"
        r"invoice|bill|HAR|(?-i:FIN)",
        "account number",
    ),
    (
        PhiType.LICENCE_NUMBER,
        r"driver['’]?s licen[cs]e|driving licen[cs]e|licen[cs]e|DL|DEA|NPI|"
        r"certificate|(?-i:NMC|GMC|HCPC|AHPRA)(?: PIN| number| no\.?)?|registration number|"
        r"CDL|(?-i:RN|LPN|LVN|APRN)(?: licen[cs]e)?|(?-i:ARN|FAC)|firearms? (?:certificate|licen[cs]e)|"
        r"shotgun certificate|gun licen[cs]e|pilot['’]?s? licen[cs]e",
        "licence number",
    ),
    (
        PhiType.DEVICE_ID,
        r"serial|S/N|SN|device|IMEI|UDI|implant|pacemaker serial|pump serial|"
        r"pacemaker|ICD|insulin pump|CGM|hearing aid|transmitter|transmitter ID|sensor|"
        r"sensor ID|monitor ID|LVAD|VAD|controller|PDM|Seriennummer|num[ée]ro de s[ée]rie|"
        r"n[úu]mero de s[ée]rie|numero di serie|serienummer|製造番号|シリアル番号|序列号|일련번호|"
        r"מספר סידורי|серийный номер",
        "device serial number",
    ),
    (
        PhiType.OTHER_UNIQUE_ID,
        r"patient ID|patient|study ID|study|participant|subject|case|accession|specimen|"
        r"encounter|visit|passport|employee|badge|student ID|biobank|bio-bank|sample|lab|"
        r"trial ID|enrol?ment|registry|prisoner|inmate|claim|specimen|slide|block|tube|"
        r"barcode|swab|requisition|order|voter|ration card|prison|prison number|"
        r"service|service number|military service|military ID|dog tag|booking",
        "unique identifying number",
    ),
)
#: Key words in other languages (`phi_keys`): plain ones, then the case-sensitive acronyms.
_INTL_KEYS: dict[PhiType, tuple[tuple[str, ...], tuple[str, ...]]] = {
    PhiType.SSN: (phi_keys.SSN, phi_keys.SSN_CASED),
    PhiType.MRN: (phi_keys.MRN, phi_keys.MRN_CASED),
    PhiType.HEALTH_PLAN_NUMBER: (phi_keys.HEALTH_PLAN, phi_keys.HEALTH_PLAN_CASED),
    PhiType.LICENCE_NUMBER: (phi_keys.LICENCE, phi_keys.LICENCE_CASED),
    PhiType.DEVICE_ID: (phi_keys.DEVICE, phi_keys.DEVICE_CASED),
    PhiType.OTHER_UNIQUE_ID: (phi_keys.OTHER_ID, phi_keys.OTHER_ID_CASED),
}
_NO_KEYS: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
#: Per type: the pattern for an ASCII text before the value (English and the other languages'
#: ASCII keys), then the one with every key, for a text with other scripts in it.
_KEYED: tuple[tuple[PhiType, re.Pattern[str], re.Pattern[str], str], ...] = tuple(
    (
        kind,
        re.compile(
            rf"(?:{_KEY_START}(?i:{keys})|"
            rf"{_intl_keys(*(_ascii(ks) for ks in _INTL_KEYS.get(kind, _NO_KEYS)))}){_ID_PREFIX}"
        ),
        re.compile(
            rf"(?:{_KEY_START}(?i:{keys})|{_intl_keys(*_INTL_KEYS.get(kind, _NO_KEYS))}){_ID_PREFIX}"
        ),
        reason,
    )
    for kind, keys, reason in _KEY_WORDS
)
#: The same key words anywhere earlier in the sentence, for typing an identifier-shaped value
#: that no key stands right before ("the PPS on the form is 5551234TA"); fax and phone too.
_CUES: tuple[tuple[PhiType, re.Pattern[str], str], ...] = (
    (PhiType.FAX, re.compile(r"\b(?i:fax(?:ed|es|ing)?)\b"), "fax number"),
    (
        PhiType.PHONE,
        re.compile(
            r"\b(?i:phon(?:e|es|ed|ing)|telephone|tel|mobile|mob|cell|call(?:s|ed|ing)?|"
            r"ring(?:s|ing)?|rang|text(?:s|ed|ing)?|whatsapp|landline)\b"
        ),
        "phone number",
    ),
    (
        PhiType.BIOMETRIC,
        re.compile(
            r"\b(?i:fingerprints?|finger ?print|iris|retina|retinal|biometrics?|voice ?print|"
            r"face ?ID|facial recognition|palm ?print|palm[- ]vein|vein scan\w*|footprints?|"
            r"gait|templates?)\b"
        ),
        "biometric identifier",
    ),
    *(
        (
            kind,
            re.compile(
                rf"{_KEY_START}(?i:{keys})s?(?:\b|(?<={_NO_SPACE_SCRIPT.pattern}))|"
                + _intl_keys(
                    *(_ascii(ks) for ks in _INTL_KEYS.get(kind, _NO_KEYS)), after=r"(?!\w)"
                )
            ),
            reason,
        )
        for kind, keys, reason in _KEY_WORDS
    ),
)
#: The key words of other scripts, for a text that is not all ASCII.
_CUES_INTL: tuple[tuple[PhiType, re.Pattern[str], str], ...] = tuple(
    (
        kind,
        re.compile(
            _intl_keys(
                *([k for k in ks if not k.isascii()] for ks in _INTL_KEYS[kind]), after=r"(?!\w)"
            )
        ),
        reason,
    )
    for kind, _keys, reason in _KEY_WORDS
    if kind in _INTL_KEYS
)
#: A value that may be an identifier: "00482913", "CN-2024-00871", "485 777 3456", "2123 45670 1".
#: Values written with dots ("32.456.789", "12.345.678-5", "23.001234"; not "14.03.24"): seven digits
#: or more, so never a decimal; an identifier only right after a key word.
_ID_CANDIDATE = re.compile(
    r"(?<![\w/.-])(?:\d{1,3}(?:\.\d{3}){2,3}(?:-[\dkK])?(?![\w/-]|[.,]\d)"
    r"|\d{2}\.\d{5,8}(?![\w/-]|[.,]\d))"
    r"|(?<![\w/-])(?:[A-Z]{2,4}[ ]\d{2,6}(?:[ ]\d{2,6}){1,3}(?![\w/-]|[.,]\d)"
    r"|[A-Z][ ]\d{3,6}-\d{3,6}(?![\w/-]|[.,]\d)"
    r"|[A-Z]{2,4}[ ]\d{5,10}(?![\w/-]|[.,]\d)"
    r"|[A-Z]{2,4}[ ]\d{1,6}/\d{2,6}(?![\w/-]|[.,]\d)"
    r"|\d{1,3}(?:[ ]\d{2,3}){4,6}(?![\w/-]|[.,]\d)"
    r"|\d{2,6}(?:[ ]\d{1,6}){1,4}(?![\w/-]|[.,]\d)"
    r"|[A-Z0-9][A-Z0-9/-]{2,}[A-Z0-9](?:[ ]\d{2,6}(?![\w/-]|[.,]\d))*)"
)
#: Trial registry and literature ids, years: never a patient's identifier.
_NOT_ID = re.compile(
    r"(?:NCT\d{8}|ISRCTN\d+|ACTRN\d+|CTRI/.*|EUCTR.*|DRKS\d+|ChiCTR.*|PMID.*|(?:19|20)\d\d)$"
)
#: A licence plate in a UK, EU, US, Canadian, Australian, Indian, Dutch or Mercosur layout (the
#: Indian one first: its first three groups would pass for a shorter layout).
_PLATE = re.compile(
    r"(?<![\w-])(?:[A-Z]{2}[ -]?\d{1,2}[ -]?[A-Z]{1,3}[ -]?\d{4}|[A-Z]{2}\d{2}[ ]?[A-Z]{3}|[A-Z]\d{1,3}[ ]?[A-Z]{3}"
    r"|[A-Z]{1,3}-[A-Z]{1,2}[ ]?\d{1,4}[EH]?|[A-Z]{2}-\d{3}-[A-Z]{2}|\d{1,3}-[A-Z]{2,3}-\d{1,3}"
    r"|\d[A-Z]{3}[ ]?\d{3}|[A-Z]{3,4}[ -]?\d{3,4}|\d{3}[ -]?[A-Z]{3}|[A-Z]{3}[ -]?\d{2}[A-Z]{1,2}"
    r"|[A-Z]{2}[ ]\d{2}[ ][A-Z]{2}"
    r"|[A-Z]{2}[ ](?=[A-Z0-9-]*\d)(?=[A-Z0-9-]*[A-Z])[A-Z0-9]{2,4}[- ]?[A-Z0-9]{2,4}"
    r"|[A-Z]{1,2}-\d{3}-[A-Z]{1,2}|\d{2}-[A-Z]{2,3}-\d{1,2}|[A-Z]{3}\d[A-Z]\d{2})(?![\w-])"
)
#: Plates whose layout no other code shares, flagged without a key word: Japanese ("品川 300 あ
#: 12-34": office, class, kana, number) and Russian ("А 123 ВС 77": letters from the twelve that
#: look Latin, three digits, two letters, a region).
_PLATE_DISTINCT = re.compile(
    r"(?<!\w)[\u4e00-\u9fff]{1,4}\s?\d{2,3}\s?[\u3040-\u309f]\s?\d{1,2}-\d{2}(?![\w-])"
    r"|(?<!\w)[АВЕКМНОРСТУХ]\s?\d{3}\s?[АВЕКМНОРСТУХ]{2}\s?\d{2,3}(?!\w)"
    r"|(?<![\w-])\d{2,3}\s?[가-힣]\s?\d{4}(?![\w-])"
    r"|(?<!\w)[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-Z]\s?[·.]?\s?"
    r"[A-Z0-9]{5,6}(?![\w-])"
)
#: Latin-script layouts distinct enough to flag with no vehicle word: the current UK ("LM21 XKD"),
#: French SIV ("AB-123-CD"), German ("M-AB 1234": two letters and three or four digits, so not
#: "HLA-B 27") and Indian ("MH 12 AB 1234") plates.
_PLATE_DISTINCT_LATIN = re.compile(
    r"(?<![\w-])(?:[A-Z]{2}\d{2}[ ][A-Z]{3}|[A-Z]{2}-\d{3}-[A-Z]{2}|(?!HLA-)[A-ZÄÖÜ]{1,3}-[A-Z]{2}[ ]\d{3,4}"
    r"|[A-Z]{2}[ -]\d{1,2}[A-Z]?[ -][A-Z]{1,3}[ -]\d{4})(?![\w-]|[.,]\d)"
)
_PLATE_CUE_BEFORE = re.compile(
    r"\b(?:(?:licen[cs]e |number |registration |reg )?plates?|reg(?:istration)?|rego|tags?)"
    r"\b[^.;\n]{0,20}$"
    r"|\b(?:driver|rider|passenger|owner) of (?:the |a )?(?:car |van |vehicle )?$"
    r"|\b(?:towed|towing|clamped|ticketed|impounded)(?: away)?\s*$"
    r"|\b(?:parked|parks|drives|drove|driving|left|abandoned)\s+(?:(?:the|a|an|his|her|their|that)\s+)?$"
    r"|\b(?:car|van|truck|lorry|vehicle|motorbike|motorcycle|bike|scooter|moped|camper|jeep|"
    r"bakkie|taxi|cab|ute|SUV|pickup)"
    r"(?:['’]s)?\s*(?:(?:reg(?:istration)?|plate|number|no\.?|#|is|was|with|:|\()\s*)*$",
    re.IGNORECASE,
)
#: A plate right after its key word, in any country's layout ("plate 1HX 4KR", "placa BRA2E19",
#: "Kennzeichen M-AB 1234"): one to three groups of letters and digits, both present.
_PLATE_KEYED = re.compile(
    r"\b(?i:(?:licen[cs]e |number |registration |reg )?plates?|placa|plaque|matr[ií]cula|"
    r"Kennzeichen|targa|rego|reg(?:istration)?(?: no\.?| number)?|car|van|truck|bakkie|ute|"
    r"camioneta|carro|coche|voiture|auto|Wagen|samoch\w*|bilen|bil|araba|kenteken|rejestracja)"
    r"\s*(?:(?i:is|was|no\.?|number)\s*)?"
    r"[:#]?\s*(?P<v>(?=[A-Z0-9 -]{4,12}\b)(?=[A-Z -]*\d)(?=[0-9 -]*[A-Z])"
    r"[A-Z0-9]{1,8}(?:[ -][A-Z0-9]{1,5}){0,2})(?![\w-])"
)
#: Plate and vehicle words in other languages ("patente", "biển số", "ทะเบียนรถ", "车牌", "госномер")
#: and a plate in the layouts of their countries right after one ("GKSB-78", "34 ABC 123",
#: "29-B1 123.45", "1กข 1234", "12-345-67"): letters (Latin, Cyrillic, Greek, Thai) and digits,
#: both present, or the Israeli all-digit layouts. Never without the key word.
_PLATE_LETTERS = "A-ZА-ЯЁІЇЄΑ-Ω"
_PLATE_VALUE_INTL = (
    r"\s*(?:(?i:is|was|no\.?|number|nr\.?|nº|n°)\s*)?[:#：]?\s*"
    rf"(?P<v>(?=[{_PLATE_LETTERS}0-9 .-]{{4,13}}(?![\w-]))(?=[{_PLATE_LETTERS} .-]*\d)"
    rf"(?=[0-9 .-]*[{_PLATE_LETTERS}])[{_PLATE_LETTERS}0-9]{{1,8}}"
    rf"(?:[ .-][{_PLATE_LETTERS}0-9]{{1,5}}){{0,3}}"
    r"|\d{2}-\d{3}-\d{2}|\d{3}-\d{2}-\d{3}|\d?[\u0e01-\u0e2e]{1,2}[ ]?\d{1,4})(?![\w-]|[.,]\d)"
)
_PLATE_KEYS_INTL = [k for k in phi_keys.PLATE if k != "motor"]
#: A comma may follow the key ("ny bil, EL 12345"); a key
#: of another script also one lower-case word ("машина сина AX 1234 BK": the son's car).
_PLATE_KEYED_INTL = (
    re.compile(
        "(?:"
        + _intl_keys(_ascii(_PLATE_KEYS_INTL), _ascii(phi_keys.PLATE_CASED), after=_NOT_WORD_AFTER)
        + ")"
        r",?" + _PLATE_VALUE_INTL
    ),
    re.compile(
        "(?:"
        + _intl_keys([k for k in _PLATE_KEYS_INTL if not k.isascii()], after=_NOT_WORD_AFTER)
        + ")"
        r"(?:,|\s+[^\W\d_A-Z]{1,10}(?=\s))?" + _PLATE_VALUE_INTL
    ),
)
#: Scores and lab names are not plates ("taksi, GCS 15").
_NOT_PLATE_START = re.compile(
    r"(?:GCS|NIHSS|MMSE|UPDRS|EDSS|ASA|NYHA|CURB|SOFA|TIMI|PHQ|GAD|BMI|HR|BP|RR|SpO|Hb|WBC|CRP|"
    r"EF|FEV|HbA)\b"
)
#: A plate word of another language shortly before a plate layout of `_PLATE` ("motor", which
#: also comes before scores, "motor UPDRS 32", only here: never right before any value).
_PLATE_CUE_INTL = re.compile(
    "(?:" + _intl_keys(phi_keys.PLATE, phi_keys.PLATE_CASED, after=_NOT_WORD_AFTER) + ")"
    r"[^.;\n]{0,15}$"
)
#: Spinal levels and TNM stages are not plates ("motor C5 C6", "T2N0").
_NOT_PLATE = re.compile(r"(?:[CTLS]\d{1,2}(?:[ -]|$))+$|T\d[a-c]?N\d|HLA")
_WORD = re.compile(r"[a-z]+")
#: The first `_WORD` of each plate word of `phi_keys` ("rendsz" of "rendszám"): a cheap guard, as
#: the start of a word of the text ("arabas" of "arabası" starts with "araba").
_INTL_VEHICLE_WORDS = tuple(
    words[0]
    for words in (_WORD.findall(k.lower()) for k in phi_keys.PLATE + phi_keys.PLATE_CASED)
    if words
)
#: The first characters of the plate words with no Latin letter ("车牌", "ทะเบียน", "госномер").
_INTL_VEHICLE_FIRST = frozenset(
    k[0] for k in phi_keys.PLATE + phi_keys.PLATE_CASED if not _WORD.search(k.lower())
)
_NAME_KEY_TEXT = """patient pt client son daughter wife husband partner mother mom mum father dad brother
    sister grandson granddaughter grandmother grandma granny grandfather grandpa nephew niece
    uncle aunt auntie cousin baby boy girl toddler named called name nicknamed known aka fiance
    fiancee fiancé fiancée boyfriend girlfriend neighbour neighbor caregiver carer stepson
    stepdaughter twin widow widower"""
_NAME_KEY_WORDS = frozenset(_NAME_KEY_TEXT.split())
_SSN_WORDS = frozenset({"ssn", "ss", "social"})
_VEHICLE_WORDS = frozenset(
    [
        "towed",
        "towing",
        "clamped",
        "ticketed",
        "impounded",
        "driver",
        "rider",
        "passenger",
        "plate",
        "plates",
        "reg",
        "registration",
        "rego",
        "tag",
        "tags",
        "car",
        "van",
        "truck",
        "lorry",
        "vehicle",
        "motorbike",
        "motorcycle",
        "taxi",
        "cab",
        "ute",
        "suv",
        "pickup",
        "placa",
        "plaque",
        "matrícula",
        "matricula",
        "kennzeichen",
        "targa",
        "parked",
        "parks",
        "drives",
        "drove",
        "driving",
        "bike",
        "scooter",
        "moped",
        "camper",
        "jeep",
        "bakkie",
        "camioneta",
        "carro",
        "coche",
        "voiture",
        "auto",
        "wagen",
        "samochod",
        "samoch",
        "samochodzie",
        "samochodem",
        "samochodu",
        "bil",
        "bilen",
        "araba",
        "kenteken",
        "rejestracja",
    ]
)
_VIN = re.compile(r"\b(?=[A-HJ-NPR-Z0-9]{17}\b)(?=[A-Z0-9]*\d)(?=[0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}\b")

# Dates
_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(\d{1,4})([/.-])(\d{1,2})\2(\d{2,4})(?![\d/-]|\.\d)")
_SHORT_DATE = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/%]|\.\d)")
_DATE_CUE = re.compile(
    r"\b(?:on|since|from|until|till|by|dated|DOB|D\.O\.B\.?|born|admitted|adm|admission|"
    r"discharged|discharge|readmitted|readmission|"
    r"d/c|seen|died|passed|surgery|op|visit|procedure|date|dx|diagnosed|started|stopped|"
    r"presented|arrived|delivered|birthday|deceased|expired|collected|drawn|booked|"
    r"scheduled|due|off|removed|expires?|expiry|expiring|lapses?|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|Monday|Tuesday|"
    r"Wednesday|Thursday|Friday|Saturday|Sunday)\.?\b[\s:]*$",
    re.IGNORECASE,
)
_MONTH_DAY = re.compile(
    rf"\b{_MONTHS}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+(?:19|20)\d{{2}}\b)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTHS}(?:,?\s+(?:19|20)\d{{2}}\b)?"
)
#: "bis zum 12.04.", "am 3.11.": day and month with the trailing full stop of German usage.
_DOTTED_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})\.(?![\d.]|\w)")
_DOTTED_DATE_CUE = re.compile(
    r"\b(?i:am|bis|zum|vom|seit|ab|on|by|from|until|since|DOB|geb\.?|Geburtsdatum|"
    r"Termin|le|du|au|el|del|il|dal)\s*$"
)
#: "12-Feb-1931", "3/Mar/24": day, month abbreviation and year joined by dashes or slashes.
_DASHED_MONTH_DATE = re.compile(
    rf"(?<![\w-])\d{{1,2}}([-/]){_MONTHS}\1(?:19|20)?\d{{2}}(?![\w-])", re.IGNORECASE
)
_MONTH_YEAR = re.compile(rf"\b{_MONTHS}\s+(?:of\s+)?(?:19|20)\d{{2}}\b")
#: A day and a month in another language: French, Spanish, Portuguese, Italian, German and
#: Dutch month names ("12 mars", "3 de mayo", "5. Mai"), Greek and Russian in the genitive
#: ("25 Μαρτίου", "3 марта"), and the Chinese, Japanese and Korean forms ("4月10日", "3월 5일").
_FOREIGN_DATE = re.compile(
    r"(?<![\w.])\d{1,2}\.?\s+(?:de\s+)?(?i:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|"
    r"septembre|octobre|novembre|d[ée]cembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto|"
    r"se?ptiembre|octubre|noviembre|diciembre|janeiro|fevereiro|mar[cç]o|maio|junho|julho|"
    r"setembro|outubro|dezembro|januar|februar|m[aä]rz|juni|juli|oktober|dezember|gennaio|"
    r"febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|"
    r"augustus|mei)\b(?:\s+(?:de\s+)?(?:19|20)\d{2}\b)?"
    r"|(?<!\d)\d{1,2}\s?(?:Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου|Ιουνίου|Ιουλίου|"
    r"Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου|января|февраля|марта|апреля|мая|"
    r"июня|июля|августа|сентября|октября|ноября|декабря)(?:\s+(?:19|20)\d{2})?"
    r"|(?<!\d)(?:(?:19|20)\d{2}\s?[年년]\s?)?\d{1,2}\s?[月월]\s?\d{1,2}\s?[日일]"
)
_HOLIDAY = re.compile(
    r"\b(?:Christmas(?: Eve| Day)?|New Year['’]?s(?: Eve| Day)?|Thanksgiving(?: Day)?|"
    r"Easter(?: Sunday| Monday)?|Halloween|Boxing Day|Independence Day|Valentine['’]?s Day|"
    r"Fourth of July|Memorial Day|Labou?r Day|Diwali|Eid|St\.? Stephen['’]?s Day|"
    r"St\.? Patrick['’]?s Day|Anzac Day|Australia Day|Canada Day|Waitangi Day|Bonfire Night|"
    r"Guy Fawkes(?: Night| Day)?|Hogmanay|Mother['’]?s Day|Father['’]?s Day|Good Friday|"
    r"Remembrance (?:Day|Sunday)|Veterans['’]? Day|Bastille Day|Juneteenth|"
    r"(?:Lunar|Chinese) New Year|Holi|Hanukkah|Rosh Hashanah|Yom Kippur|Midsummer(?:['’]s)? Day|"
    r"Martin Luther King(?: Jr\.?)? Day|MLK Day|Presidents['’]? Day|Groundhog Day|"
    r"Holy (?:Thursday|Saturday)|Maundy Thursday|Ash Wednesday|Palm Sunday|Whit Monday|Pentecost|"
    r"Pongal|Onam|Navratri|Durga Puja|Dussehra|Lohri|Vaisakhi|Baisakhi|Raksha Bandhan|Ganesh "
    r"Chaturthi|Sallah(?: [Dd]ay)?|Eid al-(?:Fitr|Adha)|Madaraka Day|Jamhuri Day|Mashujaa Day|"
    r"Heritage Day|Freedom Day|Youth Day|Republic Day|Victory Day|Chuseok|Seollal|Obon|Songkran|"
    r"T[eế]t|Vesak|Purim|Passover|Carnival|Carnaval|D[ií]a de (?:los )?Muertos|King['’]?s Day|"
    r"Koningsdag|[Mm]idsommar(?:afton)?|Juhannus|Sankt Hans|St\.? Andrew['’]?s Day|"
    r"St\.? David['’]?s Day|St\.? George['’]?s Day|Bank Holiday Monday|May Day|"
    r"Heroes['’]? Day|Fiji Day|Meskel|Timk[ae]t|Losar|Tihar|Dashain(?: [Ee]ve)?|Nauryz|Nowruz|"
    r"Norooz|Navruz|Chung Yeung|Ching Ming|Qingming|Mid-Autumn(?: Festival)?|Dragon Boat Festival|"
    r"Matariki|Deepavali|Thaipusam|Hari Raya(?: Aidilfitri| Haji| Puasa)?|Lebaran|Nyepi|Kwanzaa|"
    r"Waisak|Shavuot|Sukkot|Simchat Torah|Mawlid|Ashura|Orthodox Christmas|Epiphany|"
    r"Three Kings['’]? Day|Walpurgis(?: Night)?|St\.? John['’]?s (?:Day|Eve)|Ivan Kupala|"
    r"Jāņi|Līgo(?: [Ee]ve| vakar[sā])?|Emancipation Day|Day of the Dead)\b"
    r"(?:,?\s+(?:19|20)\d{2}\b)?"
)
_HOLIDAY_CUE = re.compile(
    r"\b(?:on|over|last|this|since|before|after|until|till|from|by|during|at|around|eve of|sedan|siden|seit|depuis|desde|"
    r"dal|dalla|sinds|od|från|fra|am|le|el|em|no|na|en|op|på)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_ORDINAL_WORDS = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    r"thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    r"twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    r"thirty[- ]first)"
)
#: "the fourteenth of March", "March the fourteenth".
_SPELLED_DATE = re.compile(
    rf"\b(?i:the\s+)?(?i:{_ORDINAL_WORDS})\s+of\s+{_MONTHS}\b"
    rf"|\b{_MONTHS}\s+the\s+(?i:{_ORDINAL_WORDS})\b"
)
#: "by the 9th", "on the 22nd": a day of this month. Not "on the 3rd day of antibiotics".
_DAY_OF_MONTH = re.compile(
    r"\b(?i:on|by|until|till|since|from|before|after|for) the (\d{1,2})(?:st|nd|rd|th)\b"
    r"(?!\s*(?i:day|week|month|year|dose|cycle|line|trimester|percentile|centile|floor|time|"
    r"attempt|admission|episode|round|visit|hour|night|shift|post-?op|generation|degree|"
    r"rib|ICS|intercostal|metacarpal|metatarsal|toe|finger|digit|ventricle|cranial|nerve|"
    r"heart sound|lumbar|cervical|thoracic|sacral|of\b))"
)
_WEEKDAY_ABBR = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)"
_WEEKDAY_DATE = re.compile(
    rf"\b(?:{_WEEKDAYS}|{_WEEKDAY_ABBR}\.?),?\s+(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)\b"
)

# Ages
_AGE_NUM = r"(9\d|1[01]\d)"
_SPELLED_UNIT = r"(?i:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_AGE = re.compile(
    rf"\b{_AGE_NUM}(?:\s*|-)(?:years?|yrs?|y)(?:\s*|-)(?:old|o\b\.?)"
    rf"|\b{_AGE_NUM}\s?(?:yo\b|y/o\b|y\.o\.|yr old\b)"
    rf"|\b{_AGE_NUM}(?:M|F|yM|yF)\b"
    rf"|\b{_AGE_NUM}\s(?:M|F)\b(?=\s*(?:with|w/|presenting|who|,|;|\.|-|—|$))"
    rf"|\b(?i:aged?|age:)\s*{_AGE_NUM}\b"
    rf"|\b{_AGE_NUM}\s+years\s+of\s+age\b"
    rf"|\b(?i:turned|turns|turning)\s+{_AGE_NUM}\b"
    rf"|\b{_AGE_NUM}(?:st|nd|rd|th)\s+birthday\b"
    rf"|\b(?i:ninety|a hundred|one hundred)(?:[- ](?:and[- ])?{_SPELLED_UNIT})?"
    rf"(?=[- ](?i:years?|yrs?)[- ](?i:old)\b|\s+(?i:years of age)\b)"
    rf"|\b(?i:is|was|turned|turns|turning|aged?) (?i:ninety|a hundred|one hundred)"
    rf"(?:[- ](?:and[- ])?{_SPELLED_UNIT})?\b"
    rf"|\b(?i:grandpa|grandma|granny|grandad|granddad|grandfather|grandmother|nana|mum|mom|dad|"
    rf"father|mother|pt|patient|she|he)(?:['’]s| is| was| just turned) {_AGE_NUM}\b"
    rf"(?!\s*(?:%|mg|kg|cm|mm|bpm|/|on|percent|\.\d))"
    rf"|\b{_AGE_NUM} (?i:años|anos|ans|jahre|anni|jaar|lat)\b"
    rf"|(?:^|(?<=[.!?] )){_AGE_NUM}(?= today\b|!|\s+and still\b)"
    rf"|\b{_AGE_NUM}(?=\s+(?:years?|yrs?) (?:young|young and)\b)"
    rf"|\b(?i:I['’]?m|I am) {_AGE_NUM}\b(?!\s*(?:%|percent|kg|lbs?|mg|cm|/|\.\d))"
    # "सुनीता देवी, 94 years, tel …": an age set off by commas after a name in any script
    rf"|(?<=, ){_AGE_NUM}\s+(?:years|yrs)(?=\s*[,;)])"
    rf"|\b(?i:ninety[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|"
    rf"hundredth|hundred and (?:first|second|third|fourth|fifth)|one hundred and first)"
    rf"(?=\s+birthday\b)"
    # spelled out and followed by a pause: "ninety-three and a half", "(ninety-one, retired"
    rf"|\b(?i:ninety|a hundred|one hundred)(?:[- ](?:and[- ])?{_SPELLED_UNIT})?"
    rf"(?=\s*[,;)]|\s+and\b|\s*[.!?](?:\s|$)|\s*$)"
)
#: An age over 89 in another language or script: the number (any digits: "٩٥", "९२") and the
#: word for years after it ("96歳", "94세", "91 साल", "97 лет", "96 år", "93-årig", "91 J.",
#: "92 lata", "٩٥ سنة", "อายุ 92 ปี"), or the word for age before it ("Alter: 93", "edad 91");
#: in English clinical shorthand, "F/94" and "94/M". The number is checked in ``_ages``.
_AGE_INTL = re.compile(
    r"(?<![\d.,/:])(\d{2,3})\s?-?\s?(?:[歳才岁歲세살]|(?:साल|वर्ष|बरस|سال|ساله|سنة|سنه|عاما|عامًا|عام|বছর|வயது|ปี|"
    r"שנים|ετών|χρονών|χρόνων|տարեկան|წლის|ዓመት|ዓመቱ|ዓመታቸው|वर्षको|वर्षीय|वर्षे|ବର୍ଷ|വയസ്സ്|ವರ್ಷ|"
    r"సంవత్సరాలు|సంవత్సరాల|နှစ်|ឆ្នាំ|ປີ)|(?i:лет|года|год|років|рік|år|årig[aen]?|jaar|"
    r"jarige|jahre|jährige[rn]?|j\.|ans|años|anos|anni|anys|lat|lata|let|letá|letý|roků|roky|rokov|"
    r"ročn[ýáé]|éves|ani|yaşında|yaşındaki|tuổi|tahun|taong gulang|anyos|vuotias|vuotta|ára|ára gömul|"
    r"настай|години|година|godine|godina|godišnj[aie]|metų|gadi|gadus|gadu|aastane|aastat|urte|"
    r"saal|sal ki|saal ki|saal ke|sal ke|y/o)(?![^\W\d_]))"
    r"|(?i:alter|edad|idade|età|âge|leeftijd|ålder|alder|wiek|věk|yaş|umur|usia|возраст|ηλικία|"
    r"umri(?: wa)? miaka|miaka)\s*:?\s*(\d{2,3})(?!\d)"
    r"|(?:גיל|العمر|عمره|عمرها|उम्र|आयु|उमेर|年龄|年齢|나이|อายุ|வயது|වයස|အသက်|អាយុ|ອາຍຸ|вік|"
    r"возраст|жас|ასაკი|տարիք|ዕድሜ|(?i:emyaka|ikä|aldur|vârsta|varsta|életkor|starost|amžius|"
    r"vecums|vanus|edat))\s*:?\s*(\d{2,3})(?!\d)"
    r"|\b[MF]/(\d{2,3})\b|\b(\d{2,3})/[MF]\b"
)
#: Ninety and more spelled out in other languages, with the word for years.
_AGE_INTL_SPELLED = re.compile(
    r"\b(?i:noventa(?:\s+[ye]\s+\w+)?|novant\w*|nonante(?:-\w+)?|quatre-vingt-(?:dix|onze|douze|"
    r"treize|quatorze|quinze|seize|dix-sept|dix-huit|dix-neuf)|(?:\w+und)?neunzig|(?:\w+en)?negentig|"
    r"dziewięćdziesiąt(?:\s+\w+)?|девяносто(?:\s+\w+)?|ενενήντα(?:\s+\w+)?|doksan(?:\s+\w+)?|"
    r"devedeset(?:\s+\w+)?|деведесет(?:\s+\w+)?|devadesát(?:\s+\w+)?|deväťdesiat(?:\s+\w+)?|"
    r"kilencven(?:\w+)?|naw deg(?:\s+\w+)?|nócha(?:\s+a\s+\w+)?|yhdeksänkymmentä\w*)"
    r"\s+(?i:años|anos|anni|ans|jahre|jaar|lat|lata|лет|года|год|ετών|χρονών|yaşında|godin[ae]|"
    r"годин[ае]|let|rokov|éves|oed|mlwydd oed|bliana(?: d['’]aois)?|vuotias|vuotta)(?!\w)"
)
#: An age given as a bare number where a person's age goes: after a name or a word and
#: "is"/"'s" ("ethel is 94 and", "Joan's 93 and"), or set off by commas after a name or a
#: place ("Gloria, 93, at Rosewood", "Mr. Adeyemi, 90, admitted"). The word before must not
#: be a measurement ("sats is 94", "Glucose, 110,"): see ``_MEASURE_WORDS``. In brackets after a
#: name: "Mrs Daly (90)", "Ivana (95F)".
_BARE_AGE = re.compile(
    rf"\b([A-Za-z][a-z]+)(?:['’]s| is| was) {_AGE_NUM}"
    rf"(?=\s+(?:and|now|today|but|yet|with|so|going|next)\b|\s*[,;!)]|\s*[.?](?:\s|$)|\s*$)"
    rf"|\b([A-Z][a-z]+(?:['’-][A-Za-z]+)?) \({_AGE_NUM}(?:\s?(?:[MF]|yo|y|yrs?))?\)"
    rf"|\b([A-Z][a-z]+(?:['’-][A-Za-z]+)?), (?:~\s?|c\.\s?|(?i:approx\.?|about|around|nearly|almost|"
    rf"over|roughly) )?{_AGE_NUM}\+?"
    rf"(?=\s*[,;)]|\s+(?:and|from|at|in|with|admitted|lives|living|retired|widowed|still|who|"
    rf"was|is|presented|presenting|comes|came|fell|had|has)\b|\s*[.](?:\s|$)|\s*$)"
)
_AGE_AFTER_WORD = re.compile(r"(?:['’]s|\bis|\bwas|\bjust turned) (\d+)$")
_MEASURE_TEXT = """sats sat spo2 saturation saturations o2 oxygen hr pulse rate bp sbp dbp map pressure
    glucose sugar sugars bm bms bsl sodium na potassium chloride cl weight wt score scores temp
    temperature rr fio2 iq level levels egfr gfr creatinine cr hb hgb haemoglobin hemoglobin plt
    platelets wcc wbc ldl hdl trop troponin lactate ph pco2 po2 ferritin b12 mcv tsh hba1c a1c
    it that this which there number total count dose length height volume size speed fever
    heart reading readings result results value values bmi qtc qt pr qrs output intake
    percent percentile centile"""
_MEASURE_WORDS = frozenset(_MEASURE_TEXT.split())
#: "T 99", "temp 101", "Tmax 100.4": a temperature, not an age ("pt aged 90" and "just turned
#: 93" end in a lower-case t that is not the abbreviation).
_TEMPERATURE_BEFORE = re.compile(
    r"(?:\b(?i:temp|temperature|fever|tmax)|(?<![A-Za-z])T|°)\W{0,3}$",
)

# Locations
_STREET_TYPES = (
    r"(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Blvd\.?|Lane|Ln\.?|Drive|Dr\.?|Court|"
    r"Ct\.?|Way|Place|Pl\.?|Terrace|Close|Crescent|Parkway|Pkwy\.?|Highway|Hwy\.?|Circle|Cir\.?|"
    r"Trail|Row|Square|Gardens)"
)
_STREET = re.compile(
    rf"\b\d{{1,5}}[A-Za-z]?\s+(?:{_NAME}\.?\s+){{1,3}}{_STREET_TYPES}"
    r"(?:,?\s+(?:Apt|Apartment|Unit|Suite|Flat|#)\.?\s*\w+)?"
    rf"|\b(?:P\.?\s?O\.?\s+Box|PO Box)\s+\d+"
    rf"|\b(?:on|at|off) (?P<v>{_NAME}(?:\s+{_NAME})?\s+(?:Street|Avenue|Road|Boulevard|Lane|Drive|"
    rf"Ave|Rd|Blvd|Ln|Crescent|Close|Terrace|Way|Estate|Court|Towers|Flats|Mansions)\b"
    rf"(?:,\s*(?i:block|flat|unit|apt|building|tower)\s*\w{{1,4}}\b)?)"
)
_STATE_ABBR_WORDS = (
    "AL AK AZ AR CA CT FL GA ID IL IA KS KY LA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH RI SC "
    "SD TN TX UT VT VA WA WV WI WY DC"
)
_STATE_ABBR = _STATE_ABBR_WORDS.split()
_STATES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|"
    "Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|"
    "Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|"
    "New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|"
    "Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|"
    "West Virginia|Wisconsin|Wyoming|Ontario|Quebec|Alberta|Manitoba|Scotland|Wales"
)
_ZIP = re.compile(
    rf"\b(?:{_NAME}(?:\s{_NAME})?,?\s)?(?:{'|'.join(_STATE_ABBR)})\s+\d{{5}}(?:-\d{{4}})?\b"
    r"|\b(?i:zip(?: ?code)?|post ?code|postal code)\s*(?:is|:|#)?\s*"
    r"(?:\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2})\b"
    r"|\b[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}\b"
)
_CITIES_WORDS = """
    Duluth Toledo Boise Fresno Tulsa Omaha Wichita Spokane Tacoma Eugene Reno Dayton Akron
    Flint Lansing Peoria Rockford Madison Green_Bay Fargo Bismarck Billings Missoula Cheyenne
    Casper Topeka Lincoln Des_Moines Cedar_Rapids Sioux_Falls Sioux_City Rochester Syracuse
    Buffalo Albany Scranton Allentown Erie Harrisburg Trenton Newark Camden Hartford Stamford
    Providence Worcester Springfield Lowell Burlington Portland Bangor Manchester Concord Boston
    Baltimore Richmond Norfolk Roanoke Charleston Huntington Raleigh Durham Greensboro Asheville
    Charlotte Columbia Greenville Savannah Atlanta Macon Augusta Jacksonville Tallahassee Tampa
    Orlando Miami Gainesville Pensacola Mobile Montgomery Birmingham Huntsville Memphis Nashville
    Knoxville Chattanooga Louisville Lexington Cincinnati Cleveland Columbus Detroit Chicago
    Milwaukee Minneapolis Saint_Paul St_Paul St_Louis Kansas_City Denver Boulder Pueblo Phoenix
    Tucson Flagstaff Albuquerque Santa_Fe El_Paso Houston Dallas Austin San_Antonio Fort_Worth
    Lubbock Amarillo Odessa Laredo Waco Tyler Shreveport Baton_Rouge New_Orleans Lafayette
    Little_Rock Fayetteville Jackson Biloxi Oklahoma_City Las_Vegas Salt_Lake_City Provo Ogden
    Sacramento Oakland San_Jose San_Diego Los_Angeles San_Francisco Bakersfield Stockton Modesto
    Seattle Olympia Yakima Salem Bend Medford Anchorage Fairbanks Juneau Honolulu Hilo Brooklyn
    Queens Bronx Harlem Hoboken Yonkers Pittsburgh Philadelphia Indianapolis Gary Evansville
    Grand_Rapids Kalamazoo Ann_Arbor Iowa_City Davenport Champaign Bloomington Muncie Joplin
    Leeds Sheffield Bristol Cardiff Swansea Glasgow Edinburgh Aberdeen Dundee Belfast Derry
    Liverpool Newcastle Sunderland Nottingham Leicester Coventry Bradford Hull Plymouth Exeter
    Norwich Brighton Croydon Hackney Peckham Brixton Toronto Ottawa Winnipeg Calgary Edmonton
    Vancouver Halifax Hamilton Montreal Saskatoon Regina Dublin Cork Galway Limerick Auckland
"""
_CITIES = frozenset(_CITIES_WORDS.split())
_CITIES_SPACED = frozenset(c.replace("_", " ") for c in _CITIES)
_CITY_LIST = sorted((c.replace("_", " ") for c in _CITIES), key=len, reverse=True)
_CITY = re.compile(
    r"\b(?:in|from|near|outside|of|at|to|around) (?:rural |downtown |suburban )?"
    rf"(?P<v>{'|'.join(re.escape(c) for c in _CITY_LIST)})\b"
    rf"|\b{_NAME}(?:\s{_NAME})?,\s(?:{'|'.join(_STATE_ABBR)}|{_STATES})\b"
)
#: Larger than a city: a state, province, country, continent or region is not an identifier.
#: Countries, continents, regions, states and provinces: places too wide to identify anyone
#: (``_`` joins the words of one place).
_WIDE_PLACE_WORDS = """Africa Asia Europe America Americas Australia Antarctica Oceania Canada Mexico Brazil
    Argentina Chile Peru Colombia Venezuela Cuba Jamaica Haiti India Pakistan Bangladesh Nepal
    Sri_Lanka China Japan Korea Taiwan Vietnam Thailand Malaysia Singapore Indonesia
    Philippines Iran Iraq Syria Lebanon Israel Palestine Jordan Egypt Libya Tunisia Algeria
    Morocco Nigeria Ghana Kenya Uganda Tanzania Ethiopia Somalia Sudan Rwanda Congo Zimbabwe
    Zambia Malawi Mozambique Angola Namibia Botswana Senegal Cameroon Afghanistan Turkey Greece
    Italy Spain Portugal France Germany Austria Switzerland Belgium Netherlands Holland Denmark
    Norway Sweden Finland Iceland Ireland England Britain UK USA Poland Ukraine Russia Romania
    Bulgaria Serbia Croatia Hungary Czechia Slovakia Lithuania Latvia Estonia Belarus Georgia
    Armenia Azerbaijan Kazakhstan Uzbekistan Saudi_Arabia Yemen Oman Qatar Kuwait Bahrain
    New_Zealand Fiji Samoa Tonga the_US the_UK the_States Scandinavia the_Caribbean
    the_Middle_East the_Midwest the_South the_North the_East the_West Appalachia Queensland
    Victoria Tasmania Nunavut Yukon British_Columbia Saskatchewan Nova_Scotia Punjab Kerala
    Gujarat Bengal Sindh Bavaria Catalonia Lombardy Siberia New_South_Wales Western_Australia
    South_Australia Northern_Territory Khyber_Pakhtunkhwa Balochistan KwaZulu-Natal Gauteng
    Western_Cape Eastern_Cape Limpopo Mpumalanga Uttar_Pradesh Madhya_Pradesh Maharashtra
    Tamil_Nadu Karnataka Rajasthan Bihar Odisha Assam Andhra_Pradesh Telangana Lagos_State
    Ontario Île-de-France Andalusia Galicia Tuscany Sicily Sardinia Flanders Wallonia
    Lapland Patagonia Amazonas São_Paulo_State Mindanao Luzon Visayas Java Sumatra Borneo
    Sabah Sarawak Hokkaido Okinawa Kyushu"""
_WIDE_PLACES = frozenset(
    _STATES.split("|") + [place.replace("_", " ") for place in _WIDE_PLACE_WORDS.split()]
)
_COUNTY = re.compile(rf"\b{_NAME}(?:\s{_NAME})?\s(?:County|Parish|Township|Borough)\b")
_PLACE_CUE = re.compile(
    rf"\b(?:lives in|living in|lived in|resides in|residing in|resident of|moved from|"
    rf"moved to|town of|village of|city of|town called|village called|grew up in|"
    rf"native of|from the town of|home in|farm near|farm outside|village outside|village near|"
    rf"town outside|town near|transferred from|flown in from|flown from|airlifted from|"
    rf"brought in from|retrieved from|family in|relatives in|son in|daughter in|"
    rf"(?:lady|man|woman|guy|farmer|fisherman|kid|boy|girl|family|couple|patient|pt|gentleman|"
    rf"chap|bloke|student|worker|labourer|teacher|retiree) from) (?P<v>{_NAME}(?:\s{_NAME})?)"
)
#: Where a patient lives or comes from, said in another language: a residence verb or a
#: neighbourhood word before a capitalised place ("mora em Juazeiro do Norte", "wohnt in
#: Neukölln", "de la colonia Tepito", "bor i Västerås", "mieszka w Piasecznie").
_PLACE_CUE_INTL = re.compile(
    r"\b(?:mora (?:em|no|na)|vive (?:em|en|a|no|na)|reside (?:em|en)|vit (?:à|a|au)|habite (?:à|a|au)|"
    r"abita (?:a|in)|wohnt (?:in|im)|lebt (?:in|im)|stammt aus|kommt aus|wohnhaft in|woont (?:in|te)|"
    r"bor (?:i|på)|bor (?:ute )?på|asuu|mieszka (?:w|we|na)|tinggal di|taga-?|anaishi|"
    r"(?:de la |del |la )?colonia|(?:del )?barrio|bairro|quartier|Ortsteil|wijk|dzielnica|barangay|"
    r"kampung|comuna|vereda|povoado|aldeia|distrito de|village de|vila)\s+"
    rf"(?P<v>{_NAME}(?:(?:\s(?:do|da|dos|das|de|del|di|du|la|le|am|an der|op|aan)\s|\s|-){_NAME}){{0,2}})"
)
#: The same after a plain preposition of another language, in a sentence about a patient:
#: "em Campinas", "à Trois-Rivières", "aus Eppendorf", "från Västerås", "w Piasecznie",
#: "di Bandung". English prepositions are ``_CITY``'s.
_PLACE_PREP_INTL = re.compile(
    r"(?<![\w-])(?:em|à|au|aux|en|aus|uit|på|från|fra|w|z|ze|di|dari|sa|kutoka|huko|ở|tại)\s+"
    rf"(?P<v>{_NAME}(?:(?:\s(?:do|da|dos|das|de|del|di|du|la|le|am)\s|\s|-){_NAME}){{0,2}})"
)
#: Journals and publishers: "publicado en Lancet" is no place.
_JOURNAL_WORDS = """Lancet NEJM JAMA BMJ Nature Science Cell Circulation Chest Thorax Gut Blood
    Pediatrics Neurology Brain Radiology Anesthesiology Anaesthesia Medline PubMed Cochrane
    Elsevier Springer Wiley UpToDate"""
_JOURNALS = frozenset(_JOURNAL_WORDS.split())
_FOREIGN_PREPOSITION_WORDS = "em au aux en aus nach uit fra w z ze di dari sa kutoka huko"
_FOREIGN_PREPOSITIONS = frozenset(_FOREIGN_PREPOSITION_WORDS.split())
#: A capitalised name of up to three words after a place preposition of a language the guard
#: reads: a town when the gazetteer knows it ("from Kano", "in Tralee", "nach Neukölln").
_PREP_PLACE = re.compile(
    r"(?<![\w-])(?i:in|from|near|outside|around|to|em|à|au|en|aus|nach|uit|på|från|fra|w|"
    r"di|dari|sa|kutoka)\s+"
    rf"(?P<v>{_NAME}(?:(?:\s(?:do|da|de|del|di|du|la|le|am|an der|op)\s|\s|-){_NAME}){{0,2}})"
    r"(?![\w'’-])"
)
#: Town names that are also everyday capitalised words: never a place on the gazetteer alone.
_GAZETTEER_STOP_WORDS = """January February March April May June July August September October
    November December Monday Tuesday Wednesday Thursday Friday Saturday Sunday University Central
    General Royal Union Liberty Independence Progress Concord Unity Commerce Enterprise Mercy
    Hope Victory Paradise Reading Mobile Nice Bath Surgery Casualty Emergency Medicine Pharmacy
    Teaching Training Research Clinic Clinical Cardiology Oncology Radiology Paediatrics
    Pediatrics Obstetrics Surgery Theatre Recovery Resus Ward Bay Bed Room Home House School
    College Church Mission Salem Bethel Zion Eden Goshen Shiloh Nazareth Bethlehem Jordan Lebanon
    Temple Trinity Providence Normal Ideal Energy Industry Freedom Harmony Pleasant Fairview
    Riverside Springfield Lancaster"""
_GAZETTEER_STOP = frozenset(_GAZETTEER_STOP_WORDS.split())
_NON_EPONYM_CITY_NEXT = re.compile(
    r"\s*(?:criteria|rules?|score|scale|classification|shunt|consensus|protocol|guidelines?|"
    r"definition|system|study|trial|heart study|coma|syncope|ankle|knee|head)\b",
    re.IGNORECASE,
)
_FACILITY = re.compile(
    rf"\b(?:(?:St\.?|Saint)\s+{_NAME}(?:['’]s)?(?:\s+{_NAME})*|{_NAME}(?:['’]s)?(?:\s+{_NAME}){{0,3}})"
    r"\s+(?:Hospital|Medical Center|Medical Centre|Health Center|Health Centre|Clinic|"
    r"(?i:nursing home|care home|residential home|retirement home|assisted living|"
    r"group home|rest home|aged care)|Infirmary|Hospice|Rehab(?:ilitation)? Center|Memorial|"
    r"Surgery|Health System|Urgent Care)\b"
)
#: "PIN 400 017" (India), "Eircode D02 X285": postal codes after their key word.
_POSTAL_KEYED = re.compile(
    r"\b(?:PIN(?: ?code)?|pincode|Eircode|CEP|PLZ)\s*(?:is|:|#)?\s*"
    r"(\d{3}\s?\d{3}|[A-Z]\d{2}\s?[A-Z0-9]{4}|\d{5}-?\d{3}|\d{5})\b"
)
_FACILITY_SKIP_FIRST = frozenset({"The", "A", "An", "Our", "My", "His", "Her", "This", "That"})
_ROOM = re.compile(
    r"\b(?:room|rm|bed|ward|bay|cubicle|cell|resus|resus bay|chair|trolley|side room|pod|"
    r"recliner|cot|incubator|isolette|booth|seat|berth|cabin|палата|койка|Zimmer|chambre|"
    r"cama|habitaci[oó]n|quarto|leito|letto|stanza|kamer|sala|huone|pok[oó]j|oda|phòng|giường|"
    r"kamar|kwarto)\.?\s*(?:#|№|nr\.?|n[º°o]\.?)?\s*(?:\d{1,4}[A-Za-z]?|[A-Z]\d{1,3})\b"
    r"|(?-i:\b[A-Z][- ]?(?:[Ww]ing|[Bb]lock)\b)",
    re.IGNORECASE,
)

# Names
_HONORIFIC = re.compile(
    rf"\b(?:Mr|Mrs|Ms|Miss|Mx|Mister|Master|Mme|Mlle|Sr|Sra|Herr|Frau)\.?\s+"
    rf"(?:{_NAME}|{_INITIAL})(?:\s+(?:{_INITIAL}\s+)?{_NAME})?"
)
_NAME_KEY = (
    r"(?i:patient|pt\.?|client|son|daughter|wife|husband|partner|mother|mom|mum|father|dad|"
    r"brother|sister|grandson|granddaughter|grandmother|grandma|granny|grandfather|grandpa|"
    r"nephew|niece|uncle|aunt|auntie|cousin|baby|boy|girl|toddler|named|called|"
    r"name is|name was|name['’]s|name:|nicknamed|known as|aka|fianc[eé]e?|boyfriend|girlfriend|"
    r"neighbou?r|caregiver|carer|stepson|stepdaughter|twin|widow|widower)"
)
_KEYED_NAME = re.compile(
    rf"\b{_NAME_KEY},?\s+((?:{_NAME}|{_INITIAL}(?:\s?{_INITIAL})?)(?:\s+(?:{_INITIAL}\s+)?{_NAME})?)"
)
_PAIR = re.compile(rf"\b({_NAME})\s+(?:({_INITIAL})\s+)?({_NAME})\b")
#: A name in a script other than Latin (Greek, Cyrillic, Armenian, Georgian, Hebrew, Arabic,
#: Indic, Thai, CJK, Hangul ...) inside an English post: one to three words, each at least
#: two letters (a lone "β" or "α" is a symbol). In a sentence about a patient, or right
#: after a patient word, it is a name.
_OTHER_SCRIPT_WORD = (
    r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u10a0-\u10ff\u0590-\u05ff\u0600-\u06ff"
    r"\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]"
    r"[\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u10a0-\u10ff\u0590-\u05ff\u0600-\u06ff"
    r"\u0900-\u0dff\u0e00-\u0e7f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    r"\u0300-\u036f]*"
)
#: What comes before a name in another script: a patient or relative word, a role.
_OTHER_SCRIPT_KEY_BEFORE = re.compile(
    r"(?:\bpt|patient|handover|name|called|mrs?|ms|mr|miss|student|child|kid|boy|girl|baby|man|"
    r"woman|lady|son|daughter|wife|husband|mother|father|mum|mom|dad|grandma|grandpa|granny|"
    r"uncle|aunt|auntie|brother|sister|cousin|nephew|niece|carer|guardian|tourist|passenger|"
    r"prisoner|inmate|worker|driver|client|resident|refugee|neighbour|neighbor)\W*$"
)
#: "田中 et al.", "王 2019": an author cited, not a patient.
_CITATION_AFTER = re.compile(r"\s*(?:et al\b|,?\s*\(?(?:19|20)\d{2}\b)")
#: "陈志强's discharge", "김민준's guardian": a word in another script owning something.
_POSSESSIVE_AFTER = re.compile(r"['’]s\b")
#: "… from Κυψέλη", "in 新宿": a word in another script after a place preposition is a place.
_PLACE_BEFORE_OTHER_SCRIPT = re.compile(r"\b(?:from|in|at|near|to|lives in|village of)\s+$")
#: A Korean name (a common surname syllable and one or two more) or a Chinese or Japanese one
#: (a common surname and one to three characters); in an English post such a word is a name.
_EAST_ASIAN_NAME = re.compile(
    r"[김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민진나엄원채천방공현함변염여추도소석선설마길연위표명기반라왕금옥육인맹제모탁국어은편용][가-힣]{1,2}"
    r"|[王李张張刘劉陈陳杨楊黄黃赵趙吴吳周徐孙孫马馬朱胡郭何高林罗羅郑鄭梁谢謝宋唐许許韩韓冯馮邓鄧曹彭曾肖田董袁潘蒋蔣蔡余杜叶葉程苏蘇魏吕呂丁任沈姚卢盧姜崔钟鍾谭譚陆陸汪范金石廖贾賈夏韦韋付方白邹鄒孟熊秦邱江尹薛段雷侯龙龍史陶黎贺賀顾顧毛郝龚龔邵万萬钱錢严嚴覃武戴莫孔向汤湯][\u4e00-\u9fff]{1,2}"
    r"|(?:佐藤|鈴木|高橋|田中|伊藤|渡辺|山本|中村|小林|加藤|吉田|山田|佐々木|山口|松本|井上|木村|斎藤|清水|山崎|池田|橋本|阿部|石川|山下|中島|石井|小川|前田|岡田|長谷川|藤田|後藤|近藤|村上|遠藤|青木|坂本|斉藤|福田|太田|西村|藤井|岡本|藤原|中野|三浦|原田|松田|竹内|中山|和田)[\u3040-\u30ff\u4e00-\u9fff]{1,3}"
)
#: In a post written in another script, a name is what an honorific or a kinship word marks:
#: before it ("श्रीमती", "السيدة", "الحاجة", "גברת", "คุณยาย") or after it ("जी", "さん",
#: "씨", "할머니", "அவர்கள்"); in Greek and Cyrillic, two or three capitalised words in a row.
_W = _OTHER_SCRIPT_WORD
_FOREIGN_NAME_MARKED = re.compile(
    r"(?<!\S)(?:श्रीमती|श्रीमान|المريضة|המטופלת|सुश्री|السيدة|الحاجة|المريض|الطفلة|המטופל|คุณยาย|คุณป้า|คุณลุง|นางสาว|"
    r"السيد|الحاج|الطفل|החולה|คุณตา|श्री|גברת|גב'|นาย|นาง|מר)\s?"
    rf"({_W}(?:\s{_W})?)"
    rf"|(?<!\S)((?:{_W}\s)?{_W})\s(?:जी|साहब|साहिबा|அவர்கள்|அம்மா|ஐயா)(?!\w)"
    r"|(?<!\S)([가-힣]{2,4})\s(?:씨|님|군|양|할머니|할아버지|어르신|학생|어린이|아기|병장|상병|일병|이병|"
    r"하사|중사)(?![가-힣])"
    r"|([\u3005\u4e00-\u9fff]{2,4})\s?(?:さん|様|くん|ちゃん|先生|女士|小朋友)"
)
_OTHER_SCRIPT_RUN_WORD = re.compile(rf"(?<!\w){_W}(?!\w)")
#: "from", "in", "to" in the other scripts the gazetteer is read in: a town's name there is a
#: place only after one ("من الطائف"; not "العين", the eye, also a town in the Emirates).
_FOREIGN_PLACE_PREPOSITION = re.compile(
    r"(?<!\w)(?:من|في|إلى|الى|منطقة|مدينة|से|में|नगर|από|στη|στο|στην|στον|σε|απ[οό]|в|во|из|"
    r"под|около|ที่|จาก|ใน|ở|tại|từ)\s+(?:τη|το|την|τον|της|του)?\s*$"
)
#: Words that follow a title or kin word without being a name ("المريض من …": the patient from).
_NOT_NAME_AFTER_MARKER_WORDS = (
    "من في إلى على عن مع كان كانت هو هي של עם את से में को का की के ने और है था थी"
)
_NOT_NAME_AFTER_MARKER = frozenset(_NOT_NAME_AFTER_MARKER_WORDS.split())
_CASED_FOREIGN_NAME = re.compile(
    r"(?<!\w)[Α-ΩΆ-ΏА-ЯЁЇІЄҐ][^\W\d_'’-]*[^\W\d_](?:['’-][^\W\d_]+)*"
    r"(?:\s[Α-ΩΆ-ΏА-ЯЁЇІЄҐ][^\W\d_]+(?:['’-][^\W\d_]+)*){1,2}(?![\w'’-])"
)
#: Key words in other scripts that the name pattern would otherwise take for a name.
_OTHER_SCRIPT_KEYS = frozenset({"СНИЛС", "ИНН", "ОМС", "Полис", "Паспорт", "Снилс"})
_OTHER_SCRIPT_NAME = re.compile(
    rf"(?<!\w){_OTHER_SCRIPT_WORD}(?:\s{_OTHER_SCRIPT_WORD}){{0,2}}(?!\w)"
)
#: "Tāne Ngata's whānau", "Priyanka Venkataraman's case": a capitalised pair owning a family
#: or a case is a person, whatever the names.
#: What a person owns in a post about them: relatives and records (both patterns below).
_OWNED = (
    r"whānau|whanau|family|wife|husband|partner|son|daughter|mum|mom|mother|dad|father|kids|"
    r"children|parents|bloods|results|notes|chart|referral|discharge|admission"
)
_POSSESSED = re.compile(
    rf"\b({_NAME}(?:\s+{_NAME}){{1,2}})['’]s\s+(?i:{_OWNED}|case|scan|surgery|op|biopsy|"
    r"diagnosis|relatives)\b"
)
#: "Bert's daughter", "Elsa's asthma plan", "Nomvula's next of kin": one capitalised word owning
#: a relative or a patient's record is a person (eponyms own diseases, signs and nodes instead).
_POSSESSED_ONE = re.compile(
    rf"\b({_NAME})['’]s\s+(?i:{_OWNED}|sister|brother|grandson|granddaughter|gran|nan|grandma|"
    r"grandpa|next of kin|NOK|carer|caregiver|school|nursery|teacher|care plan|asthma plan|"
    r"seizure plan|vaccination record|vaccine record|immuni[sz]ation record|red book|case notes|"
    r"records|file)\b"
)
_EPONYM_DISEASE_WORDS = """Parkinson Alzheimer Crohn Addison Cushing Graves Hashimoto Huntington Wilson Hodgkin
    Tourette Asperger Raynaud Sjogren Sjögren Meniere Ménière Paget Kaposi Barrett Bell Conn
    Pott Still Behcet Behçet Kawasaki Down Munchausen Guillain Reiter Wegener Perthes Osgood
    Baker Dupuytren Peyronie Whipple Wernicke Korsakoff Buerger Takayasu Hirschsprung Fallot
    Bright Grave Lou Gehrig Pompe Fabry Gaucher Marfan Rett Batten Krabbe Canavan"""
_EPONYM_DISEASES = frozenset(_EPONYM_DISEASE_WORDS.split())
#: "mrs fitzgerlad", "mrs o'brien": people type titles and names in lower case too ("miss" and
#: "ms" are left out: "miss doses", "ms" for multiple sclerosis).
_LOWER_HONORIFIC = re.compile(r"\b(?:mrs|mister)\.?\s+([a-zà-öø-ÿ][a-zà-öø-ÿ'’-]{2,})\b")
_SINGLE = re.compile(rf"\b{_NAME}\b")
_INITIALS = re.compile(
    rf"\b(?:[{_UP}]\.\s?){{2,3}}(?=,?\s*(?:\d{{1,3}}\s?(?:M|F|yo|y/o|-year)|DOB|D\.O\.B|age|aged|born))"
    rf"|\b[{_UP}]{{2,3}}\b(?=,\s*(?:\d{{1,3}}\s?(?:M|F|yo|y/o)\b|DOB|D\.O\.B|aged?\b))"
    rf"|\b(?i:initials) (?P<v>(?:[{_UP}]\.?\s?){{2,3}})"
)

#: Field names written in capitals before "DOB" or an age ("MRN, DOB, SSN"): not initials.
_FIELD_ACRONYM_WORDS = "MRN DOB DOD SSN NHS NHI SIN PPS GP ICU ED ER OR ID IDs URN CHI UHID NI PHI"
_FIELD_ACRONYMS = frozenset(_FIELD_ACRONYM_WORDS.split())

# Risky combinations
_RARE = re.compile(
    r"\b(?:progeria|Hutchinson-Gilford|fibrodysplasia ossificans progressiva|FOP|"
    r"Creutzfeldt[- –]Jakob|CJD|kuru|rabies|Ebola|Marburg|Lassa|anthrax|plague|smallpox|"
    r"botulism|leprosy|Hansen['’]s disease|diphtheria|polio|harlequin ichthyosis|"
    r"Proteus syndrome|conjoined twins|quintuplets|sextuplets|octuplets|face transplant|"
    r"hand transplant|uterus transplant|penis transplant|Naegleria|brain-eating amoeba|"
    r"alkaptonuria|Fields condition|stone man|werewolf syndrome|hypertrichosis|"
    r"lightning strike|struck by lightning|shark attack|bear attack|mass shooting|plane crash|"
    r"bus crash|train crash|tornado|chemical plant explosion|Chagas|Kallmann|Fabry|Gaucher|Pompe|"
    r"Niemann[- ]Pick|Shwachman[- ]Diamond|PNH|paroxysmal nocturnal|nusinersen|Zolgensma|"
    r"Brucell\w*|leptospirosis|Q fever|melioidosis|tularaemia|tularemia|Hendra|Nipah|"
    r"Huntington['’]?s|"
    r"Ehlers[- ]Danlos|Marfan|osteogenesis imperfecta|epidermolysis bullosa|"
    r"Wolman|Batten|Krabbe|Tay[- ]Sachs|Canavan|Lesch[- ]Nyhan|Rett|Prader[- ]Willi|"
    r"Erdheim[- –]Chester|stiff[- ]person|Castleman|Gorham|moyamoya|Alstr[öo]m|Morquio|Hurler|"
    r"Hunter syndrome|mucopolysaccharidosis|Fanconi an(?:a)?emia|Diamond[- ]Blackfan|"
    r"Kearns[- ]Sayre|MELAS|Leigh syndrome|Menkes|Zellweger|cystinosis|Cockayne|"
    r"xeroderma pigmentosum|Treacher Collins|Apert|Crouzon|Joubert|SCID|bubble boy|"
    r"locked-in syndrome|M[öo]bius|Kabuki|cri du chat|trisomy 1[38]|Edwards syndrome|Patau|"
    r"sirenomelia|Aicardi|CDKL5|Dravet|Lafora|Alpers|Pelizaeus|adrenoleukodystrophy|"
    r"Hallervorden|neuroacanthocytosis|Lesch|maple syrup urine|homocystinuria|"
    r"Machado[- ]Joseph|Wilson['’]?s? disease|congenital insensitivity to pain|CIPA|Duchenne|"
    r"Becker muscular dystrophy|spinal muscular atrophy|SMA type 1|albino|albinism|"
    r"ha?emophilia|Friedreich|Angelman|Williams syndrome|Wolf[- ]Hirschhorn|Smith[- ]Magenis|"
    r"Alport|Bartter|Gitelman|porphyria|"
    r"(?:first|second|third|fourth|fifth) (?:human |known |confirmed |local )?case of|"
    r"(?:only|first|sole|one of (?:only |just )?\w+)\s+(?:known\s+)?(?:\w+\s+){0,2}"
    r"(?:patient|patients|case|cases|person|people|child|children|baby|survivor|boy|girl|man|"
    r"woman|teenager|twins|family)s?)\b",
    re.IGNORECASE,
)
_RELATIVE_TIME = re.compile(
    rf"\b(?:yesterday|today|tonight|this (?:morning|afternoon|evening|week)|last night|"
    rf"last (?:week|weekend|{_WEEKDAYS})|on {_WEEKDAYS}|(?:this|last|past) {_WEEKDAYS}|"
    rf"\d+ days ago|earlier today|overnight|this weekend|"
    rf"(?:last|this|in|since) {_MONTHS}|"
    rf"(?:last|this|next) (?:month|year|spring|summer|autumn|fall|winter|christmas|easter))\b",
    re.IGNORECASE,
)
_PLACE_ANY = re.compile(
    rf"\b(?:in|at|near|outside|from|on) (?P<v>{_STATES}|{_NAME}(?:\s{_NAME})?"
    rf"(?:\s(?:Community |General |District |Regional )?(?:Hospital|College|School|Academy))?)"
)
#: Many patients are a group, not a person: "a cohort of 320 patients with melioidosis".
_GROUP_OF_CASES = re.compile(
    r"\b(?:\d{2,}|dozens|hundreds|thousands) (?:\w+ )?(?:patients|cases|people|children|adults)\b"
    r"|\b(?i:cohort|case series|registry|outbreak|cluster|audit|trial|meta-analysis|endemic|"
    r"epidemic|pandemic|surge|wave|incidence|prevalence)\b"
)
#: A claim that the case is unique somewhere ("the only child with FOP on Anglesey"): with a
#: place it identifies the patient without a time.
_UNIQUE_CLAIM = re.compile(r"\b(?i:only|sole|first|one of (?:only |just )?\w+)\b")
#: One definite person ("the teenager with FOP from Timaru", "that man in Cooktown", "our
#: alkaptonuria patient"): with an ultra-rare condition and a small place, that person is known.
_ONE_PERSON = re.compile(
    r"\b(?i:the|that|this|our|my)\s+(?:[\w-]+\s+){0,3}?(?i:teen(?:ager)?|kid|child|boy|girl|man|"
    r"woman|lady|gentleman|guy|bloke|baby|infant|toddler|patient|pt|teacher|farmer|student|"
    r"fisherman|miner|driver|pensioner|grandmother|grandfather|mum|mother|father|dad|nurse|"
    r"player|athlete)\b(?!\s*(?:s\b|population|cohort|group))"
)

_MEDIA = (
    r"(?:photo(?:graph)?|pic(?:ture)?|image|video|clip|footage|selfie|snap(?:shot)?|"
    r"recording|voice ?(?:note|memo|message)|voicemail|audio)s?"
)
#: What in a photo identifies a person (HIPAA: full-face photographs and comparable images).
_IDENTIFYING_FEATURE = r"(?:face|faces|tattoos?|birthmarks?|port-wine stain)"
_BIOMETRIC = re.compile(
    r"\b(?:full[- ]face (?:photo(?:graph)?|picture|image)s?|"
    rf"{_MEDIA} (?:of|showing|with) (?:(?:his|her|their|the|a|an|my|your|this|that|"
    r"(?:the )?[\w-]+['’]s?) )?(?:[\w-]+ ){0,2}" + _IDENTIFYING_FEATURE + r"|"
    r"selfies?|fingerprints?(?: scans?)?|(?:(?:left|right) )?thumb ?prints?|footprints?(?: cards?)?|"
    r"retinal scans?|iris scans?|"
    r"voice (?:recording|print|note|memo|message)s?|voicemails?|palm ?prints?|"
    r"facial (?:photo|image|picture)s?|(?:his|her|their) face (?:is |was )?(?:visible|showing|in shot)|"
    r"(?:recording|audio|video) of (?:his|her|their|the patient['’]s) (?:voice|speech)|"
    r"videos? of (?:him|her|them|the patient|his|her|their)(?: [\w-]+){0,2}|"
    r"[\w-]+\.(?:jpe?g|png|heic|gif|tiff?|mp4|mov|avi|wav|m4a|mp3))\b",
    re.IGNORECASE,
)
_BIOMETRIC_WORD_LIST = """photo photos photograph photographs picture pictures pic pics image images video videos
    clip clips footage selfie selfies snap snapshot recording recordings voicemail voicemails
    audio fingerprint fingerprints footprint footprints retinal iris voice palm palmprint
    palmprints facial face jpg jpeg png heic gif tif tiff mp4 mov avi wav m4a mp3 tattoo tattoos
    birthmark birthmarks voiceprint voiceprints thumb thumbprint thumbprints tattooed stain moko
    scar scars"""
_BIOMETRIC_WORDS = frozenset(_BIOMETRIC_WORD_LIST.split())
_STRONG_BIOMETRIC = re.compile(
    rf"{_IDENTIFYING_FEATURE}|full[- ]face|facial|finger|thumb|foot|palm|retina|iris|voice ?print",
    re.IGNORECASE,
)
#: A described distinguishing mark ("a koi fish tattoo covering the whole left calf", "the heart
#: tattoo with MOM across his knuckles", "a strawberry birthmark on the left cheek"): it
#: identifies a person seen by anyone who reads the post.
_DESCRIBED_MARK = re.compile(
    r"\b(?i:his|her|their|a|an|the)\s+(?:[\w\"'“”-]+\s+){0,3}?"
    r"(?i:tattoo|birthmark|port-wine stain|(?:shrapnel|burn|knife|machete|bullet|acid|keloid|"
    r"duell?ing) scar|moko kauae|t[aā] moko)\s+"
    r"(?i:of|with|on|covering|across|reading|saying|that says|down|along|over|inside|behind|"
    r"around|under|below|above)\b"
    r"[^.;,—–!?]{3,60}"
    r"|(?:[\"“][^\"”]{2,30}[\"”]|\b\w+)\s+(?i:tattooed|inked)\s+(?i:across|on|down|along|over|inside|"
    r"behind)\s+(?i:his|her|their)\s+[\w-]+"
    r"|\b(?i:voice ?prints?)\b"
)
_NOT_BIOMETRIC_BEFORE = re.compile(r"(?:genetic|molecular|DNA|mass|spectral|metabolic)\s+$", re.I)

_SENTENCE_END = re.compile(r"[.!?]+(?=\s+[\"'(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Drs|St|Prof|Pt|pt|Sr|Jr|vs|e\.g|i\.e|approx|Mt|No|Apt|Ave|Rd|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])|\b[A-Z]\.[A-Z])$"
)


def _sentences(text: str) -> list[tuple[int, int]]:
    """Sentence bounds; a full stop after Mr, Dr, St, an initial ... does not end a sentence."""
    bounds: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _ABBREVIATIONS.search(
            text[max(0, m.start() - 8) : m.start()]
        ):
            continue
        bounds.append((start, m.end()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    return bounds


# --------------------------------------------------------------------------------------------
# Detection


class _Collector:
    def __init__(self, text: str) -> None:
        self.text = text
        self.findings: list[PhiFinding] = []
        self.taken: list[tuple[int, int]] = []
        self.sentences = _sentences(text)
        self._context: dict[int, tuple[bool, bool]] = {}
        self.lower = text.lower()
        self.words = frozenset(_WORD.findall(self.lower))
        self.digits = sum(map(text.count, "0123456789"))

    def context(self, pos: int) -> tuple[bool, bool]:
        """(patient context, professional context) of the sentence holding `pos`."""
        for index, (start, end) in enumerate(self.sentences):
            if start <= pos < end:
                if index not in self._context:
                    chunk = self.lower[start:end]
                    words = set(_WORD.findall(chunk))
                    self._context[index] = (
                        bool(words & _PATIENT_WORDS) or bool(_PATIENT_PHRASE.search(chunk)),
                        bool(words & _PROFESSIONAL_WORDS)
                        or bool(_PROFESSIONAL_PHRASE.search(chunk)),
                    )
                return self._context[index]
        return False, False

    def free(self, start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in self.taken)

    def add(self, start: int, end: int, kind: PhiType, reason: str, direct: bool = False) -> None:
        text = self.text
        while end > start and text[end - 1] in " ,;:":
            end -= 1
        if end <= start or not self.free(start, end):
            return
        self.taken.append((start, end))
        self.findings.append(
            PhiFinding(
                start=start,
                end=end,
                type=kind,
                text=text[start:end],
                replacement=REPLACEMENTS[kind],
                reason=reason,
                direct=direct or kind in DIRECT_TYPES,
            )
        )


def _structured(c: _Collector) -> None:
    text = c.text
    if "@" in text:
        for m in _EMAIL.finditer(text):
            c.add(m.start(), m.end(), PhiType.EMAIL, "e-mail address")
    if "/" in text or "www" in c.lower:
        for m in _URL.finditer(text):
            url = m.group().rstrip(".,;:!?")
            host = re.sub(r"^(?:https?://)?(?:www\.)?", "", url, flags=re.IGNORECASE)
            if not _REFERENCE_HOSTS.search(host.split("/")[0].split(":")[0]):
                c.add(m.start(), m.start() + len(url), PhiType.URL, "web address")
    if "." in text:
        for m in _BARE_DOMAIN.finditer(text):
            if not _REFERENCE_HOSTS.search(m.group(1)):
                c.add(m.start(1), m.end(1), PhiType.URL, "a person's web address")
    if c.words & _BIOMETRIC_WORDS:
        for m in _BIOMETRIC.finditer(text):
            if _NOT_BIOMETRIC_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            # A face, tattoo or print identifies on its own; a voice note, a video or an image
            # file only in a sentence about a patient ("send me a voice note" is not PHI).
            if _STRONG_BIOMETRIC.search(m.group()) or c.context(m.start())[0]:
                c.add(m.start(), m.end(), PhiType.BIOMETRIC, "photo or biometric of a person")
        for m in _DESCRIBED_MARK.finditer(text):
            before = c.lower[max(0, m.start() - 80) : m.start()]
            if c.context(m.start())[0] or "distinguishing" in before or "print" in m.group():
                c.add(m.start(), m.end(), PhiType.BIOMETRIC, "a described tattoo, mark or print")
    if c.digits >= 12:
        _add_found(c, phi_intl.checked_ids(text))
    if c.digits >= 2:
        _plates(c)
        if c.digits >= 6:
            _gated_ids(c)
        _keyed_ids(c)
    if c.digits < 4:
        return
    if "." in text and _DOTTED.search(text):
        for m in _IPV4.finditer(text):
            c.add(m.start(), m.end(), PhiType.IP_ADDRESS, "IP address")
    if c.words & _SSN_WORDS:
        for m in _SSN_KEYED.finditer(text):
            c.add(m.start(1), m.end(1), PhiType.SSN, "social security number")
    if "-" in text:
        for m in _SSN.finditer(text):
            c.add(m.start(), m.end(), PhiType.SSN, "social security number pattern")
    for m in _NINO.finditer(text):
        c.add(m.start(), m.end(), PhiType.SSN, "national insurance number")
    for m in _NINO_KEYED.finditer(text):
        c.add(m.start(1), m.end(1), PhiType.SSN, "national insurance number")
    for m in _IBAN.finditer(text):
        value = m.group()
        if sum(ch.isdigit() for ch in value) >= 10:
            c.add(m.start(), m.end(), PhiType.ACCOUNT_NUMBER, "bank account (IBAN)")
    if "::" in text or text.count(":") >= 4:
        for m in _IPV6.finditer(text):
            if any(ch.isdigit() for ch in m.group()) and m.group().count(":") >= 2:
                c.add(m.start(), m.end(), PhiType.IP_ADDRESS, "IP address")
    if c.digits >= 17:
        for m in _VIN.finditer(text):
            c.add(m.start(), m.end(), PhiType.VEHICLE_ID, "vehicle identification number")
    if c.digits >= 7:
        _phones(c)


#: Short keys that are also clinical abbreviations (CI confidence interval, CC chief complaint, HC
#: head circumference, CF cystic fibrosis, TC total cholesterol, CNS, PID, RM): only in capitals
#: and only with a value in that country's format, so "CI 95%", "HC 34 cm", "TC 5.2" never fire.
_GATED_KEYED: tuple[tuple[str, PhiType, re.Pattern[str], str], ...] = (
    (
        "TC",
        PhiType.SSN,
        re.compile(
            r"(?<!\w)T\.?C\.?(?: [Kk]imlik)?(?: [Nn]o\.?)?\s*[:：]?\s*([1-9]\d{10})(?![\w.,/-])"
        ),
        "Turkish identity number (TC)",
    ),
    (
        "C",
        PhiType.SSN,
        re.compile(
            r"(?<!\w)C\.?I\.?\s*(?:(?:N[º°o]|n[º°])\.?\s*)?[:：]?\s*"
            r"(\d{1,2}\.?\d{3}\.?\d{3}-[\dkK])(?![\w-])"
        ),
        "identity card number (CI)",
    ),
    (
        "C",
        PhiType.SSN,
        re.compile(
            r"(?<!\w)C\.?C\.?\s*(?:(?:N[º°o]|n[º°])\.?\s*)?[:：]?\s*"
            r"(\d{1,3}(?:\.\d{3}){2,3})(?![\w-]|[.,]\d)"
        ),
        "citizenship card number (CC)",
    ),
    (
        "C",
        PhiType.SSN,
        re.compile(
            r"(?<!\w)C\.?F\.?\s*[:：]?\s*([A-Z]{6}\d{2}[A-EHLMPR-T]\d{2}[A-Z]\d{3}[A-Z])(?!\w)"
        ),
        "tax code (codice fiscale)",
    ),
    (
        "CNS",
        PhiType.HEALTH_PLAN_NUMBER,
        re.compile(r"(?<!\w)CNS\s*[:：]?\s*([1-9]\d{2} ?\d{4} ?\d{4} ?\d{4})(?![\w.,/-])"),
        "health card number (CNS)",
    ),
    (
        "RM",
        PhiType.MRN,
        re.compile(
            r"(?<!\w)(?:[Nn]o\.?|N[º°]|[Nn]omor)\s*RM\s*[:：]?\s*"
            r"(\d{2}[.-]?\d{2}[.-]?\d{2}(?:[.-]?\d{2})?)(?![\w/-]|[.,]\d)"
        ),
        "medical record number (RM)",
    ),
    (
        "H",
        PhiType.MRN,
        re.compile(
            r"(?<!\w)H\.?C\.?\s*(?:N[º°o]\.?|n[º°]\.?|[Nn]ro\.?|[Nn]úm\.?|[Nn]úmero)\s*[:：]?\s*"
            r"(\d{4,10})(?![\w/-]|[.,]\d)"
        ),
        "clinical history number (HC)",
    ),
    (
        "PID",
        PhiType.MRN,
        re.compile(r"(?<!\w)PID\s*[:：]?\s*(\d{6,10})(?![\w/-]|[.,]\d)"),
        "patient ID (PID)",
    ),
)


def _gated_ids(c: _Collector) -> None:
    text = c.text
    for literal, kind, pattern, reason in _GATED_KEYED:
        if literal in text:
            for m in pattern.finditer(text):
                if not _looks_like_measure(text, m.end(1)):
                    c.add(m.start(1), m.end(1), kind, reason)


def _keyed_ids(c: _Collector) -> None:
    """A number-like value right after a key word: "MRN 00482913", "NHS no. 485 777 3456"."""
    text = c.text
    for candidate in _ID_CANDIDATE.finditer(text):
        start, value = candidate.start(), candidate.group()
        digits = sum(ch.isdigit() for ch in value)
        lettered = bool(re.match(r"[A-Z]{2,4} \d", value)) and digits >= 6  # "RTX 884 2103"
        if " " in value and digits < 8 and not lettered:  # "case 12 34": the first group only
            value = value.split(" ")[0]
            digits = sum(ch.isdigit() for ch in value)
            if len(value) < 4:
                continue
        if digits < 2 or _NOT_ID.match(value):
            continue
        end = start + len(value)
        if _looks_like_measure(text, end):
            continue
        before = text[max(0, start - 48) : start]
        lettered_key = re.match(r"[A-Z]{2,4} ", value)
        plain = before.isascii()
        for kind, ascii_pattern, full_pattern, reason in _KEYED:
            pattern = ascii_pattern if plain else full_pattern
            if pattern.search(before):
                c.add(start, end, kind, reason)
                break
            if lettered_key and pattern.search(before + lettered_key.group()):
                # the letters are the key itself: "SIN 046 454 286", "BSN 123456782"
                c.add(start + lettered_key.end(), end, kind, reason)
                break


#: A token shaped like an identifier: letters and digits, with - / . & inside ("ZAB1234",
#: "UNTH/55/0192", "8821-4470-02", "S1234567D").
#: Latin, Greek and Cyrillic letters: an id such as "УБ32041218" or "ΑΚ123456" is one token.
_ID_CHARS = "A-Za-z0-9\u0370-\u03ff\u0400-\u04ff"
_ID_SHAPED = re.compile(rf"(?<![\w/.&-])[{_ID_CHARS}]+(?:[-/.&][{_ID_CHARS}]+)*(?![\w/&-]|[.,]\d)")
#: Tokens that look like identifiers and are not a person's: gene variants, units, ordinals,
#: decades, versions, plus the trial and literature ids of _NOT_ID.
_NOT_SHAPED_ID = re.compile(
    r"(?i:\d+(?:mg|mcg|ug|g|kg|ml|l|mmol|mol|iu|u|units?|mmhg|bpm|cm|mm|km|m|hrs?|h|mins?|s|"
    r"yo|yrs?|y|wks?|w|mo|d|x|th|st|nd|rd|s|k|mb|gb|kb|hz|khz|mhz|kcal|cal|am|pm)|"
    r"v?\d+(?:\.\d+)+|(?:19|20)\d\d[-/](?:19|20)?\d\d|[A-TV-Z]\d{2}\.\d{1,4}[A-Z]?)$"
)
#: Registries and codes whose numbers identify a study, a paper, a code or a grant, not a patient.
_NOT_ID_CUE = re.compile(
    r"\b(?i:ORCID|DOI|ISBN|ISSN|PMID|PMCID|arXiv|NCT|CPT|ICD(?:-1[01])?|LOINC|SNOMED|ATC|NDC|lot|"
    r"batch|grant|award|version|model|GTIN|EAN)\b[^.;\n]{0,12}$"
)


def _shaped_ids(c: _Collector) -> None:
    """A token that can only be an identifier (four digits or more mixed with letters, or seven
    digits or more in groups), wherever no pattern claimed it: typed by the nearest key word
    earlier in its sentence ("the PPS on the form is 5551234TA"), else "other unique id"."""
    text = c.text
    for m in _ID_SHAPED.finditer(text):
        value = m.group()
        digits = sum(ch.isdigit() for ch in value)
        letters = sum(ch.isalpha() for ch in value)
        if digits < 4 or (letters == 0 and digits < 7) or (letters and len(value) < 5):
            continue
        if letters == 0 and "." in value and value.count(".") == 1:
            continue  # a decimal number
        if letters == 0 and _TOLL_FREE.match(value):
            continue  # a helpline
        if (
            _NOT_ID.match(value)
            or _NOT_SHAPED_ID.match(value)
            or _looks_like_measure(text, m.end())
        ):
            continue
        before = text[max(0, m.start() - 60) : m.start()]
        if _NOT_ID_CUE.search(before) or _CITATION_PAGES_BEFORE.search(before):
            continue
        if "/" in value and _UNIT_PATH.fullmatch(value):
            continue  # "mL/min/1.73m2": a unit
        kind, reason = _cued_type(_sentence_before(before), value)
        c.add(m.start(), m.end(), kind, reason)
    # Digit groups with spaces that only a key word earlier in the sentence makes an identifier
    # ("an old Medicare card in his wallet, 2954 71820 3-1"); phones were claimed before.
    for m in _SPACED_DIGITS.finditer(text):
        if sum(ch.isdigit() for ch in m.group()) < 9 or not c.free(m.start(), m.end()):
            continue
        if _TOLL_FREE.match(m.group()):
            continue
        before = _sentence_before(text[max(0, m.start() - 60) : m.start()])
        kind, reason = _cued_type(before, m.group())
        if kind is not PhiType.OTHER_UNIQUE_ID:
            c.add(m.start(), m.end(), kind, reason)


#: "N Engl J Med 2007;357:1598-1607": the pages of a citation follow the year and volume.
_CITATION_PAGES_BEFORE = re.compile(r"(?:19|20)\d{2}\s?;\s?\d{1,4}(?:\s?\(\d{1,4}\))?\s?:\s?$")
#: A unit written as a path of unit words ("mL/min/1.73m2", "mg/kg/day", "mmol/L").
_UNIT_PATH = re.compile(
    r"(?i:(?:\d+(?:\.\d+)?)?(?:ml|l|dl|min|h|hr|kg|g|mg|mcg|ug|mmol|mol|m2|m²|day|d|kg/m2|iu|u|s)"
    r"(?:/(?:\d+(?:\.\d+)?)?(?:ml|l|dl|min|h|hr|kg|g|mg|mcg|ug|mmol|mol|m2|m²|day|d|iu|u|s))+)"
)
_SPACED_DIGITS = re.compile(r"(?<![\w/.+-])\d{2,6}(?: \d{1,6}){1,4}(?:-\d{1,3})?(?![\w/-]|[.,]\d)")
#: A full stop that does not end a sentence: "e.g. NY-MCD-44718265", "i.e. the MRN".
_NOT_SENTENCE_END = re.compile(r"(?i:\b(?:e\.g|i\.e|eg|ie|etc|approx|vs|no|nr|dr|mr|mrs|ms|st))$")


def _sentence_before(before: str) -> str:
    """The part of `before` in the same sentence as what follows it."""
    for m in reversed(list(re.finditer(r"[.;]\s|\n", before))):
        if m.group().startswith(".") and _NOT_SENTENCE_END.search(before[: m.start()]):
            continue
        return before[m.end() :]
    return before


#: Ten to thirteen digits that open with a birth date (YYMMDD, or a century or sex digit and
#: YYMMDD, or YYYYMMDD): the layout of national id numbers in many countries (Nordic and Baltic
#: personal codes, Bulgaria's EGN, Romania's CNP, Korea's RRN, Cuba's carné, Mongolia's RD).
_BIRTH_DATE_NUMBER = re.compile(
    r"[1-9]?\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[-/]?\d{3,7}"
    r"|(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3,5}"
)
#: Zimbabwe's national id ("63-451237-K-42"): district, serial, check letter, district.
_ZW_ID = re.compile(r"\d{2}-\d{6,7}-?[A-Z]-?\d{2}")


def _cued_type(before: str, value: str) -> tuple[PhiType, str]:
    """The type of the key word nearest before an identifier-shaped value, else a national id
    when the value is laid out like one, else "other"."""
    kind, reason, nearest = PhiType.OTHER_UNIQUE_ID, "an identifier-shaped number", -1
    bare = value.replace(" ", "")
    if _ZW_ID.fullmatch(bare) or (
        bare.replace("-", "").isdigit()
        and 10 <= len(bare) <= 14
        and _BIRTH_DATE_NUMBER.fullmatch(bare)
    ):
        kind, reason = PhiType.SSN, "laid out like a national id number (a birth date inside)"
    has_letters = any(ch.isalpha() for ch in value)
    for cue_kind, cue, cue_reason in _CUES if before.isascii() else _CUES + _CUES_INTL:
        if cue_kind is PhiType.VEHICLE_ID and not has_letters:
            continue  # a plate has letters ("Night reg here: ... 555-0175" is a registrar)
        for found in cue.finditer(before):
            if found.end() > nearest:
                kind, reason, nearest = cue_kind, cue_reason, found.end()
    return kind, reason


def _plates(c: _Collector) -> None:
    text = c.text
    if not text.isascii():
        for m in _PLATE_DISTINCT.finditer(text):
            c.add(m.start(), m.end(), PhiType.VEHICLE_ID, "licence plate (Japanese or Russian)")
    for m in _PLATE_DISTINCT_LATIN.finditer(text):
        c.add(m.start(), m.end(), PhiType.VEHICLE_ID, "licence plate (a layout nothing else has)")
    intl = any(w.startswith(_INTL_VEHICLE_WORDS) for w in c.words) or not (
        text.isascii() or _INTL_VEHICLE_FIRST.isdisjoint(text)
    )
    if intl:
        for pattern in _PLATE_KEYED_INTL if not text.isascii() else _PLATE_KEYED_INTL[:1]:
            for m in pattern.finditer(text):
                value = m.group("v")
                if not (_NOT_PLATE.search(value) or _NOT_PLATE_START.match(value)):
                    c.add(m.start("v"), m.end("v"), PhiType.VEHICLE_ID, "plate after its key word")
    english = bool(c.words & _VEHICLE_WORDS)
    if not english and not intl:
        return
    for m in _PLATE.finditer(text):
        before = text[max(0, m.start() - 40) : m.start()]
        if (english and _PLATE_CUE_BEFORE.search(before)) or (
            intl and _PLATE_CUE_INTL.search(before) and not _NOT_PLATE.search(m.group())
        ):
            c.add(m.start(), m.end(), PhiType.VEHICLE_ID, "licence plate")
    if not english:
        return
    for m in _PLATE_KEYED.finditer(text):
        c.add(m.start("v"), m.end("v"), PhiType.VEHICLE_ID, "licence plate after its key word")


#: Toll-free and freephone numbers (US 1-800/888/877/866/855/844/833, UK 0800/0808, Australia
#: 1800/1300): helplines and businesses (Poison Help 1-800-222-1222), never a patient's.
_TOLL_FREE = re.compile(
    r"^(?:\+?1[\s.-]?)?\(?8(?:00|88|77|66|55|44|33)\)?[\s.-]|^0?80[08][\s.-]?\d|^1[38]00[\s.-]?\d"
)


def _phones(c: _Collector) -> None:
    text = c.text
    found: list[tuple[int, int]] = []
    for pattern in (_PHONE, _PHONE_KEYED, _LOCAL_PHONE_KEYED):
        for m in pattern.finditer(text):
            found.append((m.start(1), m.end(1)) if m.groups() else (m.start(), m.end()))
    for m in _LOCAL_PHONE.finditer(text):  # "call 555-0148": a local number, after a phone word
        if _phone_word_before(text[max(0, m.start() - 40) : m.start()]):
            found.append((m.start(), m.end()))
    for m in _PHONE_GROUPS.finditer(text):
        value = m.group()
        digits = sum(ch.isdigit() for ch in value)
        if not 8 <= digits <= 13:
            continue
        # a trunk 0 and ten to twelve digits ("0176 5551 2038": German mobiles have twelve)
        prefixed = value[0] in "+(" or (value[0] == "0" and 10 <= digits <= 12)
        indian_mobile = (
            digits == 10 and value[0] in "6789" and bool(re.fullmatch(r"\d{5} \d{5}", value))
        )
        cued = bool(_phone_word_before(text[max(0, m.start() - 40) : m.start()]))
        # eight digits in two fours ("call 9555 1287"): Hong Kong and Singapore numbers
        eight = digits == 8 and bool(re.fullmatch(r"\d{4} \d{4}", value))
        if prefixed or indian_mobile or (cued and (digits >= 9 or eight)):
            found.append((m.start(), m.end()))
    for m in _UNBROKEN_NUMBER.finditer(text):  # "फोन 9855551234", "tel. 0912555123"
        if _phone_word_before(text[max(0, m.start() - 30) : m.start()]):
            found.append((m.start(), m.end()))
    for start, end in sorted(found):
        if _TOLL_FREE.match(text[start:end]):
            continue  # a helpline or a business, not a person's number
        extension = _EXTENSION.match(text, end)
        if extension:
            end = extension.end()
        before = text[max(0, start - 50) : start]
        faxed = _FAX_BEFORE.search(before) or _FAX_INTL.search(before)
        if faxed and not _PHONE_AFTER_FAX.search(before):
            c.add(start, end, PhiType.FAX, "fax number")
        else:
            c.add(start, end, PhiType.PHONE, "phone number")


#: Nine to twelve digits in one run: a phone number only after a phone word.
_UNBROKEN_NUMBER = re.compile(r"(?<![\w.,/+-])\+?\d{9,12}(?![\w/-]|[.,]\d)")


def _looks_like_measure(text: str, end: int) -> bool:
    """`plan 2x daily`, `case 2-3 mg`: a number followed by a unit is not an identifier."""
    return bool(
        re.match(r"\s*(?:mg|mcg|g|kg|ml|mL|mmHg|%|units?|days?|weeks?|years?)\b", text[end:])
    )


def _dates(c: _Collector) -> None:
    text = c.text
    for m in _NUMERIC_DATE.finditer(text):
        a, b, year = int(m.group(1)), int(m.group(3)), m.group(4)
        if len(m.group(1)) == 4:  # ISO 2024-03-14
            ok = 1 <= b <= 12 and 1 <= int(year) <= 31 and m.group(1)[:2] in ("19", "20")
        else:
            ok = 1 <= a <= 31 and 1 <= b <= 31 and min(a, b) <= 12 and len(year) in (2, 4)
        if ok:
            c.add(m.start(), m.end(), PhiType.DATE, "calendar date")
    for m in _DASHED_MONTH_DATE.finditer(text):
        if _day_ok(m.group()):
            c.add(m.start(), m.end(), PhiType.DATE, "day, month and year")
    for m in _DOTTED_DAY_MONTH.finditer(text):
        cued = _DOTTED_DATE_CUE.search(text[max(0, m.start() - 16) : m.start()])
        if cued and 1 <= int(m.group(1)) <= 31 and 1 <= int(m.group(2)) <= 12:
            c.add(m.start(), m.end() - 1, PhiType.DATE, "day and month (German style)")
    for m in _MONTH_DAY.finditer(text):
        if _day_ok(m.group()):
            ranged = _DAY_RANGE_BEFORE.search(text[max(0, m.start() - 6) : m.start()])
            if (ranged or _DAY_RANGE_AFTER.match(text, m.end())) and not (c.context(m.start())[0]):
                # "ERA Congress, 4-7 June 2025": the days of an event, not a patient's (and the
                # word tagger, which comes later, is not to take them either)
                c.taken.append((m.start(), m.end()))
                continue
            c.add(m.start(), m.end(), PhiType.DATE, "month and day")
    for m in _FOREIGN_DATE.finditer(text):
        c.add(m.start(), m.end(), PhiType.DATE, "day and month in another language")
    for m in _MONTH_YEAR.finditer(text):
        if c.context(m.start())[0]:
            c.add(m.start(), m.end(), PhiType.DATE, "month and year of a patient event")
    for m in _SPELLED_DATE.finditer(text):
        c.add(m.start(), m.end(), PhiType.DATE, "day and month in words")
    for m in _DAY_OF_MONTH.finditer(text):
        if 1 <= int(m.group(1)) <= 31 and c.context(m.start())[0]:
            c.add(m.start() + m.group().index("the"), m.end(), PhiType.DATE, "day of the month")
    for m in _SHORT_DATE.finditer(text):
        first, second = int(m.group(1)), int(m.group(2))
        before = text[max(0, m.start() - 20) : m.start()]
        after = text[m.end() : m.end() + 8]
        # month/day (US) or day/month ("16/03": the first number cannot be a month)
        if (
            1 <= min(first, second) <= 12
            and max(first, second) <= 31
            and _DATE_CUE.search(before)
            and not re.match(r"\s*(?:of|strength|power|mm|cm|score|%)", after)
        ):
            c.add(m.start(), m.end(), PhiType.DATE, "month/day after a date word")
    for m in _WEEKDAY_DATE.finditer(text):
        if m.group(1) is None or 1 <= int(m.group(1)) <= 31:
            c.add(m.start(), m.end(), PhiType.DATE, "weekday and day of the month")
    for m in _HOLIDAY.finditer(text):
        has_year = bool(re.search(r"\d{4}$", m.group()))
        if has_year or (
            _HOLIDAY_CUE.search(text[max(0, m.start() - 12) : m.start()])
            and c.context(m.start())[0]
        ):
            c.add(m.start(), m.end(), PhiType.DATE, "holiday date")


#: One end of a range of days ("4-7 June", "29 Aug-1 Sept").
_DAY_RANGE_BEFORE = re.compile(r"(?:\b\d{1,2}|[A-Za-z]{3}\.?)\s?[-–]\s?$")
_DAY_RANGE_AFTER = re.compile(r"\s?[-–]\s?\d{1,2}\b")


def _day_ok(value: str) -> bool:
    numbers = [int(n) for n in re.findall(r"\d+", value)]
    return bool(numbers) and 1 <= numbers[0] <= 31


def _ages(c: _Collector) -> None:
    text = c.text
    for m in _AGE.finditer(text):
        if _TEMPERATURE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        start = m.start()
        said = _AGE_AFTER_WORD.search(m.group())  # "she's 94", "grandma was 97": the number
        if said:
            start += said.start(1)
        c.add(start, m.end(), PhiType.AGE_OVER_89, "age over 89")
    for m in _AGE_INTL.finditer(text):
        group = next(g for g in range(1, 6) if m.group(g))
        if 90 <= int(m.group(group)) <= 119:
            c.add(m.start(), m.end(), PhiType.AGE_OVER_89, "age over 89 (another language)")
    for m in _AGE_INTL_SPELLED.finditer(text):
        c.add(m.start(), m.end(), PhiType.AGE_OVER_89, "age over 89 in words (another language)")
    for m in _BARE_AGE.finditer(text):
        word = (m.group(1) or m.group(3) or m.group(5) or "").lower()
        if word in _MEASURE_WORDS or _looks_like_measure(text, m.end()):
            continue
        number = next(n for n in (2, 4, 6) if m.group(n))
        c.add(m.start(number), m.end(number), PhiType.AGE_OVER_89, "age over 89")


def _locations(c: _Collector) -> None:
    text = c.text
    for m in _STREET.finditer(text):
        c.add(*_span(m), PhiType.LOCATION, "street address", direct=True)
    for m in _ZIP.finditer(text):
        c.add(m.start(), m.end(), PhiType.LOCATION, "ZIP or postcode")
    for m in _POSTAL_KEYED.finditer(text):
        c.add(m.start(1), m.end(1), PhiType.LOCATION, "postal code")
    for m in _PLACE_CUE.finditer(text):
        start, end = _span(m)
        value = text[start:end]
        if value in _WIDE_PLACES or value.split()[0] in _WIDE_PLACES:
            continue
        if value.split()[0] not in _NOT_NAMES:
            c.add(start, end, PhiType.LOCATION, "where the patient lives")
    for m in _PLACE_CUE_INTL.finditer(text):
        value = m.group("v")
        if value.split()[0] not in _NOT_NAMES and not _wide(value):
            c.add(m.start("v"), m.end("v"), PhiType.LOCATION, "where the patient lives")
    if not text.isascii() or c.words & _FOREIGN_PREPOSITIONS:
        for m in _PLACE_PREP_INTL.finditer(text):
            value = m.group("v")
            first = value.split()[0]
            if first in _NOT_NAMES or first in _JOURNALS or _wide(value) or c.context(m.start())[1]:
                continue
            c.add(m.start("v"), m.end("v"), PhiType.LOCATION, "town or city (another language)")
    for pattern, reason in (
        (_CITY, "town or city"),
        (_COUNTY, "county"),
        (_FACILITY, "named facility"),
        (_ROOM, "ward, room or bed"),
    ):
        for m in pattern.finditer(text):
            patient, professional = c.context(m.start())
            if not patient or professional:
                continue
            start, end = _span(m)
            if pattern is _FACILITY:
                first = m.group().split()[0]
                if first in _FACILITY_SKIP_FIRST:
                    start += len(first) + 1
            if pattern is _CITY and _NON_EPONYM_CITY_NEXT.match(text[end:]):
                continue
            c.add(start, end, PhiType.LOCATION, reason)


def _gazetteer() -> frozenset[str]:
    from primum.safety.ml import registry

    return registry.load_places()


def _gazetteer_places(c: _Collector) -> None:
    """Towns the gazetteer knows: after a place preposition, in a sentence about a patient (or
    in a post written in another language, where the English context words cannot appear),
    and, in another script, any word of the post that is a town's name ("المنصورة")."""
    text = c.text
    places = _gazetteer()
    if not places:
        return
    foreign_words = bool(c.words & _FOREIGN_PREPOSITIONS)
    for m in _PREP_PLACE.finditer(text):
        words = m.group("v").split()
        value = ""
        for size in range(len(words), 0, -1):  # the longest run of words that is a town
            candidate = " ".join(words[:size])
            if candidate in places:
                value = candidate
                break
        if not value or value in _WIDE_PLACES or _wide(value):
            continue
        first = value.split()[0].split("-")[0]
        if first in _NOT_NAMES or first in _GAZETTEER_STOP or first in _JOURNALS:
            continue
        patient, professional = c.context(m.start())
        if professional or not (patient or foreign_words):
            continue
        start = m.start("v")
        c.add(start, start + len(value), PhiType.LOCATION, "a town (gazetteer)")
    if not text.isascii():
        for m in _OTHER_SCRIPT_RUN_WORD.finditer(text):
            if (
                m.group() in places
                and _FOREIGN_PLACE_PREPOSITION.search(text[max(0, m.start() - 12) : m.start()])
                and c.free(m.start(), m.end())
            ):
                c.add(m.start(), m.end(), PhiType.LOCATION, "a town (gazetteer)")


def _span(m: re.Match[str]) -> tuple[int, int]:
    """The `v` group when the pattern has one and it matched, else the whole match."""
    if "v" in m.re.groupindex and m.group("v") is not None:
        return m.start("v"), m.end("v")
    return m.start(), m.end()


def _is_clinician(text: str, start: int, end: int) -> bool:
    return bool(
        _CLINICIAN_BEFORE.search(text[max(0, start - 14) : start])
        or _CLINICIAN_AFTER.match(text[end : end + 16])
    )


def _names(c: _Collector) -> None:
    text = c.text
    for m in _HONORIFIC.finditer(text):
        # "Thanks to Mr Ashby for the teaching": a surgeon (Mr in the UK and Ireland), in a
        # sentence about professional life and not about a patient.
        if c.context(m.start()) == (False, True):
            continue
        c.add(m.start(), m.end(), PhiType.NAME, "name after Mr/Mrs/Ms")
    for m in _LOWER_HONORIFIC.finditer(text):
        if m.group(1) not in _NOT_NAMES_LOWER:
            c.add(m.start(1), m.end(1), PhiType.NAME, "name after mrs/miss")
    if not text.isascii():
        # A post written mostly in another script: any run of two or three words there is not
        # a name (it is the language of the post); only a key word, a possessive or a common
        # East Asian surname says so.
        foreign = sum(1 for ch in text if ch.isalpha() and not ch.isascii() and ch > "\u036f")
        latin = sum(1 for ch in text if ch.isalpha() and (ch.isascii() or ch <= "\u036f"))
        mostly_foreign = foreign > latin
        if mostly_foreign:
            for m in _FOREIGN_NAME_MARKED.finditer(text):
                group = next(g for g in (1, 2, 3, 4) if m.group(g))
                if m.group(group).split()[0] in _NOT_NAME_AFTER_MARKER:
                    continue
                c.add(
                    m.start(group), m.end(group), PhiType.NAME, "name marked by a title or kin word"
                )
            for m in _CASED_FOREIGN_NAME.finditer(text):
                if m.group() not in _OTHER_SCRIPT_KEYS:
                    c.add(m.start(), m.end(), PhiType.NAME, "capitalised name in another script")
        for m in _OTHER_SCRIPT_NAME.finditer(text):
            if m.group() in _OTHER_SCRIPT_KEYS or _CITATION_AFTER.match(text, m.end()):
                continue
            before = text[max(0, m.start() - 24) : m.start()].lower()
            owned = _POSSESSIVE_AFTER.match(text, m.end()) is not None
            if not owned and _PLACE_BEFORE_OTHER_SCRIPT.search(before):
                c.add(m.start(), m.end(), PhiType.LOCATION, "place in another script")
                continue
            keyed = bool(_OTHER_SCRIPT_KEY_BEFORE.search(before))
            if (
                keyed
                or owned
                or (
                    _EAST_ASIAN_NAME.fullmatch(m.group())
                    and (len(m.group()) > 2 or not mostly_foreign)
                )
                or (not mostly_foreign and (" " in m.group() or c.context(m.start())[0]))
            ):
                c.add(m.start(), m.end(), PhiType.NAME, "name in another script")
    for m in _POSSESSED.finditer(text):
        start, end = m.start(1), m.end(1)
        tokens = m.group(1).split()
        if tokens[0] in _NOT_NAMES or tokens[0] in _FACILITY_SKIP_FIRST:
            continue
        if _is_clinician(text, start, end):
            continue
        c.add(start, end, PhiType.NAME, "a person's family or case")
    for m in _POSSESSED_ONE.finditer(text):
        start, end = m.start(1), m.end(1)
        word = m.group(1)
        if word in _NOT_NAMES or word in _FACILITY_SKIP_FIRST or word in _EPONYM_DISEASES:
            continue
        if _is_clinician(text, start, end):
            continue
        c.add(start, end, PhiType.NAME, "a person's relative or record")
    for m in _INITIALS.finditer(text):
        if m.group().strip(". ").replace(".", "").replace(" ", "") not in _FIELD_ACRONYMS:
            c.add(*_span(m), PhiType.NAME, "patient initials")
    for m in _KEYED_NAME.finditer(text) if c.words & _NAME_KEY_WORDS else ():
        start, end = m.start(1), m.end(1)
        tokens = m.group(1).split()
        while tokens and tokens[-1].rstrip(".") in _NOT_NAMES:
            end -= len(tokens.pop()) + 1
        if not tokens or tokens[0] in _NOT_NAMES or _EPONYM_NEXT.match(text[end:]):
            continue
        if _is_clinician(text, start, end):
            continue
        c.add(start, end, PhiType.NAME, "name after a patient or relative word")
    for m in _PAIR.finditer(text):
        first, last = m.group(1), m.group(3)
        if first not in FIRST_NAMES or last in _NOT_NAMES or first in _NOT_NAMES:
            continue
        if first in _AMBIGUOUS_FIRST and last not in SURNAMES:
            continue
        if _EPONYM_NEXT.match(text[m.end() :]) or _is_clinician(text, m.start(), m.end()):
            continue
        if c.context(m.start())[1]:
            continue
        c.add(m.start(), m.end(), PhiType.NAME, "first name and surname")
    for m in _SINGLE.finditer(text):
        word = m.group()
        if word not in FIRST_NAMES or word in _AMBIGUOUS_FIRST or word in _NOT_NAMES:
            continue
        patient, professional = c.context(m.start())
        if not patient or professional or _is_clinician(text, m.start(), m.end()):
            continue
        if _EPONYM_NEXT.match(text[m.end() :]):
            continue
        c.add(m.start(), m.end(), PhiType.NAME, "first name in a sentence about a patient")


def _risky(c: _Collector) -> None:
    text = c.text
    dates = [(f.start, f.end) for f in c.findings if f.type is PhiType.DATE]
    places = [(f.start, f.end) for f in c.findings if f.type is PhiType.LOCATION]
    if (
        not dates
        and not _RELATIVE_TIME.search(text)
        and not _UNIQUE_CLAIM.search(text)
        and not _ONE_PERSON.search(text)
    ):
        return
    for s_start, s_end in c.sentences:
        sentence = text[s_start:s_end]
        rare = _RARE.search(sentence)
        if not rare or _GROUP_OF_CASES.search(sentence):
            continue
        place = [
            (s_start + a, s_start + b)
            for a, b in map(_span, _PLACE_ANY.finditer(sentence))
            if sentence[a:b].split()[0] not in _NOT_NAMES
            and (b <= rare.start() or a >= rare.end())  # "a lecture on Lassa fever"
        ]
        place += [p for p in places if s_start <= p[0] < s_end]
        place.sort()
        time = [(s_start + m.start(), s_start + m.end()) for m in _RELATIVE_TIME.finditer(sentence)]
        time += [d for d in dates if s_start <= d[0] < s_end]
        # "the only child with FOP on Anglesey": a claim of uniqueness needs no time
        unique = (
            _UNIQUE_CLAIM.search(sentence) is not None or _ONE_PERSON.search(sentence) is not None
        ) and not re.search(
            r"(?:cases|patients|people|persons|children|babies|survivors)$", rare.group()
        )
        if not time:
            # "the only case in Europe": a uniqueness claim alone needs a place smaller than a state
            place = [p for p in place if not _wide(text[p[0] : p[1]])]
        else:
            # a state with a rare case and a time may identify; a country or a continent does not
            place = [
                p for p in place if not _wide(text[p[0] : p[1]]) or _is_state(text[p[0] : p[1]])
            ]
        if not place or not (time or unique):
            continue
        for a, b in place:
            if not _wide(text[a:b]):  # the place of a rare case identifies, whatever its kind
                c.add(a, b, PhiType.LOCATION, "place of a rare case")
        start = min(s_start + rare.start(), place[0][0], *(t[0] for t in time[:1]))
        end = max(s_start + rare.end(), place[-1][1], *(t[1] for t in time[-1:]))
        reason = (
            "rare condition + place + time together identify the patient"
            if time
            else "the only such case in a place identifies the patient"
        )
        finding = PhiFinding(
            start=start,
            end=end,
            type=PhiType.RISKY_COMBINATION,
            text=text[start:end],
            replacement=REPLACEMENTS[PhiType.RISKY_COMBINATION],
            reason=reason,
        )
        c.findings.append(finding)


_STATE_NAMES = frozenset(_STATES.split("|"))


def _is_state(place: str) -> bool:
    return place in _STATE_NAMES


def _wide(place: str) -> bool:
    return place in _WIDE_PLACES or place.split()[0] in _WIDE_PLACES


def check_phi(text: str, *, learned: bool = True) -> PhiReport:
    """Find the patient identifiers in `text`. Offsets are into `text` as given.

    ``learned=False`` runs the patterns alone (no word tagger, no encoder)."""
    return check_phi_many([text], learned=learned)[0]


def check_phi_many(texts: Iterable[str], *, learned: bool = True) -> list[PhiReport]:
    """`check_phi` for many texts; the word tagger runs on them in batches."""
    items = list(texts)
    tagged = _tagged(items) if learned else [[] for _ in items]
    return [_check(text, spans) for text, spans in zip(items, tagged, strict=True)]


def _tagged(texts: list[str]) -> list[list[TaggedSpan]]:
    """The word tagger's spans per text ([] for every text when the MiniLM weights are not
    installed: the patterns still run)."""
    from primum.safety.ml import registry
    from primum.safety.ml.encoder import EncoderNotInstalled

    wanted = [index for index, text in enumerate(texts) if _TAGGABLE.search(text)]
    out: list[list[TaggedSpan]] = [[] for _ in texts]
    if not wanted:
        return out
    try:
        tagger = registry.load_tagger()
    except EncoderNotInstalled:
        return out
    for index, spans in zip(wanted, tagger.tag_many([texts[i] for i in wanted]), strict=True):
        out[index] = spans
    return out


#: Only texts with two words or more reach the tagger.
_TAGGABLE = re.compile(r"[^\W_]+\W+[^\W_]+")


def _ascii_digits(text: str) -> str:
    """`text` with every decimal digit of another script ("९८५५", "၀၉ ၅၅၅", "٩٥") written as the
    ASCII digit, one character for one, so that offsets stay the same: the patterns read
    phone numbers, dates and ids in any digits."""
    if text.isascii():
        return text
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and ch.isdecimal() else ch for ch in text
    )


def _check(original: str, tagged: list[TaggedSpan]) -> PhiReport:
    if not original:
        return PhiReport(text=original, findings=())
    text = _ascii_digits(original)
    c = _Collector(text)
    _structured(c)
    _dates(c)
    _add_found(c, phi_intl.dates(text))
    _ages(c)
    _add_found(c, phi_intl.ages(text, lambda pos: c.context(pos)[0] and not c.context(pos)[1]))
    _locations(c)
    _add_found(c, phi_intl.beds(text, lambda pos: c.context(pos)[1]))
    _names(c)
    _gazetteer_places(c)
    if c.digits >= 4:
        _shaped_ids(c)
    _learned(c, tagged)
    _risky(c)
    findings = sorted(c.findings, key=lambda f: (f.start, f.end))
    if text is not original:
        findings = [replace(f, text=original[f.start : f.end]) for f in findings]
    return PhiReport(text=original, findings=tuple(findings))


def _add_found(c: _Collector, found: list[phi_intl.Found]) -> None:
    for start, end, kind, reason in found:
        c.add(start, end, PhiType(kind), reason)


def _learned(c: _Collector, tagged: list[TaggedSpan]) -> None:
    """What the word tagger read as a name, place, date or age where no pattern found
    anything (a pattern's finding, with its type and reason, wins an overlap)."""
    for span in tagged:
        kind = PhiType(span.label)
        value = c.text[span.start : span.end]
        if kind is PhiType.AGE_OVER_89 and any(ch.isdigit() for ch in value):
            continue  # numeric ages are the patterns' (they know temperatures, doses, scores)
        if (
            kind is PhiType.DATE
            and value.isdigit()
            and (
                len(value) > 2
                or c.text[span.end : span.end + 1] == ":"
                or c.text[: span.start].endswith(":")
            )
        ):
            continue  # "issue 10223", the hour of "03:10": a number, not a day
        if kind is PhiType.NAME and value.isupper() and value.isalpha() and len(value) >= 3:
            continue  # "SADAG's crisis line": an acronym is an organisation
        if kind is PhiType.LOCATION:
            whole = re.match(r"[\w'’-]*", c.text[span.start :])
            if whole and whole.group() and _wide(whole.group()):
                continue  # "KwaZulu" of KwaZulu-Natal
        if kind is PhiType.DATE and (
            _RELATIVE_DAY.fullmatch(value) or not _DATE_CORE.search(value)
        ):
            # "last Tuesday", "yesterday", a lone "last": not a date on its own (see the
            # docstring); a date has a number, a month, a holiday or an ordinal day
            continue
        c.add(
            span.start,
            span.end,
            kind,
            f"read as {_TAGGER_WORDS[kind]} in context (word tagger, {span.score:.2f})",
            direct=kind is PhiType.NAME,
        )


_RELATIVE_DAY = re.compile(
    rf"(?i:(?:(?:last|this|next|on|every|that|the)\s+)*(?:{_WEEKDAYS}|{_WEEKDAY_ABBR}|today|"
    r"tonight|yesterday|tomorrow|weekend|morning|afternoon|evening|night)s?)"
)
_DATE_CORE = re.compile(
    rf"\d|\b(?i:{_MONTHS}|{_ORDINAL_WORDS}|christmas|easter|thanksgiving|halloween|diwali|eid|"
    r"hanukkah|ramadan|passover|new year\w*|boxing day|valentine\w*|eve)\b"
)
_TAGGER_WORDS = {
    PhiType.NAME: "a person's name",
    PhiType.LOCATION: "a place",
    PhiType.DATE: "a date",
    PhiType.AGE_OVER_89: "an age over 89",
}
