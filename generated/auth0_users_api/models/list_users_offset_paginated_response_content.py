from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="ListUsersOffsetPaginatedResponseContent")


@_attrs_define
class ListUsersOffsetPaginatedResponseContent:
    """
    Attributes:
        start (float | Unset):
        limit (float | Unset):
        length (float | Unset):
        total (float | Unset):
        users (list[UserResponseSchema] | Unset):
    """

    start: float | Unset = UNSET
    limit: float | Unset = UNSET
    length: float | Unset = UNSET
    total: float | Unset = UNSET
    users: list[UserResponseSchema] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start
        limit = self.limit
        length = self.length
        total = self.total
        users: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.users, Unset):
            users = []
            for users_item_data in self.users:
                users_item = users_item_data.to_dict()
                users.append(users_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if start is not UNSET:
            field_dict["start"] = start
        if limit is not UNSET:
            field_dict["limit"] = limit
        if length is not UNSET:
            field_dict["length"] = length
        if total is not UNSET:
            field_dict["total"] = total
        if users is not UNSET:
            field_dict["users"] = users
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _users = d.pop("users", UNSET)
            list_users_offset_paginated_response_content = cls(
                start=d.pop("start", UNSET),
                limit=d.pop("limit", UNSET),
                length=d.pop("length", UNSET),
                total=d.pop("total", UNSET),
                users=UNSET
                if _users is UNSET or _users is None
                else [UserResponseSchema.from_dict(item) for item in _users],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("start", "start", False, None),
                    ("limit", "limit", False, None),
                    ("length", "length", False, None),
                    ("total", "total", False, None),
                    (
                        "users",
                        "users",
                        False,
                        lambda value: (
                            UNSET if value is None else [UserResponseSchema.from_dict(item) for item in value]
                        ),
                    ),
                ),
            )
        list_users_offset_paginated_response_content.additional_properties = d
        return list_users_offset_paginated_response_content

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


from ..models.user_response_schema import UserResponseSchema
