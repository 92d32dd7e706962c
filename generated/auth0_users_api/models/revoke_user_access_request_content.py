from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="RevokeUserAccessRequestContent")


@_attrs_define
class RevokeUserAccessRequestContent:
    """
    Attributes:
        session_id (str | Unset): ID of the session to revoke.
        preserve_refresh_tokens (bool | Unset): Whether to preserve the refresh tokens associated with the session.
    """

    session_id: str | Unset = UNSET
    preserve_refresh_tokens: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        session_id = self.session_id
        preserve_refresh_tokens = self.preserve_refresh_tokens
        field_dict: dict[str, Any] = {}
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if preserve_refresh_tokens is not UNSET:
            field_dict["preserve_refresh_tokens"] = preserve_refresh_tokens
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            revoke_user_access_request_content = cls(
                session_id=d.pop("session_id", UNSET),
                preserve_refresh_tokens=d.pop("preserve_refresh_tokens", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("session_id", "session_id", False, None),
                    ("preserve_refresh_tokens", "preserve_refresh_tokens", False, None),
                ),
            )
        return revoke_user_access_request_content

    def __repr__(self) -> str:
        return model_repr(self)
