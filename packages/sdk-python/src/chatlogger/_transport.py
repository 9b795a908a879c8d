"""One HTTP attempt (urllib, standard library only) and the retry rules the client and the
buffered logger share."""
from __future__ import annotations

import email.utils
import http.client
import json
import random
import socket
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from typing import Any, Dict, Optional

from .errors import ChatLoggerError, NetworkError, api_error_of

USER_AGENT = "chatlogger-python/0.1.0"


@dataclass
class RetryPolicy:
    max_retries: int = 5
    min_delay: float = 0.25
    max_delay: float = 30.0


@dataclass
class Outcome:
    ok: bool
    status: int = 0
    body: Any = None
    error: Optional[ChatLoggerError] = None
    retryable: bool = False
    retry_after: Optional[float] = None


def _retryable_status(status: int, code: str) -> bool:
    # Rate limited, unavailable or a proxy's gateway error, or the same Idempotency-Key still being written.
    return status in (429, 502, 503, 504) or (status == 409 and code == "idempotency_key_in_flight")


def parse_retry_after(value: Optional[str]) -> Optional[float]:
    """Retry-After in seconds: delta-seconds or an HTTP date; None if absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def retry_delay(policy: RetryPolicy, retry: int, retry_after: Optional[float]) -> float:
    """The wait before retry number ``retry`` (0-based): Retry-After if given, else backoff with jitter."""
    if retry_after is not None:
        return retry_after
    ceiling = min(policy.max_delay, policy.min_delay * (2 ** retry))
    return ceiling / 2 + random.random() * ceiling / 2


def new_idempotency_key() -> str:
    return str(uuid.uuid4())


class Transport:
    def __init__(self, base_url: str, api_key: str, timeout: float, retry: RetryPolicy) -> None:
        self.base_url = base_url.rstrip("/")
        self.api_key = api_key
        self.timeout = timeout
        self.retry = retry

    def attempt(self, method: str, path: str, body: Optional[bytes], idempotency_key: Optional[str] = None) -> Outcome:
        """One request; never raises for HTTP or network failures (they come back as an Outcome)."""
        headers: Dict[str, str] = {"x-organization-api-key": self.api_key, "accept": "application/json", "user-agent": USER_AGENT}
        if body is not None:
            headers["content-type"] = "application/json"
        if idempotency_key:
            headers["idempotency-key"] = idempotency_key
        request = urllib.request.Request(self.base_url + path, data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                raw = response.read()
                status = response.status
        except urllib.error.HTTPError as err:
            try:
                raw = err.read()
            except (OSError, http.client.HTTPException):
                raw = b""
            parsed = _parse(raw)
            error = api_error_of(err.code, parsed, err.headers.get("x-request-id") if err.headers else None)
            return Outcome(
                ok=False,
                status=err.code,
                error=error,
                retryable=_retryable_status(err.code, error.code),
                retry_after=parse_retry_after(err.headers.get("retry-after") if err.headers else None),
            )
        except (socket.timeout, TimeoutError) as err:
            return Outcome(ok=False, error=NetworkError(f"No answer within {self.timeout} s from {method} {path}", code="timeout"), retryable=True)
        except (urllib.error.URLError, http.client.HTTPException, OSError) as err:
            reason = getattr(err, "reason", err)
            if isinstance(reason, (socket.timeout, TimeoutError)):
                return Outcome(ok=False, error=NetworkError(f"No answer within {self.timeout} s from {method} {path}", code="timeout"), retryable=True)
            return Outcome(ok=False, error=NetworkError(f"{method} {path} failed: {reason!r}", code="network_error"), retryable=True)
        try:
            return Outcome(ok=True, status=status, body=json.loads(raw) if raw else None)
        except ValueError:
            # A 2xx whose body is not JSON: broken on the way; the Idempotency-Key makes a retry safe.
            return Outcome(ok=False, error=NetworkError(f"{method} {path}: the answer could not be read", code="network_error"), retryable=True)

    def send(self, method: str, path: str, body: Optional[bytes], idempotency_key: Optional[str] = None) -> Any:
        """``attempt``, retried up to retry.max_retries times; raises the last error."""
        retry = 0
        while True:
            outcome = self.attempt(method, path, body, idempotency_key)
            if outcome.ok:
                return outcome.body
            assert outcome.error is not None
            if not outcome.retryable or retry >= self.retry.max_retries:
                raise outcome.error
            time.sleep(retry_delay(self.retry, retry, outcome.retry_after))
            retry += 1


def _parse(raw: bytes) -> Any:
    try:
        return json.loads(raw) if raw else None
    except ValueError:
        return None


def dumps(value: Any) -> bytes:
    """JSON as the server takes it: no NaN or Infinity (ValueError now rather than a 400 later)."""
    return json.dumps(value, separators=(",", ":"), allow_nan=False).encode("utf-8")
