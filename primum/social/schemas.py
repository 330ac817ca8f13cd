"""Request and response shapes of the social API (django-ninja schemas).

Text fields are typed ``str`` only: the services apply the Unicode policy, the limits and
the allowed choices, so the API and the pages refuse the same input with the same typed
error. Ids are bounded to what the database can hold, so an absurd id is a 422, never a
crash.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from ninja import Field, Schema

MAX_ID = 2**63 - 1
Id = Annotated[int, Field(ge=1, le=MAX_ID)]

VISIBILITY_HELP = "public | followers"
REPLY_POLICY_HELP = "anyone | following | mentioned | verified | nobody"
QUOTE_POLICY_HELP = "anyone | followers | nobody"


# --- Input ---------------------------------------------------------------------------------


class PageQuery(Schema):
    cursor: str | None = Field(None, max_length=200, description="next_cursor of the last page")
    limit: int | None = Field(None, ge=1, le=100, description="page size, 1 to 100 (default 20)")


class ProfileFeedQuery(PageQuery):
    replies: bool = Field(False, description="include the account's replies")


class NotificationQuery(PageQuery):
    unread: bool = Field(False, description="only unread notifications")


class SearchQuery(PageQuery):
    q: str = Field(..., max_length=400, description="words to search for; '#tag' for a hashtag")


class PostIn(Schema):
    body: str = Field(..., description="plain text, at most 500 characters")
    content_warning: str = Field("", description="at most 100 characters, one line")
    visibility: str = Field("public", description=VISIBILITY_HELP)
    reply_to_id: Id | None = None
    quote_of_id: Id | None = None
    reply_policy: str = Field("anyone", description=REPLY_POLICY_HELP)
    quote_policy: str = Field("anyone", description=QUOTE_POLICY_HELP)


class PostPatchIn(Schema):
    body: str
    content_warning: str | None = Field(None, description="omit to keep the current one")


class ControlsIn(Schema):
    reply_policy: str | None = Field(None, description=REPLY_POLICY_HELP)
    quote_policy: str | None = Field(None, description=QUOTE_POLICY_HELP)


class MarkReadIn(Schema):
    up_to_id: Id | None = Field(
        None, description="mark notifications up to this id; all if omitted"
    )


# --- Output --------------------------------------------------------------------------------


class AuthorOut(Schema):
    handle: str
    display_name: str
    profession: str
    profession_label: str
    credentials: str


class ViewerStateOut(Schema):
    liked: bool
    bookmarked: bool
    reposted: bool
    can_reply: bool
    can_quote: bool


class SafetyOut(Schema):
    """The safety engine's decision as everyone sees it: never a score."""

    decision: Literal["collapse", "hold"] = Field(
        ..., description="collapse: show behind the notice; hold: only its author sees it"
    )
    notice: str


class QuotedPostOut(Schema):
    """A quoted post, one level deep (its own quote is not expanded)."""

    unavailable: Literal[False] = False
    id: int
    url: str
    author: AuthorOut
    body: str
    html: str
    content_warning: str
    visibility: str
    created_at: datetime
    edited_at: datetime | None
    reply_to_id: int | None
    thread_root_id: int | None
    safety: SafetyOut | None = None


class QuoteUnavailableOut(Schema):
    """The quoted post was deleted, is hidden from the viewer, or its author detached it."""

    unavailable: Literal[True] = True


class PostOut(Schema):
    id: int
    url: str
    author: AuthorOut
    body: str = Field(..., description="the raw text as written")
    html: str = Field(..., description="the text as safe HTML: escaped, links added")
    content_warning: str
    visibility: str
    created_at: datetime
    edited_at: datetime | None
    reply_to_id: int | None
    thread_root_id: int | None
    safety: SafetyOut | None = Field(
        None, description="null, or the decision and notice for collapsed / held posts"
    )
    quote: QuotedPostOut | QuoteUnavailableOut | None
    reply_count: int
    like_count: int
    repost_count: int
    quote_count: int
    reply_policy: str
    quote_policy: str
    viewer: ViewerStateOut


class FeedPostOut(PostOut):
    reposted_by: AuthorOut | None = None


class FeedPageOut(Schema):
    items: list[FeedPostOut]
    next_cursor: str | None


class TombstoneOut(Schema):
    id: int
    deleted: Literal[True] = True


class ThreadPostOut(PostOut):
    depth: int


class ThreadTombstoneOut(TombstoneOut):
    depth: int


class ThreadOut(Schema):
    ancestors: list[PostOut | TombstoneOut]
    focus: PostOut
    replies: list[ThreadPostOut | ThreadTombstoneOut]


class PostVersionOut(Schema):
    body: str
    html: str
    content_warning: str
    replaced_at: datetime


class HistoryOut(Schema):
    post_id: int
    items: list[PostVersionOut]
    next_cursor: str | None = None


class QuoteDetachedOut(Schema):
    id: int
    quote_detached: bool


class PersonOut(Schema):
    handle: str
    display_name: str
    profession: str
    profession_label: str
    specialty: str
    specialty_label: str
    credentials: str
    affiliation: str


class PeoplePageOut(Schema):
    items: list[PersonOut]
    next_cursor: str | None


class LinkOut(Schema):
    label: str
    url: str


class DisclosureOut(Schema):
    entity: str
    relationship: str
    relationship_label: str
    description: str
    start_date: str
    end_date: str | None


class DisclosuresOut(Schema):
    current: list[DisclosureOut]
    past: list[DisclosureOut]


class CountsOut(Schema):
    followers: int
    following: int
    posts: int


class RelationshipOut(Schema):
    is_self: bool
    following: bool = Field(..., description="the viewer follows this account")
    followed_by: bool = Field(..., description="this account follows the viewer")
    muting: bool


class ProfileOut(PersonOut):
    url: str
    bio: str
    bio_html: str
    disclaimer: str
    links: list[LinkOut]
    disclosures: DisclosuresOut
    counts: CountsOut
    viewer: RelationshipOut
    joined_at: datetime
    is_pseudonymous: bool
    trust_summary: str = Field(
        ...,
        description='what was verified, in plain text, e.g. "Physician · NPI verified Nov 2026"',
    )


class PostRefOut(Schema):
    id: int
    url: str
    body: str
    html: str
    safety: SafetyOut | None = None


class NotificationOut(Schema):
    id: int
    kind: str
    text: str
    actor: AuthorOut
    post: PostRefOut | None
    created_at: datetime
    read: bool


class NotificationPageOut(Schema):
    items: list[NotificationOut]
    next_cursor: str | None


class UnreadCountOut(Schema):
    count: int


class MarkedReadOut(Schema):
    marked: int
    unread_count: int
