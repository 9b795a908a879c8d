"""The sync client against the real server (started by test/sdk-python.test.ts)."""
from __future__ import annotations

import email.utils
import json
import time
import unittest
import urllib.error
from typing import Any, Dict, List
import urllib.request

from chatlogger import ApiError, ChatLogger, ChatLoggerError, NetworkError
from chatlogger._transport import parse_retry_after

from .support import API_KEY, THROTTLED_API_KEY, THROTTLED_TOKEN, URL, FlakyProxy, chats_tagged, count_tagged, dashboard_get, free_port, unique_tag

FAST: Dict[str, Any] = {"min_retry_delay": 0.005, "max_retry_delay": 0.05}


class ClientTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.proxy = FlakyProxy(URL)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.proxy.close()

    def test_creates_a_chat_adds_a_message_and_records_the_outcome(self) -> None:
        tag = unique_tag()
        client = ChatLogger(API_KEY, URL, **FAST)
        created = client.create_chat({"title": "Parental leave", "tags": [tag], "metadata": {"language_code": "nl", "is_escalated": False}})
        self.assertEqual(created["message"], "Chat created successfully")
        message = client.add_message(created["chat_id"], {"role": "user", "content": "Hoeveel verlofdagen heb ik?", "metadata": {"token_count": 7}})
        self.assertGreater(message["message_id"], 0)
        updated = client.update_chat(created["chat_id"], {"metadata": {"user_rating": 4, "sentiment": "Neutral"}, "add_tags": ["resolved"]})
        self.assertEqual(updated["tags"], [tag, "resolved"])
        self.assertEqual(updated["metadata"]["user_rating"], 4)
        self.assertEqual(updated["metadata"]["sentiment"], "neutral")
        self.assertFalse(updated["metadata"]["is_escalated"])
        transcript = dashboard_get(f"/api/v1/chats/{created['chat_id']}/messages")["messages"]
        self.assertEqual([(m["role"], m["content"]) for m in transcript], [("user", "Hoeveel verlofdagen heb ik?")])

    def test_a_validation_error_carries_status_code_and_field_and_stores_nothing(self) -> None:
        tag = unique_tag()
        client = ChatLogger(API_KEY, URL)
        with self.assertRaises(ApiError) as caught:
            client.create_chat({"tags": [tag], "metadata": {"user_rating": 6}})
        error = caught.exception
        self.assertIsInstance(error, ChatLoggerError)
        self.assertEqual((error.status, error.code, error.field), (400, "invalid_request", "metadata.user_rating"))
        self.assertEqual(error.message, "metadata.user_rating must be at most 5")
        self.assertTrue(error.request_id)
        self.assertEqual(count_tagged(tag), 0)
        with self.assertRaises(ApiError) as unknown:
            client.update_chat(1, {"colour": "red"})  # type: ignore[typeddict-unknown-key]
        self.assertEqual((unknown.exception.status, unknown.exception.field), (400, "colour"))
        with self.assertRaises(ApiError) as missing:
            client.update_chat(999_999_999, {"title": "x"})
        self.assertEqual(missing.exception.status, 404)

    def test_one_idempotency_key_stores_one_chat_and_a_malformed_key_is_a_400(self) -> None:
        tag = unique_tag()
        client = ChatLogger(API_KEY, URL, **FAST)
        first = client.create_chat({"tags": [tag]}, idempotency_key=f"order-{tag}")
        again = client.create_chat({"tags": [tag]}, idempotency_key=f"order-{tag}")
        self.assertEqual(first["chat_id"], again["chat_id"])
        self.assertEqual(count_tagged(tag), 1)
        with self.assertRaises(ApiError) as caught:
            client.create_chat({}, idempotency_key="x" * 256)
        self.assertEqual((caught.exception.status, caught.exception.field), (400, "Idempotency-Key"))

    def test_create_chats_answers_one_result_per_chat(self) -> None:
        tag = unique_tag()
        results = ChatLogger(API_KEY, URL).create_chats([{"tags": [tag]}, {"tags": [tag], "user_id": 0}, {"tags": [tag]}])
        self.assertEqual([r["status"] for r in results], [201, 400, 201])
        self.assertEqual((results[1].get("code"), results[1].get("field")), ("invalid_request", "user_id"))
        self.assertEqual(count_tagged(tag), 2)

    def test_a_wrong_api_key_is_a_401_and_not_retried(self) -> None:
        with self.assertRaises(ApiError) as caught:
            ChatLogger("clk_wrong", URL, max_retries=5, min_retry_delay=5).create_chat({})
        self.assertEqual(caught.exception.status, 401)

    def test_a_retry_after_a_cut_answer_does_not_store_the_chat_twice(self) -> None:
        tag = unique_tag()
        self.proxy.cut(1)
        cuts = self.proxy.cuts
        client = ChatLogger(API_KEY, self.proxy.url, **FAST)
        created = client.create_chat({"tags": [tag], "title": "cut once"})
        self.assertEqual(self.proxy.cuts, cuts + 1)
        self.assertEqual([c["id"] for c in chats_tagged(tag)], [created["chat_id"]])
        self.proxy.cut(1)
        client.add_message(created["chat_id"], {"role": "assistant", "content": "Twelve days."})
        self.assertEqual(len(dashboard_get(f"/api/v1/chats/{created['chat_id']}/messages")["messages"]), 1)

    def test_the_proxy_is_real_a_plain_retry_without_idempotency_key_stores_twice(self) -> None:
        tag = unique_tag()
        body = json.dumps({"tags": [tag]}).encode()

        def post() -> int:
            request = urllib.request.Request(self.proxy.url + "/api/v1/chats", data=body, method="POST", headers={"x-organization-api-key": API_KEY, "content-type": "application/json"})
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status

        self.proxy.cut(1)
        with self.assertRaises(Exception):
            post()
        self.assertEqual(post(), 201)
        self.assertEqual(count_tagged(tag), 2)

    def test_gives_up_with_a_network_error_when_nothing_listens(self) -> None:
        with self.assertRaises(NetworkError) as caught:
            ChatLogger(API_KEY, f"http://127.0.0.1:{free_port()}", max_retries=2, **FAST).create_chat({})
        self.assertEqual(caught.exception.code, "network_error")

    def test_waits_out_the_servers_429_and_stores_every_chat_once(self) -> None:
        tag = unique_tag()
        client = ChatLogger(THROTTLED_API_KEY, URL, **FAST)
        # The throttled organization's key takes 1 request at once and 2 per second: a quick second
        # request is answered 429 with Retry-After, and the client waits and retries.
        raw = urllib.request.Request(URL + "/api/v1/chats", data=b"{}", method="POST", headers={"x-organization-api-key": THROTTLED_API_KEY, "content-type": "application/json"})
        statuses: List[int] = []
        for _ in range(2):
            try:
                with urllib.request.urlopen(raw, timeout=10) as response:
                    statuses.append(response.status)
            except urllib.error.HTTPError as err:
                statuses.append(err.code)
        self.assertIn(429, statuses)
        for i in range(3):
            client.create_chat({"tags": [tag], "title": f"throttled {i}"})
        self.assertEqual(count_tagged(tag, THROTTLED_TOKEN), 3)

    def test_refuses_a_missing_api_key_and_a_bad_chat_id(self) -> None:
        with self.assertRaises(ChatLoggerError) as caught:
            ChatLogger("", URL)
        self.assertEqual(caught.exception.field, "api_key")
        with self.assertRaises(ChatLoggerError) as bad_id:
            ChatLogger(API_KEY, URL).update_chat(0, {"title": "x"})
        self.assertEqual(bad_id.exception.field, "chat_id")
        with self.assertRaises(ValueError):
            ChatLogger(API_KEY, URL).create_chat({"metadata": {"avg_response_time": float("nan")}})


class RetryAfterTest(unittest.TestCase):
    def test_reads_delta_seconds_and_http_dates_and_ignores_the_rest(self) -> None:
        self.assertEqual(parse_retry_after("5"), 5.0)
        in_a_minute = parse_retry_after(email.utils.formatdate(time.time() + 60, usegmt=True))
        assert in_a_minute is not None
        self.assertTrue(55 <= in_a_minute <= 60)
        self.assertEqual(parse_retry_after("Wed, 02 Dec 2020 09:00:00 GMT"), 0.0)
        self.assertIsNone(parse_retry_after("soon"))
        self.assertIsNone(parse_retry_after(None))


if __name__ == "__main__":
    unittest.main()
