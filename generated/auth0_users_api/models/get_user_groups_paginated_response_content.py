from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="GetUserGroupsPaginatedResponseContent")


@_attrs_define
class GetUserGroupsPaginatedResponseContent:
    """
    Attributes:
        groups (list[UserGroupsResponseSchema]):
        next_ (str | Unset): A cursor to be used as the "from" query parameter for the next page of results.
        start (float | Unset):
        limit (float | Unset):
        total (float | Unset):
    """

    groups: list[UserGroupsResponseSchema]
    next_: str | Unset = UNSET
    start: float | Unset = UNSET
    limit: float | Unset = UNSET
    total: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        groups = []
        for groups_item_data in self.groups:
            groups_item = groups_item_data.to_dict()
            groups.append(groups_item)

        next_ = self.next_
        start = self.start
        limit = self.limit
        total = self.total
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["groups"] = groups
        if next_ is not UNSET:
            field_dict["next"] = next_
        if start is not UNSET:
            field_dict["start"] = start
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            get_user_groups_paginated_response_content = cls(
                groups=[UserGroupsResponseSchema.from_dict(item) for item in d.pop("groups")],
                next_=d.pop("next", UNSET),
                start=d.pop("start", UNSET),
                limit=d.pop("limit", UNSET),
                total=d.pop("total", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "groups",
                        "groups",
                        True,
                        lambda value: [UserGroupsResponseSchema.from_dict(item) for item in value],
                    ),
                    ("next", "next_", False, None),
                    ("start", "start", False, None),
                    ("limit", "limit", False, None),
                    ("total", "total", False, None),
                ),
            )
        get_user_groups_paginated_response_content.additional_properties = d
        return get_user_groups_paginated_response_content

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


from ..models.user_groups_response_schema import UserGroupsResponseSchema
