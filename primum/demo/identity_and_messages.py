"""Demo data for identity and messaging: organisations with e-mail domains, verified
credentials (NPI, licence review, institutional e-mail), peer vouches, and direct messages
including requests from strangers that ask for favours. Deterministic for a given rng.

Credentials are written as rows plus ``trust_recompute`` (the demo has no registry to call);
vouches and messages go through the real services, so their rules apply.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils.text import slugify

from primum.core.errors import ApplicationError
from primum.identity.models import Credential, Organisation, OrganisationDomain
from primum.identity.npi import npi_check_digit
from primum.identity.trust import trust_recompute
from primum.identity.vouching import vouch_create
from primum.messaging import services as dm_services

PHYSICIANS = {"physician", "resident"}
LICENSED = {"nurse", "nurse_practitioner", "physician_assistant", "pharmacist", "allied_health"}

FRIENDLY = [
    "Loved your thread on sepsis bundles. Would you be up for a journal club session next month?",
    "Quick question about your #meded slides: may I use two of them for our interns (credited)?",
    "Thanks for the support yesterday. The replies were getting ugly and it helped a lot.",
    "Are you presenting at the regional meeting? Would be great to catch up.",
    "Saw your post about the new guideline. Our unit is piloting it, happy to share our protocol.",
]
REPLIES = [
    "Happy to! Send me the date and I'll block it.",
    "Of course, please do.",
    "Any time. We look out for each other.",
    "Yes, Thursday afternoon. Coffee?",
    "That would be really useful, thank you.",
]
STRANGER_ASKS = [
    "Hi Doctor! Could you share my new book on gut health with your followers? It would mean a lot.",
    "We're launching a wellness app and would love you to review it and join our advisory board.",
    "Please fill in our 5-minute survey on burnout in emergency medicine: every response counts!",
    "Would you come on our podcast to talk about physician wellbeing? We have 20k listeners.",
    "Our startup is raising a seed round; physicians like you invest early. Can we set up a call?",
    "Hello, I read your post on tamoxifen side effects. Thank you for explaining it so clearly.",
]


def _npi(rng: random.Random) -> str:
    """A syntactically valid (check digit right) but invented NPI."""
    first_nine = "1" + "".join(str(rng.randint(0, 9)) for _ in range(8))
    return first_nine + str(npi_check_digit(first_nine))


def create(
    *, rng: random.Random, specs, users, staff, anchor, following, featured_count: int
) -> dict[str, int]:
    counts = {"credentials": 0, "vouches": 0, "conversations": 0}
    # Organisations for the most common affiliations, each with an invented e-mail domain.
    organisations: dict[str, Organisation] = {}
    for spec in specs:
        if spec.affiliation and spec.affiliation not in organisations and len(organisations) < 8:
            slug = slugify(spec.affiliation)[:60] or f"org-{len(organisations)}"
            # Organisations are not demo accounts: they survive `load_demo --rebuild`.
            org, _ = Organisation.objects.get_or_create(
                slug=slug, defaults={"name": spec.affiliation}
            )
            OrganisationDomain.objects.get_or_create(
                domain=f"{slug}.example.org", defaults={"organisation": org}
            )
            organisations[spec.affiliation] = org

    verified: list[int] = []
    unverified_clinicians: list[int] = []
    for i, (spec, user) in enumerate(zip(specs, users, strict=True)):
        when = anchor - timedelta(days=rng.randint(5, 300))
        given, _, family = spec.display_name.replace("Dr. ", "").partition(" ")
        made = False
        if spec.profession in PHYSICIANS and rng.random() < 0.7:
            Credential.objects.create(
                user=user, method=Credential.Method.NPI, status=Credential.Status.VERIFIED,
                claimed_profession=spec.profession, claimed_specialty=spec.specialty,
                public_summary="Active individual NPI; name and state match the profile",
                checked_by_system="NPPES NPI Registry API", checked_at=when,
                expires_at=when + timedelta(days=365), npi_number=_npi(rng),
                legal_first_name=given, legal_last_name=family or given, licence_state="MA",
            )  # fmt: skip
            made = True
        elif spec.profession in LICENSED and rng.random() < 0.6:
            Credential.objects.create(
                user=user, method=Credential.Method.DOCUMENT, status=Credential.Status.VERIFIED,
                claimed_profession=spec.profession, claimed_specialty=spec.specialty,
                public_summary="Licence document reviewed by a verifier",
                checked_by=staff, checked_at=when, expires_at=when + timedelta(days=730),
                legal_first_name=given, legal_last_name=family or given, licence_state="MA",
            )  # fmt: skip
            made = True
        if spec.affiliation in organisations and rng.random() < 0.4:
            org = organisations[spec.affiliation]
            Credential.objects.create(
                user=user, method=Credential.Method.INSTITUTIONAL_EMAIL,
                status=Credential.Status.VERIFIED, organisation=org,
                institutional_email=f"{user.username}@{org.domains.first().domain}",
                public_summary=f"E-mail address at {org.name} confirmed",
                checked_by_system="Primum e-mail confirmation", checked_at=when,
            )  # fmt: skip
            counts["credentials"] += 1
        if made:
            counts["credentials"] += 1
            verified.append(i)
        elif spec.profession in PHYSICIANS | LICENSED:
            unverified_clinicians.append(i)
        trust_recompute(user)

    # Peer vouches: a few unverified clinicians get vouches from verified colleagues.
    for i in unverified_clinicians[:6]:
        for j in rng.sample(verified, k=min(3, len(verified))):
            try:
                vouch_create(voucher=users[j], handle=users[i].username, relation="worked_together")
                counts["vouches"] += 1
            except ApplicationError:
                pass  # the vouching rules refused it (e.g. connected vouchers): that is fine

    # Direct messages: colleagues who follow each other, and requests from strangers.
    n = len(users)
    for _ in range(40):
        i = rng.randrange(n)
        mutual = [j for j in following[i] if i in following[j]]
        if not mutual:
            continue
        j = rng.choice(mutual)
        try:
            conversation = dm_services.conversation_start(
                sender=users[i], recipients=[users[j].username], body=rng.choice(FRIENDLY)
            )
            dm_services.message_send(
                sender=users[j], conversation_id=conversation.pk, body=rng.choice(REPLIES)
            )
            counts["conversations"] += 1
        except ApplicationError:
            pass  # a DM policy or a block refused it
    # The featured demo logins each find a few requests from strangers, some asking favours.
    for t in range(featured_count):
        strangers = [k for k in range(n) if k >= featured_count and k not in following[t]]
        for k in rng.sample(strangers, k=min(3, len(strangers))):
            try:
                dm_services.conversation_start(
                    sender=users[k], recipients=[users[t].username], body=rng.choice(STRANGER_ASKS)
                )
                counts["conversations"] += 1
            except ApplicationError:
                pass
    return counts
