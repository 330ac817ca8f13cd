"""Direct-message inbox latency at 10k conversations for one user, and queries per page.

    DATABASE_URL=... python bench/inbox.py [--conversations 10000] [--iterations 300]

Generates (once; re-runs reuse it) one account, ``inbox_owner``, with N direct conversations
with N other accounts, two messages each, all accepted, plus 200 message requests, in bulk
(``bulk_create``; no services, but the same denormalised columns the services keep). Then
times, through Django's test client with a logged-in session: the inbox page and API (first
page and a page 100 conversations deep), the Requests page and API, and one conversation's
messages (page and API); and counts the queries per page for page sizes 5, 20 and 50.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import header, setup_django, summary

OWNER = "inbox_owner"
REQUESTS = 200


def generate(count: int) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import transaction
    from django.utils import timezone

    from primum.accounts.models import Profile, User
    from primum.messaging.models import Conversation, Membership, Message

    owner = User.objects.filter(username=OWNER).first()
    if owner is not None and Membership.objects.filter(user=owner).count() >= count + REQUESTS:
        return
    started = time.perf_counter()
    with transaction.atomic():
        if owner is None:
            owner = User.objects.create(username=OWNER, email=f"{OWNER}@bench.invalid")
            Profile.objects.create(user=owner, display_name="Inbox Owner")
        total = count + REQUESTS
        existing = set(
            User.objects.filter(username__startswith="inbox_peer_").values_list(
                "username", flat=True
            )
        )
        unusable = make_password(None)  # bench accounts cannot log in
        users = [
            User(
                username=f"inbox_peer_{i}", email=f"inbox_peer_{i}@bench.invalid", password=unusable
            )
            for i in range(total)
            if f"inbox_peer_{i}" not in existing
        ]
        User.objects.bulk_create(users, batch_size=2000)
        peers = list(User.objects.filter(username__startswith="inbox_peer_").order_by("id"))[:total]
        Profile.objects.bulk_create(
            [Profile(user=p, display_name=f"Peer {p.pk}") for p in peers],
            batch_size=2000,
            ignore_conflicts=True,
        )
        Membership.objects.filter(user=owner).delete()
        now = timezone.now()
        conversations = [
            Conversation(
                kind="direct",
                direct_key=f"{min(owner.pk, p.pk)}:{max(owner.pk, p.pk)}",
                created_by=p,
            )
            for p in peers
        ]
        Conversation.objects.filter(direct_key__in=[c.direct_key for c in conversations]).delete()
        Conversation.objects.bulk_create(conversations, batch_size=2000)
        conversations = list(
            Conversation.objects.filter(direct_key__in=[c.direct_key for c in conversations])
        )
        by_key = {c.direct_key: c for c in conversations}
        rng = random.Random(1)
        messages = []
        for index, peer in enumerate(peers):
            conversation = by_key[f"{min(owner.pk, peer.pk)}:{max(owner.pk, peer.pk)}"]
            for n in range(2):
                sender = peer if n == 0 else (owner if index < count else peer)
                messages.append(
                    Message(
                        conversation=conversation,
                        sender=sender,
                        body=f"Message {n} about case {rng.randint(1, 10**6)}",
                        created_at=now,
                    )
                )
        Message.objects.bulk_create(messages, batch_size=2000)
        last = {}
        for conversation_id, message_id in Message.objects.filter(
            conversation__in=conversations
        ).values_list("conversation_id", "id"):
            last[conversation_id] = max(message_id, last.get(conversation_id, 0))
        for conversation in conversations:
            conversation.last_message_id = last[conversation.pk]
        Conversation.objects.bulk_update(conversations, ["last_message"], batch_size=2000)
        memberships = []
        for index, peer in enumerate(peers):
            conversation = by_key[f"{min(owner.pk, peer.pk)}:{max(owner.pk, peer.pk)}"]
            message_id = last[conversation.pk]
            state = "active" if index < count else "request"
            unread = rng.choice([0, 0, 0, 1, 2]) if state == "active" else 2
            memberships.append(
                Membership(
                    conversation=conversation,
                    user=owner,
                    peer=peer,
                    state=state,
                    last_message_id=message_id,
                    last_message_at=now,
                    last_read_message_id=message_id - unread,
                    unread_count=unread,
                )
            )
            memberships.append(
                Membership(
                    conversation=conversation,
                    user=peer,
                    peer=owner,
                    last_message_id=message_id,
                    last_message_at=now,
                    last_read_message_id=message_id,
                )
            )
        Membership.objects.bulk_create(memberships, batch_size=2000)
    print(
        f"generated {count:,} conversations + {REQUESTS} requests for @{OWNER} "
        f"in {time.perf_counter() - started:.1f} s"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conversations", type=int, default=10_000)
    parser.add_argument("--iterations", type=int, default=300)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    generate(args.conversations)

    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from primum.accounts.models import User
    from primum.messaging import selectors
    from primum.messaging.models import Membership

    header("Direct-message inbox (bench/inbox.py)")
    owner = User.objects.get(username=OWNER)
    active = Membership.objects.filter(user=owner, state="active").count()
    requests = Membership.objects.filter(user=owner, state="request").count()
    print(f"inbox   : @{OWNER} has {active:,} conversations and {requests:,} requests")
    client = Client()
    client.force_login(owner)
    deep = selectors.inbox(owner, limit=100).next_cursor
    conversation_id = selectors.inbox(owner, limit=1).items[0].conversation.pk
    targets = {
        "page GET /messages/": "/messages/",
        "page GET /messages/?cursor=(100 deep)": f"/messages/?cursor={deep}",
        "API GET /conversations?limit=20": "/api/v1/conversations?limit=20",
        "API GET /conversations (100 deep)": f"/api/v1/conversations?limit=20&cursor={deep}",
        "page GET /messages/requests/": "/messages/requests/",
        "API GET /message-requests?limit=20": "/api/v1/message-requests?limit=20",
        "page GET /messages/<id>/ (messages)": f"/messages/{conversation_id}/",
        "API GET /conversations/<id>": f"/api/v1/conversations/{conversation_id}",
    }
    for path in targets.values():  # warm-up: session, caches, mark-read of the conversation
        assert client.get(path).status_code == 200, path
    timings: dict[str, list[float]] = {label: [] for label in targets}
    for _ in range(args.iterations):
        for label, path in targets.items():
            started = time.perf_counter()
            response = client.get(path)
            timings[label].append(time.perf_counter() - started)
            assert response.status_code == 200
    started_sel: list[float] = []
    for _ in range(args.iterations):
        started = time.perf_counter()
        selectors.inbox(owner, limit=20)
        started_sel.append(time.perf_counter() - started)
    print("latency:")
    for label, values in timings.items():
        summary(label, values)
    summary("selector inbox(limit=20)", started_sel)
    print("queries per page (limit 5 / 20 / 50):")
    for label, path in [
        ("API /conversations", "/api/v1/conversations"),
        ("API /message-requests", "/api/v1/message-requests"),
        ("page /messages/", "/messages/"),
    ]:
        counts = []
        for limit in (5, 20, 50):
            # pages show 20; the size does not change their count (see the tests)
            url = f"{path}?limit={limit}" if path.startswith("/api/") else path
            with CaptureQueriesContext(connection) as queries:
                assert client.get(url).status_code == 200
            counts.append(len(queries))
        print(f"  {label:<38} {' / '.join(str(c) for c in counts)}")


if __name__ == "__main__":
    main()
