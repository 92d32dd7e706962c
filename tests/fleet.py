"""Drive a fleet of ``fleet_worker.py`` processes: start them, send commands, read answers, kill one."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

WORKER = Path(__file__).resolve().parent / "fleet_worker.py"
READY_DEADLINE = 60.0


class Worker:
    """One worker process; commands go to its stdin, one JSON answer per line comes back."""

    def __init__(self, config: dict[str, Any]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(WORKER), json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdin is not None
        assert self.process.stdout is not None
        self._stdin, self._stdout = self.process.stdin, self.process.stdout

    def wait_ready(self) -> None:
        line = self._stdout.readline()
        if line.strip() != "ready":
            raise RuntimeError(f"the worker did not start (exit code {self.process.poll()}): {line!r}")

    def send(self, command: str) -> None:
        self._stdin.write(command + "\n")
        self._stdin.flush()

    def answer(self) -> dict[str, Any]:
        line = self._stdout.readline()
        if not line:
            raise RuntimeError(f"the worker ended without answering (exit code {self.process.wait()})")
        result: dict[str, Any] = json.loads(line)
        return result

    def ask(self, command: str) -> dict[str, Any]:
        self.send(command)
        return self.answer()

    def kill(self) -> None:
        """SIGKILL: no cleanup of any kind runs in the worker."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def close(self) -> None:
        if self.process.poll() is None:
            try:
                self.send("quit")
                self.process.wait(timeout=30)
            except (BrokenPipeError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait()
        self._stdin.close()
        self._stdout.close()


class Fleet:
    """``n`` workers with one configuration (or one per worker), all started and ready."""

    def __init__(self, configs: list[dict[str, Any]]) -> None:
        self.workers = [Worker(config) for config in configs]
        try:
            for worker in self.workers:
                worker.wait_ready()
        except BaseException:
            self.close()
            raise

    def ask_all(self, command: str, workers: list[Worker] | None = None) -> list[dict[str, Any]]:
        """Send ``command`` to every worker at once, then collect their answers."""
        chosen = self.workers if workers is None else workers
        for worker in chosen:
            worker.send(command)
        return [worker.answer() for worker in chosen]

    def close(self) -> None:
        for worker in self.workers:
            worker.close()

    def __enter__(self) -> Fleet:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
