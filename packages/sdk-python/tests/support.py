"""What the tests need around the SDK: the server they run against (started by
test/sdk-python.test.ts, which passes its URL, an API key and an admin's JWT in the environment),
reading chats back through the dashboard API, and a TCP proxy that fails on purpose."""
from __future__ import annotations

import json
import os
import socket
import threading
import urllib.parse
import urllib.request
import uuid
from typing import Any, Dict, List, Optional, Set


def env(name: str) -> str:
    value = os.environ.get(name)
    if not value:
        raise RuntimeError(
            f"{name} is not set: these tests run against a real server; run them with `npx vitest run test/sdk-python.test.ts` "
            "from the repository root (it starts one), or set CHATLOGGER_URL, CHATLOGGER_API_KEY, CHATLOGGER_TEST_TOKEN "
            "and CHATLOGGER_THROTTLED_API_KEY yourself"
        )
    return value


URL = env("CHATLOGGER_URL")
API_KEY = env("CHATLOGGER_API_KEY")
TOKEN = env("CHATLOGGER_TEST_TOKEN")
THROTTLED_API_KEY = env("CHATLOGGER_THROTTLED_API_KEY")
THROTTLED_TOKEN = env("CHATLOGGER_THROTTLED_TOKEN")


def unique_tag() -> str:
    return "py-" + uuid.uuid4().hex[:12]


def dashboard_get(path: str, token: str = TOKEN) -> Any:
    request = urllib.request.Request(URL + path, headers={"authorization": f"Bearer {token}"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def chats_tagged(tag: str, token: str = TOKEN) -> List[Dict[str, Any]]:
    """Every stored chat with this tag, through GET /api/v1/chats (all pages)."""
    chats: List[Dict[str, Any]] = []
    cursor: Optional[str] = None
    while True:
        query = {"tags": tag, "limit": "100"}
        if cursor:
            query["cursor"] = cursor
        page = dashboard_get("/api/v1/chats?" + urllib.parse.urlencode(query), token)
        chats.extend(page["chats"])
        cursor = page["next_cursor"]
        if not cursor:
            return chats


def count_tagged(tag: str, token: str = TOKEN) -> int:
    return dashboard_get("/api/v1/chats?" + urllib.parse.urlencode({"tags": tag, "limit": "1", "include_total": "true"}), token)["total"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FlakyProxy:
    """A TCP proxy in front of the server. ``cut(n)``: the next n answers are cut — the request
    reaches the server, which handles it (and commits), and the client's connection is closed as
    the answer's first bytes come back. ``down``: connections are closed before anything is forwarded."""

    def __init__(self, target_url: str) -> None:
        parsed = urllib.parse.urlparse(target_url)
        self._target = (parsed.hostname or "127.0.0.1", parsed.port or 80)
        self._lock = threading.Lock()
        self._cuts_left = 0
        self.down = False
        self.cuts = 0
        self.refused = 0
        self._sockets: Set[socket.socket] = set()
        self._server = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._server.getsockname()[1]}"
        threading.Thread(target=self._accept, daemon=True).start()

    def cut(self, n: int) -> None:
        with self._lock:
            self._cuts_left = n

    def _take_cut(self) -> bool:
        with self._lock:
            if self._cuts_left > 0:
                self._cuts_left -= 1
                self.cuts += 1
                return True
            return False

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            if self.down:
                self.refused += 1
                client.close()
                continue
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        try:
            upstream = socket.create_connection(self._target)
        except OSError:
            client.close()
            return
        state = {"in_request": False}
        done = threading.Event()

        def close_both() -> None:
            done.set()
            for s in (client, upstream):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
                s.close()

        def client_to_upstream() -> None:
            try:
                while not done.is_set():
                    data = client.recv(65536)
                    if not data:
                        break
                    state["in_request"] = True
                    upstream.sendall(data)
            except OSError:
                pass
            close_both()

        threading.Thread(target=client_to_upstream, daemon=True).start()
        try:
            while not done.is_set():
                data = upstream.recv(65536)
                if not data:
                    break
                if state["in_request"]:
                    state["in_request"] = False
                    if self._take_cut():
                        break
                client.sendall(data)
        except OSError:
            pass
        close_both()

    def close(self) -> None:
        self._server.close()
