"""The buffered logger: log() returns at once; a background thread sends the chats through
POST /api/v1/chats/batch when max_batch_size are waiting or flush_interval seconds after the first
one. Each batch gets one Idempotency-Key, kept for all its retries, so a batch whose answer was
lost is replayed by the server, never stored twice. One batch is in flight at a time (order kept)."""
from __future__ import annotations

import atexit
import collections
import json
import logging
import threading
import time
from typing import Any, Callable, Deque, List, Mapping, Optional

from ._transport import Outcome, Transport, dumps, new_idempotency_key, retry_delay
from .errors import ChatLoggerError, api_error_of
from .types import CreateChat, LoggerStats

_log = logging.getLogger("chatlogger")
DROP_WARNING_EVERY = 10.0


class BufferedLogger:
    """Thread-safe: ``log`` may be called from any thread.

    - Retries 429, 502-504, 409 and network errors until it is closed, with backoff (Retry-After wins).
    - At most ``max_buffered_chats`` wait while the server cannot be reached; past that the oldest
      are dropped and ``on_warning`` is told how many (at once for the first, then every 10 s).
    - A chat the server refuses (a 400 for that item, or a request refused as a whole: 401, 403...)
      goes to ``on_item_error(error, chat)``; the others of its batch are stored.
    - ``close()`` sends what waits, retrying for up to ``close_timeout`` seconds, then drops the
      rest with a warning. It also runs at interpreter exit (atexit) unless ``flush_at_exit=False``.
    """

    def __init__(
        self,
        transport: Transport,
        *,
        max_batch_size: int = 500,
        flush_interval: float = 1.0,
        max_buffered_chats: int = 10_000,
        max_batch_bytes: int = 4 * 1024 * 1024,
        close_timeout: float = 10.0,
        on_item_error: Optional[Callable[[ChatLoggerError, Mapping[str, Any]], None]] = None,
        on_warning: Optional[Callable[[str], None]] = None,
        flush_at_exit: bool = True,
    ) -> None:
        self._transport = transport
        self._max_batch = _int_option("max_batch_size", max_batch_size, 1, 1000)
        self._interval = _number_option("flush_interval", flush_interval, 0, 3600)
        self._max_buffered = _int_option("max_buffered_chats", max_buffered_chats, 1, 100_000_000)
        self._max_bytes = _int_option("max_batch_bytes", max_batch_bytes, 1024, 5 * 1024 * 1024 - 64)
        self._close_timeout = _number_option("close_timeout", close_timeout, 0, 3600)
        self._on_item_error = on_item_error
        self._on_warning = on_warning or _log.warning

        self._cond = threading.Condition()
        self._items: Deque[bytes] = collections.deque()
        self._added = 0  # chats ever logged
        self._removed = 0  # chats ever taken into a batch or dropped
        self._flush_target = 0  # flush(): send until _removed reaches this
        self._first_at: Optional[float] = None  # when the oldest waiting chat started its interval
        self._in_flight = 0
        self._sent = 0
        self._rejected = 0
        self._dropped = 0
        self._dropped_unwarned = 0
        self._last_drop_warning = float("-inf")
        self._deadline: Optional[float] = None  # set by close()
        self._closing = threading.Event()
        self._at_exit = flush_at_exit
        self._thread = threading.Thread(target=self._run, name="chatlogger-buffered-logger", daemon=True)
        self._thread.start()
        if flush_at_exit:
            atexit.register(self.close)

    def log(self, chat: CreateChat) -> None:
        """Queues a chat (serialized now: later changes to it are not sent). Raises once closed."""
        data = dumps(chat if chat is not None else {})
        with self._cond:
            if self._deadline is not None:
                raise ChatLoggerError("This logger is closed", code="logger_closed")
            if len(data) > self._max_bytes:
                self._rejected += 1
                error = ChatLoggerError(f"The chat is {len(data)} bytes of JSON, more than a batch may hold ({self._max_bytes})", code="payload_too_large")
            else:
                error = None
                if len(self._items) >= self._max_buffered:
                    self._drop_oldest()
                self._items.append(data)
                self._added += 1
                if self._first_at is None:
                    self._first_at = time.monotonic()
                self._cond.notify_all()
        if error is not None:
            self._report(error, data)

    def flush(self, timeout: Optional[float] = None) -> bool:
        """Sends everything logged so far; True once it was answered (stored or rejected) or dropped."""
        end = None if timeout is None else time.monotonic() + timeout
        with self._cond:
            target = self._added
            self._flush_target = max(self._flush_target, target)
            self._cond.notify_all()
            while self._removed < target or self._in_flight > 0:
                remaining = None if end is None else end - time.monotonic()
                if remaining is not None and remaining <= 0:
                    return False
                self._cond.wait(remaining)
            return True

    def close(self) -> LoggerStats:
        """Sends what waits (retrying for up to close_timeout seconds, then dropping the rest with a
        warning), stops the background thread and returns the counts. Safe to call more than once."""
        with self._cond:
            if self._deadline is None:
                self._deadline = time.monotonic() + self._close_timeout
                self._flush_target = self._added
                self._closing.set()
                self._cond.notify_all()
        if self._at_exit:
            self._at_exit = False
            atexit.unregister(self.close)
        if threading.current_thread() is not self._thread:
            self._thread.join()
        return self.stats()

    def stats(self) -> LoggerStats:
        with self._cond:
            return {"buffered": len(self._items), "in_flight": self._in_flight, "sent": self._sent, "rejected": self._rejected, "dropped": self._dropped}

    # The background thread.

    def _run(self) -> None:
        while True:
            with self._cond:
                while not self._due():
                    if self._deadline is not None and not self._items:
                        return
                    self._cond.wait(self._wait_time())
                if self._past_deadline():
                    lost = len(self._items)
                    self._items.clear()
                    self._removed += lost
                    self._dropped += lost
                    self._cond.notify_all()
                    self._warn(f"chatlogger: dropped {lost} chat(s) not sent (close() timed out); {self._dropped} dropped since the logger started")
                    continue
                batch = self._take()
                self._in_flight = len(batch)
                self._first_at = time.monotonic() if self._items else None
            try:
                self._deliver(batch)
            except Exception as err:  # never let the thread die: count the batch and say why
                with self._cond:
                    self._dropped += len(batch)
                self._warn(f"chatlogger: dropped {len(batch)} chat(s) after an unexpected error: {err!r}")
            finally:
                with self._cond:
                    self._in_flight = 0
                    self._cond.notify_all()

    def _due(self) -> bool:
        if not self._items:
            return False
        if len(self._items) >= self._max_batch or self._removed < self._flush_target or self._deadline is not None:
            return True
        return self._first_at is not None and time.monotonic() - self._first_at >= self._interval

    def _wait_time(self) -> Optional[float]:
        if not self._items or self._first_at is None:
            return None
        return max(0.0, self._interval - (time.monotonic() - self._first_at))

    def _take(self) -> List[bytes]:
        batch: List[bytes] = []
        size = 16
        while self._items and len(batch) < self._max_batch and (not batch or size + len(self._items[0]) + 1 <= self._max_bytes):
            item = self._items.popleft()
            size += len(item) + 1
            batch.append(item)
        self._removed += len(batch)
        return batch

    def _deliver(self, batch: List[bytes]) -> None:
        body = b'{"chats":[' + b",".join(batch) + b"]}"
        key = new_idempotency_key()
        retry = 0
        while True:
            outcome = self._transport.attempt("POST", "/api/v1/chats/batch", body, key)
            if outcome.ok:
                self._settle(batch, outcome)
                return
            assert outcome.error is not None
            if not outcome.retryable:
                with self._cond:
                    self._rejected += len(batch)
                for item in batch:
                    self._report(outcome.error, item)
                return
            if self._past_deadline():
                with self._cond:
                    self._dropped += len(batch)
                self._warn(f"chatlogger: dropped {len(batch)} chat(s) not sent (close() timed out: {outcome.error.message}); {self._dropped} dropped since the logger started")
                return
            self._sleep(retry_delay(self._transport.retry, retry, outcome.retry_after))
            retry += 1

    def _settle(self, batch: List[bytes], outcome: Outcome) -> None:
        results = outcome.body.get("results") if isinstance(outcome.body, dict) else None
        if not isinstance(results, list) or len(results) != len(batch):
            with self._cond:
                self._rejected += len(batch)
            error = ChatLoggerError("The batch answer did not have one result per chat", code="unexpected_answer")
            for item in batch:
                self._report(error, item)
            return
        for result, item in zip(results, batch):
            if isinstance(result, dict) and result.get("status") == 201:
                with self._cond:
                    self._sent += 1
            else:
                with self._cond:
                    self._rejected += 1
                status = result.get("status", 0) if isinstance(result, dict) else 0
                self._report(api_error_of(status, result), item)

    def _sleep(self, seconds: float) -> None:
        """Waits before a retry; close() cuts an open-ended wait short, and the deadline bounds it."""
        if self._deadline is None:
            self._closing.wait(seconds)
        else:
            time.sleep(max(0.0, min(seconds, self._deadline - time.monotonic())))

    def _past_deadline(self) -> bool:
        return self._deadline is not None and time.monotonic() >= self._deadline

    def _drop_oldest(self) -> None:  # with self._cond held
        self._items.popleft()
        self._removed += 1
        self._dropped += 1
        self._dropped_unwarned += 1
        now = time.monotonic()
        if now - self._last_drop_warning >= DROP_WARNING_EVERY:
            self._last_drop_warning = now
            self._warn(
                f"chatlogger: {self._max_buffered} chats are waiting for the server; dropped the oldest {self._dropped_unwarned} "
                f"({self._dropped} dropped since the logger started)"
            )
            self._dropped_unwarned = 0

    def _report(self, error: ChatLoggerError, item: bytes) -> None:
        if self._on_item_error is None:
            self._warn(f"chatlogger: a chat was not stored: {error.message}" + (f" ({error.field})" if error.field else ""))
            return
        try:
            self._on_item_error(error, json.loads(item))
        except Exception as err:
            self._warn(f"chatlogger: on_item_error raised {err!r}")

    def _warn(self, message: str) -> None:
        try:
            self._on_warning(message)
        except Exception:
            pass  # a warning must never break logging


def _int_option(name: str, value: Any, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise ChatLoggerError(f"{name} must be an integer from {low} to {high}", code="invalid_options", field=name)
    return value


def _number_option(name: str, value: Any, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ChatLoggerError(f"{name} must be a number from {low} to {high}", code="invalid_options", field=name)
    return float(value)
