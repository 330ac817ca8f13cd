"""The cascade's behaviour: decisions, targets, spans, context, thresholds, evasion."""

from __future__ import annotations

import json

import pytest

from primum.safety import (
    Context,
    Decision,
    Label,
    SpaceKind,
    Target,
    Thresholds,
    assess,
    assess_many,
    engine_version,
)
from primum.safety.coach import R, coach
from primum.safety.composer import check_draft
from primum.safety.normalise import normalise

REPLY = Context(aimed_at_person=True, is_reply=True)


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("I know which hospital you work at and when your shift ends", Label.THREAT),
        ("watch your back, doc", Label.THREAT),
        ("she lives at 42 Elm Street, her kids go to Oakwood Elementary", Label.DOXXING),
        ("Are you even a real doctor?", Label.CREDENTIAL_ATTACK),
        ("everyone report this fraud to the medical board", Label.MOBILISATION),
        ("you'd look better smiling in your scrubs", Label.SEXUAL_HARASSMENT),
        ("women shouldn't be surgeons", Label.IDENTITY_ATTACK),
        ("do the world a favour and kill yourself", Label.SELF_HARM),
        ("you're an idiot who shouldn't have a licence", Label.INSULT),
    ],
)
def test_targeted_harassment_is_not_allowed_and_explained(text: str, label: Label) -> None:
    result = assess(text, REPLY)
    assert result.decision is not Decision.ALLOW
    assert result.scores[label] >= 0.7
    assert result.target in (Target.PERSON, Target.GROUP)
    spans = [s for s in result.spans if s.label == str(label)]
    assert spans, "every label is explained by a span"
    for span in spans:
        assert 0 <= span.start < span.end <= len(text)
        assert span.reason


@pytest.mark.parametrize(
    "text",
    [
        "GSW to the chest, shot twice, massive transfusion protocol activated",
        "We need to kill the infection before we close",
        "Rectal exam unremarkable, guaiac negative",
        "She beat stage IV cancer and ran a marathon this year",
        "One in six female physicians reported rape threats in our survey",
        'A patient told me "I know where you park" today and security walked me to my car',
        "If you are thinking about killing yourself, please call 988 — you are not alone",
        "How do I report an impaired colleague to the medical board?",
        "this fucking pager won't stop",
    ],
)
def test_clinical_and_professional_language_is_allowed(text: str) -> None:
    assert assess(text).decision is Decision.ALLOW
    assert assess(text, REPLY).decision is Decision.ALLOW


@pytest.mark.parametrize(
    "text",
    [
        "Nurses catch what monitors miss. Listen when a nurse says something is off. #hcldr",
        "Match season thoughts: be kind to ourselves, everyone. #meded",
    ],
)
def test_plain_advice_posted_to_no_one_is_allowed(text: str) -> None:
    # The learned heads read these as calls to pile on; aimed at no one and with no rule's
    # words, the model alone must be surer (engine._UNAIMED_HEAD_MIN). Addressed to someone
    # ("share with your teams") they can still be collapsed: a known false positive
    # (docs/safety-model-card.md, limitations).
    assert assess(text).decision is Decision.ALLOW


def test_disagreement_targets_the_idea_not_the_person() -> None:
    idea = assess("this trial proves nothing, n = 12", REPLY)
    assert idea.decision is Decision.ALLOW
    assert idea.target is Target.IDEA
    person = assess("you're an idiot who shouldn't have a licence", REPLY)
    assert person.target is Target.PERSON
    assert person.decision is not Decision.ALLOW


def test_a_text_aimed_at_an_idea_never_counts_toward_a_pile_on() -> None:
    from primum.safety import pileon

    heated = [
        "this trial is garbage science and the paper should be retracted, full stop",
        "Great thread. Ignore the trolls, you are doing important work.",
        "that guideline is a disgrace, n = 40 and no control arm",
    ]
    for text in heated:
        found = assess(text, REPLY)
        if found.target is Target.IDEA:
            assert found.hostility < pileon.PileOnConfig().hostility_threshold, (text, found.scores)


@pytest.mark.parametrize(
    "text",
    [
        "you 1d10t",
        "you i d i o t",
        "you stuuuupid moron",
        "you аre а mоrоn",
        "you id\u200biot",
        "you useless b*tch",
        "ʏᴏᴜ ᴀʀᴇ ᴀɴ ɪᴅɪᴏᴛ",
    ],
)
def test_evasion_is_undone_and_spans_point_at_the_original(text: str) -> None:
    result = assess(text, REPLY)
    assert result.decision is not Decision.ALLOW
    insult = [s for s in result.spans if s.label == "insult"]
    assert insult
    assert all(0 <= s.start < s.end <= len(text) for s in insult)


def test_normalise_keeps_a_map_to_the_original() -> None:
    text = "Yоu 1d10t\u200b!"
    norm = normalise(text)
    assert "you idiot" in norm.folded.text
    index = norm.folded.text.index("idiot")
    start, end = norm.span(norm.folded, index, index + 5)
    assert text[start:end] == "1d10t"
    assert normalise("take 20 mg at 7pm").folded.text == "take 20 mg at 7pm"


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("f**king a**hole", "fucking asshole"),  # one asterisk per letter
        ("k*ll yourself", "kill yourself"),
        ("**bold** and 5*3", "**bold** and 5*3"),  # markdown and arithmetic stay
        ("a*** and ***", "a*** and ***"),  # mostly asterisks: nothing to read
        ("ᴅʀ ᴋɪᴍ", "dr kim"),  # small capitals
        ("b!tch!", "bitch!"),  # a "!" inside a word is an "i"; closing it, punctuation
        ("report him!!", "report him!!"),
    ],
)
def test_masked_words_and_small_capitals_are_read(text: str, folded: str) -> None:
    norm = normalise(text)
    assert norm.folded.text == folded
    assert norm.span(norm.folded, 0, len(folded)) == (0, len(text))


def test_swearing_at_a_thing_named_after_you_is_not_a_reply() -> None:
    from primum.safety import rules

    assert not rules.has_second_person(normalise("Fuck you, printer."))
    assert rules.has_second_person(normalise("fuck you, you useless doctor"))
    assert assess("Fuck you, printer.").decision is Decision.ALLOW


def test_threats_and_doxxing_are_held_in_public_and_thresholds_are_per_space() -> None:
    threat = assess("I know where you live and I'm coming for you", REPLY)
    assert threat.decision is Decision.HOLD
    lenient = Thresholds(collapse={Label.THREAT: 0.99})
    assert (
        assess("I know where you live and I'm coming for you", REPLY, thresholds=lenient).decision
        is Decision.COLLAPSE
    )
    mild = "what a clown"
    public = assess(mild, REPLY)
    patient = assess(mild, Context(aimed_at_person=True, space_kind=SpaceKind.PATIENT))
    assert patient.scores == public.scores
    assert patient.decision is not Decision.ALLOW


def test_context_new_unverified_stranger_weighs_more_and_friends_less() -> None:
    text = "you are such a clown"
    stranger = assess(
        text, Context(aimed_at_person=True, author_account_age_days=2, author_trust_level=0)
    )
    friend = assess(
        text,
        Context(
            aimed_at_person=True,
            author_account_age_days=900,
            author_trust_level=3,
            author_follows_target=True,
            target_follows_author=True,
        ),
    )
    assert stranger.scores[Label.INSULT] > friend.scores[Label.INSULT]


def test_deterministic_and_batched_equals_single() -> None:
    texts = ["you're a fraud", "great case, thanks for sharing", "everyone flood her inbox", ""]
    contexts = [REPLY, Context(), REPLY, Context()]
    batched = assess_many(texts, contexts)
    assert batched == assess_many(texts, contexts)
    assert batched == [assess(t, c) for t, c in zip(texts, contexts, strict=True)]
    assert all(r.model_version == engine_version() for r in batched)


def test_odd_input_does_not_break_the_engine() -> None:
    assert assess("").decision is Decision.ALLOW
    assert assess("\ud800 lone surrogate, \x00 nul, \u202e bidi").decision is Decision.ALLOW
    long = "the data disagree with the conclusion. " * 2000
    assert assess(long).decision is Decision.ALLOW
    with pytest.raises(ValueError):
        assess_many(["a", "b"], [Context()])


def test_to_dict_is_json_friendly() -> None:
    data = assess("you're a quack", REPLY).to_dict()
    assert json.loads(json.dumps(data)) == data
    scores = data["scores"]
    assert isinstance(scores, dict)
    assert set(data) == {"scores", "target", "spans", "decision", "model_version", "path"}
    assert scores["insult"] >= 0.7


def test_coach_offers_the_fitting_r() -> None:
    hostile_parent = assess("are you even a real doctor? everyone report her to the board", REPLY)
    calm_draft = assess("I am board certified in oncology; here is the guideline", REPLY)
    rejected = coach(calm_draft, hostile_parent)
    assert rejected is not None and rejected.r is R.REJECT
    hot_draft = assess("you're an idiot", REPLY)
    resisted = coach(hot_draft, None)
    assert resisted is not None and resisted.r is R.RESIST
    assert coach(calm_draft, None) is None


def test_check_draft_combines_every_guard() -> None:
    result = check_draft(
        "Mr. John Smith, DOB 03/14/1962, you should stop your tamoxifen",
        Context(aimed_at_person=True, space_kind=SpaceKind.PATIENT, parent_text="you are a fraud"),
    )
    data = result.to_dict()
    phi = data["phi"]
    assert isinstance(phi, dict)
    assert phi["has_phi"] is True
    assert "assessment" not in data
    assert "assessment" in result.to_dict(with_scores=True)
    assert data["coach"] is not None
    assert result.advice is not None


def test_the_literal_scan_finds_every_literal_present_overlapping_or_not() -> None:
    """One scan reports exactly the literals a substring test finds, overlaps included."""
    import random

    from primum.safety import rules

    index = rules._index(rules._COMPILED)
    words = sorted(index.prefixes)
    assert len(words) > 500
    rng = random.Random(7)
    texts = ["", "x", "you're yourself your you", "idiotidiot", "kill yourself kys"]
    for _ in range(300):  # literals glued together, cut and overlapping, with noise
        parts = [rng.choice(words) for _ in range(rng.randint(1, 6))]
        glued = "".join(part[rng.randint(0, len(part) - 1) :] for part in parts)
        texts.append(glued + rng.choice(["", " ", "!", " 12 main st"]))
    for text in texts:
        assert index.present(text) == {w for w in words if w in text}, text


def test_the_rules_literal_prefilter_never_changes_a_hit(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pre-filter only skips regexes that cannot match: same hits with and without it."""
    from pathlib import Path

    from primum.safety import rules

    texts: list[str] = []
    data = Path(rules.__file__).resolve().parent / "training" / "data"
    for path in sorted(data.glob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text("utf-8").splitlines()]
    norms = [normalise(text) for text in texts]
    filtered = [rules.find_hits(norm, aimed_at_person=True) for norm in norms]
    assert sum(map(len, filtered)) > 500
    unfiltered = tuple((rule, pattern, None) for rule, pattern, _ in rules._COMPILED)
    monkeypatch.setattr(rules, "_INDEX", rules._index(unfiltered))
    assert [rules.find_hits(norm, aimed_at_person=True) for norm in norms] == filtered


@pytest.mark.parametrize(
    ("text", "aimed", "flagged"),
    [
        # reported speech in single quotes, and one-word quotations, are talk about abuse
        ("Someone replied 'are you even a real doctor?' under my sepsis thread.", False, False),
        ('I was told to "kys" 60 times after a post on suicide prevention.', False, False),
        ("are you even a real doctor?", True, True),
        # advice about addresses is not doxxing; an address given, or held over someone, is
        ("If someone posts your home address, report it as doxxing.", False, False),
        ("her home address is 14 Elm Street, go say hi", False, True),
        ("we have your home address, doc", True, True),
        ("Who wants the home address of the guy who runs this account? I have it.", False, True),
        # welcome back is not a visit
        ("So happy to see you back at work after your surgery, Dr. Mills!", True, False),
        ("You're a fraud and everyone knows it.", True, True),
        # telling a victim to report a DM is not mobilisation
        (
            "@dr_pavlenko please report that DM. Threats like that break the rules here.",
            True,
            False,
        ),
        ("Everyone report her to the medical board today.", False, True),
    ],
)
def test_reported_speech_advice_and_negation(text: str, aimed: bool, flagged: bool) -> None:
    result = assess(text, Context(aimed_at_person=aimed))
    assert (result.decision is not Decision.ALLOW) is flagged, result.spans


def test_a_negated_insult_fires_no_insult_rule() -> None:
    from primum.safety import rules

    def insult_rules(text: str) -> list[str]:
        hits = rules.find_hits(normalise(text), aimed_at_person=True)
        return [h.reason for h in hits if h.label is Label.INSULT]

    assert insult_rules("You're not a fraud, you're tired.") == []
    assert insult_rules("you are never stupid for asking") == []
    assert insult_rules("You're a fraud.") != []
    assert insult_rules("you are so stupid") != []


@pytest.mark.parametrize(
    ("text", "aimed", "label", "fires"),
    [
        # "dead" in an idiom is not harm coming to the person
        ("@dr_osei you're dead wrong about the dosing, see table 3", True, Label.THREAT, False),
        ("you're dead, doc. count the days", True, Label.THREAT, True),
        # a pet on a keyboard is not a proposition
        ("the dog will sit on my notes every time I start a discharge", False, None, False),
        ("come sit on my face, nurse", True, Label.SEXUAL_HARASSMENT, True),
        # swearing at a rota is not a dismissal of a person; at a person it is
        ("Fourth night shift in a row. The rota can kiss my ass.", False, None, False),
        ("kiss my ass, Dr. Vance", False, Label.INSULT, True),
        # a quotation with apostrophes inside is still reported speech
        (
            "A patient's husband said 'you're too pretty to be the surgeon' and I just smiled.",
            False,
            None,
            False,
        ),
        # third round: "sick" of a patient, grandparents and old men, swearing at software,
        # reporting to a regulator told as a story
        ("rule of thumb: if the baby looks sick, they ARE sick", False, None, False),
        ("you are sick in the head, doc", True, Label.INSULT, True),
        ("my grandma and every old man on the ward love her", False, None, False),
        ("sit down, grandpa, nobody asked you", True, Label.INSULT, True),
        ("Epic you useless piece of garbage, load the notes", False, None, False),
        ("@dr_kane you useless piece of garbage", True, Label.INSULT, True),
        (
            "Reporting a colleague to the GMC was the hardest call of my career.",
            False,
            None,
            False,
        ),
        ("everyone report her to the GMC today", False, Label.CREDENTIAL_ATTACK, True),
        # banter about a game or a celebration; the same words without one
        ("@raj_gp I will end you at squash on Thursday 🏸", True, None, False),
        ("@raj_gp I will end you on Thursday", True, Label.THREAT, True),
        ("@mo_rn watch your back, I'm after your step-count record", True, None, False),
        ("I know where you live, I read your medical record", True, Label.THREAT, True),
        # swearing at a machine named after the insult; advocacy for a group; praise
        (
            "the rota portal ate my leave request. you useless heap of garbage app",
            False,
            None,
            False,
        ),
        ("weekends on call can go to hell", False, None, False),
        ("IMG doctors shouldn't have to wait a year for a GMC number", False, None, False),
        ("IMG doctors shouldn't be allowed near patients", False, Label.IDENTITY_ATTACK, True),
        ("@lee_ortho you're a machine in theatre, six hips before lunch", True, None, False),
        # numbers that are not street addresses; thanks for kind words
        ("@amy_rn you did 9 nights in a row, go home", True, None, False),
        ("Thank you for your kind words, Dr. Rao.", True, None, False),
        ("she parks outside 22 Mill Lane every night", False, Label.DOXXING, True),
        # fourth round: forms read on blind5, tested on new sentences
        ("@dr_ola you're a bloody hero, thank you", True, None, False),
        ("@reg_sam you're insane (complimentary), three lists in a day", True, None, False),
        ("@reg_sam you're insane and dangerous", True, Label.INSULT, True),
        ("Everybody go and leave Dr Ruiz a one star review today", False, Label.MOBILISATION, True),
        ("Our practice was review-bombed last month; here is what worked", False, None, False),
        (
            "@dr_ng why are you still alive after what you did to my wife",
            True,
            Label.SELF_HARM,
            True,
        ),
        (
            "It would be very unfortunate if your visa sponsor heard about this, doctor",
            True,
            Label.THREAT,
            True,
        ),
        (
            "Dr Lind, thanks for the discharge. I'll thank you in person soon.",
            True,
            Label.THREAT,
            True,
        ),
        ("Locums are vultures, every last one of them", False, Label.INSULT, True),
        ("Nigerian nurses should be sent back, all of them", False, Label.IDENTITY_ATTACK, True),
        ("we know where your kids go after school, Dr Osei", True, Label.THREAT, True),
        # fifth round: forms read on blind6, tested on new sentences
        ("@gp_jon you useless tw*t, 6 weeks for a referral", True, Label.INSULT, True),
        ("Physios here are lazy overpaid windbags, the lot of them", False, Label.TOXICITY, True),
        ("what a vile parasite of a nurse she turned out to be", False, Label.TOXICITY, True),
        ("Email them all at once until the surgery gives in", False, Label.MOBILISATION, True),
        ("Let's make her unhireable, share the thread", False, Label.MOBILISATION, True),
        ("Consequences will follow at your home address, doctor", True, Label.THREAT, True),
        ("@dr_ames I know your door code. We'll talk soon.", True, Label.THREAT, True),
        ("Dr Amadi, your son looks happy at St Jude's Primary.", True, Label.THREAT, True),
        ("my son looks happy at his new nursery, thank you all", False, None, False),
        (
            "Sikh surgeons stick together and hire only their own",
            False,
            Label.IDENTITY_ATTACK,
            True,
        ),
        (
            "The myth that overseas-trained doctors get waved through needs to die",
            False,
            None,
            False,
        ),
        (
            "Canadian jobs for Canadian nurses, send the rest home",
            False,
            Label.IDENTITY_ATTACK,
            True,
        ),
        (
            "Dr Hale of Ward 9 is a fraud and a danger to patients",
            False,
            Label.CREDENTIAL_ATTACK,
            True,
        ),
        ("Failing finals doesn't make you a failure, promise", True, None, False),
        ("@dr_k that's a killer teaching thread", True, None, False),
        ("He said he'd marry me again tomorrow. Romance!", False, None, False),
        ("@tom_er you beat me at parkrun, I'm coming for you next week", True, None, False),
        # "race" is no game word: it would excuse a threat in a racist post
        ("I know where you live. Go back to your own race", True, Label.THREAT, True),
        # sixth round: families read on blind7, tested on new sentences
        ("I hope you lose your licence and end up broke", True, Label.TOXICITY, True),
        ("hope their careers get ruined after this", False, Label.TOXICITY, True),
        ("I hope she never suffers like that again", False, None, False),
        ("I really hope you don't lose your job over the rota", True, None, False),
        ("hope the fans rip him to pieces on Saturday", False, Label.TOXICITY, True),
        ("that surgeon deserves whatever he gets", False, Label.TOXICITY, True),
        (
            "A few consultants could benefit from a career-ending accident",
            False,
            Label.THREAT,
            True,
        ),
        ("Dr Vale, we'll make you quiet. Permanently.", True, Label.THREAT, True),
        ("I know you finish at 7 on Fridays. See you then.", True, Label.THREAT, True),
        ("I know you finish at 7 on Fridays, so I'll ring at 6", True, None, False),
        ("midwives like that should all be culled", False, Label.TOXICITY, True),
        ("our deer population was culled last winter", False, None, False),
        ("sack the lot of them, useless registrars", False, Label.TOXICITY, True),
        (
            "F1s these days are snowflakes; trainees today are spineless",
            False,
            Label.TOXICITY,
            True,
        ),
        ("Every physician associate I've worked with was clueless", False, Label.TOXICITY, True),
        ("a cartel of greedy pill pushers, the whole lot", False, Label.TOXICITY, True),
        (
            "those foreign nurses? send them back to wherever they trained",
            False,
            Label.IDENTITY_ATTACK,
            True,
        ),
        ("women GPs whinging about rotas again", False, Label.IDENTITY_ATTACK, True),
        ("the locum can barely string two sentences together", False, Label.INSULT, True),
        ("after nights I can barely string two words together", False, None, False),
        ("@wardmanager please sort this clown out", False, Label.INSULT, True),
        ("a clown visited the children's ward today (from @CityHospital)", False, None, False),
        ("Useless quack. Three visits and no scan.", True, Label.INSULT, True),
        ("she probably bribed her way into medical school", False, Label.CREDENTIAL_ATTACK, True),
        ("She paid her way through medical school working nights", False, None, False),
        (
            "@dr_meg everyone knows you slept your way to consultant",
            True,
            Label.SEXUAL_HARASSMENT,
            True,
        ),
        (
            "coffee after clinic, gorgeous? I never take no for an answer",
            True,
            Label.SEXUAL_HARASSMENT,
            True,
        ),
        (
            "No one needs to know about our little chat in the on-call room 😉",
            True,
            Label.SEXUAL_HARASSMENT,
            True,
        ),
        (
            "Got the nurses' names from the discharge letter. Share, share, share.",
            False,
            Label.MOBILISATION,
            True,
        ),
        ("I'm posting their home address tonight", False, Label.MOBILISATION, True),
        ("find out who did this and expose them", False, Label.MOBILISATION, True),
        ("Try living without oxygen, Dr Marsh", True, Label.SELF_HARM, True),
        ("Resign, Dr Ford. Do us all a favour.", True, Label.TOXICITY, True),
        ("go back to the bush, nurse", True, Label.IDENTITY_ATTACK, True),
        # other languages
        ("Docteur Petit, on sait où vous habitez.", True, Label.THREAT, True),
        ("Je sais où est le bloc opératoire, merci", False, None, False),
        ("Sabemos dónde vives, doctora.", True, Label.THREAT, True),
        ("No sé dónde está el informe del paciente", False, None, False),
        ("Sappiamo dove lavori, dottore", True, Label.THREAT, True),
        ("Wir wissen, wo du wohnst.", True, Label.THREAT, True),
        ("Du bist dran mit der Visite", True, None, False),
        ("We weten waar je woont, dokter", True, Label.THREAT, True),
        ("Tue-toi, personne ne te regrettera", True, Label.SELF_HARM, True),
        ("Mátate, matasanos", True, Label.SELF_HARM, True),
        ("Bring dich um, du Pfuscher", True, Label.SELF_HARM, True),
        ("Ce connard de médecin m'a renvoyé chez moi", False, Label.INSULT, True),
        ("Un patient m'a traité de connard hier soir", False, None, False),
        ("Eres una inútil y una racista", True, Label.INSULT, True),
        ("Es inútil discutir con el sistema", False, None, False),
        ("Dieser Arzt ist ein Pfuscher, so ein Versager", False, Label.INSULT, True),
        ("Tanga ka talaga, doc", True, Label.INSULT, True),
        ("Signalez-le à l'Ordre, tout le monde", False, Label.MOBILISATION, True),
        ("Signalez cette situation à votre cadre", False, None, False),
        ("Denúncienlo al colegio de médicos", False, Label.MOBILISATION, True),
        ("Meldet ihn bei der Ärztekammer!", False, Label.MOBILISATION, True),
        ("Bitte meldet die Vorfälle der Stationsleitung", False, None, False),
        ("Ce faux médecin devrait être radié", False, Label.CREDENTIAL_ATTACK, True),
        ("Ese supuesto médico no sabe nada", False, Label.CREDENTIAL_ATTACK, True),
        ("L'infirmière n'est pas médecin, elle oriente", False, None, False),
        ("Yeh farzi doctor hai, degree khareedi hai", False, Label.CREDENTIAL_ATTACK, True),
        ("Retourne dans ton pays, toubib", True, Label.IDENTITY_ATTACK, True),
        ("Rentre chez toi et repose-toi, tu as fait 24h", True, None, False),
        ("Na mumu doctor be this, useless pesin", False, Label.INSULT, True),
        ("Chutiya system hai yaar, three logins", False, None, False),
        ("@dr_raj tu chutiya hai", True, Label.INSULT, True),
        ("Questo planning è una cazzata, vaffanculo Excel", False, None, False),
        ("@dr_reid what an idiot, the rota shows he never turns up", True, Label.INSULT, True),
        ('Sabi ng bantay "bobo ka" sa akin kanina, nag-report na ako', False, None, False),
        # seventh round: families read on blind8, tested on new sentences
        (
            "spotted you in the Tesco car park after your night shift",
            True,
            Label.THREAT,
            True,
        ),
        ("saw you at the conference, great talk on sepsis!", True, None, False),
        ("No need to look so nervous when you leave, doc 😉", True, Label.THREAT, True),
        (
            "Nice cat. Be a real shame if she went missing while you're at work.",
            True,
            Label.THREAT,
            True,
        ),
        (
            "Would be awful if the pharmacy closed, half the village relies on it",
            False,
            None,
            False,
        ),
        (
            "I know your son plays for Riverside under-10s on Sunday mornings.",
            True,
            Label.THREAT,
            True,
        ),
        ("I know your son plays for Riverside, mine is on the team too!", True, None, False),
        ("someone should swat that anti-vax doctor", False, Label.THREAT, True),
        ("I hope someone does that to you one day", True, Label.TOXICITY, True),
        ("hope your own kids get turned away from A&E like mine did", True, Label.TOXICITY, True),
        ("hope your mum gets better soon, thinking of you", True, None, False),
        ("Name and shame every GP who refused to refer her", False, Label.MOBILISATION, True),
        ("We should name and shame hospitals that underpay nurses", False, None, False),
        ("Leave him a one-star everywhere, he deserves it", False, Label.MOBILISATION, True),
        ("your boss's email is pinned on my profile btw", True, Label.MOBILISATION, True),
        ("Heard she got her registrar job on her knees", False, Label.SEXUAL_HARASSMENT, True),
        ("Surgeons are the worst kind of parasite", False, Label.TOXICITY, True),
        ("Ticks are parasites that carry Lyme disease", False, None, False),
        ("all those pills in your drawer... take the lot", True, Label.SELF_HARM, True),
        ("Patient said she would take the lot if we discharged her", False, None, False),
        ("Doctors quitting from burnout? Good. Fewer of them left.", False, Label.SELF_HARM, True),
        ("@dr_ash you are not a real paramedic", True, Label.CREDENTIAL_ATTACK, True),
        ("Affirmative action rubbish, that's how he got in", False, Label.IDENTITY_ATTACK, True),
        ("Affirmative action in admissions was ruled on in 2023", False, None, False),
        ("you're such a coconut, forgot your roots", True, Label.IDENTITY_ATTACK, True),
        ("Les médecins de cette clinique sont des escrocs", False, Label.INSULT, True),
        ("Questi medici sono dei vigliacchi, segnalateli", False, Label.MOBILISATION, True),
        ("Ang doktor sa clinic na yan, walang hiya! pakishare", False, Label.MOBILISATION, True),
        ("enta mush doktor, enta harami", True, Label.CREDENTIAL_ATTACK, True),
        ("Aise logon ko mar jaana chahiye", False, Label.SELF_HARM, True),
        ("Lekarze z tej przychodni to oszuści. Udostępniajcie!", False, Label.MOBILISATION, True),
        ("Uwaga na oszustów SMS podszywających się pod bank", False, None, False),
        # eighth round: families read on blind10, tested on new sentences
        ("parked across the road from your house all evening, doc", True, Label.THREAT, True),
        ("I parked outside the clinic and walked in, see you at 9", True, None, False),
        ("next time you see us at the clinic, don't bother hiding", True, Label.THREAT, True),
        ("We know which house is hers. She can stop pretending.", False, Label.THREAT, True),
        ("reported you to the Home Office today, enjoy packing", True, Label.THREAT, True),
        ("How do I report a visa problem to the Home Office?", False, None, False),
        ("Let's see how long your registration lasts now, Dr Iqbal", True, Label.THREAT, True),
        ("Maybe I'll explain it to your husband in person 🙂", True, Label.THREAT, True),
        (
            "Would be a shame if your manager got sent these screenshots",
            True,
            Label.THREAT,
            True,
        ),
        ("hope your clinic burns down with you in it", True, Label.TOXICITY, True),
        ("hope your clinic gets the funding it deserves!", True, None, False),
        ("Dr Moss should remove himself from the gene pool", False, Label.SELF_HARM, True),
        (
            "@dr_kent do the decent thing and throw yourself off the car park roof",
            True,
            Label.SELF_HARM,
            True,
        ),
        ("Why don't you do everyone a favour and disappear", True, Label.SELF_HARM, True),
        ("We don't kill ourselves over audits, we just fill them in", False, None, False),
        (
            "@gp_rahim your private number goes on every parents' group tonight",
            True,
            Label.DOXXING,
            True,
        ),
        ("Never share your personal number with patients, use the clinic line", True, None, False),
        (
            "Nurse Kelly is so much more fun after a couple of drinks 😏",
            False,
            Label.SEXUAL_HARASSMENT,
            True,
        ),
        (
            "Why do all the Indian doctors think they can skip the queue?",
            False,
            Label.IDENTITY_ATTACK,
            True,
        ),
        ("Why are so many women surgeons leaving before 40?", False, None, False),
        (
            "Paramedics are just people who couldn't get into med school",
            False,
            Label.CREDENTIAL_ATTACK,
            True,
        ),
        ("Students who failed the exam can resit in June", False, None, False),
        ("ratio + reported, fake doctor", True, Label.MOBILISATION, True),
        ("I was called 'darling' by a consultant twice this week", False, None, False),
        ("Exhaustion is what happens when you staff a ward on goodwill", False, None, False),
        # English slurs that are ordinary words in other languages
        ("Le patient de 8h était en retard lui aussi, grève oblige.", False, None, False),
        ("Mimi ni daktari wa kike wa upasuaji katika hospitali ya wilaya.", False, None, False),
        ("you retard, learn to read an ECG", True, Label.IDENTITY_ATTACK, True),
        # ninth round: families read on blind11, tested on new sentences
        ("did you like your obituary, doc? the printed one comes next", True, Label.THREAT, True),
        ("I wrote your eulogy already, Dr Finch. Just needs a date.", True, Label.THREAT, True),
        ("Did you see your obituary for Dr Amos in the BMJ? Beautiful words.", True, None, False),
        ("sent you some lilies, the funeral kind 💐", True, Label.THREAT, True),
        ("Sent her flowers for her mum's funeral, she was so touched", False, None, False),
        ("you'll see how fast a career can be rewritten, Dr Lowe", True, Label.THREAT, True),
        (
            "Resign, or find out how quickly your reputation can be destroyed.",
            True,
            Label.THREAT,
            True,
        ),
        (
            "I've made a few edits to your posts 🙂 your manager gets them tonight",
            True,
            Label.THREAT,
            True,
        ),
        ("I made a few edits to your slides, hope that's ok!", True, None, False),
        (
            "there are three Dr Pattersons at that surgery. I'll work out which.",
            False,
            Label.THREAT,
            True,
        ),
        (
            "Two antibiotics on the list; I'll work out which one suits her renal function.",
            False,
            None,
            False,
        ),
        ("hope your next night shift is your last one, nurse", True, Label.THREAT, True),
        (
            "hope your next night shift is your last one before leave, you deserve it!",
            True,
            None,
            False,
        ),
        (
            "We know where every practice in this county is. Think about that, vaccinators.",
            False,
            Label.THREAT,
            True,
        ),
        (
            "We know where every practice in this county is thanks to the new map.",
            False,
            None,
            False,
        ),
        ("I hope someone botches yours one day, Dr Patel", True, Label.TOXICITY, True),
        ("I hope someone helps you with the rota soon", True, None, False),
        ("hope your kids grow up to despise you", True, Label.TOXICITY, True),
        ("hope your kids love the new school!", True, None, False),
        (
            "if their kidneys give out, good riddance to the lot of them",
            False,
            Label.TOXICITY,
            True,
        ),
        ("Good riddance to paper charts, if the new system doesn't die on us.", False, None, False),
        ("striking nurses should be left to starve outside the gates", False, Label.TOXICITY, True),
        ("No patient should be left to starve on a ward because of staffing.", False, None, False),
        ("the world would be much calmer without you in it, Dr Okoro", True, Label.SELF_HARM, True),
        ("The ward will be so much calmer without you, enjoy retirement!", True, None, False),
        ("easier for everyone if you just didn't wake up tomorrow", True, Label.SELF_HARM, True),
        (
            "It'd be easier for everyone if you didn't come back before 9, the clinic opens late",
            True,
            None,
            False,
        ),
        ("have you considered not existing? just a thought", True, Label.SELF_HARM, True),
        ("Have you considered not prescribing antibiotics for viral URTIs?", True, None, False),
        (
            "interns crying about rotas: the multistorey car park roof is right there 🙃",
            False,
            Label.SELF_HARM,
            True,
        ),
        ("The car park roof is right there if you need to see the helipad.", False, None, False),
        ("daddy-paid degree and still can't read a CXR", True, Label.CREDENTIAL_ATTACK, True),
        ("Dr Reeve bought her diploma, everyone knows it", False, Label.CREDENTIAL_ATTACK, True),
        ("bought my diploma frame on sale, finally on the wall", False, None, False),
        ("'specialist' lol", True, Label.CREDENTIAL_ATTACK, True),
        ("my nephew did the same course online for £250", True, Label.CREDENTIAL_ATTACK, True),
        ("I did the same course online last year, really good for CPD", True, None, False),
        ("she has about two brain cells and both are on break", False, Label.INSULT, True),
        ("Post nights I have zero brain cells left, be gentle", False, None, False),
        ("@nurse_jo thick as two short planks, that one", True, Label.INSULT, True),
        ("the consultants there are two-faced hypocrites, all of them", False, Label.INSULT, True),
        ("@drkaye lose some weight first, piggy 🐷", True, Label.INSULT, True),
        (
            "Expert witnesses often hear 'you'll burn in hell' after a verdict; I report it.",
            False,
            None,
            False,
        ),
        (
            "how many of you have been called 'sweetheart' on rounds? collecting examples",
            False,
            None,
            False,
        ),
        # "kill yourself" and "fake doctor" in more languages; case history is not
        ("Сдохни уже, доктор", True, Label.SELF_HARM, True),
        ("去死吧，庸医", True, Label.SELF_HARM, True),
        ("死ねないと言って泣いていた患者さん、今日は少し笑顔でした", False, None, False),
        ("Kendini asla suçlama, vardiya zordu.", False, None, False),
        ("Dia itu dokter gadungan, jangan percaya!", False, Label.CREDENTIAL_ATTACK, True),
        ("过去死亡率很高，但现在好多了", False, None, False),
        # emoji threats and advances, money tropes, a handle and one slur
        ("@dr_lin 🔫🏡", True, Label.THREAT, True),
        ("@dr_lin 🔪", True, Label.THREAT, True),
        ("@DrCut 🔪💪 great list today", True, None, False),
        ("RIP my weekend ⚰️🪦 thanks audit", True, None, False),
        ("Donate blood 🩸👶 it saves babies", False, None, False),
        ("@nurse_ali check your DMs tonight 🍆💦", True, Label.SEXUAL_HARASSMENT, True),
        ("Urology clinic today 🍆🍆🍆 send coffee", False, None, False),
        ("@dr_sol money-grubbing, it runs in your blood 💰", True, Label.IDENTITY_ATTACK, True),
        (
            "Haemochromatosis runs in the family, iron in the blood, ask about money for testing",
            False,
            None,
            False,
        ),
        ("@DrNoor jihadi", True, Label.IDENTITY_ATTACK, True),
        (
            "easier for everyone if you just didn't come back after Easter. At all.",
            True,
            Label.SELF_HARM,
            True,
        ),
        # a reply that is only an insult; wishes on a practice; 'if it's that bad, jump'
        ("@np_jo bottom-tier sc*m", True, Label.INSULT, True),
        ("Clown in a white coat.", True, Label.INSULT, True),
        ("@dr_amy what a star, thank you!", True, None, False),
        ("hope your clinic goes bust, greedy", True, Label.TOXICITY, True),
        ("Hope the clinic doesn't go under after the funding cut", False, None, False),
        ("hope karma finds you, doc", True, Label.TOXICITY, True),
        (
            "Old surgeons hogging the lists should be put out to pasture. Put them out to pasture.",
            False,
            Label.TOXICITY,
            True,
        ),
        ("We put the old ambulances out to pasture last year", False, Label.TOXICITY, False),
        (
            "if you top yourself over this, I'll be the first to celebrate",
            True,
            Label.TOXICITY,
            True,
        ),
        ("If it's that bad, just jump.", True, Label.SELF_HARM, True),
        ("If it's that bad, just jump ship to general practice!", True, Label.SELF_HARM, False),
        ("people of your religion shouldn't be treating women", True, Label.IDENTITY_ATTACK, True),
        ("people of every faith should feel welcome in our chaplaincy", False, None, False),
        ("@dr_obi 🦍🍌", True, Label.IDENTITY_ATTACK, True),
        # 'we know where you live' and calls to pile on, in more languages
        ("Znamo gdje živiš, doktore.", True, Label.THREAT, True),
        ("Мы знаем, где ты живешь. Подумай.", True, Label.THREAT, True),
        ("我知道你住哪，等着", True, Label.THREAT, True),
        ("Sebarkan namanya, dokter ini penipu", False, Label.MOBILISATION, True),
        ("Tumpate daktari wa zamu haraka", False, None, False),
        ("Etiketleyin arkadaşlarınızı, kampanya başladı", False, None, False),
        ("Vi vet hvor du bor, lege.", True, Label.THREAT, True),
        # 'you <adjective> <insult>', 'try unaliving', 'your own pills, all of them'
        ("Oi Dr Blackwood you thick twat, read the scan properly", True, Label.INSULT, True),
        ("you lazy clueless hack", True, Label.INSULT, True),
        ("A patient called me 'you stupid cow' today and I logged it", False, None, False),
        ("Dr Park, try unaliving next time instead of posting", True, Label.SELF_HARM, True),
        ("try your own sleeping tablets, all of them, doc", True, Label.SELF_HARM, True),
        (
            "Try your own sleeping tablets for a week before prescribing them, it's humbling",
            True,
            None,
            False,
        ),
        ("Pacient říkal: 'vím, kde bydlíš' a ochranka ho vyvedla.", False, None, False),
    ],
)
def test_rule_idioms_and_quotations(
    text: str, aimed: bool, label: Label | None, fires: bool
) -> None:
    from primum.safety import rules

    hits = rules.find_hits(normalise(text), aimed_at_person=aimed)
    harassment = [h for h in hits if h.label is not Label.PROFANITY]
    if fires:
        assert any(h.label is label for h in harassment), hits
    else:
        assert harassment == [], hits


@pytest.mark.parametrize(
    ("text", "mentioned"),
    [
        ("midwives are a death cult", True),
        ("Every pharmacist I know is overworked", True),
        ("these OBs never listen", True),
        ("women in surgery was a mistake", True),
        ("Great pearl on hyperkalaemia, thanks", False),
        ("My cat has opinions about my charting", False),
    ],
)
def test_people_mentioned_sends_talk_about_groups_to_the_transformer(
    text: str, mentioned: bool
) -> None:
    from primum.safety import rules

    assert rules.people_mentioned(normalise(text)) is mentioned


@pytest.mark.parametrize(
    ("text", "body"),
    [
        (
            "Reminder: post the pearl, not the patient. #btsm h/t @dr_kaur",
            "Reminder: post the pearl, not the patient. #btsm",
        ),
        (
            "Nurses catch what monitors miss. Thoughts, @alina_b?",
            "Nurses catch what monitors miss.",
        ),
        ("Great talk today cc @a_b, @c_d and @e_f", "Great talk today"),
        ("@dr_x you are wrong about the dose", None),
        ("thanks @bob", None),
    ],
)
def test_courtesy_body_drops_a_closing_courtesy_mention(text: str, body: str | None) -> None:
    from primum.safety.engine import courtesy_body

    assert courtesy_body(text) == body


def test_a_courtesy_mention_neither_flags_a_calm_post_nor_hides_an_attack() -> None:
    calm = "Reminder: post the pearl, not the patient. No dates, no locations. h/t @dr_yuki_kaur"
    assert assess(calm).decision is Decision.ALLOW
    attack = "You are a fraud and a disgrace to medicine. cc @hospital_ceo"
    assert assess(attack, REPLY).decision is not Decision.ALLOW


def test_you_inside_reported_abuse_does_not_make_a_post_a_reply() -> None:
    from primum.safety import rules

    told = "A visitor told me 'I know where you live, love.' Security has been informed."
    assert not rules.has_second_person(normalise(told))
    assert rules.has_second_person(normalise("I know where you live, love."))
    assert rules.has_second_person(normalise("He said 'hi' and you ignored him"))
    assert not rules.has_second_person(normalise("Cerner you absolute heap, load the bloods"))
    assert rules.has_second_person(normalise("Cerner crashed again, you were right @sam"))


def test_engine_version_fits_the_database_column() -> None:
    # Post.safety_model_version, Message.safety_model_version and ModerationCase.model_version
    # hold 120 characters.
    assert len(engine_version()) <= 120
