"""The error answer of the Management API, and the two kinds every resource raises."""

from __future__ import annotations

from http import HTTPStatus
from typing import Any


class ApiError(Exception):
    """An error answer in Auth0's shape: ``{"statusCode", "error", "message", "errorCode"}``."""

    def __init__(self, status: int, message: str, error_code: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.error_code = error_code

    def body(self) -> dict[str, Any]:
        """Return the JSON body Auth0 sends for this error."""
        body: dict[str, Any] = {
            "statusCode": self.status,
            "error": HTTPStatus(self.status).phrase,
            "message": self.message,
        }
        if self.error_code:
            body["errorCode"] = self.error_code
        return body


def not_found(what: str = "user", status: int = 404) -> ApiError:
    """Return the error for an unknown object (``The user does not exist.``)."""
    return ApiError(status, f"The {what} does not exist.", f"inexistent_{what.replace(' ', '_')}")


def bad_body(message: str) -> ApiError:
    """Return a payload validation error."""
    return ApiError(400, f"Payload validation error: '{message}'.", "invalid_body")
