"""The client: one call per endpoint a bot needs. Creates carry an Idempotency-Key (generated per
call unless given), so a retry after a lost answer replays the first answer instead of storing
the chat twice."""
from __future__ import annotations

from typing import Any, Callable, List, Mapping, Optional, cast

from ._transport import RetryPolicy, Transport, dumps, new_idempotency_key
from .buffered import BufferedLogger
from .errors import ChatLoggerError
from .types import AddMessage, AddMessageResult, BatchItemResult, Chat, CreateChat, CreateChatResult, UpdateChat


class ChatLogger:
    """A ChatLogger client for one organization's API key.

    Requests answered 429, 502, 503, 504 or 409 (the same Idempotency-Key still being written),
    and requests that got no answer (connection refused or cut, timeout), are retried up to
    ``max_retries`` times, after the server's Retry-After or an exponential backoff with jitter.
    """

    def __init__(
        self,
        api_key: str,
        base_url: str = "http://127.0.0.1:8080",
        *,
        timeout: float = 30.0,
        max_retries: int = 5,
        min_retry_delay: float = 0.25,
        max_retry_delay: float = 30.0,
    ) -> None:
        if not isinstance(api_key, str) or not api_key:
            raise ChatLoggerError("api_key is required (an organization API key, clk_...)", code="invalid_options", field="api_key")
        self._transport = Transport(base_url, api_key, timeout, RetryPolicy(max_retries, min_retry_delay, max_retry_delay))

    def create_chat(self, chat: Optional[CreateChat] = None, *, idempotency_key: Optional[str] = None) -> CreateChatResult:
        """POST /api/v1/chats -> {"message": ..., "chat_id": N}."""
        body = dumps(chat if chat is not None else {})
        return cast(CreateChatResult, self._transport.send("POST", "/api/v1/chats", body, idempotency_key or new_idempotency_key()))

    def create_chats(self, chats: List[CreateChat], *, idempotency_key: Optional[str] = None) -> List[BatchItemResult]:
        """POST /api/v1/chats/batch with up to 1,000 chats -> one result per chat, in order."""
        answer = self._transport.send("POST", "/api/v1/chats/batch", dumps({"chats": list(chats)}), idempotency_key or new_idempotency_key())
        return cast(List[BatchItemResult], answer["results"])

    def update_chat(self, chat_id: int, update: UpdateChat) -> Chat:
        """PATCH /api/v1/chats/{id}: the end-of-chat outcome (rating, sentiment, tags...) -> the chat.

        A PATCH sets values, so sending it twice leaves the chat as once: it is retried like the creates.
        """
        return cast(Chat, self._transport.send("PATCH", f"/api/v1/chats/{_chat_path(chat_id)}", dumps(update)))

    def add_message(self, chat_id: int, message: AddMessage, *, idempotency_key: Optional[str] = None) -> AddMessageResult:
        """POST /api/v1/chats/{id}/messages -> {"message": ..., "message_id": N}."""
        path = f"/api/v1/chats/{_chat_path(chat_id)}/messages"
        return cast(AddMessageResult, self._transport.send("POST", path, dumps(message), idempotency_key or new_idempotency_key()))

    def buffered_logger(
        self,
        *,
        max_batch_size: int = 500,
        flush_interval: float = 1.0,
        max_buffered_chats: int = 10_000,
        max_batch_bytes: int = 4 * 1024 * 1024,
        close_timeout: float = 10.0,
        on_item_error: Optional[Callable[[ChatLoggerError, Mapping[str, Any]], None]] = None,
        on_warning: Optional[Callable[[str], None]] = None,
        flush_at_exit: bool = True,
    ) -> BufferedLogger:
        """A logger that sends chats in batches from a background thread (see BufferedLogger)."""
        return BufferedLogger(
            self._transport,
            max_batch_size=max_batch_size,
            flush_interval=flush_interval,
            max_buffered_chats=max_buffered_chats,
            max_batch_bytes=max_batch_bytes,
            close_timeout=close_timeout,
            on_item_error=on_item_error,
            on_warning=on_warning,
            flush_at_exit=flush_at_exit,
        )


def _chat_path(chat_id: int) -> str:
    if isinstance(chat_id, bool) or not isinstance(chat_id, int) or chat_id < 1:
        raise ChatLoggerError(f"chat_id must be a positive integer, got {chat_id!r}", code="invalid_request", field="chat_id")
    return str(chat_id)
