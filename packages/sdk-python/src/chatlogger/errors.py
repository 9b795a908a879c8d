"""Typed errors: what the server said (status, code, field) or why no answer came back."""
from __future__ import annotations

from typing import Any, Optional


class ChatLoggerError(Exception):
    """Every failure of the SDK: ``code`` always, ``field`` when the server named one."""

    def __init__(
        self,
        message: str,
        *,
        code: str,
        field: Optional[str] = None,
        status: Optional[int] = None,
        request_id: Optional[str] = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.field = field
        self.status = status
        self.request_id = request_id

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.message!r}, code={self.code!r}, field={self.field!r}, status={self.status!r})"


class ApiError(ChatLoggerError):
    """The server answered with an error status; ``message`` is its ``error`` sentence."""

    status: int


class NetworkError(ChatLoggerError):
    """No answer: the connection failed or was cut, or the request timed out (``code`` "timeout")."""


def api_error_of(status: int, body: Any, request_id: Optional[str] = None) -> ApiError:
    """An ApiError for a body of the error model (a JSON object of strings), whatever its shape."""
    fields = body if isinstance(body, dict) else {}

    def text(key: str) -> Optional[str]:
        value = fields.get(key)
        return value if isinstance(value, str) else None

    return ApiError(
        text("error") or f"The server answered {status}",
        code=text("code") or f"http_{status}",
        field=text("field"),
        status=status,
        request_id=request_id,
    )
