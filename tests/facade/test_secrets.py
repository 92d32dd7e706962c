"""A full run with a known client secret and token leaves neither in logs, errors or reprs."""

from __future__ import annotations

import logging
from typing import Any

import pytest
from auth0_users import Auth0Error, ManagementClient
from auth0_users.sandbox import SandboxServer

SECRET = "client-secret-0f9e8d7c6b5a"
TOKEN = "static-token-1a2b3c4d5e6f"


def everything_a_user_might_print(sandbox: SandboxServer, caplog: pytest.LogCaptureFixture) -> list[str]:
    texts: list[str] = []

    def attempt(call: Any) -> None:
        try:
            call()
        except Auth0Error as error:
            texts.extend([str(error), repr(error), str(getattr(error, "body", ""))])

    uid = str(sandbox.seed(1)[0]["user_id"])
    with caplog.at_level(logging.DEBUG):
        secret_client = ManagementClient(base_url=sandbox.base_url, client_id=sandbox.client_id, client_secret=SECRET)
        token_client = ManagementClient(base_url=sandbox.base_url, token=TOKEN, max_retries=1)
        texts += [repr(secret_client), repr(token_client), repr(secret_client.users), repr(secret_client._auth)]
        attempt(lambda: secret_client.users.get(uid))  # wrong secret: the token endpoint refuses
        attempt(lambda: token_client.users.get(uid))  # unknown token: 401
        sandbox.faults.fail_next(2, status=503)
        attempt(lambda: token_client.users.get(uid))
        sandbox.faults.malformed_next(1, kind="html")
        good = ManagementClient(base_url=sandbox.base_url, token=sandbox.token)
        attempt(lambda: good.users.get(uid))
        sandbox.faults.drop_next(2)
        attempt(lambda: token_client.users.list().limit(1).__iter__().__next__())
    texts += [record.getMessage() for record in caplog.records]
    texts += [str(record.args) for record in caplog.records]
    return texts


def test_no_secret_or_token_in_any_output(sandbox: SandboxServer, caplog: pytest.LogCaptureFixture) -> None:
    texts = everything_a_user_might_print(sandbox, caplog)
    assert len(texts) > 10
    leaks = [text for text in texts if SECRET in text or TOKEN in text]
    assert leaks == []
