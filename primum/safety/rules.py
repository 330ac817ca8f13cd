"""Targeted-harassment detectors: what generic classifiers miss, each explained by a span.

Rules run on normalised text (see `normalise`): most on the ``folded`` form (leetspeak,
spacing and repeats undone), the ones that read digits (addresses, phone numbers, times) on
the ``base`` form. A rule may need an *anchor*: a person in the conversation ("you",
"@handle", "Dr. Lee", "she" …) close to the words it matched. That is how "you're an idiot"
differs from "this idea is idiotic", and "everyone report her to the board" from "how do I
report an impaired colleague to the board?".

Each rule gives a score for one label. Scores are calibrated by hand: 0.95 for unambiguous
abuse ("kys", a slur aimed at someone), 0.85–0.9 for clear but wordier cases, 0.6–0.75 for
hints that need support from another signal before anything is collapsed.
"""

from __future__ import annotations

import re

try:  # Python 3.11+
    from re._parser import parse as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover
    from sre_parse import parse as _sre_parse
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from primum.safety.normalise import Form, Normalised, normalise
from primum.safety.types import Label

__all__ = [
    "RULES_VERSION",
    "Hit",
    "anchors",
    "find_hits",
    "group_target",
    "idea_target",
    "third_person",
]

RULES_VERSION = "rules-11"

# --- vocabulary -------------------------------------------------------------------------

_YOU = r"(?:you|u|ya|ye|yall|y'all|you'?re|youre|ur|your|yours|yourself|thee)"
_THIS_SOMEONE = r"this (?:guy|woman|man|lady|girl|doctor|doc|nurse|person|clown|idiot|fraud|quack|account|dude|chick|broad|witch|moron|creep|hack)"
_THIRD = r"(?:she|he|her|him|his|hers|they|them|their|" + _THIS_SOMEONE + ")"
_NAMED = (
    r"(?:@[a-z0-9_]{2,}|\bdr\.? ?[a-z][a-z'\-]+|\bdoctor [a-z][a-z'\-]+|\bnurse [a-z][a-z'\-]+)"
)
_INSULT_NOUN = (
    r"(?:idiot|moron|imbecile|cretin|fool|clown|buffoon|loser|disgrace|hack|quack|charlatan|"
    r"fraud|butcher|scum|scumbag|trash|garbage|piece of (?:shit|crap|garbage|trash|work)|"
    r"pos|bitch|cunt|twat|dick|dickhead|asshole|arsehole|ass|prick|jerk|shill|sellout|"
    r"bootlicker|halfwit|nitwit|dimwit|dunce|numpty|muppet|tosser|wanker|bastard|snake|liar|"
    r"coward|psycho|lunatic|degenerate|parasite|vermin|subhuman|pig|cow|hag|witch|grifter|"
    r"con artist|snake oil salesman|murderer|baby killer|joke|embarrassment|failure|waste of "
    r"(?:space|oxygen|air|a (?:licen[cs]e|degree|white coat))|retard|dumbass|jackass|douche|"
    r"douchebag|creep|freak|simpleton|ignoramus|dolt|twit|nutjob|nutcase|troll|hypocrite|"
    r"sociopath|narcissist|monster|plague|cancer on|stain|clueless hack|shit ?stain|leech|"
    r"bloodsucker|brat|windbag|fossil|vulture|crook|thug|sadist)"
)
_INSULT_ADJ = (
    r"(?:stupid|dumb|idiotic|moronic|brainless|clueless|ignorant|incompetent|useless|worthless|"
    r"pathetic|disgusting|vile|repulsive|despicable|dangerous|deranged|delusional|crazy|insane|"
    r"ugly|fat|lazy|arrogant|smug|corrupt|evil|dense|thick|retarded|braindead|brain dead|"
    r"unhinged|hysterical|mediocre|inept|unqualified|sorry ass|sad|gutless|spineless|lying|"
    r"bought|greedy|sick in the head|twisted|senile|washed up|dumbass|stuck up)"
)
_GROUP = (
    r"(?:women|woman|females?|girls|ladies|men|males|immigrants?|foreigners?|imgs?|migrants?|"
    r"indians?|pakistanis?|chinese|asians?|mexicans?|africans?|nigerians?|filipinos?|arabs?|"
    r"blacks?|black (?:people|doctors|women|men)|whites?|jews?|jewish people|muslims?|"
    r"christians?|hindus?|sikhs?|gays?|lesbians?|homosexuals?|trans(?:gender)? (?:people|women|"
    r"men|folks)|trannies|disabled people|the disabled|cripples?|autistic people|fat people|"
    r"old people|boomers|millennials|nurses|nps|pas|midlevels|residents|foreign grads|"
    r"foreign doctors|brown people|latinos?|hispanics?)"
)
_SLUR = (
    r"(?:n[i1!]gg(?:er|a|ah|uh)s?|f[a@]gg?(?:ot)?s?|dykes?|trann(?:y|ies)|kikes?|spics?|chinks?|"
    r"pakis?|wetbacks?|ragheads?|towelheads?|sand ?n\w+|gooks?|beaners?|coons?|curry ?munchers?|"
    r"ching ?chong|camel ?jockeys?|retards?|mongs?|spazz?|spastics?|cripples?|darkies?|"
    r"jungle bunn(?:y|ies)|zipperheads?|shemales?|heebs?|hymies?|golliwogs?|kaffirs?)"
)
_DEROGATE = (
    r"(?:(?:shouldn'?t|should not)(?! (?:have to|need to|be forced|be made|face|suffer|wait|"
    r"experience|deal with|put up with|be treated|be harassed|be abused|be discriminated|"
    r"be paid less|be penali[sz]ed|be punished|fear|worry))|can'?t|cannot|don'?t belong|"
    r"do not belong|(?:aren'?t|are not)(?! ['‘\"“])(?! (?:the (?:problem|enemy|issue|reason)|to blame|"
    r"responsible|at fault|paid|given|allowed|supported|protected|safe))|"
    r"have no business|never (?:should|will)|are (?:too|all|just|always|only|never|nothing but)|"
    r"belong in|should (?:stay|go|be|get)|are (?:ruining|destroying|invading|taking over|"
    r"infesting|dirty|stupid|lazy|inferior|animals|vermin|subhuman|incompetent|frauds|"
    r"a disease|a plague|a cancer)|ruin(?:ed|ing)? (?:medicine|everything|the profession))"
)


#: A dismissal reported rather than made: "a patient told me to fuck off".
_SAID_TO_ME = (
    r"(?:called me|told me to|said|yelled|told (?:her|him)|patient|quote)\W+(?:\w+\W+){0,2}$"
)


#: The same in the other languages that the rules read: "m'a traité de", "me llamó", "me
#: chamou", "mi ha dato del", "hat mich … genannt", "tinawag akong", "mujhe … bola".
_SAID_TO_ME_INTL = (
    r"(?:called me|told me(?: to)?|said|patient said|m'a (?:traitee?|appelee?|dit|ecrit)(?: de| d')?|"
    r"nous a dit|me (?:llamo|dijo|grito|escribio)|me chamou(?: de)?|me disse|mi ha (?:dato del|"
    r"chiamato|detto)|hat (?:mich|mir|uns)|noemde mij|nazwal mnie|tinawag akong|bola|kaha)"
    r"\W+(?:\w+\W+){0,3}$"
)


@dataclass(frozen=True, slots=True)
class _Rule:
    label: Label
    score: float
    pattern: str
    reason: str
    base_form: bool = False  # run on the base form (digits intact) instead of the folded one
    anchor: bool = False  # needs a person anchor near the match
    guard: str | None = None  # a pattern that, in the 40 characters before, cancels the match


def _r(label: Label, score: float, pattern: str, reason: str, **kw: object) -> _Rule:
    return _Rule(label, score, pattern, reason, **kw)  # type: ignore[arg-type]


_L = Label
# Words that turn "kill yourself" into help, not encouragement.
_SELF_HARM_GUARD = (
    r"(?:if|thoughts? (?:of|about)|think(?:ing)? (?:of|about)|urges? (?:to)?|feel(?:ing)? like|"
    r"(?<!why )don'?t|do not|never|want(?:ing|ed)? to|tempted to|prevent\w*|risk of|ways? to|ask(?:ed|ing)?"
    r"(?: (?:if|whether|about))?|screen\w*|plan(?:ning|s)? to|tried to|attempt\w* to|"
    r"considering|about to|scared|worried|afraid|help|not|talk(?:ing|ed)? about)\W+(?:\w+\W+){0,3}$"
)

#: A machine, program or thing addressed right before "you" ("Cerner you piece of shit", "stupid
#: printer, you absolute muppet"): swearing at it is not an insult to a person.
_THING_BEFORE_YOU = re.compile(
    r"\b(?:epic|cerner|meditech|allscripts|athena(?:health)?|emis|systm ?one|rio|lorenzo|ehr|emr|"
    r"epr|printer|printers|pager|bleep|bleeper|computer|laptop|pc|windows|teams|zoom|citrix|"
    r"outlook|excel|wifi|wi-fi|server|system|software|app|machine|pump|scanner|fax|phone|car|"
    r"traffic|weather|rain|snow|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"covid|virus|cancer|sepsis|alarm|doorbell|kettle|coffee machine|vending machine|"
    r"autocorrect|keyboard|mouse|website|portal|rota|spreadsheet|update|nights|night shifts?|"
    r"shifts?|on[- ]?calls?|mondays|weekends|winter|summer|paperwork|audits?|exams?|"
    r"bus|train|tube|parking|wards? round)(?:\s+(?:can|should|may|will|just))?\W{0,3}$"
)

#: A thing named right after the insult ("you absolute piece of shit software", "screw you,
#: winter", "you piece of garbage website").
_THINGS = (
    r"(?:software|website|site|portal|system|machine|printer|pager|computer|"
    r"laptop|app|pump|device|server|program|fax|phone|bus|train|winter|weather|rain|snow|"
    r"monday|traffic|rota|ehr|emr|epic|cerner|wifi|wi-fi|kettle|alarm|scanner|excel|spreadsheet|"
    r"planning|dienstplan|outlook|teams|zoom|citrix)\b"
)
_THING_AFTER = re.compile(r"\W{0,3}(?:\w+\W+)?" + _THINGS)
#: The same things right after the words, with at most a comma or a determiner between
#: ("vaffanculo Excel", "fuck off, printer"); not "what an idiot, the rota shows…".
_THING_RIGHT_AFTER = re.compile(r"[,!:]?\s+(?:this |that |stupid |bloody |fucking )?" + _THINGS)
#: A competition or a celebration anywhere in the text: "I will end you at badminton",
#: "watch your back, I'm coming for the top spot on the leaderboard", "I'll be waiting outside
#: the exam hall. with balloons": banter, not a threat.
_PLAYFUL = re.compile(
    r"\b(?:quiz|trivia|badminton|squash|tennis|padel|pickleball|netball|cricket|darts|chess|"
    r"wordle|leaderboard|step[- ]?count|bake[- ]?off|karaoke|mario ?kart|fantasy (?:league|"
    r"football)|sweepstake|balloons|cake|cupcakes|brownies|biscuits|doughnuts|donuts|pizza|"
    r"chocolates|leaving do|rota swap|"
    r"top spot|personal best|(?:personal|world|club|course|step|parkrun|attendance|"
    r"deliveries|delivery|quiz) record|parkrun|rematch|strava|marathon|[15]0?k run|"
    r"beat me at|five[- ]a[- ]side|football|golf|rounders|sports day)\b"
)
#: Praise that borrows an insult noun: "you're a monster in theatre", "a beast at the gym".
_PRAISE_AFTER = re.compile(r"\s+(?:in|at|on) (?:the |a )?\w+")
_PRAISE_NOUNS = ("monster", "beast", "machine", "animal", "savage", "legend")
#: "you're insane (complimentary), 40 lap choles in a week": an adjective that praises when the
#: text says so.
_PRAISE_ADJECTIVES = (
    "insane",
    "crazy",
    "nuts",
    "mad",
    "unhinged",
    "deranged",
    "ridiculous",
    "sick",
)
_PRAISE_MARK = re.compile(
    r"\b(?:complimentary|compliment|in the best (?:way|sense|possible way)|meant? (?:that|it|this) "
    r"(?:as|in)|respect|legend|goat|hero|congrats|congratulations|well done|amazing|incredible|"
    r"impressive|proud|how do you do it|teach me|zero conversions|🔥|👏|🙌)"
)


#: A wish of harm negated or reported: "no patient should be left to starve", "don't jump".
_NOT_WISHED = (
    r"\b(?:no one|nobody|noone|not|never|nor|don'?t|do not|shouldn'?t|should not|no patient|"
    r"no child|no nurse|no doctor)\W+(?:\w+\W+){0,4}$|" + _SAID_TO_ME
)

_NO_SPACES = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")


def _phrases(*phrases: str) -> str:
    """An alternation of whole phrases, written as people write them in any script, in the
    engine's folded form (the form the rules read: homoglyphs such as Cyrillic "е" become
    Latin letters there, accents are dropped). Scripts written without spaces (Chinese,
    Japanese, Korean, Thai) match anywhere; the others only as whole words."""
    out = []
    for phrase in phrases:
        folded = re.escape(normalise(phrase).folded.text)
        # "死ねない" (cannot die) is not "死ね" (die!)
        out.append(folded + "(?!な)" if _NO_SPACES.search(phrase) else rf"(?<!\w){folded}(?!\w)")
    return "(?:" + "|".join(out) + ")"


_RULES: tuple[_Rule, ...] = (
    # ---- threats -------------------------------------------------------------------------
    _r(
        _L.THREAT,
        0.97,
        r"\b(?:i|we|i'?ll|we'?ll|someone|somebody|people|they|gonna|going to)\b[^.!?\n]{0,25}\b(?:kill|murder|shoot|stab|strangle|choke|rape|hang|lynch|burn|beat|hurt|break|cut|gut|slit|bash|smash|skin|bury|end)\b\W+(?:"
        + _YOU
        + r"|her|him|them|your \w+)\b",
        "a threat of violence",
    ),
    _r(
        _L.THREAT,
        0.95,
        r"\b(?:"
        + _YOU
        + r"|she|he)(?:'?re| are| is|'?s|'?ll| will)? (?:(?:gonna|going to|about to) )?(?:be )?(?:dead(?! (?:wrong|right|on|serious|tired|set|last|certain|sure|ringer|end|giveaway|weight|heat|center|centre|space|zone|air|calm|quiet|easy|simple|honest|boring|funny|accurate|to me))|die|get (?:what'?s|whats) coming|regret (?:this|it|that|posting|saying)|pay for (?:this|that|it))\b",
        "says harm is coming to the person",
    ),
    _r(
        _L.THREAT,
        0.95,
        r"\b(?:i know|we know|found out|i found|we found|i'?ve got|we have)\b[^.!?\n]{0,20}\b(?:where|which|what|when)\b[^.!?\n]{0,30}\b(?:live|lives|work|works|park|parks|sleep|sleeps|shift|hospital|clinic|office|home|house|kids|children|school|car|drive|leave|leaves|finish|finishes|get off|go|goes|study|studies|play|plays|train|trains|swim|swims)\b",
        "says they know where or when to find the person",
    ),
    _r(
        _L.THREAT,
        0.9,
        r"\b(?:watch|mind|cover) (?:your|ur|yer) (?:back|step|mouth|kids|family)\b|\bwatch yourself\b|\bsleep with one eye open\b|\blook over (?:your|ur) shoulder\b|\byour days are numbered\b|\bcount (?:your|ur) days\b|\byou(?:'?ve| have) been warned\b|\blast warning\b|\bthis is (?:your|a) (?:final |last )?warning\b",
        "a veiled threat",
    ),
    _r(
        _L.THREAT,
        0.9,
        r"\b(?:(?:would|will|'?d) be (?:a (?:real |great |terrible )?(?:shame|pity)|(?:very |most |rather |really )?(?:unfortunate|sad|tragic)) if|shame if something|something (?:bad |terrible |unfortunate )?(?:will|could|might|would|is going to|gonna) happen|accidents happen|see what happens|what happens (?:to|when|next)|things happen to)\b",
        "a veiled threat",
        anchor=True,
        guard=r"\b(?:it'?s|it is|this is|that'?s|that is|here'?s|here is|is|was|shows?|showing|explains?|predicts?|understand|study|studies)\W+$",
    ),
    _r(
        _L.THREAT,
        0.88,
        r"\b(?:be careful|careful|stay safe|hope you(?:'re| are)? (?:safe|careful))\b[^.!?\n]{0,30}\b(?:walking|walk|drive|driving|going|leaving|parking|car park|parking (?:lot|garage)|to your car|home|at night|after (?:your|ur) shift|tonight|out there)\b",
        "a veiled threat about the person's movements",
        anchor=True,
    ),
    _r(
        _L.THREAT,
        0.92,
        r"\b(?:coming|come) (?:for(?! (?:a |an )?(?:brew|coffee|cuppa|drink|pint|tea|lunch|dinner|bite|chat|visit|walk|run|swim|meal))|after|to (?:your|ur|her|his) (?:house|home|clinic|hospital|office|work|door|place))\b|\bpay (?:you|her|him) a (?:little )?visit\b|\bvisit (?:you|her|him) at (?:home|work)\b|\b(?:see|meet|waiting for|wait for) (?:you|her|him)\b[^.!?\n]{0,25}\b(?:parking|car park|garage|outside|after (?:your|ur|her|his) shift|in person|at (?:home|work))\b",
        "says they will come to the person",
        guard=r"(?:happy|glad|great|nice|good|lovely|wonderful|can'?t wait|looking forward|excited|pleasure) to\W*$",
    ),
    _r(
        _L.THREAT,
        0.93,
        r"\b(?:should|ought to|deserves? to|needs? to) (?:be )?(?:shot|hanged|hung|lynched|killed|executed|beaten|raped|burned|put down|strung up|locked up and beaten|dragged|curb ?stomped)\b|\bbullet (?:in|through|between)\b|\bput (?:you|her|him) (?:down|in the ground|in a box)\b|\bsix feet under\b|\bin a body bag\b|\bline (?:them|you|her|him) up\b",
        "calls for violence against the person",
        anchor=True,
    ),
    _r(
        _L.THREAT,
        0.9,
        r"\b(?:i )?hope (?:you|she|he|they|your \w+)\b[^.!?\n]{0,20}(?<!never )(?<!n't )(?<!nt )(?<!not )\b(?:(?:die|dies)(?! (?:peacefully|comfortably|at home|with dignity|surrounded|in (?:his|her|their) sleep|without pain))|get (?:raped|shot|stabbed|killed|hurt|cancer|hit)|gets (?:raped|shot|stabbed|killed|hurt|cancer|hit)|burn|burns|suffer|suffers|rot|rots|choke|chokes|drop dead|get what)\b",
        "wishes harm on the person",
    ),
    _r(
        _L.THREAT,
        0.88,
        r"\b(?:your|ur|her|his) (?:kids?|children|son|daughter|family|wife|husband|partner|mum|mom|mother|dad|father|parents|baby)\b[^.!?\n]{0,40}\b(?:safe|careful|happen|hurt|sorry|pay|regret|shame|walk home|alone|unprotected|find out|watch)\b",
        "mentions the person's family with a threat",
        guard=r"(?:keep|protect|vaccinate|help|teach|tell|ask|remind|make sure|ensure|sure)\W+(?:\w+\W+){0,2}$",
    ),
    _r(
        _L.THREAT,
        0.85,
        r"\b(?:know|knows|found|find out|tracking|track down|tracked down|followed|following) (?:where|which|what) (?:you|she|he|your|her|his)\b",
        "says they are tracking the person",
    ),
    _r(
        _L.THREAT,
        0.9,
        r"\b(?:rot|burn) in hell\b|\bgo to hell\b|\bdrop dead\b",
        "wishes the person dead or damned",
    ),
    # ---- doxxing (base form: digits intact) ----------------------------------------------
    _r(
        _L.DOXXING,
        0.9,
        r"\b\d{1,5}\s+(?!(?:days?|weeks?|months?|years?|yrs?|hours?|hrs?|mins?|minutes?|times|nights?|shifts?|patients?|beds?|people|in|of|per|a|the|on)\b)(?:[a-z0-9'.\-]+\s+){1,4}(?:street|st|avenue|ave|road|rd|lane|ln|drive|dr|court|ct|boulevard|blvd|way|place|pl|terrace|crescent|close|circle|cir|parkway|pkwy|highway|hwy|trail|square|sq|grove|gardens|mews|row)\b\.?(?:,?\s*(?:apt|apartment|unit|flat|suite|#)\s*\w+)?",
        "a street address",
        base_form=True,
        anchor=True,
    ),
    _r(
        _L.DOXXING,
        0.88,
        r"(?<!\d)(?:\+?1[\s.\-]?)?\(?\d{3}\)?[\s.\-]?\d{3}[\s.\-]?\d{4}(?!\d)|(?<!\d)(?:\+44\s?7\d{3}|07\d{3})\s?\d{3}\s?\d{3}(?!\d)",
        "a phone number",
        base_form=True,
        anchor=True,
    ),
    _r(
        _L.DOXXING,
        0.85,
        r"\b[a-z0-9._%+\-]+@[a-z0-9.\-]+\.[a-z]{2,}\b",
        "an e-mail address",
        base_form=True,
        anchor=True,
    ),
    _r(
        _L.DOXXING,
        0.9,
        r"\b(?:(?:she|he|they|the (?:doctor|doc|nurse))|dr\.? ?[a-z'\-]+|"
        + _NAMED
        + r")\b[^.!?\n]{0,20}\b(?:lives|lived|resides|stays|sleeps) (?:at|on|in|near|by|off)\b",
        "says where the person lives",
    ),
    _r(
        _L.DOXXING,
        0.9,
        r"(?:\b(?:(?:her|his|their|your|ur|the doctor'?s|dr\.? ?[a-z'\-]+'?s?) (?:home|house|personal|private|real|cell|mobile|home phone|personal phone|personal email|private email|new|apartment|flat) (?:address|number|phone|cell|email|e-mail|mobile|is at)|(?<!my )(?<!our )(?:home|house) address)\b)"
        r"(?=\s*(?:is|was|:|=|-|at|on|in|\(|\d)|[^.!?\n]{0,40}\d)"
        r"|\b(?:i|we|i'?ve|we'?ve|i'?ll|we'?ll|just|gonna|got|found|here'?s|posting|dropping|leaking|sharing)\b[^.!?\n]{0,20}\b(?:(?:her|his|their|your|ur) (?:home|house|personal|private|real|cell|mobile) (?:address|number|phone|cell|email|e-mail|mobile))\b"
        r"|\b(?:want|wants|have|got|found|know|knows|posting|post|share|sharing|leak|leaking|dm me for)\b[^.!?\n]{0,25}\b(?:home|house) address (?:of|for)\b"
        r"|\bthe (?:home|house) address (?:of|for)\b[^.!?\n]{0,60}\b(?:is|was) (?:on|in|at|here|below|above)\b",
        "shares the person's private contact details",
    ),
    _r(
        _L.DOXXING,
        0.9,
        r"\b(?:here'?s|heres|this is|found|got|posting|sharing|dropping|leaked|leaking) (?:her|his|their|the doctor'?s|the nurse'?s|dr\.? ?[a-z'\-]+'?s?) (?:\w+ ){0,2}(?:address|number|phone|cell|email|e-mail|location|plate|licen[cs]e plate|car|schedule|shift|rota|kids'? school|daughter'?s school|son'?s school)\b",
        "publishes the person's private details",
    ),
    _r(
        _L.DOXXING,
        0.88,
        r"\b(?:her|his|your|ur|their) (?:kids?|children|son|daughter|boy|girl|twins)\b[^.!?\n]{0,25}\b(?:go(?:es)? to|attend|attends|at|in) [^.!?\n]{0,40}\b(?:school|elementary|primary|academy|daycare|day care|nursery|kindergarten|preschool|high|middle school|prep)\b",
        "names the school of the person's children",
    ),
    _r(
        _L.DOXXING,
        0.85,
        r"\b(?:she|he|they|dr\.? ?[a-z'\-]+)\b[^.!?\n]{0,30}\b(?:drives|parks|leaves|gets off|finishes|walks|jogs|runs|works nights|works (?:mondays|tuesdays|wednesdays|thursdays|fridays|weekends)|is on call)\b[^.!?\n]{0,40}\b(?:at \d|every|on (?:mon|tue|wed|thu|fri|sat|sun)|around \d|\d ?(?:am|pm)|\d{1,2}:\d{2}|nights|weekends|level \d|lot [a-z0-9]|garage|bay \d|silver|black|white|red|blue|grey|gray)\b",
        "reveals the person's schedule, car or movements",
        base_form=True,
    ),
    _r(
        _L.DOXXING,
        0.85,
        r"\b(?:licen[cs]e plate|number plate|plate number|plates? (?:is|are|reads?))\b|\b(?:drives|driving) an? (?:\w+ ){0,2}(?:tesla|honda|toyota|bmw|audi|mercedes|prius|civic|corolla|jeep|ford|volvo|subaru|kia|hyundai|mazda|lexus|volkswagen|vw|range rover)\b",
        "identifies the person's car",
        anchor=True,
    ),
    _r(
        _L.DOXXING,
        0.8,
        r"\b(?:when|what time) (?:your|ur|her|his) shift (?:ends|starts|finishes)\b|\b(?:your|ur|her|his) (?:shift|rota|schedule|call schedule) (?:ends|starts|is|finishes)\b",
        "points at the person's shift times",
    ),
    # ---- credential attacks --------------------------------------------------------------
    _r(
        _L.CREDENTIAL_ATTACK,
        0.9,
        r"\b(?:are|r|is) (?:you|u|she|he|they)\b[^.!?\n]{0,15}\b(?:even|really|actually|sure you'?re|truly)\b[^.!?\n]{0,10}\b(?:a |an )?(?:real |actual |licensed |qualified |practicing |practising )?(?:doctor|doc|physician|md|nurse|surgeon|pharmacist|psychiatrist|oncologist|pediatrician|paediatrician|cardiologist|medic|clinician|scientist|researcher|np|pa|rn|do)\b",
        "questions that the person is a real clinician",
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.9,
        r"\b(?:fake|phony|phoney|fraudulent|pretend|so[- ]called|self[- ]proclaimed|wannabe|bogus|alleged|supposed|glorified|failed|discount|wish\.com|budget|quack) (?:doctor|doc|physician|md|nurse|surgeon|pharmacist|credentials|degree|diploma|licen[cs]e|expert|scientist|medic|specialist|np|rn|oncologist|psychiatrist)\b|\bnot (?:a|an) (?:real|actual|proper) (?:doctor|doc|physician|nurse|surgeon|md|expert|scientist|paramedic|midwife|pharmacist|dentist|psychiatrist|psychologist|gp|consultant|anaesthetist|anesthetist|radiologist|therapist|medic|clinician|specialist|vet|optometrist|physio|physiotherapist)\b|\b(?:doctor|dr|nurse|md|expert|physician|surgeon) in (?:scare )?quotes\b|[\"“'‘](?:doctor|dr|expert|nurse|physician)[\"”'’]",
        "calls the person a fake clinician",
        anchor=True,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.88,
        r"\b(?:diploma|degree|licen[cs]e) mill\b|\b(?:bought|buy|purchased|got) (?:your|ur|her|his|their) (?:degree|diploma|licen[cs]e|md|credentials|board certification)\b|\b(?:cracker ?jack|cereal) box\b|\bcaribbean (?:degree|med school|diploma)\b|\bonline degree\b|\b(?:how|who)\b[^.!?\n]{0,20}\b(?:did|do|does) (?:you|u|she|he)\b[^.!?\n]{0,10}\b(?:pass|graduate|get through|get into|make it through|get (?:your|a|her|his) licen[cs]e)\b|\bwho (?:gave|let|allowed) (?:you|u|her|him)\b[^.!?\n]{0,25}\b(?:licen[cs]e|degree|practi[cs]e|near patients|a scalpel)\b|\bwhere did (?:you|u|she|he) (?:get|buy|find) (?:your|ur|her|his|that|a) (?:degree|licen[cs]e|md|diploma|credentials)\b",
        "attacks the person's qualifications",
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.9,
        r"\b(?:report|reported|reporting(?![^.!?\n]{0,80}\b(?:was|has been|felt)\b)|file (?:a )?complaints?|complain|write|writing|call|calling|contact|contacting|email|emailing|alert|notify|tell|flag)\b[^.!?\n]{0,25}\b(?:to|with)? ?(?:the |his |her |your |their )?(?:state |medical |nursing |pharmacy |licensing |licensure )*(?:board|gmc|ahpra|cpso|nmc|gphc|hcpc|college of physicians|medical council|licensing authority|regulator|fsmb|ama|jcaho|joint commission)\b",
        "calls for reporting the person to a regulator",
        anchor=True,
        guard=r"(?:how (?:do|can|should|would) (?:i|we|you|one)|when (?:should|to)|should (?:i|we)|process (?:for|of)|obligation to|duty to|required to|mandated to|have to|had to|must|policy|guidance|template|learn(?:ed|ing)? (?:how )?to)\W+(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.88,
        r"\b(?:lose|lost|losing|revoke|revoked|strip|stripped|pull|pulled|yank|take away|suspend|suspended|deserve to lose|should lose|needs? to lose) (?:of )?(?:your|ur|her|his|their|the) (?:licen[cs]e|licen[cs]es|credentials|board certification|privileges|registration|job|career|white coat|degree|md)\b|\b(?:should|ought to|needs? to|deserves? to) be (?:struck off|delicensed|de-?registered|disbarred|stripped|barred from practi[cs]e|fired|sacked|removed from (?:practice|the register))\b|\bshouldn'?t (?:be allowed to )?(?:practi[cs]e|have a licen[cs]e|be (?:a doctor|a nurse|near patients|allowed near patients|treating|in medicine|licensed))\b|\bshould not (?:be allowed to )?(?:practi[cs]e|have a licen[cs]e|be (?:a doctor|near patients|licensed))\b|\bno business (?:practi[cs]ing|being a|treating|in medicine)\b",
        "calls for the person to lose their licence or job",
        anchor=True,
        guard=r"(?:process|when|if|whether|how often|why|studies show|data on|risk (?:of|that)|can|could|may|might)\W+(?:\w+\W+){0,3}$|(?:don'?t|doesn'?t|won'?t|didn'?t|not|never)\W+$",
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.85,
        r"\b(?:disgrace|embarrassment|shame|stain|cancer) (?:to|on|of|upon) (?:the )?(?:medicine|medical profession|profession|(?:your|the) specialty|nursing|white coat|scrubs|hippocratic oath|field)\b|\b(?:dei|diversity|affirmative action|quota|token) (?:hire|admit|admission|doctor|resident|surgeon|pick|candidate)\b|\bnurse (?:pretending|playing|larping) (?:to be )?(?:a )?doctor\b|\b(?:pretending|pretend|playing|larping) (?:to be )?(?:a )?doctor\b|\bmidlevel (?:playing|pretending)\b",
        "attacks the person's standing as a clinician",
        anchor=True,
    ),
    # ---- mobilisation --------------------------------------------------------------------
    _r(
        _L.MOBILISATION,
        0.92,
        r"\b(?:everyone|everybody|all of you|y'?all|yall|guys|folks|people|twitter|fam|friends|followers|let'?s(?: all)?|lets(?: all)?|we (?:all )?(?:need|should|must|have) to|go|please)\b[^.!?\n]{0,20}\b(?:report|mass[- ]report|reply to|flood|spam|tag|call|ring|phone|email|e-mail|mail|write to|dm|message|ratio|bombard|swarm|raid|dogpile|pile on|go after|go get|come get|get after|hound|expose|dox|doxx|review[- ]bomb|one[- ]star|leave (?:a |bad |1[- ]star )?reviews?)\b[^.!?\n]{0,30}\b(?:her|him|them|this|that|the (?:doctor|doc|nurse|clown|fraud|quack|account|woman|man|guy|hospital|clinic)|"
        + _NAMED
        + r"|his|their)\b(?! (?:dm|dms|message|messages|comment|comments|reply|replies|post|threat|threats|abuse|account to (?:the )?(?:police|platform)))",
        "calls on others to go after the person",
        guard=r"(?:how (?:do|can|should) (?:i|we)|please don'?t|do not|don'?t)\W+(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.MOBILISATION,
        0.93,
        r"\bmass[- ]?report(?:ing)?\b(?![- ](?:campaigns?|tactics?|is|are|was|were|happens|abuse))|\breport (?:this|her|his|the|their) (?:account|profile|page|post)s?\b[^.!?\n]{0,20}\b(?:everyone|all|everybody|until|so|now|asap|!)|\bflood (?:his|her|their|the) (?:inbox|mentions|dms|email|e-mail|phone|voicemail|replies|clinic|office|reviews|practice)\b|\b(?:review[- ]?bomb|ratio) (?:her|him|them|this|that)\b|\b1[- ]?star (?:reviews?|ratings?) (?:for|on) (?:her|his|their)\b",
        "organises mass reporting or flooding",
    ),
    _r(
        _L.MOBILISATION,
        0.92,
        r"\b(?:let'?s|lets|we need to|we should|we must|help me|time to|gonna|going to|we will|we'?ll|i will|i'?ll)\b[^.!?\n]{0,15}\b(?:get (?:her|him|them|this \w+) (?:fired|sacked|struck off|delicensed|deplatformed|cancelled|canceled|banned|suspended)|end (?:her|his|their) career|ruin (?:her|his|their|your) (?:career|life|practice|reputation)|make (?:her|him|them|you) (?:famous|regret|pay|go viral)|destroy (?:her|his|their|your) (?:career|life|practice|reputation)|take (?:her|him|them|you) down)\b",
        "organises action against the person's livelihood",
    ),
    _r(
        _L.MOBILISATION,
        0.9,
        r"\b(?:call|email|e-mail|write to|contact|tag|dm|ring|tweet at|message|cc)\b[^.!?\n]{0,10}\b(?:her|his|their|the doctor'?s|dr\.? ?[a-z'\-]+'?s?) (?:employer|hospital|chair|boss|dean|department|department head|program director|programme director|residency program|hr|manager|ceo|practice manager|clinic|supervisor|medical director|chief)\b|\bhere'?s (?:the |her |his )?(?:email|number|phone|contact|address) (?:of|for) (?:her|his|their) (?:employer|hospital|chair|boss|dean|department|program director|hr|manager|ceo)\b",
        "sends others to the person's employer",
    ),
    _r(
        _L.MOBILISATION,
        0.85,
        r"\b(?:rt|retweet|repost|boost|share|spread) (?:this|it|so|to|until|if)\b[^.!?\n]{0,40}\b(?:everyone|fired|exposed|knows|sees|board|hospital|employer|famous|viral|pays|regrets)\b|\bdon'?t let (?:her|him|them) get away\b|\bmake (?:this|her|him) go viral\b|\bnever let (?:her|him) forget\b",
        "asks others to amplify an attack",
        anchor=True,
    ),
    # ---- sexual harassment ---------------------------------------------------------------
    _r(
        _L.SEXUAL_HARASSMENT,
        0.93,
        r"\b(?:send|show|post|dm|share)(?: me| us)? (?:some |a |more |your |ur )?(?:nudes|nude|naked|pics|pix|photos|photo|pic|selfies?|feet pics|boobs|tits|ass|body)\b|\bnudes\b",
        "asks the person for intimate pictures",
        anchor=True,
        guard=r"(?:patient|derm|wound|rash|lesion|x-?ray|scan|mri|image|ct|ecg|ekg|chart|slide|histology|of the)\W+(?:\w+\W+){0,2}$",
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.9,
        r"\b(?:you'?d|you would|u'?d|you could|you'?ll|she'?d|she would) (?:look|be) (?:so |much |a lot |way )?(?:better|good|great|hot|hotter|sexy|sexier|prettier|cuter|nicer|fine)\b[^.!?\n]{0,30}\b(?:smil\w*|scrubs|uniform|dress|skirt|heels|lipstick|makeup|hair down|without|in|naked|bed|with|on your knees|if you)\b|\b(?:you should|try to|you need to|why don'?t you|would it kill you to) smile\b|\bsmile more\b|\b(?:give us|give me|show us) a smile\b",
        "comments on the person's looks",
        anchor=True,
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.85,
        r"\b(?:are|r) (?:you|u) (?:single|married|taken|seeing anyone|available|free (?:tonight|later|this weekend))\b|\b(?<!'d )(?<!would )(?:date|marry) me\b(?! again)|\b(?:go|come) out with me\b|\btake (?:you|u) out\b|\bcan i (?:have|get) (?:your|ur) (?:number|digits|snap|insta)\b|\b(?:what|wat) (?:are|r) (?:you|u) wearing\b|\bthinking (?:about|of) (?:you|u)\b[^.!?\n]{0,20}\b(?:night|bed|alone|shower|naked|scrubs)\b|\b(?:single|lonely) (?:doctors?|nurses?|docs?) in (?:your|my) area\b",
        "unwanted romantic or sexual advances",
        guard=r"(?:patient|patients|ask(?:ed)? (?:the )?(?:patient|them|her|him)|screen(?:ing)?|history|intake|form)\W+(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.92,
        r"\b(?:sexy|hot|hottest|cute|fine|pretty|beautiful|gorgeous|thicc|thick|fit|naughty|kinky) (?:little )?(?:doctor|doc|nurse|surgeon|resident|intern|lady|thing|mama|babe|girl|medic|physician)\b|\b(?:nice|great|hot|sexy|perfect|big|tight|juicy) (?:legs|ass|arse|butt|body|tits|boobs|rack|curves|lips|figure|booty|chest|thighs)\b|\b(?:your|ur|her) (?:ass|arse|butt|tits|boobs|rack|booty|curves|thighs|lips|cleavage)\b|\bin (?:those|your|ur|them|that) (?:tight |little )?(?:scrubs|uniform|skirt|heels)\b",
        "sexualised comments on the person's body",
        anchor=True,
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.92,
        r"\b(?:examine|check|inspect|touch|feel|treat) me (?:any ?time|anytime|all night|naked|down there|doc|doctor|nurse|babe|baby|honey|sweetheart|;\)|😉)|\bplay(?:ing)? doctor\b|\b(?:full[- ]body|personal|private|special) (?:exam|examination|checkup|check[- ]up|physical|treatment)\b[^.!?\n]{0,20}(?:😉|;\)|wink|babe|honey|sweetheart|sexy|ifykyk)|\bsit on (?:my face|me)\b|\bride (?:me|my (?:face|dick|cock))\b|\bsuck (?:my|it|on)\b|\b(?:blow ?job|bj|handjob|hand job|horny|turned on|turn(?:s|ing)? me on|hard for you|wet for you|in my bed|in bed with|bend (?:you|her) over|on your knees)\b",
        "sexual proposition",
        guard=r"(?:patient (?:said|asked|told|wrote|kept saying)|was told|told me|asked me|said to me|quote|quoted|called me)\W*(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.88,
        r"\b(?:hey|hi|hello|ok|okay|sure|thanks|listen|relax|calm down|easy)?\W*(?:sweetheart|sweetie|sweet ?cheeks|honey ?bun|babe|baby ?girl|darling|doll|dollface|cupcake|princess|hun|little lady|missy|toots)\b",
        "demeaning pet names for the person",
        anchor=True,
        guard=r"\b(?:called|calls?|calling|been called|referred to as|names? like|words? like|such as|addressed as)(?:\W+\w+){0,2}\W*$",
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.9,
        r"\b(?:i'?d|i would|i want to|i wanna|gonna|i'?ll|someone should|somebody should|should be|deserves? to be|hope (?:you|she) (?:get|gets))\b[^.!?\n]{0,10}\b(?:rape|raped|grope|groped|molest|molested|fuck|bang|screw|hit that|tap that|smash)\b",
        "sexual violence or crude sexual intent",
        anchor=True,
    ),
    # ---- identity attacks ----------------------------------------------------------------
    _r(
        _L.IDENTITY_ATTACK,
        0.95,
        r"\b" + _SLUR + r"\b",
        "a slur",
        guard=r"(?:called (?:me|her|him|us|them)(?: a)?|the word|slurs? like|using|use the|said|yelled|shouted|screamed|wrote|term)\W+(?:\w+\W+){0,2}$"
        # ordinary words in other languages: "en retard" (late, French), "daktari wa kike"
        # (female, Swahili)
        r"|\b(?:en|un|de|du|sans|avec|d'|le|plus|moins|trop|peu|pris|prendre|prend) ?$|\b(?:wa|ya|za|la|cha|vya|kwa|mwa|pa|ma|wanawake wa) $",
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.9,
        r"\b" + _GROUP + r"\b[^.!?\n]{0,25}\b" + _DEROGATE + r"\b",
        "derogates a group of people",
        guard=r"(?:why|claim(?:s|ed)? that|myth that|idea that|belief that|assume that|say that|said that|told that|told me that|hear that|heard that|not true that|false that|stereotype that|the notion that|lie that|patients? (?:say|said|think|thinks) that|nobody|no one|people who (?:think|say))\W+(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.92,
        r"\bgo back to (?:your|ur|her|his|their|where|the)\b[^.!?\n]{0,20}\b(?:country|village|shithole|hut|jungle|bush|caves?|trees|slums?|desert|home|came from|from|island|reservation|africa|india|china|mexico|pakistan)\b|\b(?:learn|speak|learn to speak) (?:proper |real |fucking )?english\b|\bcan'?t (?:even )?speak english\b|\b(?:you|u) people\b|\b(?:your|ur) kind\b(?! (?:words?|message|note|comments?|wishes|support|reply|feedback|thoughts|offer|gesture|help|email|letter|card|gift|remarks?))|\b(?:women|girls|females|ladies) (?:belong|should stay|should be) in the kitchen\b|\bmake me a sandwich\b|\bback to the kitchen\b|\bbecause (?:you'?re|she'?s|you are|she is|he'?s|he is) (?:a |an )?(?:woman|girl|female|black|brown|asian|indian|muslim|jew|jewish|gay|trans|immigrant|foreigner|img|disabled|cripple)\b[^.!?\n]{0,25}\b(?:hired|admitted|promoted|got|passed|only|dei|quota|diversity)\b|\bon (?:your|her) period\b|\btime of the month\b|\bhysterical (?:woman|female|girl|lady)\b",
        "attacks the person for who they are",
        guard=r"(?:patients? (?:say|said|told|tell|yelled|asked)|was told|told me|called me|asked me|said to me|heard)\W+(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.85,
        r"\b(?:subhuman|untermensch|animals|savages|vermin|cockroaches|rats|parasites|invaders|barbarians|apes|monkeys|inbreds?|mongrels?)\b",
        "dehumanising language",
        anchor=True,
        guard=r"(?:lab|study|studies|model|models|in|of|bitten by|infested with|mice and|rodent|research)\W+(?:\w+\W+){0,2}$",
    ),
    # ---- self-harm encouragement ---------------------------------------------------------
    _r(
        _L.SELF_HARM,
        0.97,
        r"\b(?:kys|k y s|kill (?:your ?self|urself|ur ?self|yoself|yourselves|herself|himself)|hang (?:your ?self|urself|yourselves|herself|himself)|shoot (?:your ?self|urself)|off (?:your ?self|urself)|unalive (?:your ?self|urself)|neck (?:your ?self|urself)|rope (?:your ?self|urself))\b",
        "tells the person to kill themselves",
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.SELF_HARM,
        0.93,
        r"\b(?:do|doing) (?:us|everyone|the world|humanity|the profession|medicine|your patients|society|yourself) (?:all )?a (?:favou?r|service)\b[^.!?\n]{0,25}\b(?:die|disappear|end it|quit|kill|jump|overdose|od|drink|hang|leave|stop breathing|go away|vanish|off)\b|\b(?:no ?one|nobody|noone|not a (?:single )?(?:soul|person))\b[^.!?\n]{0,10}\b(?:would|will|'?d|is going to|gonna)\b[^.!?\n]{0,6}\b(?:miss|care about|notice|mourn|cry for)\b (?:you|u|her|him)\b|\b(?:world|profession|medicine|everyone|we)(?:'?d| would| will) be (?:a )?better (?:place )?(?:off )?without (?:you|u|her|him|people like you)\b",
        "encourages the person to end their life",
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.SELF_HARM,
        0.9,
        r"\b(?:you|u|she|he|ya) (?:should|oughta|ought to|need to|needs to|might as well|better|could just|can just|may as well) (?:just |go |really |seriously )*(?:die|end it(?: all)?|end (?:your|ur|her|his) life|jump(?: off)?|overdose|od|drink bleach|disappear forever|stop breathing|not wake up|swallow (?:a bottle|your pills|the pills)|slit (?:your|ur) wrists|eat a bullet|take a long walk off)\b|\b(?:go|just|pls|please) (?:die|drink bleach|jump off)\b|\bwhy don'?t (?:you|u) (?:just )?(?:die|end it|kill|jump|disappear)\b|\bhope (?:you|u) (?:kill|off|hang|end) (?:your ?self|urself)\b|\beat a bullet\b|\bhere'?s (?:a|some) (?:rope|pills)\b|\bjump off (?:a|the) (?:bridge|building|roof|cliff)\b",
        "encourages self-harm",
        guard=_SELF_HARM_GUARD,
    ),
    # ---- insults (need a person anchor) --------------------------------------------------
    _r(
        _L.INSULT,
        0.92,
        r"\b(?:you'?re|youre|you are|ur|u r|your|you)\b(?!\W+(?:not|never|no longer|hardly)\b)[^.!?\n]{0,6}\b(?:such |a |an |the |one |absolute |total |complete |utter |real |fucking |bloody |massive |huge |little |dumb |stupid |sad |pathetic |worthless |incompetent |lying |dangerous |clueless |ignorant |useless |sorry |certified |typical |fat |ugly |old |arrogant )*"
        + _INSULT_NOUN
        + r"s?\b",
        "insults the person",
        # "failing an exam doesn't make you a failure", "that won't make you a fraud"
        guard=r"(?:doesn'?t|does not|don'?t|do not|won'?t|will not|wouldn'?t|didn'?t|never|isn'?t) "
        r"(?:make|makes|made|mean|means|turn|turns) $",
    ),
    _r(
        _L.INSULT,
        0.9,
        r"\b(?:you'?re|youre|you are|ur|u r|you(?:'re)? so|you(?:'re)? such|you(?:'re)? being|you sound|you seem|you look|you act)\b(?!\W+(?:not|never|no longer|hardly)\b)[^.!?\n]{0,8}\b(?:so |really |very |truly |incredibly |fucking |bloody |just |too |completely |totally |utterly )*"
        + _INSULT_ADJ
        + r"\b(?! (?:study|trial|data|take|argument|point|claim|paper|policy|idea|analysis|guideline|question|topic|decision|plan|approach))",
        "insults the person",
    ),
    _r(
        _L.INSULT,
        0.9,
        r"\b(?:she'?s|he'?s|she is|he is|they'?re|they are|this (?:guy|woman|man|lady|girl|doctor|doc|nurse|person|dude) is|(?:"
        + _NAMED
        + r")(?: is|'?s))\b[^.!?\n]{0,8}\b(?:such |a |an |the |absolute |total |complete |utter |real |fucking |dangerous |incompetent |lying |clueless |ignorant |useless |typical )*(?:"
        + _INSULT_NOUN
        + r"s?|"
        + _INSULT_ADJ
        + r"(?! (?:study|trial|data|take|argument|point|claim|paper|policy|idea|analysis|guideline)))\b",
        "insults the person",
    ),
    _r(
        _L.INSULT,
        0.9,
        r"\b(?:what an?|what a fucking|such an?|you absolute|you complete|you total|you utter|you stupid|you dumb|you fucking|you pathetic|you lying|you sad|you little|shut up,?|listen,?|hey|ok|okay) "
        + _INSULT_NOUN
        + r"\b",
        "insults the person",
        anchor=True,
    ),
    _r(
        _L.INSULT,
        0.9,
        r"\b(?:shut (?:up|your (?:mouth|trap|face|pie hole))|stfu|sit down and shut up|nobody asked (?:you|u)|who asked (?:you|u)|no one asked (?:you|u)|get lost|piss off|fuck off|f off|eff off|sod off|bugger off|screw you|fuck you|f u|fu|go fuck yourself|gfy|you make me sick|you disgust me|get a real job|go back to school|crawl back under|back under (?:your|the) rock)\b",
        "a hostile dismissal of the person",
        guard=_SAID_TO_ME + r"|(?:haven'?t|hasn'?t|won'?t|wouldn'?t|couldn'?t|didn'?t|never)\W+$",
    ),
    _r(
        _L.INSULT,
        0.9,
        # said of rotas, printers and the universe as often as of a person: needs one
        r"\b(?:eat shit|kiss my (?:ass|arse)|bite me)\b",
        "a hostile dismissal of the person",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.INSULT,
        0.85,
        r"\b(?:people|doctors|nurses|idiots|morons|clowns|hacks|quacks|frauds|shills) like (?:you|u|her|him|them)\b[^.!?\n]{0,40}\b(?:are|is|should|shouldn'?t|kill|ruin|why|problem|disgrace|cancer|dangerous|plague)\b|\b(?:you|u)(?:'re| are)? (?:the |a )?(?:reason|problem|why) (?:patients|people|medicine|healthcare|everyone)\b[^.!?\n]{0,20}\b(?:die|dying|hate|distrust|suffer)",
        "blames and insults the person",
    ),
    # ---- broader families (second pass) --------------------------------------------------
    _r(
        _L.INSULT,
        0.88,
        r"^\W*(?:(?:you|ur|u)\W+)?(?:(?:absolute|total|complete|utter|fucking|stupid|dumb|incompetent|lazy|arrogant|useless|pathetic|brain[- ]?dead|clueless|lying|sorry|worthless|disgusting|vile|fat|ugly|old)\W+){0,3}"
        + _INSULT_NOUN
        + r"s?\W*(?:\w+\W*){0,3}$",
        "a bare insult aimed at the person",
        anchor=True,
    ),
    _r(
        _L.INSULT,
        0.88,
        r"\b(?:is|are|was|'?s|you'?re|you are|ur)\b[^.!?\n]{0,12}\b(?:the|a|an|one of the)? ?(?:dumbest|stupidest|worst|laziest|ugliest|most (?:incompetent|useless|dangerous|arrogant|stupid|ignorant|pathetic|clueless|disgusting|worthless)) (?:\w+ )?(?:doctor|doc|surgeon|nurse|physician|person|people|human|resident|clinician|pharmacist|medic|excuse)\b",
        "insults the person",
        anchor=True,
    ),
    _r(
        _L.INSULT,
        0.88,
        r"\b(?:"
        + _INSULT_ADJ
        + r"|nasty|horrible|terrible|awful|sh[i!1]tty|crappy|miserable|rotten|toxic|evil|wicked|soulless|heartless|useless|lazy) (?:excuse for a |piece of |waste of )?(?:human(?: being)?|person|woman|man|creature|excuse for a (?:doctor|human|nurse)|individual|specimen|cow|bitch|witch|bastard|ghoul)\b",
        "insults the person",
        anchor=True,
    ),
    _r(
        _L.INSULT,
        0.88,
        r"\b(?:ghoul|satan|demon|devil|murderer|baby ?killer|killer|butcher|monster|vampire|grim reaper|dr\.? ?death|angel of death|nazi|mengele|war criminal|pill pusher|drug dealer|pharma (?:shill|whore|puppet|bitch)|shill)s?\b(?: in (?:scrubs|a (?:lab|white) coat))?(?! (?:teaching |case |journal |grand rounds )?(?:thread|talk|tip|tips|lecture|app|case|line|playlist|combo|deal|view|views|workout|session|paper|presentation|tweet|post|slides?|podcast|episode|question|review|summary|chapter|infographic|visual abstract|smile|idea|outfit|heels|shoes)\b)",
        "calls the person a killer or monster",
        anchor=True,
        guard=r"(?:silent|serial|pain|cell|natural|(?:t|nk)[- ]?cell|called me a|called (?:us|her|him) a|calling (?:us|me|her|him)|accused (?:me|us|her|him) of being|called|the word|yelled|screamed|shouted)\W+(?:\w+\W+){0,2}$",
    ),
    _r(
        _L.INSULT,
        0.85,
        r"\b(?:iq|brain cells?|intelligence|competence)\b[^.!?\n]{0,30}\b(?:drops?|room temperature|shoe size|negative|zero|single digits?|less than|lower than)\b|\bbless (?:your|ur) (?:little )?heart\b|\bimagine being (?:this|so)\b|\bthe audacity of\b|\bdoctor of (?:nothing|what)\b|\bmore like (?:dr|doctor|nurse)\b|\bwalking (?:malpractice|lawsuit|disaster|liability)\b|\bwrong about (?:literally )?everything\b|\bmediocre nobody\b|\bnobody cares what (?:a|an|you)\b",
        "mocks the person",
        anchor=True,
    ),
    _r(
        _L.TOXICITY,
        0.88,
        r"\b(?:nobody|no one|noone) (?:wants|likes|needs|cares about) (?:you|u|her|him)\b|\bget off (?:this|the) (?:platform|app|site|internet)\b|\b(?:hope|may) (?:karma|god|hell|the universe) (?:finds?|gets?|punishes?)\b|\bmay you never\b|\byou don'?t deserve (?:one|peace|happiness|to be happy|to live|your (?:kids|family|patients|job))\b|\bhate you\b|\bhope (?:your|ur) (?:kids|children|family|patients)\b[^.!?\n]{0,30}\b(?:hate|leave|die|suffer|abandon)|\bhope (?:every|all|each) (?:of )?(?:your|ur) (?:patients?|kids|children)\b[^.!?\n]{0,20}\b(?:die|dies|suffer)\b|\bhope (?:you|u) (?:get|catch|develop|contract)\b[^.!?\n]{0,30}\b(?:disease|cancer|covid|illness|sick|ebola|aids)\b|\bdie mad\b|🖕|\bmurder(?:ed|ing)? (?:my|our|his|her|their|people|patients|kids|children)\b|\bwill be remembered (?:and not kindly|forever)\b|\bnever forget,? never forgive\b",
        "hostile abuse of the person",
        anchor=True,
    ),
    _r(
        _L.SELF_HARM,
        0.9,
        r"\b(?:better off|safer|happier|relieved) (?:without you|if (?:you|u) (?:were|was) (?:dead|gone)|when (?:you|u)(?:'re| are) gone)\b|\bbe the next (?:statistic|one|suicide)\b|\b(?:don'?t|never) wake up\b|\b(?:would|'?d) have ended it\b|\b(?:stop|consider not) existing\b|\bstart with (?:your ?self|urself)\b|\bget it over with\b|\bhope (?:you|u) (?:overdose|od|jump|end up like)\b|\b(?:long walk off a short (?:pier|bridge|cliff))\b|\bquit life\b|\byou(?:'ve| have) got the (?:drugs|pills|meds|means)\b|\bknow where the (?:potassium|insulin|morphine|fentanyl|drugs|pills) (?:is|are)\b|\bnobody will (?:come to|attend|cry at|miss)\b|\bif (?:you|u) were dead\b|\bthe world needs fewer of\b|\bwhat are you waiting for\b[^.!?\n]{0,20}$|\bgo on then\b[^.!?\n]{0,20}\b(?:do it|doit)\b|\bdo it\b[^.!?\n]{0,20}\bnobody will stop (?:you|u)\b",
        "encourages self-harm",
        anchor=True,
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.THREAT,
        0.88,
        r"\b(?:people like (?:you|u)|doctors like (?:you|u)) (?:disappear|go missing|get hurt|end up dead)\b|\bwhile (?:you|u) still can\b|\bpay (?:dr\.? ?[a-z'\-]+|her|him|them|you) a (?:little )?visit\b|\bteach (?:her|him|you|them) a lesson\b|\bwith my (?:rifle|gun|shotgun|ar|glock|knife|bat|pistol|piece)\b|\blined? (?:up )?against a wall\b|\bwill (?:hang|swing|pay|burn)\b|\bnuremberg\b|\b(?:rope|noose|bullet|grave) with (?:your|ur|her|his) name\b|\byou(?:'re| are) on (?:a|my|the) list\b|\b(?:running out|run out)\b[^.!?\n]{0,25}\b(?:your|ur) (?:luck|time)\b|\bwon'?t be (?:leaving|walking|going home)\b|\b(?:hope|pray) we never (?:meet|cross paths)\b|\bbe a (?:pity|shame) if\b|\bi'?ve seen (?:you|u|her|him)\b|\bi'?ll be (?:there|waiting|watching)\b|\b(?:waiting|wait) (?:outside|for you)\b|\bkeep (?:the|your) (?:curtains|doors?|blinds) (?:shut|closed|locked)\b|\bi (?:have|got) (?:your|ur) (?:\w+'? )?(?:address|location|number)\b|\bnot going to take no for an answer\b|\byour (?:day|time|turn) (?:is|will) (?:coming|come)\b|\bwe know who you are\b|\bdon'?t forget that\b|\bi know (?:which|where|what)\b",
        "a veiled threat",
        anchor=True,
        guard=r"(?:patient|patients|pt)\s+(?:said|told|yelled|screamed|wrote|threatened)\W+(?:\w+\W+){0,4}$",
    ),
    _r(
        _L.DOXXING,
        0.85,
        r"\b(?:works?|working) (?:nights|days|weekends|nights on|on \d|in the|at) [^.!?\n]{0,40}\b(?:parks?|leaves?|lives?|drives?|gets? off|finishes)\b|\b(?:parks?|parking) in (?:lot|bay|level|space) \w+\b|\b(?:lives?|living) (?:in|at|on) (?:the )?[A-Za-z][^.!?\n]{0,30}(?:with|,|\.)|\b(?:you|u) live (?:in|at|on|near|by)\b|\bis actually (?:dr\.?|doctor|nurse) [a-z]+\b|\bdirect line\b|\bextension is \d+|\b(?:five|six|seven|eight|nine|oh|zero|one|two|three|four) (?:five|six|seven|eight|nine|oh|zero|one|two|three|four)[ ,]+(?:five|six|seven|eight|nine|oh|zero|one|two|three|four)\b|\bpick ?up is at\b|\b(?:wedding|funeral|party|birthday|graduation) is (?:on|at)\b|\b(?:your|ur|her|his) (?:gym|church|mosque|synagogue|temple|local pub|running route|strava|commute|route home) (?:is|at)\b|\bshift (?:pattern|schedule|rota) for\b|\bnames?, (?:hospitals?|addresses|workplaces|photos)\b|\b(?:her|his|your|ur) (?:parents'?|mum'?s|mom'?s|dad'?s|wife'?s|husband'?s|kids'?) (?:address|number|house|home)\b|\bgoes (?:every|each) (?:mon|tue|wed|thu|fri|sat|sun)\w*\b|\b(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays) and (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays) at\b|\bdropping (?:your|her|his) (?:son|daughter|kids?) (?:at|off)\b",
        "reveals where or when to find the person",
        anchor=True,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.86,
        r"[\"“'‘](?:board[- ]certified|credentials|doctor|dr|md|nurse|expert|specialist|science|research|degree|residency|certified|licensed|physician|surgeon|qualified)[\"”'’]|\b(?:isn'?t|is not|ain'?t|not even) (?:a|an) (?:real |actual )?(?:doctor|doc|physician|nurse|md|surgeon|rn|expert)\b|\b(?:cosplay|cosplaying|larp|larping|playing dress[- ]up|dressing up) (?:as|in)\b|\b(?:licen[cs]e|registration|career|job)\b[^.!?\n]{0,20}\b(?:gone|over|finished|done|toast|revoked)\b[^.!?\n]{0,20}\b(?:by|soon|friday|monday|week|month|enjoy)\b|\b(?:licensing|license|licence) database\b|\bstands? for (?:pretend|pathetic|fake|fraud)|\b(?:they|who) let (?:you|u|her|him) graduate\b|\bat best\b[^.!?\n]{0,10}$|\b(?:cna|tech|receptionist|student) at best\b|\bdoctor of what\b|\bweekend course\b|\b(?:fake|fraud|phony|total fake|fraudster)\b\W*$|\bfraud alert\b|\b(?:get|see|have) (?:your|ur|her|his) (?:licen[cs]e|registration) (?:revoked|pulled|suspended|taken)\b|\b(?:filed|file|filing|lodged|sent) (?:\w+ ){0,2}complaints? (?:with|to) (?:the )?(?:\w+ )?(?:council|board|college|regulator|gmc|nmc|ahpra)\b|\bstruck off\b|\bbought (?:that|this|the|an?) (?:md|degree|diploma|licen[cs]e|title)\b",
        "attacks the person's credentials",
        anchor=True,
        guard=r"(?:how (?:do|can|should) (?:i|we)|process|guide|when|if|whether)\W+(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.MOBILISATION,
        0.88,
        r"\b(?:rt|retweet|repost|share|boost|quote)\b[^.!?\n]{0,30}\b(?:tag|until|everyone|widely|every group|with (?:her|his) name|and tell)\b|\b(?:every (?:one|single one)|all (?:\d+k?|[a-z]+)) of (?:you|u)\W+(?:\w+\W+){0,5}?(?:go|quote|reply|report|tag|email|call|tell|send|share|make|flood|dm|message|comment)\b|\b(?<!would )(?<!do )(?<!did )(?<!will )you (?:all )?know what to do\b(?!\?)|\bemail every (?:hospital|employer|clinic|practice)\b|\bdog ?pile\b(?! (?:is|are|was|were|campaigns?|tactics?))|\b(?:raid|brigade|swarm|pile on|dogpile) (?:her|him|them|his|this|@\w+|dr\.? ?\w+)\b|\bmob up\b|\bfill (?:the|her|his) (?:chat|comments|replies|inbox)\b|\b(?:send|forward) (?:it|this|them|everything) to (?:her|his|their) (?:employer|boss|hospital|chair|dean|school|journal)\b|\b(?:make sure|let) the (?:journal|hospital|board|employer|college)\b[^.!?\n]{0,20}\bhears? from (?:all of )?us\b|#fire\w+|\btrending by\b|\bgo (?:tell|let)\b[^.!?\n]{0,20}\b(?:her|him|them|this)\b|\breply to (?:her|him|them)\b[^.!?\n]{0,20}\b(?:all of you|everyone|everybody)\b|\bmake (?:this|that|his|her) (?:\w+ )?(?:monday|week|day|life|shift) (?:unbearable|hell|miserable)\b|\breport,? email,? review\b|\bmake (?:her|him|them) famous\b|\bshared (?:your|ur|her|his) post with (?:my|our) \d+k?\b|\breport\b[^.!?\n]{0,30}\bas spam\b|\bshare widely\b|\bwe did it to the last one\b|\bsignal boost\b|\bdon'?t let a single\b",
        "calls on others to go after the person",
        anchor=True,
        guard=r"(?:please don'?t|do not|don'?t|never|how (?:do|can) (?:i|we))\W+(?:\w+\W+){0,3}$",
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.88,
        r"\b(?:show(?:s|ing)? off (?:your|her|ur) (?:figure|body|curves|legs|chest|assets)|(?:your|ur|her) (?:chest|figure|body|legs|curves|cleavage) (?:in|is|looks?|was)|too (?:pretty|hot|cute|beautiful|sexy) (?:to be|for)|bending over|(?:think|thinking|dream|dreaming) (?:about|of) (?:you|u) (?:every|all|at) (?:night|day)|do you do house calls|(?:my|the) bedroom|private (?:\"|“)?consultation|sponge bath|lucky (?:man|guy|husband)|wearing (?:anything|nothing) under|under (?:those|your|ur) scrubs|without the (?:mask|scrubs|coat|rest)|you'?re my type|like older (?:guys|men)|(?:whore|slut|skank|thot|hoe)s?|how (?:you|she) got (?:that|the|her) (?:job|fellowship|residency|promotion|position)|show (?:you|u) something|looked (?:hot|sexy|fine|good enough)|dressed (?:less )?like (?:they|she|you) want(?:s|ed)? attention|profile pic(?:ture)? is (?:stunning|hot|sexy|gorgeous)|messaged you \d+ times)\b",
        "unwanted sexual attention",
        anchor=True,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.88,
        r"\b(?:go (?:practi[cs]e|work|back)|take (?:your|her|his) \w+ (?:and \w+ )?back) (?:medicine )?(?:in|to) (?:india|pakistan|china|africa|nigeria|mexico|the philippines|punjab|your (?:own )?country|the middle east|wherever)\b|\b(?:female|women|woman|girl|lady|black|asian|indian|muslim|jewish|gay|trans|immigrant|foreign|disabled|wheelchair|old|img|filipino|african|mexican|chinese|nigerian|pakistani|arab) (?:doctors?|nurses?|surgeons?|cardiologists?|physicians?|residents?|medics?|pharmacists?|docs?)\b[^.!?\n]{0,40}\b(?:are why|are the reason|all (?:cheat|lie|fake|steal)|only get|pointless|shouldn'?t(?! (?:have to|need to|be forced|face|suffer|wait|experience|deal with|put up with|be treated|be harassed|be abused|be discriminated))|can'?t|don'?t belong|are (?:worse|inferior|lazy|useless|dangerous|cheap)|is like a|\?|opinion|touching|send a real)\b|\b(?:take off|remove|lose) (?:the|your|that|her) (?:hijab|turban|kippah|yarmulke|headscarf|niqab|burqa|cross)\b|\b(?:his|her|their|your) people (?:own|control|run)\b|\b(?<!my )(?<!our )(?<!his )(?<!her )(?<!their )(?<!the )(?<!every )(?<!an )(?<!a )(?<!this )(?<!that )(?:grandpa|grandma|granny|old man|old hag)\b|\b(?:ok |okay )?boomer\b|\bdinosaur\b|\bbecause (?:she'?s|he'?s|you'?re|they'?re) (?:a |an )?(?:black|brown|asian|indian|female|woman|gay|trans|muslim|jewish|immigrant|diversity)\b|\b(?:name|english|accent) is (?:unpronounceable|terrible|impossible)|\bthrough that accent\b|\bsend a real one\b|\btreating americans\b|\bit'?s (?:the|their) culture\b|\bdon'?t want a (?:black|brown|asian|indian|female|woman|gay|trans|muslim|jewish|foreign|immigrant) (?:nurse|doctor|doc|surgeon|physician)\b",
        "attacks the person for who they are",
        anchor=True,
        guard=r"(?:patients? (?:say|said|told|tell|yelled|asked|demanded)|was told|told me|called me|asked me|said to me|heard|someone (?:said|told)|being called|was called)\W+(?:\w+\W+){0,4}$",
    ),
    # ---- fourth round (2026-12-07): forms missed on blind5, written as general patterns --------
    _r(
        _L.THREAT,
        0.9,
        r"\b(?:i'?ll|i will|we'?ll|we will|i'?m going to|gonna) (?:thank|see|visit|repay|greet|meet) (?:you|u|her|him) in person\b|\bfind out what (?:real |true )?(?:pain|suffering|fear|loss) (?:feels|is) like\b|\bmake (?:her|his|their|your|ur) li(?:fe|ves) (?:a )?(?:living )?hell\b|\bgood luck (?:ever )?(?:finding|getting) (?:work|a job|another job|hired|a post)\b",
        "a veiled threat",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.SELF_HARM,
        0.9,
        r"\bwhy (?:are|r) (?:you|u) still (?:alive|breathing|here)\b|\b(?:done|do) the (?:honou?rable|decent|right) thing by now\b|\bwould have done the (?:honou?rable|decent) thing\b",
        "encourages the person to harm themselves",
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.MOBILISATION,
        0.9,
        r"\b(?:everyone|everybody|all of you|y'?all|guys|let'?s(?: all)?|go|please)\b[^.!?\n]{0,30}\b(?:leave|give|drop|post)\b[^.!?\n]{0,15}\b(?:1|one)[- ]?stars?\b|\bname (?:every|each|all) (?:one|single one) of them\b|\bpost (?:their|her|his) (?:photos?|pictures?|faces?|names?|addresses)\b|\bnames? (?:and (?:photos?|faces?|addresses) )?below\b|\bmake sure no (?:hospital|clinic|practice|one|employer) (?:ever )?(?:hires?|employs?)\b",
        "calls on others to go after the person",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.INSULT,
        0.88,
        r"\b(?:doctors|docs|nurses|locums|paramedics|midwives|pharmacists|dentists|psychologists|psychiatrists|surgeons|gps|physios|radiographers|receptionists|residents|consultants|anaesthetists|anesthesiologists|nps|pas|medics)\b[^.!?\n]{0,30}\b(?:are|r)\b (?:all |just |nothing but |basically |the real |a bunch of |such )?(?:parasites|crooks|criminals|mercenaries|butchers|quacks|frauds|thieves|liars|leeches|scum|vermin|murderers|killers|clowns|idiots|morons|cowards|traitors|vultures|ghouls|thugs|lazy crooks|lazy)\b",
        "insults a whole profession",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.88,
        r"\b(?:imgs?|foreign|immigrant|cuban|indian|pakistani|nigerian|filipino|chinese|african|asian|mexican|polish|romanian|arab|muslim|black|brown) (?:doctors?|nurses?|docs?|medics?|midwives|pharmacists?|dentists?|carers?|staff)\b[^.!?\n]{0,40}\b(?:should (?:go|be sent|be shipped) back|go back to|ship (?:them|every one|em)|send (?:them|every one|em) (?:back|home)|deport)\b|\bship (?:every one|them all|the lot) (?:of them )?back\b",
        "tells a group to go back where they came from",
        guard=_SAID_TO_ME,
    ),
    # ---- fifth round (2026-12-07): forms missed on blind6, written as general patterns ---------
    _r(
        _L.IDENTITY_ATTACK,
        0.88,
        r"\b(?:catholic|christian|hindu|sikh|mormon|evangelical|muslim|jewish|black|white|brown|asian|indian|pakistani|nigerian|filipino|chinese|african|arab|polish|romanian|gay|lesbian|queer|trans|deaf|autistic|disabled|overseas[- ]trained|foreign[- ]trained|international|imgs?|female|women|immigrant|migrant|foreign) (?:doctors?|nurses?|docs?|medics?|midwives|midwife|pharmacists?|dentists?|physios?|paramedics?|surgeons?|gps?|consultants?|residents?|carers?|staff|students?|therapists?|psychiatrists?|radiographers?)\b[^\n]{0,120}?\b(?:stick together|(?:hire|employ|promote) only (?:their|his|her) own|only (?:hire|employ|promote) (?:their|his|her) own|look after their own|treat \w+ (?:patients|people) like (?:cattle|animals|dirt|dogs)|can'?t trust (?:a single|any) (?:one )?of them|cannot be trusted|shouldn'?t be (?:let|allowed) near|(?:get|got|are) waved through|bought (?:their|the) (?:degrees?|exams?|licen[cs]es?))\b",
        "attacks a group of clinicians for who they are",
        guard=r"(?:myth|stereotype|trope|claims?|idea|assumption|narrative|belief|lie|told|said|heard|says|accused of)\s+(?:that\s+)?(?:\w+\W+){0,2}$",
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.85,
        r"\b([a-z]+) jobs for \1 (?:doctors|nurses|workers|people|staff|graduates|medics)\b|\b(?:black|brown|asian|indian|pakistani|nigerian|african|arab|muslim|jewish|chinese|filipino|polish|romanian|foreign|immigrant|img|gay|trans|female|disabled)\b[^.!?\n]{0,80}\b(?:lazy|dirty|stupid|useless|rude|greedy|arrogant|incompetent|dishonest|thick|smelly|loud|aggressive|slow|sneaky) like (?:all|the rest) of (?:them|their kind|those people|her kind|his kind)\b",
        "attacks people for who they are",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\b(?:leeches|parasites|brats|vultures|crooks|thieves|liars|frauds|quacks|clowns|idiots|morons|cowards|hags|windbags|bloodsuckers|scum|vermin|ghouls|butchers|murderers|pigs|snakes|grifters|charlatans|hacks|muppets|losers|fossils)\b[^.!?\n]{0,20}\b(?:every (?:single|last) one(?: of them)?|(?:the )?lot of them|each and every one|to a (?:man|woman))\b|\b(?:absolute|total|complete|utter|disgusting|vile|pathetic|worthless) "
        + _INSULT_NOUN
        + r" of an? (?:human(?: being)?|person|woman|man|doctor|nurse|midwife|surgeon|physician|medic|gp)\b",
        "contempt for a person or a whole group",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\b(?:doctors|docs|nurses|locums|paramedics|midwives|pharmacists|dentists|surgeons|gps|consultants|residents|medics|strikers|striking \w+|(?:she|he|you|u)|dr\.? ?[a-z'\-]+) (?:have|has) (?:(?:the|that|his|her|your) (?:child|baby|patient|woman|man)'?s )?blood on (?:their|her|his|your|ur) hands\b|\b(?:she|he|they|you|u|half of them|most of them|none of them|some of them|people like (?:her|him|you|them))\b (?:should ?n[o']t|should not|should never) be (?:allowed|let|permitted) (?:near|around|anywhere near|within a mile of) (?:human beings|humans|people|patients|children|kids|animals|a (?:cat|dog)|living things|anyone)\b",
        "says the person is a danger to others",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.MOBILISATION,
        0.88,
        r"\b(?:jam|flood|clog|tie up|blow up|spam)\b (?:[a-z']+ ){1,2}?(?:phone )?(?:lines?|phones?|switchboard|inbox(?:es)?|emails?|voicemail|dms|mentions|reviews)\b|\b(?:email|phone|ring|call|message|dm|tag) (?:them|her|him) all at once\b|\bmake (?:their|her|his|your|ur) (?:day|week|month|shift|weekend)s? (?:a )?(?:living )?hell\b|\bmake (?:them|her|him) (?:unhireable|unemployable)\b|\bleave (?:a )?(?:1[- ]star )?reviews? on every\b",
        "calls on others to go after the person",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.THREAT,
        0.88,
        r"\bpray (?:you'?re|you are|u r) ready\b|\bworks? through human hands\b|\b(?:your|ur|her|his) (?:day of )?reckoning is (?:coming|near)\b|\b(?:judg(?:e)?ment|reckoning|justice|karma) is coming for (?:you|u|her|him)\b|\b(?:enforcement|consequences|a visit|visitors)\b[^.!?\n]{0,30}\bat (?:your|ur) (?:residence|home|house|door|doorstep|front door|home address|address)\b|\bif i have (?:anything|any say|my way) (?:to do with it|in (?:it|the matter))\b",
        "a veiled threat",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.THREAT,
        0.9,
        r"\bi know (?:your|ur|her|his) (?:gate code|door code|alarm code|key ?code|entry code|car|reg|plate|number plate|routine|schedule|rota|shift pattern|running route|route home|(?:kids?|children|daughter|son)['’]?s? school|(?:wife|husband|partner)['’]?s? (?:work|office|name|car))\b|\b(?:looks?|seems?|looked|seemed) (?:so |very |really )?(?:happy|well|settled|cute|sweet|lovely) (?:at|in) (?:[a-z'\-]+ ){0,3}(?:school|nursery|montessori|academy|primary|preschool|kindergarten|daycare|creche|crèche|playgroup)\b",
        "shows they know the person's life and family",
        anchor=True,
        guard=r"\b(?:my|our)\s+(?:\w+\s+){0,3}$|" + _SAID_TO_ME,
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.88,
        r"\b(?:when|the way|how) (?:you|u|she) (?:bent|bend|bends|leaned|lean|leans) over\b|\b(?:mostly|just|only|purely) for the view\b|\bdo an? (?:osce|exam|physical|examination|check-?up|house call) on me\b",
        "unwanted sexual attention",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.SELF_HARM,
        0.88,
        r"\A(?=[\s\S]{0,400}\b(?:burn ?out|burnt out|burned out|depress\w*|suicid\w*|crying|struggling|can'?t cope|mental health|overwhelmed)\b)[\s\S]{0,400}?[.!?:]\s+(?:just |go |so )?jump[.!]*\W*\Z|\bsuicid\w*\b[^\n]{0,100}\bshould (?:all )?(?:just )?follow (?:it )?through\b",
        "encourages self-harm",
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.88,
        _NAMED
        + r"[^.!?\n]{0,60}\bis (?:a |an |such a |an absolute |a total |a complete )?(?:fraud|quack|charlatan|fake|phony|phoney|con artist|danger to (?:patients|the public)|menace)\b",
        "attacks the person's credentials",
        guard=_SAID_TO_ME,
    ),
    # ---- sixth round (2026-12-07): forms missed on blind7, written as general families --------
    _r(
        _L.INSULT,
        0.88,
        r"\b(?:chutiy[ae]|bhenchod|behenchod|madarchod|maderchod|harami|bhosdi\w*)\b",
        "insults the person (in another language)",
        anchor=True,
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\b(?:i |we )?(?:really |sincerely |truly |just )?hope (?:you|u|your|ur|he|his|she|her|they|their|whoever|the (?:\w+ ){0,2}(?:who|that))\b[^.!?\n]{0,50}?"
        r"(?<!n't )(?<!nt )(?<!not )(?<!never )\b(?:never (?:sleeps?|rests?|works? again|practi[cs]es? again|sees? (?:your|his|her|their) kids)|suffers?\b(?! from)|rots?\b|loses? (?:(?:your|his|her|their|the) )?(?:job|jobs|licen[cs]es?|career|house|kids|everything)\b|gets? (?:struck off|fired|sacked|sued|what'?s coming|cancer)\b|(?:ends?|end) up (?:stacking|on the street|homeless|in (?:prison|jail)|unemployed|flipping|cleaning|broke)\b|(?:burns?|chokes?|drops? dead)\b|(?:training numbers?|licen[cs]es?|careers?) (?:gets? |are |is )?(?:pulled|revoked|taken|ended|ruined)\b)"
        r"|\bhope (?:\w+ ){1,5}(?:tear|rip|beat|kick|smash) (?:him|her|them|you|u) (?:apart|to pieces|up|in|to a pulp)\b"
        r"|\b(?:deserves?|deserved) whatever (?:(?:he|she|they|you) )?(?:gets?|get|has coming|is coming)\b",
        "wishes the person harm",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.THREAT,
        0.86,
        r"\b(?:benefit from|deserves?|needs?|could use|hope for|wish (?:for|them|him|her|you)|pray for) (?:a |an )?(?:career[- ]ending|fatal|nasty|serious|little|tragic|unfortunate) (?:accident|injury|crash|fall|incident)\b"
        r"|\bmake (?:him|her|them|you|u) (?:comfortable|quiet|sleep|go away|disappear)\W+permanently\b"
        r"|\bi know (?:you|u|she|he|they) (?:work|start|finish|leave|park|are on|is on)\w*\b[^\n]{0,60}?\bsee (?:you|u|ya) (?:soon|then|there|around)\b",
        "a veiled threat",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\b(?:they|them|these people|those people|all of them|the lot of them|juniors|residents|doctors|nurses|midwives|paramedics|surgeons|gps|consultants|registrars|locums|nps|pas|medics|imgs|immigrants|foreigners|women|students|trainees|\w+ists|\w+ians)\b[^.!?\n]{0,60}\b(?:(?:should|ought to|need to|needs to|deserve to|must) (?:all )?be (?:culled|exterminated|eradicated|euthani[sz]ed|purged|gassed|put down)|(?:were|was|got|get|being) (?:all )?culled)\b"
        r"|\b(?:fail|sack|fire|strike off|deregister|ban|deport|jail|lock up) (?:the lot|all|every (?:last |single )?one) of (?:them|em|you)\b|\b(?:fail|sack|fire|strike off|deregister|deport) the lot\b"
        r"|\bput (?:them|him|her|the lot of them|em) (?:all )?out to pasture\b"
        r"|\b(?:belong|belongs) in (?:a cage|a zoo|the bin|a landfill|the gutter)\b"
        r"|\b(?:cartel|mafia|racket|gang|cult) of (?:\w+ ){0,2}(?:pill[- ]pushers|drug dealers|butchers|quacks|liars|shills|killers|murderers|criminals|crooks)\b"
        r"|\b(?:juniors|residents|students|trainees|med students|young doctors|new grads|millennials|gen z|nurses|doctors) (?:today|these days|nowadays) are (?:a joke|soft|entitled|useless|pathetic|lazy|snowflakes|spineless|a disgrace)\b"
        r"|\bevery (?:single )?(?:np|pa|img|nurse practitioner|midlevel|mid-level|physician associate|foreign doctor|female surgeon|woman surgeon) (?:i'?ve|i have) (?:ever )?(?:met|worked with) (?:is|was|has been) (?:a )?(?:dangerous|useless|incompetent|an idiot|a liability|a moron|lazy|thick|clueless)\b",
        "contempt for a person or a whole group",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.86,
        r"\bsend (?:them|em|the lot) back to (?:wherever|where(?:ever)? they)\b|\b(?:women|female|lady|woman) (?:doctors|surgeons|docs|medics|consultants|residents|gps) (?:moaning|whining|whinging|bitching)\b",
        "attacks people for who they are",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.INSULT,
        0.86,
        r"(?:^|[.!?]\s+)(?:lazy|useless|incompetent|clueless|stupid|arrogant|pathetic|bent|greedy) (?:hack|quack|idiot|clown|fraud|moron|butcher|muppet|charlatan)\b"
        r"|\b(?:this|that) (?:\w+ )?(?:idiot|moron|imbecile|cretin|clown|buffoon|muppet|numpty|tosser|wanker|twat|prick|dickhead|asshole|arsehole|halfwit|nitwit|dimwit|dunce|dumbass|jackass|douchebag|loser|bitch|cunt|scumbag|bootlicker)\b",
        "insults the person",
        anchor=True,
        guard=r"\b(?:i|we|i'?m|im)\s+(?:\w+\s+){0,2}$|" + _SAID_TO_ME,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.86,
        r"\b(?:probably|must have|obviously|clearly|bet (?:you|u|she|he|they)) (?:paid|bought|bribed|cheated) (?:your|ur|her|his|their) way (?:through|into|in)\b",
        "attacks the person's credentials",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.INSULT,
        0.86,
        r"\bcan(?:'?t| ?not| barely| hardly) (?:even )?string (?:an? |two |three )?(?:english |coherent )?(?:sentences?|words) together\b",
        "insults the person",
        guard=r"\b(?:i|we|i'?m|im)\s+(?:\w+\s+){0,2}$|" + _SAID_TO_ME,
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.88,
        r"\bslept (?:your|her|his|their) way (?:through|to|into|up)\b"
        r"|\bwanna (?:practi[cs]e on me|play doctor|examine me|give me a (?:physical|check ?up|exam))\b"
        r"|\A(?=[\s\S]{0,300}(?:dinner|date|drinks?|pretty|cute|sexy|gorgeous|beautiful|😍|😘|😉|😏|babe|sweetheart|darling))[\s\S]{0,300}?\b(?:don'?t|do not|never) (?:really |ever )?take no for an answer\b"
        r"|\A(?=[\s\S]{0,300}(?:😉|😏|😘|on[- ]call room|help (?:you|u) relax|my place|hotel room))[\s\S]{0,300}?\bno one (?:needs|has|ever needs) to know\b",
        "unwanted sexual attention",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.MOBILISATION,
        0.88,
        r"\A(?=[\s\S]{0,400}\b(?:names?|address(?:es)?|photos?|faces?|numbers?|plates?)\b)[\s\S]{0,400}?\b(?:share,? share,? share|share (?:this )?(?:far and wide|everywhere|widely)|rt so (?:everyone|everybody|all))\b"
        r"|\b(?:posting|publishing|i'?ll post|i will post|gonna post|going to post)\b (?:their|her|his|the|all the) (?:names|full names|details|addresses|address|home address|numbers|number|faces|photos)\b"
        r"|\bfind out who (?:it was|did (?:it|this)|they are|she is|he is)\b[^.!?\n]{0,30}\b(?:name|expose|post|out) (?:them|her|him)\b",
        "calls on others to go after the person",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.SELF_HARM,
        0.86,
        r"\btry (?:going|living) without (?:oxygen|air|a ventilator|your oxygen)\b",
        "encourages self-harm",
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\bdo (?:us|the world|everyone|patients) (?:all )?a favou?r\W*$",
        "contempt for a person or a whole group",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    # ---- seventh round (2026-12-07): forms missed on blind8, written as general families ------
    _r(
        _L.THREAT,
        0.88,
        r"\b(?:saw|seen|spotted|watched|noticed|clocked|followed) (?:you|u|ya)\b[^.!?\n]{0,40}\b(?:car ?park|parking (?:lot|garage|deck|bay)|(?:to|into|at|by|near) (?:your|ur) car|(?:your|ur) (?:house|home|flat|street|front door|driveway|gym|church|mosque|temple)|after (?:your|ur) (?:shift|nights?|clinic)|leaving (?:work|the hospital|the clinic)|walk(?:ing|ed)? (?:home|to (?:your|ur) car)|at the school gates?)\b"
        r"|\b(?:no need to|don'?t) (?:be|look) (?:so )?(?:nervous|scared|frightened|jumpy)\b[^.!?\n]{0,30}(?:🙂|😉|😘|😈|😏|:\)|;\))",
        "says the person is being watched",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.THREAT,
        0.88,
        r"\b(?:(?:would|will|'?d|it'?d)? ?be (?:awful|terrible|horrible|a tragedy|sad|(?:such )?a (?:real |great |terrible )?(?:pity|shame)|devastating)) if (?:he|she|it|they|your|ur|something|anything|someone|somebody)\b[^.!?\n]{0,40}\b(?:got out|got loose|went missing|got lost|got hurt|happened|was hurt|were hurt|had an accident|caught fire|got run over|disappeared|never came home)\b",
        "a veiled threat",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.THREAT,
        0.88,
        r"\bi know (?:your|ur|that your) (?:\w+ )?(?:daughter|son|kids?|children|child|boy|girl|wife|husband|partner|mum|mom|mother|dad|father|parents|dog|cat|family)\b[^.!?\n]{0,15}\b(?:rides|goes|plays|attends|walks|trains|swims|is at|takes|catches|finishes|starts|gets|dances|runs)\b[^.!?\n]{0,50}\b(?:on (?:\w+ )?(?:mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|sundays?|weekends?|mornings?|evenings?|afternoons?|nights?)|every (?:\w+ )?(?:day|morning|evening|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at (?:\d|half|quarter)|after school|before school|alone)\b"
        r"|\bswat(?:ting)? (?:the|that|this|him|her|them|his|your|ur)\b|\b(?:911|999|112|000) call (?:from|to) (?:his|her|their|your|ur) (?:address|house|home)\b",
        "a threat against the person or their family",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\bhope (?:someone|somebody|they|it) (?:does|do|did) (?:that|it|the same|this) to (?:you|u|your|ur|her|him|them)\b|\bhope (?:you|u|she|he|they) feel(?:s)? every (?:second|minute|bit|moment)\b"
        r"|\bhope (?:your|ur|her|his|their) (?:own )?(?:mum|mom|mother|dad|father|kids?|children|child|family|wife|husband|son|daughter|parents?|gran|nan)\b[^.!?\n]{0,40}\b(?:and there (?:isn'?t|is no|'?s no|are none)|gets? the same (?:treatment|care)|(?:is|are|gets?) (?:left|denied|refused|turned away|made to wait|treated (?:like|the same)))\b",
        "wishes the person harm",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.MOBILISATION,
        0.88,
        r"\bname and shame (?:every|all|them|him|her|the lot|each)\b|\bname and shame\b[^.!?\n]{0,30}\b(?:below|in the (?:comments|replies))\b"
        r"|\b(?:give|leave) (?:him|her|them|this (?:doctor|nurse|clinic|quack)) (?:a |an )?(?:1|one)[- ]?star\b"
        r"|\b(?:dean|boss|manager|employer|medical director|hr|chair|supervisor|programme director|program director)'?s?'? (?:email|e-mail|number|phone|contact(?: details)?|address) is (?:pinned|in my bio|below|in the (?:replies|comments))\b",
        "calls on others to go after the person",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.88,
        r"\b(?:passed|got|earned|won|scored|made) (?:her|his|their|the|that|this) (?:\w+ ){0,2}on (?:her|his|their) (?:knees|back)\b|\bon (?:her|his) knees for (?:the|a|her|his) (?:job|post|promotion|consultant|pass|grade)\b",
        "unwanted sexual attention",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.86,
        r"\baffirmative action (?:rubbish|garbage|nonsense|hire|baby|doctor|nurse|case|pick|bs|crap)\b"
        r"|\bjew(?:s|ish)? (?:\w+ ){0,2}(?:and|&|\+) (?:the )?(?:\w+ )?(?:money|gold|banks|bankers|greed)\b|\bjew(?:s|ish)? (?:\w+ ){0,2}(?:control|own|run) (?:the )?(?:media|banks|pharma|world|government|who)\b"
        r"|\b(?:you'?re|ur|you are|such) an? coconut\b",
        "attacks people for who they are",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\b(?:are|is) the worst (?:kind|sort|type) of (?:parasites?|vermin|leech(?:es)?|scum|filth|rats?|vultures?|cockroach(?:es)?|human beings?|people|grifters?)\b"
        r"|\b(?:are|is) (?:nothing but |just )?(?:parasites|vermin|leeches|cockroaches|rats|bloodsuckers|vultures)\b(?! (?:in|on|of|that|which))",
        "contempt for a person or a whole group",
        guard=r"\b(?:not|never|aren'?t|isn'?t|called (?:us|them|me))\W+(?:\w+\W+){0,2}$|"
        + _SAID_TO_ME,
    ),
    _r(
        _L.SELF_HARM,
        0.88,
        r"\b(?:tablets|pills|meds|drugs|insulin|morphine|opioids|paracetamol|tylenol)\b[^!?\n]{0,60}\b(?:take|swallow|neck) (?:the lot|them all|all of them|the whole (?:box|bottle|packet|pack))\b"
        r"|\b(?:good|great|fine by me|about time)\W+(?:\w+\W+){0,2}fewer of (?:them|you|em)(?: left)?\b",
        "encourages self-harm",
        guard=_SELF_HARM_GUARD,
    ),
    # ---- eighth round (2026-12-07): forms missed on blind10, written as general families ------
    _r(
        _L.THREAT,
        0.88,
        r"\b(?:sat|waited|parked|stood|was|were) (?:\w+ )?(?:outside|across from|opposite|across the (?:road|street) from) (?:your|ur) (?:house|home|place|flat|apartment|front door|door|practice|clinic|surgery|office|work|gym|kids'? school)\b"
        r"|\bdon'?t (?:bother|even try) (?:running|hiding|locking (?:the|your) doors?|calling the (?:police|cops))\b"
        r"|\bwe know (?:which|whose|where|what) (?:car|cars|house|houses|door|doors|school|kids)\b|\b(?:let (?:them|her|him|you)|make (?:them|her|him|you)) feel watched\b"
        r"|\b(?:knows?|know) (?:your|ur|their|her|his) faces?\b[^.!?\n]{0,60}\b(?:done|finished|through) (?:asking|being) (?:nicely|nice|polite)\b|\b(?:we'?re|we are|i'?m|i am) (?:done|finished|through) (?:asking|being) (?:nicely|nice|polite)\b"
        r"|\b(?:reported|reporting|report|called|calling|tipped off|tipping off|shopped) (?:you|u|her|him|them) to (?:immigration|ice|the home office|border (?:force|control|patrol)|uscis)\b|\blet'?s see how long (?:your|ur|her|his|their) (?:visa|licen[cs]e|registration|job|career|contract|residency permit|work permit) lasts\b"
        r"|\b(?:maybe |perhaps )?(?:i should|i'?ll|i will|i might|we should|we'?ll) (?:tell|show|ask|remind|explain(?: (?:it|this|that|everything))? to) (?:her|him|them|you|u|your (?:\w+ )?(?:mum|mom|mother|dad|father|wife|husband|partner|boss|kids?)) in person\b"
        r"|\b(?:would|'?d|it'?d) be (?:awful|terrible|a shame|a pity|unfortunate|a disaster) if (?:the|your|ur|her|his) (?:agency|employer|boss|hospital|trust|board|manager|wife|husband|partner|kids?|family|press|papers|patients|school|church|landlord)\b[^.!?\n]{0,30}\b(?:got|were sent|was sent|saw|heard|found out|received|learned|learnt)\b",
        "a veiled threat",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\bhope (?:your|ur|her|his|their) (?:heli(?:copter)?|chopper|plane|flight|car|boat|house|home|clinic|practice|surgery|office|ambulance) (?:goes down|go down|crashes|crash|burns(?: down)?|blows up|sinks|catches fire|gets torched|falls out of the sky)\b"
        r"|\bhope (?:you|u|she|he|they) (?:crash|burn|rot|choke|drown|get hit|get run over|go down with)\b",
        "wishes the person harm",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.SELF_HARM,
        0.9,
        r"\b(?:take|remove|taking|removing|took) (?:your ?self|urself|yourselves|themselves|himself|herself|themself) (?:out of|from) the gene ?pool\b"
        r"|\b(?:do|doing|did) the (?:honou?rable|decent|right|noble|only decent) thing and (?:\w+ ){0,3}(?:your ?self|urself|themselves|himself|herself|out|off|it all|the world a favou?r)\b"
        r"|\bif i (?:were|was) (?:you|u|her|him|a (?:\w+ ){0,8}?\w+)\b[^.!?\n]{0,60}\bi'?d (?:just )?(?:quietly )?(?:check out|end it(?: all)?|kill myself|top myself|off myself|jump|not want to live|disappear for good)\b",
        "encourages the person to harm themselves",
        anchor=True,
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.DOXXING,
        0.86,
        r"\b(?:post(?:ing|ed)?|shar(?:e|ing|ed)|publish(?:ing|ed)?|leak(?:ing|ed)?|spread(?:ing)?|going (?:on|up|out)|goes (?:on|up|out)|put(?:ting)? (?:up|out))\b[^.!?\n]{0,60}\b(?:your|ur|her|his|their) (?:home|personal|private|mobile|cell|landline) (?:number|address|phone(?: number)?)\b"
        r"|\b(?:your|ur|her|his|their) (?:home|personal|private|mobile|cell) (?:number|address)\b[^.!?\n]{0,20}\b(?:is going|goes|going|will go) (?:on|up|out|everywhere)\b",
        "threatens to publish the person's private details",
        anchor=True,
        guard=r"\b(?:never|don'?t|do not|not|avoid|stop|shouldn'?t|should not|protect|keep|careful|tips?|how (?:do|to|can))\W+(?:\w+\W+){0,4}$|"
        + _SAID_TO_ME,
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.86,
        r"\b(?:she'?s|he'?s|you'?re|she is|he is|you are|ur|is|are) (?:way |much |a lot |so much |so )?more fun (?:after|with) (?:a few|some|a couple(?: of)?|a bottle of|enough) (?:drinks|wines?|beers|shots|glasses)\b"
        r"|\b(?:her|your|ur) (?:hotel )?room (?:was|is) (?:right )?next (?:to|door to) mine\b",
        "unwanted sexual insinuation",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.84,
        r"\bwhy (?:does|do) (?:every|all(?: the)?|each) (?:female|women|woman|lady|girl|black|asian|indian|muslim|jewish|gay|trans|immigrant|foreign|african|nigerian|filipino|mexican|chinese|pakistani|arab|hispanic|latina|latino) (?:\w+ ){0,2}?(?:think|thinks|believe|believes|expect|expects|assume|assumes) (?:she|he|they|it)\b",
        "a stereotype about a whole group",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.84,
        r"\b(?:are|is|you'?re|ur|just|nothing but|only) (?:\w+ ){0,3}who (?:flunked|failed out of|washed out of|couldn'?t (?:get into|hack|make it (?:into|in|through)|pass)) (?:nursing|med(?:ical)? school|medicine|residency|the boards|boards|pharmacy school|nursing school|dental school|real medicine)\b",
        "attacks the person's credentials",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.MOBILISATION,
        0.86,
        r"\bratio(?:'?d)?\s*(?:\+|and|&)\s*(?:reported|report(?:ed)? (?:her|him|them|this|it)|mass[- ]?report(?:ed)?)\b",
        "calls on others to go after the person",
        guard=_SAID_TO_ME,
    ),
    # ---- ninth round (2026-12-07): forms missed on blind11, written as general families -------
    _r(
        _L.THREAT,
        0.88,
        r"\b(?:did you (?:like|see|enjoy|read)|(?:i'?ve |we'?ve |i |we )?(?:wrote|written|drafted|sent|ordered|booked|picked out|chose|designed|printed)(?: you| u)?) (?:your|ur) (?:own )?(?:obituary|obit|eulogy|headstone|gravestone|coffin|casket|death notice|funeral (?:flowers|wreath|plot|notice))\b(?! (?:for|about|of|to) )"
        r"|\bsent (?:you|u|her|him|them) (?:a |some )?(?:bouquet|flowers|wreath|lilies|a card)\b[^\n]{0,40}\b(?:the funeral kind|funeral lilies|for your funeral|for your grave|rip (?:dr|doctor|nurse)|card (?:just )?says? ['‘\"“]?(?:soon|rip|see you soon|sleep well))\b"
        r"|\bhow (?:quickly|fast|easily) (?:a|your|ur|her|his|their) (?:reputation|career|name|licen[cs]e) can (?:be )?(?:rewritten|re-written|destroyed|ruined|disappear|vanish|go|end|be taken)\b"
        r"|\b(?:made|making|did|i'?ve made) (?:a few|some|a couple of|little) (?:edits|changes|tweaks|improvements) to (?:your|ur|her|his|their) (?:tweets|posts|photos|pictures|messages|emails|videos|profile|screenshots|notes)\b"
        r"|\bi'?ll (?:work|figure|find) out which(?: one)?(?: (?:you are|is you|one you are|it is))?\W*(?:[.!]|$)"
        r"|\bhope (?:your|ur|her|his|their) (?:next |last )?(?:\w+ )?(?:shift|day|night|flight|drive|run|operation|surgery|birthday|christmas|holiday) (?:at work )?is (?:your|ur|her|his|their) (?:very )?last(?: one)?\b(?! (?:one )?(?:before|for (?:a|the)|of (?:the|this|a)|on (?:nights|the)|night shift|week|until|till|in (?:this|that) (?:rota|job|block)))"
        r"|\byou'?ll (?:get|be getting) (?:exactly |just )?what (?:my|his|her|their|the last|that) (?:\w+ ){0,2}got\b[^\n]{0,80}\b(?:sleep (?:well|tight)|watch|soon|count on it|wait and see|you'?ll see|trust me)\b"
        r"|\bwe know where (?:every|each|all (?:the|of the|your)|your|ur|her|his|their) (?:\w+ )?(?:practice|clinic|surgery|office|pharmacy|house|home|kid|child)s?(?: in (?:this|the|your|our|that) \w+)? (?:is|are|lives?)\b(?! (?:thanks|on|from|because|via|listed|marked|shown|located|now|open|closed))",
        "a veiled threat",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\bhope (?:someone|somebody|some(?:one|body) else|one day someone) (?:\w+ ){0,2}?(?:cracks?|breaks?|snaps?|cuts?|stabs?|harvests?|hurts?|shoots?|poisons?|butchers?|maims?|cripples?|paralyses?|paralyzes?|blinds?|botches?|sections?|sterili[sz]es?|does? (?:that|this|the same)(?: thing)? to) (?:yours|you|u|your (?:\w+ )?(?:kids?|children|son|daughter|family|wife|husband|neck|back|face|spine|mother|mum|mom|dad|father))\b"
        r"|\bhope (?:your|ur) (?:own )?(?:kids|children|son|daughter|family|wife|husband|partner|patients) (?:\w+ ){0,3}?(?:hate|hates|hating|leave|leaves|abandon|abandons|disown|disowns|despise|despises|never (?:speak|talk) to|turn on) (?:you|u)\b"
        r"|\b(?:if|when|once) (?:they|she|he|you|their|her|his|your|ur|the lot of them|them all)\b[^.!?\n]{0,40}\b(?:die|dies|died|pack in|packs in|packed in|drop dead|drops dead|croak|croaks|snuff it|kick the bucket|don'?t make it|doesn'?t make it|stop breathing|stops breathing|give out|gives out)\b[^.!?\n]{0,20}\bgood riddance\b"
        r"|\bgood riddance\b[^.!?\n]{0,20}\b(?:if|when|once) (?:they|she|he|you)\b[^.!?\n]{0,30}\b(?:die|dies|drop dead|croak|snuff it|don'?t make it)\b"
        r"|\b(?:should|ought to|deserve to|deserves to|need to|needs to) (?:all |each |every one )?(?:be )?(?:left|made|forced|locked (?:up|in)[^.!?\n]{0,40}?and (?:left|made)) to (?:starve|rot|die|suffer|bleed out|freeze|beg|choke)\b",
        "wishes the person harm",
        guard=_NOT_WISHED,
    ),
    _r(
        _L.SELF_HARM,
        0.9,
        r"\b(?:world|earth|planet|profession|medicine|everyone|everybody|nhs|hospital|ward|we|patients|your patients|your family)(?:'?d| would| will|'?ll) be (?:a (?:\w+ )?(?:place|world) )?(?:so |much |a lot |far |way )?(?:better|calmer|safer|happier|nicer|kinder|cleaner|healthier|brighter|lighter|saner)(?: (?:place|off))? without (?:you|u|her|him|them|people like you)(?: (?:in it|around|alive|breathing|existing|on (?:it|this (?:earth|planet)|the planet)))\b"
        r"|\b(?:easier|better|simpler|kinder|quicker|best) for (?:everyone|everybody|all of us|us all|the world|your patients|your family|the team|all concerned) if (?:you|u|she|he|they) (?:just |simply |quietly )?(?:didn'?t wake up|weren'?t (?:alive|breathing|around any ?more)|stopped existing|ceased to exist|disappeared for good|vanished for good|went away for good|(?:didn'?t|never) come back[^\n]{0,40}?\b(?:at all|anywhere|ever|for good|to anything))\b"
        r"|\b(?:have you (?:tried|considered|thought about)|try|consider|recommend|suggest)\b[^.!?\n]{0,40}\bnot (?:existing|being alive|living|breathing)\b"
        r"|\bdecide (?:you'?re|you are|she'?s|he'?s|they'?re|to be) done\W+(?:for good|forever|permanently|with everything|with life)\b"
        r"|\bthe (?:bridge|cliff|roof|train tracks|tracks|railway|river|motorway|multi-?stor(?:e)?y|car park roof)\b(?: \w+){0,4} is (?:right )?(?:there|over there|that way|just there|nearby|close by|waiting)\W*(?:lol|lmao|😂|🤣|👀|😉|🙃|just saying|hint hint|fyi|go on|take the hint|no pressure)",
        "encourages the person to end their life",
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.86,
        r"\b(?:daddy|mummy|mommy|mama|papa|parents?|family)(?:'s)?[- ]?(?:bought|paid(?: for)?|funded|purchased) (?:\w+ )?(?:degree|diploma|licen[cs]e|title|mbbs|md|credentials|residency|place|seat)\b"
        r"|\b(?:bought|purchased|paid for) (?:your|ur|her|his|their) (?:medical |nursing )?(?:degree|diploma|licen[cs]e|title|credentials|md|mbbs|qualifications?)\b"
        r"|['‘\"“](?:consultant|doctor|dr|surgeon|nurse|specialist|expert|professor|prof|physician|pharmacist|midwife|paramedic|psychiatrist|dentist)['’\"”]\s*(?:lol|lmao|haha|😂|🤣|🙄|🤡|lmfao|kek)"
        r"|\b(?:did|does|took|doing) (?:the same|that|this|a) (?:course|degree|qualification|certificate) online for (?:\$|£|€)?\d+"
        r"|\b(?:degree|diploma|licen[cs]e|certificate|qualifications?) (?:from|out of) (?:a )?(?:cereal box|crackers?|christmas cracker|kinder egg|vending machine|gumball machine)\b",
        "attacks the person's credentials",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.INSULT,
        0.86,
        r"\b(?:has|have|with|got|possess(?:es)?|running on|operating on) (?:maybe |about |literally |exactly )?(?:zero|no|two|one|0|1|2) (?:functioning |working |active )?brain ?cells?\b(?! (?:left|after|by|at|today|tonight|this))"
        r"|\bthick as (?:mince|two short planks|pig ?shit|a brick|custard|a plank|mud)\b"
        r"|\bwaste o'? (?:space|oxygen|air)\b|\b(?:awa|away|go) an'?d? (?:bile|boil) (?:yer|your|ur) (?:heid|head)\b"
        r"|\b(?:two[- ]faced|lying|useless|heartless|greedy|spineless|gutless|entitled) (?:hypocrites|liars|frauds|cowards|parasites|vultures|leeches|ghouls|crybabies|brats|snakes)\b"
        r"|\b(?:piggy|piggie|porker|lardass|lard ?arse|fatso|fatty|stick insect|hag|crone|old bat)\b(?:\W+(?:🐽|🐷|🐖))?",
        "insults the person",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    # A reply that is nothing but an insult ("mid-level sc*m", "Fraud in a lab coat."), wishes on
    # a practice or through karma, "put out to pasture", the forms of "if it's that bad, jump".
    _r(
        _L.INSULT,
        0.86,
        r"^\W*(?:@\w+\W+)*(?:[\w'-]+\W+){0,2}?(?!(?:joke|troll|fossil|failure|monster|beast|plague|stain)s?\b)"
        + _INSULT_NOUN
        + r"s?(?: (?:in|with) (?:a |an |the )?(?:lab coat|white coat|scrubs|stethoscope|licen[cs]e|degree|badge))?\W*$"
        r"|\b(?:fraud|quack|charlatan|clown|joke|con artist|criminal|butcher) (?:in|with) (?:a |an )?(?:lab coat|white coat|scrubs|stethoscope)\b",
        "insults the person",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.INSULT,
        0.88,
        r"\b(?:you|ya|ye) (?:(?:absolute|utter|total|complete|fucking|bloody|little|big|old)\s+)*"
        + _INSULT_ADJ
        + r"\s+(?:"
        + _INSULT_NOUN
        + r")s?\b",
        "insults the person",
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.SELF_HARM,
        0.88,
        r"\b(?:try|go|just|consider|start) unaliving\b"
        r"|\b(?:take|try|swallow|down) (?:all of )?(?:your|ur) own (?:sleeping )?(?:pills|tablets|meds|medication|opioids|morphine)\b[^.!?\n]{0,20}\b(?:all of them|the whole (?:bottle|pack|box|lot)|at once|forever)\b",
        "encourages self-harm",
        guard=_SELF_HARM_GUARD,
    ),
    _r(
        _L.TOXICITY,
        0.84,
        r"\bhope (?:the|your|ur|her|his|their) (?:practice|clinic|surgery|pharmacy|business|office|career|hospital) (?:goes|go) (?:under|bust|bankrupt|broke|down in flames)\b"
        r"|\bhope (?:karma|god|the universe) (?:hits|gets|finds|catches|punishes|repays|visits) (?:you|u|her|him|them|hard|back)\b"
        r"|\bput (?:them|her|him|you|the lot of them|them all|these \w+) out to pasture\b"
        r"|\b(?:end it|kill (?:your|her|him)self|top (?:your|her|him)self|jump|off (?:your|her|him)self)\b[^.!?\n]{0,25}\b(?:i'?ll|we'?ll|i will|we will|i'?d|we'?d)(?: \w+){0,2} (?:be the first to )?(?:celebrate|cheer|throw a party|pop (?:the )?(?:champagne|cork)|dance|laugh)\b",
        "wishes the person harm",
        guard=_NOT_WISHED,
    ),
    _r(
        _L.SELF_HARM,
        0.88,
        r"\bif (?:it'?s|it is|your job is|life is|nursing is|medicine is|work is) (?:that|so|this) (?:bad|terrible|awful|hard|hellish|unbearable|miserable)\W+(?:then |just |go )?(?:jump(?! (?:ship|in|on|at|to|into|the|a|through|over|up|down|aboard))|end it|off yourself|kill yourself|top yourself|do us a favou?r)\b"
        r"|\bif you (?:hate|can'?t stand|can'?t handle|can'?t cope with) (?:it|your job|your life|nursing|medicine|the job) (?:that|so) much\W+(?:then |just |go )?(?:jump(?! (?:ship|in|on|at|to|into|the|a|through|over|up|down|aboard))|end it|off yourself)\b",
        "encourages self-harm",
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.86,
        r"\bpeople (?:of|like) (?:your|her|his|their|that) (?:faith|religion|kind|race|colou?r|background|culture|ethnicity|caste|sort|type)\b[^.!?\n]{0,30}\b(?:shouldn'?t|should not|can'?t|cannot|don'?t belong|have no (?:place|business)|aren'?t fit|are not fit|should never|must never|never be)\b",
        "attacks the person for who they are",
        guard=_SAID_TO_ME,
    ),
    # Emoji: a weapon or a coffin beside a house, a family, a child, a car or watching eyes; a
    # message that is only a handle and such emoji; an aubergine with "your DMs".
    _r(
        _L.THREAT,
        0.86,
        r"(?:🔪|🗡|🔫|💣|🪓|🧨)[\W_]{0,6}(?:🏠|🏡|🏘|👨|👩|👧|👦|👶|🧒|🚗|🚙|🏫|👀|⚰|🪦)"
        r"|(?:⚰|🪦)[\W_]{0,6}(?:🏠|🏡|🏘|👨|👩|👧|👦|👶|🧒|🚗|🚙|🏫)"
        r"|(?:🏠|🏡|👨|👩|👧|👦|👶|🧒|🚗|🏫)[\W_]{0,6}(?:🔪|🗡|🔫|💣|🪓|⚰|🪦|🧨)"
        r"|^\s*(?:@\w+[\s,:]*)+[\W_]*(?:🔪|🗡|🔫|💣|🪓|⚰|🪦|🧨)[\W_]*$",
        "a threat in emoji",
        base_form=True,
        anchor=True,
    ),
    _r(
        _L.SEXUAL_HARASSMENT,
        0.86,
        r"(?:🍆|💦|🍑)[^\n]{0,60}\b(?:dms?|inbox|private(?:ly)?|alone|tonight|your place|my place|bed|in person|open it)\b"
        r"|\b(?:dms?|inbox|private(?:ly)?|alone|tonight|your place|my place|bed|open it)\b[^\n]{0,60}(?:🍆|💦|🍑)",
        "unwanted sexual advance",
        base_form=True,
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.86,
        r"\b(?:it'?s|its|that'?s|runs?|must be) in (?:the|their|your|ur|his|her) (?:blood|genes|dna)\b[^.!?\n]{0,30}(?:🤑|💰|💵|💸|\$|\bmoney\b|\bgreed|\bshekels?\b|\bpenn(?:y|ies)\b|\bbilling\b|\binterest\b)"
        r"|(?:🤑|💰|💸|\bmoney\b|\bgreed\w*|\bshekels?\b|\bpenny[- ]pinching\b|\bbilling\b|\bcharging\b)[^.!?\n]{0,40}\b(?:it'?s|its|that'?s|runs?|must be) in (?:the|their|your|ur|his|her) (?:blood|genes|dna)\b"
        r"|^\s*(?:@\w+[\s,:]*)+(?:terrorist|jihadi|suicide bomber|towelhead|raghead|camel jockey)\W*$"
        r"|^\s*(?:@\w+[\s,:]*)+[\W_]*(?:🐒|🐵|🦍|🙈)[\W_]*(?:🍌)?[\W_]*$",
        "attacks the person for who they are",
        base_form=True,
        anchor=True,
        guard=_SAID_TO_ME,
    ),
    # ---- ninth round (2026-12-07): "kill yourself" and "fake doctor" in more languages ---------
    # The commonest abuse that is abuse on its own, in the languages the rules above do not read
    # (Slavic, Baltic-Finnic, Turkish, Greek, Hungarian, Romanian, Scandinavian, Indonesian and
    # Malay, Vietnamese, Swahili, Arabic, Farsi, Hebrew, Hindi, Bengali, Tamil, Chinese, Japanese,
    # Korean, Thai). Only imperative forms and set phrases: "he killed himself" and "died" are
    # case history in every language.
    _r(
        _L.SELF_HARM,
        0.92,
        _phrases(
            "zabi sa",
            "obes sa",
            "chcipni",
            "zabij se",
            "oběs se",
            "chcípni",
            "zdechni",
            "ubij se",
            "objesi se",
            "crkni",
            "убиј се",
            "цркни",
            "zdychaj",
            "zdechnij",
            "убей себя",
            "убейся",
            "сдохни",
            "повесься",
            "иди умри",
            "вбий себе",
            "вбийся",
            "здохни",
            "повісься",
            "убий се",
            "kendini öldür",
            "geber",
            "gebersin",
            "kendini as",
            "öl de kurtulalım",
            "omoară-te",
            "sinucide-te",
            "spânzură-te",
            "mori naibii",
            "öld meg magad",
            "dögölj meg",
            "akaszd fel magad",
            "tapa itsesi",
            "hirtä itsesi",
            "kuole pois",
            "ta livet av dig",
            "ta livet av deg",
            "häng dig",
            "heng deg",
            "dö i helvete",
            "dø i helvede",
            "slå dig selv ihjel",
            "dræb dig selv",
            "hæng dig selv",
            "gå hjem og dø",
            "maak jouself dood",
            "αυτοκτόνησε",
            "ψόφα",
            "κρεμάσου",
            "bunuh diri aja",
            "bunuh diri saja",
            "bunuh diri sana",
            "mati aja",
            "mati saja",
            "mampus kau",
            "mampus lu",
            "pergi mati",
            "mati je",
            "đi chết đi",
            "mày chết đi",
            "tự tử đi",
            "jiue",
            "kajiue",
            "jinyonge",
            "اقتل نفسك",
            "اقتلي نفسك",
            "روح موت",
            "روحي موتي",
            "خودتو بکش",
            "برو بمیر",
            "לך תמות",
            "לכי תמותי",
            "תתאבד",
            "תתאבדי",
            "תמות כבר",
            "जाकर मर जा",
            "मर जाओ",
            "खुद को मार ले",
            "आत्महत्या कर ले",
            "फांसी लगा ले",
            "মরে যা",
            "আত্মহত্যা কর",
            "செத்து போ",
            "செத்துப் போ",
            "死ね",
            "氏ね",
            "死んでしまえ",
            "自殺しろ",
            "去死吧",
            "你去死",
            "快去死",
            "赶紧去死",
            "怎么不去死",
            "自杀吧",
            "죽어라",
            "자살해라",
            "뒤져라",
            "죽어버려",
            "가서 죽어",
            "ไปตายซะ",
            "ฆ่าตัวตายซะ",
        ),
        "encourages self-harm (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.THREAT,
        0.9,
        _phrases(
            "vím, kde bydlíš",
            "vím kde bydlíš",
            "vím, kde bydlí",
            "vím kde bydlí",
            "víme, kde bydlíš",
            "víme kde bydlíš",
            "viem, kde bývaš",
            "viem kde bývaš",
            "znam gdje živiš",
            "znamo gdje živiš",
            "znam gde živiš",
            "znamo gde živiš",
            "знам где живиш",
            "знаем, где ты живёшь",
            "знаем где ты живешь",
            "знаю, где ты живёшь",
            "знаю где ты живешь",
            "знаємо, де ти живеш",
            "знаю, де ти живеш",
            "nerede oturduğunu biliyoruz",
            "nerede oturduğunu biliyorum",
            "evini biliyoruz",
            "evini biliyorum",
            "tudjuk, hol laksz",
            "tudom, hol laksz",
            "știm unde locuiești",
            "stim unde locuiesti",
            "tiedämme missä asut",
            "tiedän missä asut",
            "vi vet var du bor",
            "jag vet var du bor",
            "vi ved hvor du bor",
            "jeg ved hvor du bor",
            "vi vet hvor du bor",
            "jeg vet hvor du bor",
            "ξέρουμε πού μένεις",
            "ξέρω πού μένεις",
            "kami tahu rumahmu",
            "aku tahu rumahmu",
            "tahu di mana kamu tinggal",
            "kami tahu di mana kamu tinggal",
            "kami tahu rumah kamu",
            "tao biết nhà mày",
            "biết nhà mày ở đâu",
            "tunajua unapoishi",
            "najua unapoishi",
            "tunajua nyumba yako",
            "tunajua majina yenu",
            "نعرف وين ساكن",
            "نعرف أين تسكن",
            "نعرف عنوانك",
            "نعرف بيتك",
            "می‌دانیم کجا زندگی می‌کنی",
            "میدونیم کجا زندگی میکنی",
            "אנחנו יודעים איפה אתה גר",
            "אני יודע איפה אתה גר",
            "אנחנו יודעים איפה את גרה",
            "हम जानते हैं तुम कहाँ रहते हो",
            "हमें पता है तुम कहाँ रहते हो",
            "मुझे पता है तुम कहाँ रहते हो",
            "我知道你住哪",
            "我们知道你住哪",
            "知道你家在哪",
            "お前の家は知ってる",
            "家は知ってる",
            "住所は知ってる",
            "어디 사는지 알아",
            "집 주소 알아",
            "집 어딘지 알아",
            "เรารู้ว่าบ้านมึงอยู่ไหน",
            "รู้ว่าบ้านอยู่ไหน",
        ),
        "says they know where the person lives (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.MOBILISATION,
        0.86,
        _phrases(
            "tusambaze jina lake",
            "tusambaze namba yake",
            "sambazeni jina lake",
            "herkes şikayet etsin",
            "hepiniz şikayet edin",
            "všichni ho nahlaste",
            "nahlaste ho",
            "nahlaste ju",
            "svi ga prijavite",
            "prijavite ga",
            "пожалуйтесь на него все",
            "жалуйтесь все",
            "все жалуйтесь",
            "скаржтеся всі",
            "bagikan namanya",
            "sebarkan namanya",
            "laporkan dia ramai-ramai",
            "hãy báo cáo bác sĩ này",
            "chia sẻ tên",
            "大家一起举报",
            "大家去举报",
            "みんなで通報",
            "다 같이 신고",
            "ช่วยกันแชร์",
            "תפיצו את השם",
            "שתפו את השם",
            "انشروا اسمه",
            "بلغوا عنه",
            "सब मिलकर शिकायत करो",
            "नाम फैलाओ",
        ),
        "calls on others to go after the person (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.86,
        _phrases(
            "фальшивый врач",
            "липовый врач",
            "купил диплом",
            "купила диплом",
            "фальшивий лікар",
            "купив диплом",
            "sahte doktor",
            "diplomasını satın",
            "falešný doktor",
            "falešná doktorka",
            "falošný lekár",
            "lažni doktor",
            "lažni liječnik",
            "lažni lekar",
            "hamis orvos",
            "fals doctor",
            "doctor fals",
            "diplomă cumpărată",
            "dokter gadungan",
            "dokter palsu",
            "doktor palsu",
            "bác sĩ dỏm",
            "bác sĩ rởm",
            "bằng giả",
            "daktari feki",
            "daktari bandia",
            "طبيب مزيف",
            "دكتور مزيف",
            "شهادة مزورة",
            "دکتر قلابی",
            "רופא מזויף",
            "רופאה מזויפת",
            "नकली डॉक्टर",
            "फर्जी डॉक्टर",
            "ভুয়া ডাক্তার",
            "போலி டாக்டர்",
            "போலி மருத்துவர்",
            "假医生",
            "假醫生",
            "买的文凭",
            "ニセ医者",
            "偽医者",
            "가짜 의사",
            "หมอเถื่อน",
            "ψευτογιατρός",
            "falsk läkare",
            "falsk lege",
            "falsk læge",
            "valelääkäri",
        ),
        "attacks the person's credentials (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    # ---- sixth round (2026-12-07): other languages --------------------------------------------
    # The sentence encoder (all-MiniLM-L6-v2) was trained on English and sees little in other
    # languages, so abuse there needs its words. Each family below covers French, Spanish,
    # Portuguese, Italian, German, Dutch, Polish, Tagalog, Hindi/Urdu and Nigerian Pidgin in
    # Latin script, Afrikaans and Arabic in Latin script, for the forms that are abuse on their
    # own: a slur or an insult said of a person, "we know where you live", "kill yourself",
    # "report him", "fake doctor". Words with a clinical or an everyday sense are left out
    # (FDP, HDP; "c'est nul", "es inútil", "rentre chez toi", "du bist dran"). The text is
    # folded (lower case, accents removed) before matching; reported speech is dropped as in
    # English, and the guards below add the other languages' "called me", "told me".
    _r(
        _L.INSULT,
        0.9,
        r"\b(?:connard|connasse|salope|encule|fils de pute|ta gueule|va te faire (?:foutre|enculer)|nique ta mere|pauvre con(?:ne)?|espece d(?:e |')(?:con|idiot|cretin|abruti|incapable|charlatan|ordure)\w*"
        r"|hij[oa] de (?:puta|perra)|gilipollas|pendej[oa]s?|malparid[oa]|cabron(?:a|es)?|concha de tu madre|chinga tu madre|vete a la mierda|pedazo de (?:mierda|idiota|inutil)"
        r"|filh[oa] da puta|vai tomar no cu|vai se foder|arrombad[oa]|cuzao|babaca|otari[oa]|vagabund[oa]"
        r"|vaffanculo|stronz[oa]|coglion[ea]|figli[oa] di puttana|testa di cazzo|pezzo di merda"
        r"|arschloch|hurensohn|wichser|fotze|missgeburt|drecks(?:au|kerl|stuck|arzt|arztin|hexe)|fick dich|verpiss dich|halt die fresse|vollidiot(?:in)?"
        r"|kankerlijer|kankerhoer|tyfuslijer|teringlijer|klootzak"
        r"|spierdalaj|jebany|jebana|ty (?:idioto|debilu|kretynie|chuju|szmato)"
        r"|putang ina mo|tangina mo|gago ka|tanga ka|bobo ka|ulol|tarantado"
        r"|kamin[ae]"
        r"|werey|oloshi|olodo|ashawo"
        r"|jou (?:poes|ma se|moer)|fok jou"
        r"|ibn el sharmouta|sharmouta|kos omak|ya (?:kalb|hmar|hayawan))\b",
        "insults the person (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.INSULT,
        0.88,
        r"\b(?:tu es|t'?es|vous etes)\s*(?:une? |vraiment une? |vraiment )?(?:incapable|incompetente?|nulle?|abrutie?|cretine?|debile|imbecile|idiote?|charlatan|ordure|menteuse?|bouchere?|assassine?|criminelle?|guignol|pourriture|raciste|bon a rien|bonne a rien)\b"
        r"|\b(?:c'?est (?:une? |qu'une? )|quel(?:le)? |sale |espece d(?:e |'))(?:incapable|incompetente?|abrutie?|cretine?|debile|imbecile|idiote?|charlatan|ordure|menteuse?|guignol|pourriture|raciste|bon a rien|bonne a rien)\b"
        r"|\b(?:eres|sos|usted es)\s+(?:un[a]? )?(?:idiota|imbecil|estupid[oa]|inutil|incompetente|payas[oa]|carnicer[oa]|asesin[oa]|ignorante|matasanos|charlatan[a]?|tont[oa]|burr[oa]|mentiros[oa]|rata|zorra|perra|racista)\b"
        r"|\b(?:es|vaya)\s+(?:un[a]? |una verdadera |un verdadero )(?:idiota|imbecil|estupid[oa]|inutil|incompetente|payas[oa]|carnicer[oa]|asesin[oa]|ignorante|matasanos|charlatan[a]?|tont[oa]|burr[oa]|mentiros[oa]|rata|zorra|perra|racista)\b"
        r"|\b(?:seu|sua|voce e|e um|e uma)\s+(?:um |uma )?(?:idiota|imbecil|burr[oa]|incompetente|inutil|safad[oa]|canalha|palhac[oa]|acougueir[oa]|assassin[oa]|charlatao|ignorante|pilantra|desgracad[oa]|vadia|vaca|racista)\b"
        r"|\b(?:sei|e|lei e) (?:un[ao']? ?|una |proprio un[ao]? )(?:idiota|imbecille|incompetente|cretin[oa]|deficiente|buffone|macellai[oa]|assassin[oa]|ciarlatano|ignorante|somar[oa]|incapace)\b"
        r"|\b(?:du|sie|der|die|diese[rs]?|so ein(?:e)?|was fur ein(?:e)?)\s+(?:verdammte[rs]? |dumme[rs]? |blode[rs]? |inkompetente[rs]? )?(?:idiot(?:in)?|depp|trottel|schlampe|hure|versager(?:in)?|pfuscher(?:in)?|scharlatan|quacksalber(?:in)?|drecksau|miststuck|spast)\b"
        r"|\b(?:je bent een|jij bent een|wat een|die|dat)\s+(?:idioot|sukkel|oplichter|kwakzalver|mongool|hoer|lul|eikel)\b"
        r"|\b(?:na|you be|una be|dat|dis) (?:\w+ ){0,2}(?:mumu|olodo|werey|oloshi|useless (?:doctor|nurse|pesin|person))\b"
        r"|\b(?:tum|aap|yeh|ye|woh) (?:\w+ ){0,2}(?:gadha|gadhe|bewakoof|nalayak|ullu|kutta|kutte|kutti)\b",
        "insults the person (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.INSULT,
        0.86,
        r"\b(?:medecins?|docteurs?|toubibs?|medic[oa]s?|doctor(?:a|es|as)?|doutor(?:a|es|as)?|dottor(?:e|i|essa|esse)|medici|arzt|arzte|arztin(?:nen)?|dokter[s]?|lekarz(?:e|a|y)?|lekarka|doktor(?:a|zy|es)?|daktar|tabib|infirmier(?:e|s)?|enfermer[oa]s?|infermier[ei])\b[^.!?\n]{0,60}?\b(?:oszusc\w*|oszust\w*|łapowkarz\w*|lapowkarz\w*|konowal\w*|vigliacch[io]|ciarlatan[oi]|macellai?[oa]?|bastos|walang hiya|skelm|bedrieer|moordenaar|ladr(?:ao|oes|on|ones)|bandid[oa]s?|matasanos|carnicer[oa]s?|escrocs?|voleurs?|betruger(?:in)?|kurpfuscher(?:in)?|oplichters?|criminali|assassini|ordures?)\b",
        "insults the person (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.THREAT,
        0.9,
        r"\b(?:on sait|je sais|nous savons) ou (?:tu|vous) (?:habites?|habitez|vis|vivez|travailles?|travaillez|gares?|garez|dors|dormez)\b|\bon sait (?:ou|quand) (?:se trouve|est|sont) (?:ton|ta|tes|votre|vos|sa|son|ses)\b|\bon viendra\W*$|\bon (?:va|viendra) (?:te |vous )(?:chercher|trouver|rendre (?:une )?visite|faire payer)\b|\b(?:tu vas|vous allez|il va|elle va) le payer\b|\b(?:tu vas|vous allez) payer (?:pour (?:ca|ce que)|cher)\b|\bje vais te (?:tuer|buter|crever|retrouver|defoncer|faire la peau)\b|\bfais gaffe a toi\b|\b(?:tes|vos) jours sont comptes\b"
        r"|\b(?:sabemos|se) donde (?:vives|vive|trabajas|trabaja|aparcas|duermes)\b|\bsabemos (?:donde|cuando) (?:estas|sales)\b|\bte (?:vamos|voy) a (?:encontrar|buscar|matar|partir la cara|dar tu merecido)\b|\b(?:me las|lo|la) (?:vas|va) a pagar\b|\b(?:vas|va) a pagar(?:lo|la)? (?:caro|por (?:esto|lo que))\b|\bque se va a enterar\b|\bte vas a enterar\b|\bte (?:estamos|estoy) vigilando\b"
        r"|\b(?:sabemos|eu sei) onde (?:voce|tu|ela|ele) (?:mora|moras|trabalha|vive|estaciona)\b|\bvai pagar caro\b|\bvamos te pegar\b|\bvai ter o que merece\b"
        r"|\b(?:sappiamo|so) dove (?:abiti|vivi|lavori|abita|lavora|parcheggi)\b|\bte la faremo pagare\b|\bla pagherai\b|\bla pagherete\b|\bti (?:veniamo|vengo) a (?:prendere|cercare)\b"
        r"|\b(?:wir wissen|ich weiss),? wo (?:du|sie|er|ihr) (?:wohn|arbeit|park|leb|schlaf)\w*\b|\bdas wirst du bereuen\b|\bdas werden sie bereuen\b|\bwir kriegen (?:dich|euch) noch\b|\bdu bist (?:bald |so gut wie )?tot\b"
        r"|\b(?:we weten|ik weet) waar (?:je|jij|u|hij|zij) (?:woont|werkt|parkeert)\b|\b(?:ons weet|ek weet) waar (?:jy|jou|hy|sy) (?:bly|werk)\b"
        r"|\b(?:wiemy|wiem),? gdzie (?:mieszkasz|pracujesz|mieszka|pracuje)\b"
        r"|\balam (?:namin|ko) kung saan ka (?:nakatira|nagtatrabaho)\b"
        r"|\b(?:hum|ham|main|mai) (?:jaante|jante|janta|jaanta) (?:hain|hoon|hu) (?:tu|tum|aap) kaha?n (?:rehta|rehti|rehte|kaam karte)\b"
        r"|\bwe (?:know|sabi) where (?:you|una|e) dey\b|\b(?:you|una) go (?:see|know) wetin\b",
        "a threat (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.TOXICITY,
        0.86,
        r"\bthunder (?:go )?fire (?:you|una|am|her|him)\b|\bgod (?:go|will) punish (?:you|una|am|her|him)\b|\bque dios (?:te|lo|la) castigue\b|\bque (?:te|le) (?:pudras|pudra)\b|\bpourris? en enfer\b|\bbrule en enfer\b",
        "a curse on the person (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.SELF_HARM,
        0.92,
        r"\b(?:tue|suicide)[- ]toi\b|\bva (?:te pendre|crever)\b|\ballez (?:vous pendre|crever)\b|\bdisparaiss?(?:ez|ons)? pour (?:de bon|toujours)\b|\bpersonne ne (?:te|vous) regretter(?:a|ait)\b|\bcrevez\b"
        r"|\bmatate\b|\bsuicidate\b|\bmuerete\b|\bojala (?:te|se) mueras?\b|\bahorcate\b"
        r"|\bse mata logo\b|\bvai se matar\b|\bmorre logo\b|\btomara que (?:voce |tu )?morra\b|\bmata-te\b"
        r"|\bammazzati\b|\bimpiccati\b|\bbuttati (?:giu|dal ponte|sotto un treno)\b|\bspero che (?:tu )?muoia\b"
        r"|\bbring dich um\b|\bbringen sie sich um\b|\bhang dich auf\b|\bkrepier\b|\bverreck\b|\bstirb endlich\b"
        r"|\bga (?:lekker )?dood\b|\bpleeg zelfmoord\b|\bzabij sie\b|\bpowies sie\b|\bmagpakamatay ka\b|\bmar ja(?:o)?\b|\bsuicide kar (?:le|lo)\b"
        r"|\bmar (?:jaana|jana|jaani|jani) chahiye\b|\b(?:pankhe|fan|rassi) se latak (?:ja|jao|jaao|jaa)\b|\blatak (?:jao|jaao) sab\b",
        "encourages self-harm (in another language)",
        guard=_SAID_TO_ME_INTL
        + r"|(?:stati|state|sono|furono|vengono|essere|pensamientos? de|pensees? de|gedanken)\W+(?:\w+\W+){0,2}$",
    ),
    _r(
        _L.MOBILISATION,
        0.88,
        r"\b(?:signalez|denoncez|signalons)[- ](?:le|la|les)\b|\bsignalez ce (?:medecin|docteur|type|charlatan)\b|\btout le monde (?:doit )?(?:le|la) (?:signaler|denoncer)\b|\b(?:partagez|diffusez) (?:son nom|son adresse|sa photo)\b|\bbalancez (?:son|sa|ses) (?:nom|adresse|numero)\b"
        r"|\b(?:denuncienl[oa]|denunciadl[oa]|reportenl[oa]|reportadl[oa])\b|\bsi alguien sabe donde vive\b|\bque (?:lo|la) ponga aqui\b|\btodos a (?:denunciar|reportar)l[oa]\b|\b(?:difundan|compartan) (?:su nombre|su direccion|su cara)\b"
        r"|\bdenunciem-n[oa]\b|\bdenunciem (?:ele|ela|esse|essa|este|esta|o dr|a dra)\b|\b(?:compartilhem|espalhem|divulguem) (?:o nome|a cara|o endereco|o perfil)\b"
        r"|\bsegnalatel[oaie]\b(?: tutti)?|\bdenunciatel[oaie]\b"
        r"|\bpakishare\b|\bi-?share (?:nyo|natin|ninyo)\b|\budostepni(?:ajcie|jcie)\b|\bniech (?:cal[ay]|wszyscy|caly) (?:\w+ )?wie(?:dza)?\b|\b(?:gee|geef) (?:hom|haar|hulle) (?:'n |een |a )?(?:1|een|one)[- ]?ster\b"
        r"|\bmeldet (?:ihn|sie)\b(?! (?:euch|sich))|\b(?:alle|jeder) (?:ihn|sie) (?:melden|anzeigen)\b|\bteilt (?:seinen|ihren) namen\b"
        r"|\bmeld (?:hem|haar) (?:allemaal|massaal)\b|\bzglaszajcie (?:go|ja)\b|\bi-?report (?:natin|nyo) (?:siya|sila)\b",
        "calls on others to go after the person (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.CREDENTIAL_ATTACK,
        0.88,
        r"\b(?:faux|pseudo|soi[- ]disant) (?:medecin|docteur|toubib|chirurgien(?:ne)?|infirmier(?:e)?)\b|\bdiplome (?:achete|bidon|de complaisance)\b|\b(?:n'?est|n'?es|t'?es) pas (?:un |une )?vraie? (?:medecin|docteur)\b"
        r"|\b(?:falso|supuesto|presunto|falsa|supuesta) (?:medico|doctor|doctora|cirujan[oa]|enfermer[oa])\b|\bmedic[oa] de pacotilla\b|\btitulo comprado\b|\bcompro (?:el|su) titulo\b|\bno es (?:un |una )?(?:verdader[oa] |real )(?:medic[oa]|doctor[a]?)\b|\bno es (?:un |una )?(?:medic[oa]|doctor[a]?) de verdad\b"
        r"|\b(?:falso|suposto|falsa|suposta) (?:medic[oa]|doutor[a]?|enfermeir[oa])\b|\bdiploma comprado\b|\bmedic[oa] de mentira\b|\bcomprou (?:o|seu|o seu) diploma\b"
        r"|\b(?:falso|finto|presunto|sedicente) (?:medico|dottore|dottoressa|infermier[ea])\b|\blaurea comprata\b"
        r"|\b(?:sogenannte[rn]?|angebliche[rn]?) (?:arzt|arztin|doktor|chirurg(?:in)?)\b|\bgekaufte[rns]? (?:doktortitel|titel|diplom|approbation)\b|\bsollte nie wieder (?:praktizieren|arbeiten) durfen\b"
        r"|\bnep-?(?:arts|dokter)\b|\bkwakzalver\b|\bfalszywy lekarz\b|\bkonowal\b|\bpekeng (?:doktor|doctor|nars)\b"
        r"|\b(?:farzi|nakli|jhoota) (?:doctor|dr|daktar)\b|\bdegree (?:khareedi|kharidi|khareed)\b|\b(?:donation|management quota|paisa) (?:seat|wala)\b[^.!?\n]{0,40}\b(?:mbbs|degree|doctor)\b|\bpaisa phenko\b"
        r"|\b(?:fake|counterfeit) (?:doctor|nurse) (?:wey|dey|na)\b"
        r"|\b(?:inti|enti|enta|inta|anta|anti|huwa|hiya|howa|heya) (?:mish|mush|mesh|mosh|mu|mo) (?:doktor|doktora|doctora|daktor|daktora|tabib|tabiba)\b",
        "attacks the person's credentials (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    _r(
        _L.IDENTITY_ATTACK,
        0.88,
        r"\b(?:retourne|rentre)z? (?:dans ton pays|dans votre pays|en afrique|au bled)\b|\b(?:vuelve|vete|regresa) a tu pais\b|\bsudacas?\b|\b(?:moro|negro|panchito) de mierda\b|\bvolta (?:pra|para) (?:o )?(?:teu|seu) pais\b|\btorna(?:tene)? al tuo paese\b|\bgeh (?:zuruck )?in dein land\b|\bkanker(?:jood|turk|marokkaan)\b",
        "attacks the person for who they are (in another language)",
        guard=_SAID_TO_ME_INTL,
    ),
    # ---- profanity (not harassment by itself) --------------------------------------------
    _r(
        _L.PROFANITY,
        0.9,
        r"\b(?:fuck\w*|f\*+c?k\w*|f\*+\w*|fck\w*|fuk\w*|phuck\w*|shit\w*|sh\*t\w*|shyt|bullshit|motherfuck\w*|mofo|cunt\w*|c\*nt|twat|bitch\w*|b\*tch\w*|asshole\w*|a\*+hole|arsehole|bastard\w*|dickhead|cocksucker|wanker|bollocks|goddamn\w*|wtf|stfu|ffs|pissed|piss|crap|damn|bloody hell)\b",
        "profanity",
    ),
)


@dataclass(frozen=True, slots=True)
class Hit:
    label: Label
    score: float
    start: int  # span of the ORIGINAL text
    end: int
    reason: str


_ANCHOR_FOLDED = re.compile(
    r"\b" + _YOU + r"\b|" + _NAMED + r"|\b" + _THIRD + r"\b",
)
_SECOND_PERSON = re.compile(r"\b" + _YOU + r"\b|@[a-z0-9_]{2,}")
_IDEA = re.compile(
    r"\b(?:study|studies|trial|trials|paper|papers|data|dataset|analysis|meta[- ]analysis|"
    r"guideline|guidelines|policy|policies|take|argument|claim|claims|evidence|approach|idea|"
    r"protocol|methodology|methods|article|rct|review|conclusion|conclusions|stats|statistics|"
    r"model|regulation|law|bill|mandate|proposal|theory|hypothesis|interpretation|reasoning|"
    r"logic|position|opinion|thread|figure|graph|chart|preprint|abstract|journal|editorial|"
    r"n ?= ?\d+|p ?= ?0?\.\d+|sample size|confound\w*|bias|endpoint|outcome|recommendation)\b"
)
_GROUP_RE = re.compile(r"\b" + _GROUP + r"\b")


def _split_top_level(pattern: str) -> list[str]:
    """The top-level alternatives of a pattern ("a|b(c|d)" -> ["a", "b(c|d)"])."""
    pieces: list[str] = []
    depth = 0
    in_class = False
    start = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[index + 1 : index + 2] == "]":
                index += 1
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            pieces.append(pattern[start:index])
            start = index + 1
        index += 1
    pieces.append(pattern[start:])
    return pieces


def _required(items: Any) -> frozenset[str] | None:
    """Literal strings of which every match must contain at least one (None: unknown).

    A sound pre-filter: computed from the parsed pattern, so a text that contains none of
    them cannot match, and the (much slower) regex search is skipped.
    """
    candidates: list[frozenset[str]] = []
    run: list[str] = []

    def close_run() -> None:
        if run:
            candidates.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        name = str(op)
        if name == "LITERAL":
            run.append(chr(av))
            continue
        close_run()
        if name == "SUBPATTERN":
            inner = _required(av[-1])
            if inner is not None:
                candidates.append(inner)
        elif name == "BRANCH":
            union: set[str] = set()
            for alternative in av[1]:
                inner = _required(alternative)
                if inner is None:
                    union = set()
                    break
                union |= inner
            if union:
                candidates.append(frozenset(union))
        elif name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") and av[0] >= 1:
            inner = _required(av[2])
            if inner is not None:
                candidates.append(inner)
    close_run()
    if not candidates:
        return None
    # the most selective: the set whose shortest literal is longest
    return max(candidates, key=lambda c: (min(len(x) for x in c), -len(c)))


def _usable(literals: frozenset[str] | None) -> frozenset[str] | None:
    """None when the literals cannot filter (unknown, or a one-letter literal)."""
    if literals is None or min(len(x) for x in literals) < 2:
        return None
    return literals


def _compile(rule: _Rule) -> list[tuple[_Rule, re.Pattern[str], frozenset[str] | None]]:
    return [
        (rule, re.compile(piece), _usable(_required(_sre_parse(piece))))
        for piece in _split_top_level(rule.pattern)
    ]


#: Every rule piece: (rule, regex, literals of which every match contains one, or None).
_COMPILED: tuple[tuple[_Rule, re.Pattern[str], frozenset[str] | None], ...] = tuple(
    item for rule in _RULES for item in _compile(rule)
)


def _trie_pattern(words: Iterable[str]) -> str:
    """A regex matching any of ``words``, as a trie: "you(?:r(?:self)?)?" for "you",
    "your", "yourself". Continuations are greedy, so it matches the longest word that
    starts at a position."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        branches = [re.escape(char) + build(node[char]) for char in sorted(node) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:
            return ("(?:" + body + ")?") if len(branches) == 1 else body + "?"
        return body

    return build(trie)


@dataclass(frozen=True, slots=True)
class _LiteralIndex:
    """Which rule pieces can match a text, from one scan of it for all their literals.

    Checking each piece's literals on its own cost ~280 regex scans per text, most of the
    fast path's time. Instead one regex scans the text once: at every position it reports
    the longest literal starting there (a lookahead, so matches may overlap); the shorter
    literals starting at the same position are its prefixes. A piece runs when one of its
    literals is present in the form it reads (or always, when it has none). Sound: a text
    holding none of a piece's literals cannot match it (`_required`); a test checks that
    the hits are the same as running every piece.
    """

    scan: re.Pattern[str] | None
    prefixes: dict[str, tuple[str, ...]]
    always: tuple[int, ...]
    folded_by_literal: dict[str, tuple[int, ...]]
    base_by_literal: dict[str, tuple[int, ...]]

    def present(self, text: str) -> set[str]:
        found: set[str] = set()
        if self.scan is not None:
            for match in self.scan.finditer(text):
                found.update(self.prefixes[match.group(1)])
        return found

    def candidates(self, norm: Normalised) -> list[int]:
        folded, base = norm.folded.text, norm.base.text
        found_folded = self.present(folded)
        found_base = found_folded if base == folded else self.present(base)
        selected = set(self.always)
        for literal in found_folded:
            selected.update(self.folded_by_literal.get(literal, ()))
        for literal in found_base:
            selected.update(self.base_by_literal.get(literal, ()))
        return sorted(selected)


def _index(
    compiled: tuple[tuple[_Rule, re.Pattern[str], frozenset[str] | None], ...],
) -> _LiteralIndex:
    always: list[int] = []
    by_form: dict[bool, dict[str, list[int]]] = {True: {}, False: {}}
    for number, (rule, _, literals) in enumerate(compiled):
        if literals is None:
            always.append(number)
            continue
        for literal in literals:
            by_form[rule.base_form].setdefault(literal, []).append(number)
    words = set(by_form[True]) | set(by_form[False])
    prefixes = {w: tuple(sorted(v for v in words if w.startswith(v))) for w in words}
    return _LiteralIndex(
        scan=re.compile("(?=(" + _trie_pattern(words) + "))") if words else None,
        prefixes=prefixes,
        always=tuple(always),
        folded_by_literal={k: tuple(v) for k, v in by_form[False].items()},
        base_by_literal={k: tuple(v) for k, v in by_form[True].items()},
    )


_INDEX = _index(_COMPILED)
_GUARDS: dict[str, re.Pattern[str]] = {
    rule.guard: re.compile(rule.guard) for rule in _RULES if rule.guard is not None
}


def anchors(norm: Normalised) -> list[tuple[int, int]]:
    """Positions (in the folded form) of words that point at a person."""
    return [m.span() for m in _ANCHOR_FOLDED.finditer(norm.folded.text)]


#: A third person named or pointed at: "she", "him", "Dr. Lee", "@handle", "this guy". Not
#: "they" (any group) and not "nurse"/"doctor" + a word ("a nurse says" is not Nurse Says).
_THIRD_PERSON = re.compile(
    r"\b(?:she|he|her|him|his|hers|she'?s|he'?s|herself|himself)\b|@[a-z0-9_]{2,}"
    r"|\bdr\.? ?[a-z][a-z'\-]+|\b" + _THIS_SOMEONE + r"\b"
)


def third_person(norm: Normalised) -> bool:
    """The text points at a third person (see ``_THIRD_PERSON``)."""
    return _THIRD_PERSON.search(norm.folded.text) is not None


def has_second_person(norm: Normalised) -> bool:
    """The text says "you" to someone: not only inside abuse it quotes in order to talk about
    it ("A relative told me today 'I know where you park'"), and not only to a machine or a
    program ("Cerner you piece of shit", "fuck you, printer").

    An @mention does not count here (folding has read its "@" as an "a"): the platform sets
    ``Context.aimed_at_person`` from mentions itself (``moderation.screening.post_context``),
    and counting them again made the heads judge "Thoughts, @colleague?" posts as replies."""
    text = norm.folded.text
    if _SECOND_PERSON.search(text) is None:
        return False
    quoted = _quoted_spans(text) if any(mark in text for mark in "\"'“‘«„") else []
    return any(
        not any(start <= m.start() and m.end() <= end for start, end in quoted)
        and not _THING_BEFORE_YOU.search(text[max(0, m.start() - 40) : m.start()])
        and not (m.group(0) == "you" and _THING_RIGHT_AFTER.match(text, m.end()))
        for m in _SECOND_PERSON.finditer(text)
    )


def idea_target(norm: Normalised) -> bool:
    return _IDEA.search(norm.folded.text) is not None


def group_target(norm: Normalised) -> bool:
    return _GROUP_RE.search(norm.folded.text) is not None


#: People the text may be about, beyond the groups that the identity rules know: professions
#: and roles, singular or plural ("pharmacists", "a deaf anesthesiologist", "the paramedic from
#: that video"), people in general ("these people", "anyone who", "this guy"), and the words
#: people are called ("quack", "fraud": ``_INSULT_NOUN``). Used only to send a text to the
#: transformer: an attack on a profession or on someone unnamed reads like talk to the fast path.
_PEOPLE_RE = re.compile(
    r"\b(?:doctors?|docs?|physicians?|surgeons?|nurses?|rns?|midwi(?:fe|ves)|pharmacists?|"
    r"paramedics?|emts?|medics?|dentists?|psychiatrists?|psychologists?|therapists?|"
    r"an(?:a)?esthesiologists?|an(?:a)?esthetists?|obs?|ob/?gyns?|gyn(?:a)?ecologists?|"
    r"p(?:a)?ediatricians?|oncologists?|cardiologists?|radiologists?|gps?|internists?|"
    r"hospitalists?|residents?|interns?|registrars?|consultants?|attendings?|fellows?|"
    r"students?|clinicians?|practitioners?|providers?|nps?|pas|physios?|physiotherapists?|"
    r"chiropractors?|naturopaths?|healthcare workers?|health workers?|hcws?|staff|admins?|"
    r"administrators?|scientists?|epidemiologists?|experts?|researchers?|people|folks|persons?|"
    r"patients?|parents?|mothers?|moms?|mums?|fathers?|kids?|children|immigrants?|refugees?|"
    r"foreigners?|libs?|liberals?|conservatives?|leftists?|feminists?|activists?|vaxxers?|"
    r"anti-?vaxxers?|christians?|catholics?|atheists?|everyone|everybody|anyone|anybody|"
    r"nobody|whoever|someone|somebody|guy|guys|dude|woman|man|lady|ladies|girl|boy|hires?)\b"
    r"|\b" + _INSULT_NOUN + r"s?\b"
)


def people_mentioned(norm: Normalised) -> bool:
    """A group the identity rules know, or a profession or people in general (see
    ``_PEOPLE_RE``)."""
    text = norm.folded.text
    return _GROUP_RE.search(text) is not None or _PEOPLE_RE.search(text) is not None


#: An @handle that addresses someone, in the original text (folding reads a leading "@" as the
#: leetspeak "a", as in "@ss"). Attributions ("from @AP", "via @x", "h/t @y", "RT @z") address
#: no one.
_HANDLE = re.compile(
    r"(?<![\w.@])(?<!(?i:from) )(?<!(?i:via) )(?<!(?i:by) )(?<!(?i:h/t) )(?<!(?i:rt) )(?<!(?i:cc) )"
    r"(?<!(?i:cc): )(?<!(?i:rt) “)(?<!(?i:rt)“)@[A-Za-z0-9_]{2,}"
)


def _anchored(norm: Normalised, form: Form, start: int, end: int, aimed_at_person: bool) -> bool:
    text = form.text
    window = text[max(0, start - 60) : end + 60]
    if _ANCHOR_FOLDED.search(window):
        return True
    if "@" in norm.original:
        o_start, o_end = norm.span(form, max(0, start - 40), min(len(text), end + 40))
        if _HANDLE.search(norm.original[o_start:o_end]):
            return True
    return aimed_at_person


# Reported speech: abuse quoted in order to talk about it ("a patient told me 'I know where
# you park'") is not abuse. A hit inside a quotation (double or single quotes; two or more
# words, or one of three letters or more such as "kys") is dropped when the text around the
# quotation frames it as something said to or about someone.
_QUOTATION = re.compile(
    r"[\"“«„]([^\"”»“\n]{2,400})[\"”»“]"
    r"|(?<![\w'’])['‘]((?:[^'‘’\n]|(?<=\w)['’](?=\w)){2,400}?)['’](?![\w'’])"
)
_REPORTING_FRAME = re.compile(
    r"\b(?:told|tells?|telling|said|says?|saying|yell(?:s|ed)?|scream(?:s|ed)?|shout(?:s|ed)?|wrote|writes?|writing|posted|"
    r"sent|asked|called|calling|comments?|messages?|dms?|replies|reply|emails?|voicemails?|"
    r"letters?|notes?|texts?|got|get|getting|received|receive|hear|heard|hearing|reported|"
    r"reporting|screenshot\w*|quote|quoted|quoting|like|such as|phrases?|words?|lines?|messaged|"
    r"replied|responded|commented|tweeted|dm'?d|dmed|emailed|hissed|muttered|abuse|abusive|"
    r"inbox|threats?|slurs?|insults?|examples?|trolls?|calls me|calls you|remarks?|reviews?|"
    r"feedback|complaints?|"
    # the same in the other languages that the rules read
    r"dit|disait|trait[ée]e?|insult[ée]e?|menac[ée]e?|[ée]crit|dijo|dec[ií]a|llam[oó]|grit[oó]|"
    r"escribi[oó]|amenaz[oó]|disse|chamou|gritou|escreveu|amea[cç]ou|detto|chiamato|scritto|"
    r"minacciato|gesagt|geschrieben|genannt|gedroht|geschrien|sinabi|sabi|tinawag|bola|kaha|likha)\b",
    re.IGNORECASE,
)


_COLON_BEFORE = re.compile(r":\s*$")
#: What a match may take around its words: spaces, punctuation, quotation marks.
_NOT_WORD = " \t\n.,;:!?'\"‘’“”«»„()-"


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    outside = _QUOTATION.sub(" ", text)
    framed = _REPORTING_FRAME.search(outside) is not None
    for match in _QUOTATION.finditer(text):
        # "Patient's son: 'I know where you park.'": a colon introduces what someone said
        if not framed and not _COLON_BEFORE.search(text, max(0, match.start() - 3), match.start()):
            continue
        quoted = match.group(1) if match.group(1) is not None else match.group(2)
        if len(quoted.split()) >= 2 or len(quoted.strip()) >= 3:
            spans.append(match.span())
    return spans


def _not_at_a_person(label: Label, text: str, start: int, end: int) -> bool:
    """Banter and swearing at things that the patterns cannot tell from abuse on their own:
    a threat in a text about a game or a celebration, an insult said to a machine or a
    program, praise that borrows an insult noun."""
    if label is _L.THREAT:
        # "nights can go to hell", "the IT department can go to hell"
        damned = text.startswith(("go to hell", "rot in hell", "burn in hell"), start)
        return _PLAYFUL.search(text) is not None or (
            damned and bool(_THING_BEFORE_YOU.search(text[max(0, start - 40) : start]))
        )
    if label is _L.INSULT:
        said = text[start:end]
        if (
            "you" not in said
            and _THING_RIGHT_AFTER.match(text, end)
            and not _ANCHOR_FOLDED.search(said)
        ):
            return True  # "vaffanculo Excel", "fuck off, printer": said to a thing
        if "you" in said and (
            _THING_AFTER.match(text, end)
            or _THING_BEFORE_YOU.search(text[max(0, start - 40) : start])
        ):
            return True
        if said.endswith(_PRAISE_NOUNS) and _PRAISE_AFTER.match(text, end):
            return True
        if said.endswith(_PRAISE_ADJECTIVES) and _PRAISE_MARK.search(text):
            return True
    return False


def find_hits(norm: Normalised, *, aimed_at_person: bool = False) -> list[Hit]:
    """Every rule that fires on the text, as hits with original-text spans."""
    quoted = (
        _quoted_spans(norm.original)
        if (
            '"' in norm.original
            or "“" in norm.original
            or "«" in norm.original
            or "„" in norm.original
            or "'" in norm.original
            or "‘" in norm.original
        )
        else []
    )
    hits: list[Hit] = []
    for number in _INDEX.candidates(norm):
        rule, pattern, _ = _COMPILED[number]
        form = norm.base if rule.base_form else norm.folded
        text = form.text
        guard = _GUARDS[rule.guard] if rule.guard is not None else None
        for match in pattern.finditer(text):
            start, end = match.span()
            if guard is not None and guard.search(text[max(0, start - 40) : start]):
                continue
            if rule.anchor and not _anchored(norm, form, start, end, aimed_at_person):
                continue
            o_start, o_end = norm.span(form, start, end)
            # the words matched, without the spaces or marks a pattern may take around them
            said = norm.original[o_start:o_end]
            w_start = o_start + (len(said) - len(said.lstrip(_NOT_WORD)))
            w_end = o_end - (len(said) - len(said.rstrip(_NOT_WORD)))
            if any(q_start <= w_start and w_end <= q_end for q_start, q_end in quoted):
                continue  # reported speech
            if _not_at_a_person(rule.label, text, start, end):
                continue
            hits.append(Hit(rule.label, rule.score, o_start, o_end, rule.reason))
    return hits


def best_by_label(hits: Iterable[Hit]) -> dict[Label, Hit]:
    best: dict[Label, Hit] = {}
    for hit in hits:
        current = best.get(hit.label)
        if current is None or hit.score > current.score:
            best[hit.label] = hit
    return best
