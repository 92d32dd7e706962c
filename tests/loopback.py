"""A loopback HTTP server that answers every request with one canned reply and records it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Recorded:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class RecordingServer:
    """A loopback HTTP server that answers every request with a canned reply and records it."""

    base_url: str
    requests: list[Recorded] = field(default_factory=list)
    status: int = 200
    reply: Any = None

    def respond(self, status: int, reply: Any) -> None:
        self.status, self.reply = status, reply
