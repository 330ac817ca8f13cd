"""The moderator queue: who may see it (404 for everyone else), what it shows, release and
remove (audit log, counters and notifications then, the author told), no self-review."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission

from primum.accounts.tests.factories import UserFactory
from primum.api.tests.clients import token_client
from primum.core.audit import audit_verify_chain
from primum.core.models import AuditLogEntry
from primum.messaging import selectors as dm_selectors
from primum.messaging import services as dm_services
from primum.messaging.models import Membership, Message
from primum.moderation import policies
from primum.moderation.models import ModerationCase
from primum.social.models import Notification, Post
from primum.social.tests.factories import follow, make_post

pytestmark = pytest.mark.django_db

THREAT = "I know which hospital you work at and when your shift ends. Watch your back."


@pytest.fixture
def alice():
    return UserFactory(username="alice")


@pytest.fixture
def bob():
    return UserFactory(username="bob")


def _moderator(handle: str):
    user = UserFactory(username=handle)
    user.is_staff = True
    user.save(update_fields=["is_staff"])
    user.user_permissions.add(Permission.objects.get(codename="review_content"))
    return type(user).objects.get(pk=user.pk)  # fresh permission cache


@pytest.fixture
def mod():
    return _moderator("mod")


@pytest.fixture
def held(alice, bob):
    root = make_post(alice, "Handover tips")
    reply = make_post(bob, f"{THREAT} @alice", reply_to_id=root.pk)
    return root, reply, ModerationCase.objects.get(post=reply)


@pytest.mark.parametrize(
    ("staff", "perm", "superuser", "allowed"),
    [
        (False, False, False, False),
        (True, False, False, False),
        (False, True, False, False),  # the permission alone, without staff status
        (True, True, False, True),
        (False, False, True, True),
    ],
)
def test_who_may_review(staff, perm, superuser, allowed):
    user = UserFactory()
    user.is_staff, user.is_superuser = staff, superuser
    user.save(update_fields=["is_staff", "is_superuser"])
    if perm:
        user.user_permissions.add(Permission.objects.get(codename="review_content"))
    user = type(user).objects.get(pk=user.pk)
    assert policies.can_review(user) is allowed


def test_the_queue_shows_the_full_assessment_to_moderators(client, mod, held, bob):
    _root, _reply, case = held
    client.force_login(mod)
    page = client.get("/moderation/").content.decode()
    assert f"/moderation/cases/{case.pk}/" in page
    detail = client.get(f"/moderation/cases/{case.pk}/").content.decode()
    assert "<mark" in detail and "threat" in detail
    assert case.model_version in detail
    assert "E-mail confirmed (level 1)" in detail and "account 0 days old" in detail
    assert "@alice" in detail  # the target
    data = token_client(mod).get_json("/moderation/cases").json()
    item = data["items"][0]
    assert item["id"] == case.pk
    assert item["scores"]["threat"] >= 0.9
    assert item["target_user"]["handle"] == "alice"
    assert item["author_trust_level"] == 1
    assert any(span["label"] == "threat" and span["text"] for span in item["spans"])


def test_the_queue_is_oldest_first(mod, alice, bob):
    root = make_post(alice, "Handover tips")
    first = make_post(bob, THREAT, reply_to_id=root.pk)
    second = make_post(bob, THREAT + " Really.", reply_to_id=root.pk)
    items = token_client(mod).get_json("/moderation/cases").json()["items"]
    assert [i["post_id"] for i in items] == [first.pk, second.pk]


def test_everyone_else_gets_404(client, alice, bob, held):
    _root, _reply, case = held
    for user in (alice, bob):
        client.force_login(user)
        assert client.get("/moderation/").status_code == 404
        assert client.get(f"/moderation/cases/{case.pk}/").status_code == 404
        response = client.post(
            f"/moderation/cases/{case.pk}/release/", {"decision": "allow", "reason": "x"}
        )
        assert response.status_code == 404
        api = token_client(user)
        for answer in (
            api.get_json("/moderation/cases"),
            api.get_json(f"/moderation/cases/{case.pk}"),
            api.post_json(f"/moderation/cases/{case.pk}/remove", {"reason": "x"}),
        ):
            assert answer.status_code == 404
            assert answer.json()["code"] == "case_not_found"
    case.refresh_from_db()
    assert case.status == "open"


def test_release_publishes_counts_notifies_and_logs(mod, alice, bob, held):
    root, reply, case = held
    answer = token_client(mod).post_json(
        f"/moderation/cases/{case.pk}/release",
        {"decision": "collapse", "reason": "Heated but not a threat in context"},
    )
    assert answer.status_code == 200, answer.content
    assert answer.json()["status"] == "released" and answer.json()["outcome"] == "collapse"
    reply.refresh_from_db()
    root.refresh_from_db()
    assert reply.safety_decision == "collapse"
    assert root.reply_count == 1
    # The parent's author hears of the reply now (as they would have at posting).
    assert Notification.objects.filter(recipient=alice, kind="reply", post=reply).exists()
    # Visible to others, behind the notice.
    seen = token_client(alice).get_json(f"/posts/{reply.pk}").json()
    assert seen["safety"]["decision"] == "collapse"
    entry = AuditLogEntry.objects.get(action="moderation.release")
    assert entry.actor_id == mod.pk
    assert entry.target_id == str(reply.pk)
    assert entry.extra["reason"] == "Heated but not a threat in context"
    assert entry.extra["decision"] == "collapse"
    assert audit_verify_chain().ok
    told = Notification.objects.get(recipient=bob, kind="released")
    assert told.post_id == reply.pk
    assert "Heated but not a threat in context" in told.note
    mine = token_client(bob).get_json("/notifications").json()["items"]
    assert mine[0]["kind"] == "released" and "now visible" in mine[0]["text"]
    assert "mod" not in str(mine[0]["actor"])  # the moderator is not named


def test_remove_tombstones_the_post_and_tells_the_author(client, mod, alice, bob, held):
    root, reply, case = held
    client.force_login(mod)
    response = client.post(f"/moderation/cases/{case.pk}/remove/", {"reason": "A threat"})
    assert response.status_code == 302
    reply = Post.objects.get(pk=reply.pk)
    root.refresh_from_db()
    assert reply.deleted_at is not None and reply.body == ""
    assert root.reply_count == 0
    case.refresh_from_db()
    assert case.status == "removed" and case.reviewer_id == mod.pk
    assert case.text.startswith("I know which hospital")  # the record keeps a copy
    assert AuditLogEntry.objects.filter(action="moderation.remove", actor=mod).count() == 1
    assert not Notification.objects.filter(recipient=alice).exists()
    told = Notification.objects.get(recipient=bob, kind="removed")
    assert told.post_id is None and "A threat" in told.note
    page = client.get("/moderation/").content.decode()
    assert f"/moderation/cases/{case.pk}/" not in page


def test_a_reason_is_required_and_a_case_is_decided_once(client, mod, held):
    _root, _reply, case = held
    api = token_client(mod)
    empty = api.post_json(f"/moderation/cases/{case.pk}/remove", {"reason": "  "})
    assert empty.status_code == 422 and empty.json()["code"] == "reason_required"
    bad = api.post_json(f"/moderation/cases/{case.pk}/release", {"decision": "hold", "reason": "x"})
    assert bad.status_code == 422 and bad.json()["code"] == "invalid_choice"
    client.force_login(mod)
    page = client.post(f"/moderation/cases/{case.pk}/remove/", {"reason": ""})
    assert page.status_code == 422 and "Give a reason" in page.content.decode()
    assert api.post_json(f"/moderation/cases/{case.pk}/remove", {"reason": "x"}).status_code == 200
    again = api.post_json(
        f"/moderation/cases/{case.pk}/release", {"decision": "allow", "reason": "y"}
    )
    assert again.status_code == 409 and again.json()["code"] == "case_closed"
    assert AuditLogEntry.objects.filter(action__startswith="moderation.").count() == 1


def test_no_self_review(alice):
    moderator = _moderator("dr_mod")
    root = make_post(alice, "Handover tips")
    own = make_post(moderator, THREAT, reply_to_id=root.pk)
    case = ModerationCase.objects.get(post=own)
    api = token_client(moderator)
    assert api.get_json("/moderation/cases").json()["items"] == []
    answer = api.post_json(
        f"/moderation/cases/{case.pk}/release", {"decision": "allow", "reason": "fine"}
    )
    assert answer.status_code == 403 and answer.json()["code"] == "self_review"
    own.refresh_from_db()
    assert own.safety_decision == "hold"
    assert not AuditLogEntry.objects.filter(action__startswith="moderation.").exists()


def test_a_released_message_is_delivered_and_a_removed_one_deleted(mod, alice, bob):
    follow(bob, alice)
    conversation = dm_services.conversation_start(sender=alice, recipients=["bob"], body=THREAT)
    message = Message.objects.get(conversation=conversation)
    case = ModerationCase.objects.get(message=message)
    assert case.kind == "message" and case.target_user_id == bob.pk
    api = token_client(mod)
    answer = api.post_json(
        f"/moderation/cases/{case.pk}/release", {"decision": "allow", "reason": "ok"}
    )
    assert answer.status_code == 200 and answer.json()["conversation_id"] == conversation.pk
    assert [row.conversation.pk for row in dm_selectors.inbox(bob).items] == [conversation.pk]
    assert Membership.objects.get(conversation=conversation, user=bob).unread_count == 1
    assert Notification.objects.filter(recipient=alice, kind="released").exists()

    second = dm_services.message_send(sender=alice, conversation_id=conversation.pk, body=THREAT)
    case2 = ModerationCase.objects.get(message=second)
    answer = api.post_json(f"/moderation/cases/{case2.pk}/remove", {"reason": "threat"})
    assert answer.status_code == 200 and answer.json()["status"] == "removed"
    assert not Message.objects.filter(pk=second.pk).exists()
    case2.refresh_from_db()
    assert case2.text == THREAT and case2.message_id is None
    assert Membership.objects.get(conversation=conversation, user=bob).unread_count == 1


def test_the_engine_version_fits_the_columns_that_store_it():
    from primum.safety import engine_version

    version = engine_version()
    checked = 0
    for model in (Post, Message, ModerationCase):
        for field in model._meta.get_fields():
            if field.name in ("safety_model_version", "model_version"):
                assert len(version) <= field.max_length, (model.__name__, field.name)
                checked += 1
    assert checked == 3
    post = make_post(author=UserFactory(), body="you are an idiot and a disgrace")
    assert post.safety_model_version == version
