"""The demo community: a deterministic, believable clinical network built through the services.

``load_demo(accounts=…, posts=…, seed=…)`` creates accounts with professional profiles,
follows clustered by specialty, posts (threads of replies, quotes, reposts), likes,
bookmarks, a few edits, blocks and mutes, all through the real services
(``user_create``, ``profile_update``, ``post_create``, ``like_create``, ``follow_create``…),
so counters, hashtags, mentions and notifications are exactly what users would produce.
Rate limits are lifted for the load; afterwards ``created_at`` is spread over the last
``DAYS`` days with bulk updates. A ``random.Random(seed)`` drives every choice, so two
loads give the same handles, profiles and post bodies.

Idempotency: the association account (``MARKER_HANDLE``) marks a loaded demo. Loading
again *skips* (nothing changes) unless ``rebuild=True``, which deletes every demo account
(e-mail domain ``DEMO_EMAIL_DOMAIN``; their posts, likes, follows go with them) and loads
the same demo afresh.
"""

from __future__ import annotations

import random
import time
from collections import defaultdict
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import override_settings
from django.utils import timezone

from primum.accounts import services as account_services
from primum.accounts.models import User
from primum.core.errors import ApplicationError
from primum.core.text import extract_hashtags, extract_mentions
from primum.demo import content as c
from primum.demo.safety_scenario import ScenarioResult
from primum.social import services as social_services
from primum.social.models import (
    Bookmark,
    Follow,
    Hashtag,
    Like,
    Mention,
    Notification,
    Post,
    PostEdit,
    PostHashtag,
)

DEFAULT_ACCOUNTS = 220
DEFAULT_POSTS = 5200  # authored posts (roots, replies, quotes); reposts come on top
DEFAULT_SEED = 2026
DAYS = 60
DEMO_PASSWORD = "primum-demo-2026"  # noqa: S105 (the documented, shared demo password)
DEMO_EMAIL_DOMAIN = "demo.primum.example"
MARKER_HANDLE = c.ASSOCIATION["handle"]
STAFF_HANDLE = "demo_admin"

# Named accounts shown at the end of the load, so a visitor knows whom to log in as.
FEATURED = [
    ("dr_amara_okafor", "Amara", "Okafor", "physician", "medical_oncology", "MD, FACP"),
    ("dr_lucas_brennan", "Lucas", "Brennan", "physician", "emergency_medicine", "MD, FACEP"),
    ("priya_raman_rn", "Priya", "Raman", "nurse", "nursing", "RN, OCN"),
    ("mateo_alvarez_ms4", "Mateo", "Alvarez", "medical_student", "medical_education", "MS4"),
    ("hannah_advocates", "Hannah", "Lindqvist", "patient_advocate", "medical_oncology", ""),
    ("kwame_pharmd", "Kwame", "Mensah", "pharmacist", "pharmacy", "PharmD, BCOP"),
]


@dataclass
class Spec:
    handle: str
    display_name: str
    profession: str
    specialty: str
    credentials: str
    affiliation: str
    bio: str
    disclaimer: str
    links: list[dict] = field(default_factory=list)
    activity: float = 1.0


@dataclass
class DemoResult:
    created: bool
    accounts: int
    posts: int
    featured: list[str]
    staff_handle: str = STAFF_HANDLE
    password: str = DEMO_PASSWORD
    safety: ScenarioResult | None = None


def demo_exists() -> bool:
    return User.objects.filter(username=MARKER_HANDLE).exists()


def demo_delete() -> None:
    """Remove every demo account (and, by cascade, everything they wrote)."""
    with transaction.atomic():
        users = User.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN)
        Post.objects.filter(author__in=users).update(reply_to=None, thread_root=None, quote_of=None)
        Post.objects.filter(author__in=users).delete()
        users.delete()


def load_demo(
    *,
    accounts: int = DEFAULT_ACCOUNTS,
    posts: int = DEFAULT_POSTS,
    seed: int = DEFAULT_SEED,
    rebuild: bool = False,
    log=None,
) -> DemoResult:
    """Load the demo community (see the module docstring for idempotency)."""
    say = log or (lambda message: None)
    featured = [f[0] for f in FEATURED]
    if demo_exists():
        if not rebuild:
            # A demo loaded before the safety scenario existed gets it now; otherwise this
            # changes nothing.
            safety = _safety_scenario(seed=seed, say=say, only_new_accounts=True)
            return DemoResult(
                created=False,
                accounts=User.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN).count(),
                posts=Post.objects.filter(author__email__endswith="@" + DEMO_EMAIL_DOMAIN).count(),
                featured=featured,
                safety=safety,
            )
        say("Removing the existing demo…")
        demo_delete()
    builder = _Builder(random.Random(seed), accounts=accounts, posts=posts, say=say)
    with _load_settings():
        builder.build()
    safety = _safety_scenario(seed=seed, say=say, only_new_accounts=False)
    User.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN).update(
        password=_password_hash(seed)
    )
    return DemoResult(
        created=True,
        accounts=User.objects.filter(email__endswith="@" + DEMO_EMAIL_DOMAIN).count(),
        posts=Post.objects.filter(author__email__endswith="@" + DEMO_EMAIL_DOMAIN).count(),
        featured=featured,
        safety=safety,
    )


def _load_settings():
    return override_settings(
        PRIMUM_WRITE_RATE_PER_MINUTE=10**9,
        # One strong hash is computed at the end and shared; the per-account hash is cheap.
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
    )


def _password_hash(seed: int) -> str:
    return make_password(DEMO_PASSWORD, salt="primumdemo" + str(seed))


def _safety_scenario(*, seed: int, say, only_new_accounts: bool) -> ScenarioResult:
    """The pile-on, the mixed thread and the moderator (primum.demo.safety_scenario)."""
    from primum.demo import safety_scenario

    began = time.monotonic()
    with _load_settings():
        result = safety_scenario.load_scenario(
            seed=seed,
            password=DEMO_PASSWORD,
            demo_email_domain=DEMO_EMAIL_DOMAIN,
            featured=[f[0] for f in FEATURED],
            say=say,
        )
    if result.created:
        if only_new_accounts:
            User.objects.filter(username__in=safety_scenario.ACCOUNT_HANDLES).update(
                password=_password_hash(seed)
            )
        for line in result.summary():
            say(line)
        say(f"Created the safety scenario ({time.monotonic() - began:.1f} s)")
    return result


class _Builder:
    def __init__(self, rng: random.Random, *, accounts: int, posts: int, say) -> None:
        self.rng = rng
        self.n_accounts = max(accounts, len(FEATURED) + 2)
        self.n_posts = posts
        self.say = say
        self.specs: list[Spec] = []
        self.users: list[User] = []
        self.by_specialty: dict[str, list[int]] = defaultdict(list)
        self.following: dict[int, set[int]] = defaultdict(set)
        self.anchor = timezone.now().replace(minute=0, second=0, microsecond=0)

    # --- accounts ---------------------------------------------------------------------

    def _specs(self) -> list[Spec]:
        rng = self.rng
        specs: list[Spec] = []
        taken: set[str] = {MARKER_HANDLE, STAFF_HANDLE}
        for handle, given, family, profession, specialty, creds in FEATURED:
            taken.add(handle)
            specs.append(self._spec(handle, given, family, profession, specialty, creds, 4.0))
        specs.append(
            Spec(
                handle=MARKER_HANDLE,
                display_name=c.ASSOCIATION["display_name"],
                profession="organisation",
                specialty="",
                credentials="",
                affiliation=c.ASSOCIATION["affiliation"],
                bio=c.ASSOCIATION["bio"],
                disclaimer="Official account of a fictional demo association.",
                links=[{"label": "Website", "url": "https://clinvoices.example.org"}],
                activity=1.5,
            )
        )
        weights = [share for _, share, _, _ in c.PROFESSIONS]
        while len(specs) < self.n_accounts:
            profession, _, creds, specialties = rng.choices(c.PROFESSIONS, weights)[0]
            given, family = rng.choice(c.GIVEN_NAMES), rng.choice(c.FAMILY_NAMES)
            base = {
                "physician": f"dr_{given}_{family}",
                "resident": f"{given}{family}_md",
                "medical_student": f"{given}_{family}_ms",
            }.get(profession, f"{given}_{family}").lower()[:27]
            handle, n = base, 2
            while handle in taken:
                handle, n = f"{base}{n}", n + 1
            taken.add(handle)
            specialty = rng.choice(specialties)
            activity = rng.paretovariate(1.6)
            specs.append(
                self._spec(
                    handle, given, family, profession, specialty, rng.choice(creds), activity
                )
            )
        return specs

    def _spec(self, handle, given, family, profession, specialty, creds, activity) -> Spec:
        rng = self.rng
        label, tags, topics = c.SPECIALTIES.get(
            specialty or "internal_medicine", c.SPECIALTIES["internal_medicine"]
        )
        if profession in {"researcher"}:
            place = rng.choice(c.RESEARCH_PLACES)
        else:
            place = rng.choice(c.HOSPITALS)
        bio = rng.choice(c.BIOS[profession]).format(
            label=label.capitalize() if profession != "physician" else label,
            place=place,
            topic=rng.choice(topics),
            tags=" ".join("#" + t for t in rng.sample(tags, min(2, len(tags)))),
            year=rng.randint(1, 4),
            since=rng.randint(2012, 2023),
        )
        prefix = "Dr. " if profession == "physician" and rng.random() < 0.5 else ""
        slug = f"{given}-{family}".lower()
        links = []
        if profession in {"physician", "researcher", "pharmacist"} and rng.random() < 0.6:
            for label_text, url in rng.sample(c.LINKS, rng.randint(1, 2)):
                links.append({"label": label_text, "url": url.format(slug=slug)})
        patient = profession in {"patient_advocate", "patient_caregiver"}
        return Spec(
            handle=handle,
            display_name=f"{prefix}{given} {family}",
            profession=profession,
            specialty="" if patient else specialty,
            credentials=creds,
            affiliation="" if patient else place,
            bio=bio[:1000],
            disclaimer=rng.choice(c.DISCLAIMERS),
            links=links,
            activity=activity,
        )

    def _create_accounts(self) -> None:
        rng = self.rng
        self.specs = self._specs()
        for spec in self.specs:
            user = account_services.user_create(
                handle=spec.handle,
                email=f"{spec.handle}@{DEMO_EMAIL_DOMAIN}",
                password=DEMO_PASSWORD,
                display_name=spec.display_name,
                profession=spec.profession,
                specialty=spec.specialty,
                email_confirmed=True,
                validate_password_strength=False,
            )
            account_services.profile_update(
                user=user,
                credentials=spec.credentials,
                affiliation=spec.affiliation,
                bio=spec.bio,
                disclaimer=spec.disclaimer,
                links=spec.links,
            )
            if spec.profession in {"physician", "researcher", "pharmacist"} and rng.random() < 0.3:
                start = date(2026, 1, 1) - timedelta(days=rng.randint(60, 1500))
                account_services.coi_create(
                    user=user,
                    entity=rng.choice(c.COMPANIES),
                    relationship=rng.choice(
                        ["consulting", "advisory", "speaker", "research_funding"]
                    ),
                    description=rng.choice(c.COI_DESCRIPTIONS),
                    start_date=start.isoformat(),
                    end_date=(start + timedelta(days=rng.randint(200, 900))).isoformat()
                    if rng.random() < 0.4
                    else None,
                )
            self.users.append(user)
            self.by_specialty[spec.specialty or spec.profession].append(len(self.users) - 1)
        staff = account_services.user_create(
            handle=STAFF_HANDLE,
            email=f"{STAFF_HANDLE}@{DEMO_EMAIL_DOMAIN}",
            password=DEMO_PASSWORD,
            display_name="Demo administrator",
            email_confirmed=True,
            validate_password_strength=False,
        )
        # No service grants staff rights (that is createsuperuser's job); the demo does it here.
        User.objects.filter(pk=staff.pk).update(is_staff=True, is_superuser=True)

    # --- follows (bulk) --------------------------------------------------------------

    def _plan_follows(self) -> None:
        rng = self.rng
        n = len(self.users)
        featured = range(len(FEATURED) + 1)
        oncology = {
            "medical_oncology",
            "gynecologic_oncology",
            "neuro_oncology",
            "radiation_oncology",
        }
        for i, spec in enumerate(self.specs):
            wanted: set[int] = set()
            group = spec.specialty or spec.profession
            for j in self.by_specialty[group]:
                if rng.random() < 0.7:
                    wanted.add(j)
            if spec.profession in {"patient_advocate", "patient_caregiver"} or group in oncology:
                for key in sorted(oncology | {"patient_advocate", "patient_caregiver"}):
                    for j in self.by_specialty[key]:
                        if rng.random() < 0.25:
                            wanted.add(j)
            for j in featured:
                if rng.random() < 0.6:
                    wanted.add(j)
            for _ in range(rng.randint(3, 15)):
                j = min(int(rng.paretovariate(1.2)) - 1, n - 1)  # popular accounts: low index
                wanted.add(rng.randrange(n) if rng.random() < 0.5 else j)
            wanted.discard(i)
            self.following[i] = wanted

    def _create_follows(self) -> None:
        """Most follows in bulk (with their notifications); a slice through follow_create."""
        rng = self.rng
        self._plan_follows()
        start = self.start
        pairs = [(i, j) for i in range(len(self.users)) for j in sorted(self.following[i])]
        through_service = set(rng.sample(range(len(pairs)), min(40, len(pairs))))
        bulk, notes = [], []
        for k, (i, j) in enumerate(pairs):
            if k in through_service:
                continue
            when = start - timedelta(minutes=rng.randint(10, 60 * 24 * 300))
            bulk.append(
                Follow(
                    follower_id=self.users[i].pk,
                    followee_id=self.users[j].pk,
                    created_at=when,
                    updated_at=when,
                )
            )
            notes.append(
                Notification(
                    recipient_id=self.users[j].pk,
                    actor_id=self.users[i].pk,
                    kind=Notification.Kind.FOLLOW,
                    created_at=when,
                    updated_at=when,
                )
            )
        Follow.objects.bulk_create(bulk, batch_size=500)
        Notification.objects.bulk_create(notes, batch_size=500)
        for k in sorted(through_service):
            i, j = pairs[k]
            social_services.follow_create(actor=self.users[i], handle=self.users[j].username)

    # --- posts ------------------------------------------------------------------------

    def _topic_and_tags(self, spec: Spec) -> tuple[str, str, str]:
        rng = self.rng
        key = spec.specialty if spec.specialty in c.SPECIALTIES else None
        if key is None:
            if spec.profession in {"patient_advocate", "patient_caregiver"}:
                key = rng.choice(["medical_oncology", "neuro_oncology", "gynecologic_oncology"])
            else:
                key = rng.choice(sorted(c.SPECIALTIES))
        label, tags, topics = c.SPECIALTIES[key]
        return rng.choice(topics), rng.choice(tags), label

    def _root_body(self, i: int) -> str:
        rng = self.rng
        spec = self.specs[i]
        topic, tag, label = self._topic_and_tags(spec)
        templates = {
            "patient_advocate": c.PATIENT + c.ADVOCACY,
            "patient_caregiver": c.PATIENT,
            "medical_student": c.STUDENT + c.PEARLS[:2],
            "nurse": c.NURSING + c.ADVOCACY,
            "nurse_practitioner": c.NURSING + c.PEARLS,
            "pharmacist": c.PHARMACY + c.PEARLS[:3],
            "researcher": c.RESEARCH + c.PAPERS,
            "organisation": c.ASSOC,
        }.get(spec.profession, c.PEARLS + c.PAPERS + c.ADVOCACY)
        body = rng.choice(templates).format(
            topic=topic,
            tag=tag,
            label=label,
            place=rng.choice(c.HOSPITALS),
            n=rng.randint(6, 40),
            pct=rng.randint(8, 35),
        )
        follows = sorted(self.following[i])
        if follows and rng.random() < 0.15:
            handle = self.users[rng.choice(follows)].username
            body += rng.choice(c.MENTION_SUFFIXES).format(handle=handle)
        return body

    def _reply_body(self, i: int, parent_author_index: int) -> str:
        rng = self.rng
        topic, tag, _ = self._topic_and_tags(self.specs[i])
        body = rng.choice(c.REPLIES).format(topic=topic, tag=tag)
        if rng.random() < 0.3:
            body = f"@{self.users[parent_author_index].username} " + body
        return body

    def _can_see(self, viewer: int, post: Post) -> bool:
        author = self.author_index[post.author_id]
        return post.visibility == "public" or viewer == author or author in self.following[viewer]

    def _plan_posts(self) -> None:
        """Build every post in memory (ids assigned here), mirroring post_create's rules:
        replies inherit followers-only visibility and honour reply controls, quotes and
        reposts only of public posts that allow them, counters kept as the rows go."""
        rng = self.rng
        weights = [spec.activity for spec in self.specs]
        indices = list(range(len(self.specs)))
        next_id = (Post.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
        span = (self.anchor - timedelta(hours=6) - self.start).total_seconds()
        total = int(self.n_posts * 1.09)  # authored posts plus about 8% reposts
        slot = span / total
        self.rows: list[Post] = []
        reposted: set[tuple[int, int]] = set()
        authored = 0
        while authored < self.n_posts:
            k = len(self.rows)
            when = self.start + timedelta(seconds=k * slot + rng.random() * slot * 0.8)
            i = rng.choices(indices, weights)[0]
            uid = self.users[i].pk
            recent = self.rows[-300:]
            roll = rng.random()
            post = Post(id=next_id, author_id=uid, created_at=when, updated_at=when)
            if recent and roll < 0.08:
                target = rng.choice(recent)
                target = self.by_id.get(target.repost_of_id, target)
                if (
                    target.visibility == "public"
                    and target.author_id != uid
                    and (uid, target.pk) not in reposted
                ):
                    reposted.add((uid, target.pk))
                    post.repost_of_id = target.pk
                    target.repost_count += 1
                    self._add(post)
                    next_id += 1
                continue
            if recent and roll < 0.40:
                parent = rng.choice(recent[-150:])
                parent = self.by_id.get(parent.repost_of_id, parent)
                root = self.by_id.get(parent.thread_root_id, parent)
                if self._can_see(i, parent) and all(
                    p.author_id == uid or p.reply_policy == "anyone" for p in (parent, root)
                ):
                    post.body = self._reply_body(i, self.author_index[parent.author_id])
                    post.reply_to_id = parent.pk
                    post.thread_root_id = root.pk
                    post.visibility = parent.visibility
                    parent.reply_count += 1
            elif recent and roll < 0.45:
                quoted = rng.choice(recent)
                quoted = self.by_id.get(quoted.repost_of_id, quoted)
                if quoted.visibility == "public" and (
                    quoted.author_id == uid or quoted.quote_policy == "anyone"
                ):
                    topic, tag, _ = self._topic_and_tags(self.specs[i])
                    post.body = rng.choice(c.QUOTES).format(topic=topic, tag=tag)
                    post.quote_of_id = quoted.pk
                    quoted.quote_count += 1
            if not post.body:
                patient = self.specs[i].profession in {"patient_advocate", "patient_caregiver"}
                controls = rng.random()
                post.body = self._root_body(i)
                post.visibility = (
                    "followers" if rng.random() < (0.2 if patient else 0.04) else "public"
                )
                post.reply_policy = (
                    "following"
                    if controls < 0.04
                    else "mentioned"
                    if controls < 0.055
                    else "nobody"
                    if controls < 0.06
                    else "anyone"
                )
                post.quote_policy = (
                    "followers"
                    if 0.9 < controls < 0.93
                    else "nobody"
                    if controls >= 0.98
                    else "anyone"
                )
            post.body = social_services.clean_body(post.body)
            self._add(post)
            next_id += 1
            authored += 1

    def _add(self, post: Post) -> None:
        self.rows.append(post)
        self.by_id[post.pk] = post

    def _plan_likes(self) -> list[Like]:
        rng = self.rng
        followers: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.users)):
            for j in sorted(self.following[i]):
                followers[j].append(i)
        likes = []
        for post in self.rows:
            if post.repost_of_id or (post.reply_to_id is not None and rng.random() < 0.6):
                continue
            audience = followers[self.author_index[post.author_id]]
            count = min(len(audience), int(rng.paretovariate(1.3)) - 1)
            for j in rng.sample(audience, count):
                when = post.created_at + timedelta(minutes=rng.randint(1, 600))
                likes.append(
                    Like(
                        user_id=self.users[j].pk, post_id=post.pk, created_at=when, updated_at=when
                    )
                )
                post.like_count += 1
        return likes

    def _notifications(self, likes: list[Like]) -> list[Notification]:
        """The notifications post_create / like_create / repost_create would have queued."""
        seen: set[tuple[int, int, str, int]] = set()
        out: list[Notification] = []

        def notify(recipient: int, actor: int, kind: str, post: Post, when) -> None:
            key = (recipient, actor, kind, post.pk)
            if recipient == actor or key in seen:
                return
            if not self._can_see(self.author_index[recipient], post):
                return
            seen.add(key)
            out.append(
                Notification(
                    recipient_id=recipient,
                    actor_id=actor,
                    kind=kind,
                    post_id=post.pk,
                    created_at=when,
                    updated_at=when,
                )
            )

        for post in self.rows:
            when = post.created_at
            if post.repost_of_id:
                notify(
                    self.by_id[post.repost_of_id].author_id,
                    post.author_id,
                    "repost",
                    self.by_id[post.repost_of_id],
                    when,
                )
                continue
            told = set()
            if post.reply_to_id:
                recipient = self.by_id[post.reply_to_id].author_id
                notify(recipient, post.author_id, "reply", post, when)
                told.add(recipient)
            if post.quote_of_id:
                recipient = self.by_id[post.quote_of_id].author_id
                if recipient not in told:
                    notify(recipient, post.author_id, "quote", post, when)
                    told.add(recipient)
            for uid in self.mentions.get(post.pk, []):
                if uid not in told:
                    notify(uid, post.author_id, "mention", post, when)
        for like in likes:
            post = self.by_id[like.post_id]
            notify(post.author_id, like.user_id, "like", post, like.created_at)
        return out

    def _create_posts(self) -> None:
        """Posts, hashtags, mentions, likes and notifications in bulk, consistent with the
        services; then a slice of replies, likes, bookmarks through the services."""
        self.by_id: dict[int, Post] = {}
        self.author_index = {user.pk: k for k, user in enumerate(self.users)}
        self._plan_posts()
        likes = self._plan_likes()
        handle_ids = {user.username.lower(): user.pk for user in self.users}
        self.mentions: dict[int, list[int]] = {}
        tags_by_post: dict[int, list[str]] = {}
        for post in self.rows:
            if post.body:
                tags_by_post[post.pk] = extract_hashtags(post.body)
                uids = [handle_ids[h] for h in extract_mentions(post.body) if h in handle_ids]
                if uids:
                    self.mentions[post.pk] = sorted(set(uids))
        Post.objects.bulk_create(self.rows, batch_size=500)
        for statement in connection.ops.sequence_reset_sql(no_style(), [Post]):
            with connection.cursor() as cursor:
                cursor.execute(statement)
        names = sorted({t for tags in tags_by_post.values() for t in tags})
        Hashtag.objects.bulk_create([Hashtag(name=n) for n in names], ignore_conflicts=True)
        tag_ids = dict(Hashtag.objects.filter(name__in=names).values_list("name", "pk"))
        PostHashtag.objects.bulk_create(
            [
                PostHashtag(post_id=pid, hashtag_id=tag_ids[t])
                for pid, tags in tags_by_post.items()
                for t in tags
            ],
            batch_size=500,
        )
        Mention.objects.bulk_create(
            [
                Mention(post_id=pid, user_id=uid)
                for pid, uids in self.mentions.items()
                for uid in uids
            ],
            batch_size=500,
        )
        Like.objects.bulk_create(likes, batch_size=500)
        Notification.objects.bulk_create(self._notifications(likes), batch_size=500)
        self.say(f"  {len(self.rows)} posts, {len(likes)} likes in bulk")
        self._service_slice()

    def _service_slice(self) -> None:
        """Recent activity through the real services: replies, likes, bookmarks, reposts."""
        rng = self.rng
        featured_ids = [user.pk for user in self.users[: len(FEATURED)]]
        targets = [
            p
            for p in self.rows[-400:]
            if p.author_id in featured_ids and p.repost_of_id is None and p.visibility == "public"
        ]
        for _ in range(min(self.n_posts // 80, len(targets) * 3)):
            parent = rng.choice(targets)
            i = rng.randrange(len(self.users))
            author = self.users[i]
            # A reply control or visibility may say no, as it would for a person.
            with suppress(ApplicationError):
                social_services.post_create(
                    author=author,
                    body=self._reply_body(i, self.author_index[parent.author_id]),
                    reply_to_id=parent.pk,
                )
        public = [p for p in self.rows if p.repost_of_id is None and p.visibility == "public"]
        for _ in range(self.n_posts // 65):
            actor = rng.choice(self.users)
            with suppress(ApplicationError):
                social_services.like_create(actor=actor, post_id=rng.choice(public).pk)
        for _ in range(self.n_posts // 40):
            actor = rng.choice(self.users)
            with suppress(ApplicationError):
                social_services.bookmark_create(actor=actor, post_id=rng.choice(public).pk)
        for _ in range(max(1, self.n_posts // 500)):
            actor = rng.choice(self.users)
            post = rng.choice(public[-200:])
            if post.author_id != actor.pk:
                with suppress(ApplicationError):
                    social_services.repost_create(actor=actor, post_id=post.pk)

    def _identity_and_messages(self) -> None:
        from primum.demo import identity_and_messages

        staff = User.objects.get(username=STAFF_HANDLE)
        counts = identity_and_messages.create(
            rng=self.rng,
            specs=self.specs,
            users=self.users,
            staff=staff,
            anchor=self.anchor,
            following=self.following,
            featured_count=len(FEATURED),
        )
        self.say(
            f"  {counts['credentials']} credentials, {counts['vouches']} vouches, "
            f"{counts['conversations']} conversations"
        )

    def _edits_blocks_mutes(self) -> None:
        rng = self.rng
        roots = [
            p
            for p in self.rows
            if p.reply_to_id is None and p.quote_of_id is None and p.repost_of_id is None
        ]
        for post in rng.sample(roots, min(12, len(roots))):
            body = post.body + "\n\nEdit: added the source and fixed a typo."
            if len(body) <= 500:
                author = self.users[self.author_index[post.author_id]]
                social_services.post_edit(actor=author, post_id=post.pk, body=body)
        n = len(self.users)
        for _ in range(3):
            a, b = rng.randrange(n), rng.randrange(n)
            if a != b:
                account_services.mute_create(actor=self.users[a], handle=self.users[b].username)
        a, b = n - 1, n - 2  # the last accounts have few followers: a small blast radius
        account_services.block_create(actor=self.users[a], handle=self.users[b].username)

    # --- time -------------------------------------------------------------------------

    def _spread_times(self) -> None:
        """Rows written through the services carry 'now'; move them into the demo's past
        (recent hours, after the posts they concern) so the timeline reads naturally."""
        rng = self.rng
        domain = "@" + DEMO_EMAIL_DOMAIN
        users = list(User.objects.filter(email__endswith=domain).order_by("pk"))
        for user in users:
            user.date_joined = self.start - timedelta(
                days=rng.randint(1, 700), minutes=rng.randint(0, 1439)
            )
        User.objects.bulk_update(users, ["date_joined"], batch_size=500)
        fresh = {"created_at__gte": self.build_started}
        follows = list(Follow.objects.filter(**fresh).order_by("pk"))
        for follow in follows:
            follow.created_at = self.start - timedelta(minutes=rng.randint(10, 60 * 24 * 300))
        Follow.objects.bulk_update(follows, ["created_at"], batch_size=500)
        late = list(Post.objects.filter(**fresh).order_by("pk"))
        last = self.rows[-1].created_at if self.rows else self.start
        for k, post in enumerate(late):
            post.created_at = last + timedelta(minutes=3 * (k + 1))
        Post.objects.bulk_update(late, ["created_at"], batch_size=500)
        when = {post.pk: post.created_at for post in late}
        when.update({post.pk: post.created_at for post in self.rows})
        edited = list(Post.objects.filter(edited_at__gte=self.build_started).order_by("pk"))
        for post in edited:
            post.edited_at = when[post.pk] + timedelta(minutes=rng.randint(2, 90))
        Post.objects.bulk_update(edited, ["edited_at"], batch_size=500)
        for model in (Like, Bookmark, PostEdit):
            items = list(model.objects.filter(**fresh).order_by("pk"))
            for item in items:
                item.created_at = when[item.post_id] + timedelta(minutes=rng.randint(1, 600))
            model.objects.bulk_update(items, ["created_at"], batch_size=500)
        notes = list(Notification.objects.filter(**fresh).order_by("pk"))
        for note in notes:
            base = when.get(note.post_id, self.start) if note.post_id else self.start
            note.created_at = base + timedelta(minutes=rng.randint(1, 600))
        Notification.objects.bulk_update(notes, ["created_at"], batch_size=500)

    def build(self) -> None:
        self.build_started = timezone.now()
        self.start = self.anchor - timedelta(days=DAYS)
        steps = [
            ("accounts and profiles", self._create_accounts),
            ("follows", self._create_follows),
            ("posts, replies, quotes, reposts, likes, bookmarks", self._create_posts),
            ("edits, mutes, a block", self._edits_blocks_mutes),
            ("credentials, vouches, direct messages", self._identity_and_messages),
            ("timestamps", self._spread_times),
        ]
        for label, step in steps:
            began = time.monotonic()
            with transaction.atomic():
                step()
            self.say(f"Created {label} ({time.monotonic() - began:.1f} s)")


def counter_mismatches() -> list[tuple[int, str, int, int]]:
    """(post id, counter, stored, real) for every post whose counters disagree with the rows."""
    from django.db.models import Count, Q

    qs = Post.objects.annotate(
        real_likes=Count("likes", distinct=True),
        # Held replies and quotes are seen by their author only and not counted.
        real_replies=Count(
            "replies",
            filter=Q(replies__deleted_at__isnull=True) & ~Q(replies__safety_decision="hold"),
            distinct=True,
        ),
        real_reposts=Count("reposts", filter=Q(reposts__deleted_at__isnull=True), distinct=True),
        real_quotes=Count(
            "quotes",
            filter=Q(quotes__deleted_at__isnull=True, quotes__quote_detached=False)
            & ~Q(quotes__safety_decision="hold"),
            distinct=True,
        ),
    ).values_list(
        "pk",
        "like_count",
        "real_likes",
        "reply_count",
        "real_replies",
        "repost_count",
        "real_reposts",
        "quote_count",
        "real_quotes",
    )
    out = []
    for pk, lc, rl, rc, rr, pc, pr, qc, qr in qs:
        for name, stored, real in (
            ("like", lc, rl),
            ("reply", rc, rr),
            ("repost", pc, pr),
            ("quote", qc, qr),
        ):
            if stored != real:
                out.append((pk, name, stored, real))
    return out
