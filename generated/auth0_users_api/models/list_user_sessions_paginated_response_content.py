from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.session_response_content import SessionResponseContent


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
        field_dict.update({})
        if sessions is not UNSET:
            field_dict["sessions"] = sessions
        if next_ is not UNSET:
            field_dict["next"] = next_

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.session_response_content import SessionResponseContent  # noqa: PLC0415

        d = dict(src_dict)
        _sessions = d.pop("sessions", UNSET)
        sessions: list[SessionResponseContent] | Unset = UNSET
        if _sessions is not UNSET:
            sessions = []
            for sessions_item_data in _sessions:
                sessions_item = SessionResponseContent.from_dict(sessions_item_data)

                sessions.append(sessions_item)

        next_ = d.pop("next", UNSET)

        list_user_sessions_paginated_response_content = cls(
            sessions=sessions,
            next_=next_,
        )

        list_user_sessions_paginated_response_content.additional_properties = d
        return list_user_sessions_paginated_response_content

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
