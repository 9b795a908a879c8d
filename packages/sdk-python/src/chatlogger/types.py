"""The request and answer bodies of the endpoints the SDK calls (see the server's /openapi.json)."""
from __future__ import annotations

from typing import List, Literal, Optional, TypedDict, Union


class ChatMetadata(TypedDict, total=False):
    avg_response_time: Optional[float]
    bot_version: Optional[str]
    country_code: Optional[str]
    ip_address: Optional[str]
    is_escalated: Optional[bool]
    is_forwarded_to_hr: Optional[bool]
    language_code: Optional[str]
    question_category: Optional[str]
    sentiment: Optional[str]
    session_id: Optional[str]
    token_count: Optional[int]
    transcript_link: Optional[str]
    user_rating: Optional[int]


class CreateChat(TypedDict, total=False):
    """A Create Chat body: every field optional; ``None`` means "not known"."""

    title: Optional[str]
    tags: Optional[List[str]]
    user_id: Optional[int]
    metadata: Optional[ChatMetadata]
    created_at: Optional[str]


class UpdateChat(TypedDict, total=False):
    """The end-of-chat outcome: metadata merged field by field; tags replaced, added or removed."""

    title: Optional[str]
    tags: Optional[List[str]]
    add_tags: List[str]
    remove_tags: List[str]
    user_id: Optional[int]
    metadata: Optional[ChatMetadata]


class MessageMetadata(TypedDict, total=False):
    token_count: Optional[int]
    response_time: Optional[float]


class _MessageRequired(TypedDict):
    role: Literal["user", "assistant", "system"]
    content: str


class AddMessage(_MessageRequired, total=False):
    metadata: Optional[MessageMetadata]


class CreateChatResult(TypedDict):
    message: str
    chat_id: int


class AddMessageResult(TypedDict):
    message: str
    message_id: int


class _BatchItemRequired(TypedDict):
    index: int
    status: int


class BatchItemResult(_BatchItemRequired, total=False):
    """201 with ``chat_id``, or an error (400 invalid, 500 refused by the database) with ``code`` and ``field``."""

    chat_id: int
    error: str
    code: str
    field: str


class StoredChatMetadata(TypedDict):
    """A stored chat's metadata: every field present, None when not known."""

    avg_response_time: Optional[float]
    bot_version: Optional[str]
    country_code: Optional[str]
    ip_address: Optional[str]
    is_escalated: Optional[bool]
    is_forwarded_to_hr: Optional[bool]
    language_code: Optional[str]
    question_category: Optional[str]
    sentiment: Optional[str]
    session_id: Optional[str]
    token_count: Optional[int]
    transcript_link: Optional[str]
    user_rating: Optional[int]


class Chat(TypedDict):
    id: int
    organization_id: int
    # An int as the bot sent it; in works-council mode a pseudonym such as "p_1f0c9a2b7d3e4f56".
    user_id: Optional[Union[int, str]]
    title: Optional[str]
    tags: List[str]
    metadata: StoredChatMetadata
    created_at: str
    updated_at: str


class LoggerStats(TypedDict):
    buffered: int
    in_flight: int
    sent: int
    rejected: int
    dropped: int
