"""Favour and promotion request detection: a table of asks that must be labelled (with the
kind and the words that triggered it) and of ordinary clinical messages that must not be."""

from __future__ import annotations

import pytest

from primum.messaging.favours import describe, detect_favours

ASKS = [
    ("Hi Dr Lee, could you share my new book with your followers?", "share", "share my new book"),
    ("Please retweet this, it would mean a lot!", "share", "Please retweet"),
    ("Would you promote my podcast on your feed?", "promote", "promote my podcast"),
    ("RT please!", "share", "RT please!"),
    ("Can you amplify our campaign for nurse staffing?", "share", "amplify our campaign"),
    ("Would you endorse my startup? We build remote monitoring.", "endorse", "endorse my startup"),
    (
        "Could you write a short blurb for the back cover of my memoir?",
        "endorse",
        "write a short blurb",
    ),
    ("I'd love your endorsement for our product launch.", "endorse", "your endorsement"),
    ("Could you review my app and leave a 5-star review?", "review", "review my app"),
    ("Would you mind reviewing my new book on Amazon?", "review", "reviewing my new book"),
    ("We'd love you to join our advisory board.", "join", "join our advisory board"),
    ("Would you join my startup as a medical advisor?", "join", "join my startup"),
    ("Become our medical advisor and get equity.", "join", "Become our medical advisor"),
    (
        "This is a unique investment opportunity in our seed round.",
        "invest",
        "investment opportunity",
    ),
    ("Would you consider investing in my clinic?", "invest", "investing in"),
    (
        "Could you fill out our 5-minute survey on burnout?",
        "survey",
        "fill out our 5-minute survey",
    ),
    ("Please take this short survey: https://example.org/s", "survey", "take this short survey"),
    ("Can you share my survey with your residents?", "survey", "share my survey"),
    ("Would your hospital sponsor our conference?", "sponsor", "sponsor our"),
    ("We are looking for sponsors for our charity run.", "sponsor", "looking for sponsors"),
    ("Would you come on my podcast to talk about sepsis?", "speak", "come on my podcast"),
    ("We'd be honoured if you could be a guest on our show.", "speak", "be a guest on our show"),
    ("Could you speak at our conference in May?", "speak", "speak at our"),
    ("We need a keynote for our summit, would you do it?", "speak", "keynote"),
    ("Spread the word about our fundraiser!", "promote", "Spread the word"),
    ("Give us a shout-out to your followers?", "promote", "Give us a shout-out"),
    ("Please repost my thread on physician burnout.", "share", "repost my thread"),
    ("Would you try my new app and tell your followers?", "review", "try my new app"),
    ("Can you plug my newsletter?", "promote", "plug my newsletter"),
    ("Help me get the word out about my course.", "promote", "get the word out"),
    (
        "Mind giving my Substack a boost? Also please signal boost the thread.",
        "share",
        "please signal boost",
    ),
]

NOT_ASKS = [
    "Can you review this ECG? I think it's AF.",
    "Could you share the discharge summary with the GP?",
    "The patient may join a support group for caregivers.",
    "We should kill the infection with IV antibiotics.",
    "GSW to the chest, ETA 5 minutes.",
    "Thanks for your thread on hyperkalaemia, very useful.",
    "What dose of apixaban do you use in CKD stage 4?",
    "The trial sponsor is the NIH.",
    "Did you read the paper on SGLT2 inhibitors in HFpEF?",
    "Let's review the CT scan together tomorrow.",
    "Could you take a look at this rash photo? Consent obtained.",
    "I'm presenting the case at grand rounds next week.",
    "Happy to chat about the rota whenever you're free.",
    "Are you joining the ward round at 8?",
    "Our team discussed the board exam results.",
    "My book club meets on Thursday.",
    "I started a new job at the clinic.",
    "Could you send me the guideline you mentioned?",
    "Did the patient complete the course of antibiotics?",
    "The cells die when the pH drops.",
    "Happy birthday! Hope the night shift was quiet.",
    "Would you review the medication list before discharge?",
    "Please share your thoughts on the new sepsis bundle.",
    "",
]


@pytest.mark.parametrize(("text", "kind", "words"), ASKS)
def test_asks_are_labelled_with_their_trigger_words(text, kind, words):
    labels = detect_favours(text)
    by_kind = {label.kind: label for label in labels}
    assert kind in by_kind, (text, labels)
    triggers = by_kind[kind].triggers
    assert any(t.text == words for t in triggers), triggers
    for trigger in triggers:  # spans point at the words in the original text
        assert text[trigger.start : trigger.end].strip() == trigger.text


@pytest.mark.parametrize("text", NOT_ASKS)
def test_ordinary_and_clinical_messages_are_not_labelled(text):
    assert detect_favours(text) == []


def test_label_names_the_object_and_describe_reads_for_the_requests_folder():
    labels = detect_favours("Could you share my new book with your followers?")
    assert [label.label for label in labels] == ["share or amplify a book"]
    assert describe(labels) == "Asks you to: share or amplify a book — words: 'share my new book'"
    assert describe([label.as_dict() for label in labels]) == describe(labels)
    assert describe([]) == ""


def test_several_kinds_in_one_message_come_in_a_stable_order():
    text = "Please retweet my post, fill in our survey and invest in our seed round."
    kinds = [label.kind for label in detect_favours(text)]
    assert kinds == ["share", "invest", "survey"]


def test_overlapping_triggers_are_reported_once():
    labels = detect_favours("Could you leave a 5-star review?")
    assert [t.text for t in labels[0].triggers] == ["leave a 5-star review"]
