"""The README's quick start, run verbatim in a Python process of its own against the real server."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import unittest

from .support import API_KEY, URL, dashboard_get

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class ReadmeTest(unittest.TestCase):
    def test_the_quick_start_works_verbatim(self) -> None:
        with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
            readme = f.read()
        found = re.search(r"```python\n(.*?)```", readme.split("## Quick start", 1)[1], re.S)
        assert found is not None, "no python block under ## Quick start"
        quick_start = found.group(1)
        self.assertLessEqual(len([line for line in quick_start.splitlines() if line.strip()]), 10)
        env = {"PATH": os.environ.get("PATH", ""), "PYTHONPATH": os.path.join(ROOT, "src"), "CHATLOGGER_API_KEY": API_KEY, "CHATLOGGER_URL": URL}
        done = subprocess.run([sys.executable, "-c", quick_start], env=env, capture_output=True, text=True, timeout=60)
        self.assertEqual(done.stderr, "")
        self.assertEqual(done.returncode, 0)
        self.assertIn("'sent': 1", done.stdout)
        first = dashboard_get("/api/v1/chats?session_id=py-quickstart-1&limit=5")["chats"]
        self.assertEqual(len(first), 1)
        self.assertEqual(first[0]["title"], "Parental leave question")
        self.assertEqual((first[0]["metadata"]["user_rating"], first[0]["metadata"]["sentiment"]), (5, "positive"))
        messages = dashboard_get(f"/api/v1/chats/{first[0]['id']}/messages")["messages"]
        self.assertEqual([m["content"] for m in messages], ["How many days of parental leave do I get?"])
        self.assertEqual(len(dashboard_get("/api/v1/chats?session_id=py-quickstart-2&limit=5")["chats"]), 1)


if __name__ == "__main__":
    unittest.main()
