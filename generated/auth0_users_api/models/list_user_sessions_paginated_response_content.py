from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="ListUserSessionsPaginatedResponseContent")


@_attrs_define
class ListUserSessionsPaginatedResponseContent:
    """
    Attributes:
        sessions (list[SessionResponseContent] | Unset):
        next_ (str | Unset): A cursor to be used as the "from" query parameter for the next page of results.
    """

    sessions: list[SessionResponseContent] | Unset = UNSET
    next_: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sessions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.sessions, Unset):
            sessions = []
            for sessions_item_data in self.sessions:
                sessions_item = sessions_item_data.to_dict()
                sessions.append(sessions_item)

        next_ = self.next_
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if sessions is not UNSET:
            field_dict["sessions"] = sessions
        if next_ is not UNSET:
            field_dict["next"] = next_
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _sessions = d.pop("sessions", UNSET)
            list_user_sessions_paginated_response_content = cls(
                sessions=UNSET
                if _sessions is UNSET or _sessions is None
                else [SessionResponseContent.from_dict(item) for item in _sessions],
                next_=d.pop("next", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "sessions",
                        "sessions",
                        False,
                        lambda value: (
                            UNSET if value is None else [SessionResponseContent.from_dict(item) for item in value]
                        ),
                    ),
                    ("next", "next_", False, None),
                ),
            )
        list_user_sessions_paginated_response_content.additional_properties = d
        return list_user_sessions_paginated_response_content

    def __repr__(self) -> str:
        return model_repr(self)

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties


from ..models.session_response_content import SessionResponseContent
