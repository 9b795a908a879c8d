"""The background-thread buffered logger against the real server (started by test/sdk-python.test.ts)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
import unittest
from typing import Any, Dict, List, Mapping, Tuple

from chatlogger import ChatLogger, ChatLoggerError

from .support import API_KEY, URL, FlakyProxy, chats_tagged, count_tagged, free_port, unique_tag

FAST: Dict[str, Any] = {"min_retry_delay": 0.005, "max_retry_delay": 0.05}
SRC = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "src")


def until(condition, seconds: float = 10.0) -> None:
    """Polls (every 20 ms) for an effect of the background thread."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return
        time.sleep(0.02)
    raise AssertionError(f"condition not met within {seconds} s")


class BufferedLoggerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls) -> None:
        cls.proxy = FlakyProxy(URL)

    @classmethod
    def tearDownClass(cls) -> None:
        cls.proxy.close()

    def test_10000_chats_arrive_exactly_once_through_cut_answers(self) -> None:
        tag = unique_tag()
        self.proxy.cut(3)
        cuts = self.proxy.cuts
        errors: List[Any] = []
        logger = ChatLogger(API_KEY, self.proxy.url, **FAST).buffered_logger(on_item_error=lambda e, c: errors.append(e), flush_at_exit=False)
        for i in range(10_000):
            logger.log({"tags": [tag], "user_id": 1 + i % 100, "metadata": {"session_id": f"{tag}-{i}", "user_rating": 1 + i % 5}})
        stats = logger.close()
        self.assertEqual(self.proxy.cuts, cuts + 3)
        self.assertEqual(errors, [])
        self.assertEqual(stats, {"buffered": 0, "in_flight": 0, "sent": 10_000, "rejected": 0, "dropped": 0})
        sessions = [c["metadata"]["session_id"] for c in chats_tagged(tag)]
        self.assertEqual(len(sessions), 10_000)
        self.assertEqual(set(sessions), {f"{tag}-{i}" for i in range(10_000)})

    def test_sends_after_the_flush_interval_without_close(self) -> None:
        tag = unique_tag()
        logger = ChatLogger(API_KEY, URL).buffered_logger(flush_interval=0.02, max_batch_size=1000, flush_at_exit=False)
        logger.log({"tags": [tag]})
        logger.log({"tags": [tag]})
        until(lambda: logger.stats()["sent"] == 2)
        self.assertEqual(count_tagged(tag), 2)
        logger.close()

    def test_reports_each_invalid_chat_with_its_field_and_stores_the_others(self) -> None:
        tag = unique_tag()
        rejected: List[Tuple[ChatLoggerError, Mapping[str, Any]]] = []
        logger = ChatLogger(API_KEY, URL).buffered_logger(on_item_error=lambda e, c: rejected.append((e, c)), flush_at_exit=False)
        logger.log({"tags": [tag]})
        logger.log({"tags": [tag], "metadata": {"language_code": "xx-not-a-language"}})
        logger.log({"tags": [tag]})
        self.assertTrue(logger.flush(timeout=30))
        stats = logger.close()
        self.assertEqual((stats["sent"], stats["rejected"]), (2, 1))
        self.assertEqual(len(rejected), 1)
        error, chat = rejected[0]
        self.assertEqual((error.status, error.code, error.field), (400, "invalid_request", "metadata.language_code"))
        self.assertEqual(chat, {"tags": [tag], "metadata": {"language_code": "xx-not-a-language"}})
        self.assertEqual(count_tagged(tag), 2)

    def test_keeps_chats_while_the_server_is_unreachable_and_delivers_them_once_back(self) -> None:
        tag = unique_tag()
        self.proxy.down = True
        refused = self.proxy.refused
        logger = ChatLogger(API_KEY, self.proxy.url, **FAST).buffered_logger(flush_interval=0.005, max_batch_size=20, flush_at_exit=False)
        for i in range(50):
            logger.log({"tags": [tag], "metadata": {"session_id": f"{tag}-{i}"}})
        until(lambda: self.proxy.refused >= refused + 3)
        self.assertEqual(count_tagged(tag), 0)
        self.proxy.down = False
        stats = logger.close()
        self.assertEqual((stats["sent"], stats["dropped"]), (50, 0))
        self.assertEqual(sorted(c["metadata"]["session_id"] for c in chats_tagged(tag)), sorted(f"{tag}-{i}" for i in range(50)))

    def test_bounds_its_memory_when_the_server_stays_unreachable(self) -> None:
        warnings: List[str] = []
        logger = ChatLogger(API_KEY, f"http://127.0.0.1:{free_port()}", **FAST).buffered_logger(
            max_batch_size=10, max_buffered_chats=100, flush_interval=3600, close_timeout=0.05, on_warning=warnings.append, flush_at_exit=False
        )
        for i in range(250):
            logger.log({"title": f"chat {i}"})
        # Nothing was due yet (the interval is an hour, a batch is sent at 10 but the thread may not
        # have taken it): 100 wait at most, so at least 150 were dropped, the oldest first.
        stats = logger.stats()
        self.assertEqual(stats["buffered"] + stats["in_flight"] + stats["dropped"], 250)
        self.assertLessEqual(stats["buffered"], 100)
        self.assertGreaterEqual(stats["dropped"], 140)
        self.assertRegex(warnings[0], r"100 chats are waiting for the server; dropped the oldest 1 \(1 dropped since the logger started\)")
        final = logger.close()
        self.assertEqual(final, {"buffered": 0, "in_flight": 0, "sent": 0, "rejected": 0, "dropped": 250})
        self.assertRegex(warnings[-1], r"250 dropped since the logger started")
        with self.assertRaises(ChatLoggerError) as closed:
            logger.log({})
        self.assertEqual(closed.exception.code, "logger_closed")

    def test_splits_batches_by_bytes_and_reports_a_chat_larger_than_a_batch(self) -> None:
        tag = unique_tag()
        rejected: List[ChatLoggerError] = []
        logger = ChatLogger(API_KEY, URL).buffered_logger(max_batch_bytes=16_384, max_batch_size=1000, flush_interval=3600, on_item_error=lambda e, c: rejected.append(e), flush_at_exit=False)
        # Each chat is about 3.4 KB of JSON (50 tags of 64 characters): 4 fit in 16 KiB.
        tags = [tag] + [f"{i:02d}" + "t" * 62 for i in range(49)]
        for i in range(20):
            logger.log({"tags": tags, "metadata": {"session_id": f"{tag}-{i}"}})
        logger.log({"tags": [tag], "title": "x" * 20_000})
        stats = logger.close()
        self.assertEqual((stats["sent"], stats["rejected"]), (20, 1))
        self.assertEqual([e.code for e in rejected], ["payload_too_large"])
        self.assertEqual(len(chats_tagged(tag)), 20)

    def test_a_batch_refused_as_a_whole_reports_every_chat(self) -> None:
        rejected: List[ChatLoggerError] = []
        logger = ChatLogger("clk_wrong", URL).buffered_logger(on_item_error=lambda e, c: rejected.append(e), flush_at_exit=False)
        logger.log({})
        logger.log({})
        stats = logger.close()
        self.assertEqual((stats["sent"], stats["rejected"]), (0, 2))
        self.assertEqual([e.status for e in rejected], [401, 401])

    def test_sends_what_waits_when_the_interpreter_exits(self) -> None:
        tag = unique_tag()
        script = textwrap.dedent(
            f"""
            import os, sys
            from chatlogger import ChatLogger
            logger = ChatLogger(os.environ["CHATLOGGER_API_KEY"], os.environ["CHATLOGGER_URL"]).buffered_logger(flush_interval=3600)
            for i in range(3):
                logger.log({{"tags": ["{tag}"]}})
            sys.exit(0)  # no close(): atexit sends them
            """
        )
        env = {**os.environ, "PYTHONPATH": SRC}
        done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual((done.returncode, done.stderr), (0, ""))
        self.assertEqual(count_tagged(tag), 3)

    def test_refuses_options_out_of_range_naming_the_option(self) -> None:
        client = ChatLogger(API_KEY, URL)
        for name, value in (("max_batch_size", 1001), ("flush_interval", -1), ("max_buffered_chats", 0)):
            with self.assertRaises(ChatLoggerError) as caught:
                client.buffered_logger(**{name: value})  # type: ignore[arg-type]  # wrong on purpose
            self.assertEqual(caught.exception.field, name)


if __name__ == "__main__":
    unittest.main()
