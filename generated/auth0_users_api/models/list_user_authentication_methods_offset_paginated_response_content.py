from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="ListUserAuthenticationMethodsOffsetPaginatedResponseContent")


@_attrs_define
class ListUserAuthenticationMethodsOffsetPaginatedResponseContent:
    """
    Attributes:
        start (float | Unset): Index of the starting record. Derived from the page and per_page parameters.
        limit (float | Unset): Maximum amount of records to return.
        total (float | Unset): Total number of pageable records.
        authenticators (list[UserAuthenticationMethod] | Unset): The paginated authentication methods. Returned in this
            structure when include_totals is true.
    """

    start: float | Unset = UNSET
    limit: float | Unset = UNSET
    total: float | Unset = UNSET
    authenticators: list[UserAuthenticationMethod] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        start = self.start
        limit = self.limit
        total = self.total
        authenticators: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.authenticators, Unset):
            authenticators = []
            for authenticators_item_data in self.authenticators:
                authenticators_item = authenticators_item_data.to_dict()
                authenticators.append(authenticators_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if start is not UNSET:
            field_dict["start"] = start
        if limit is not UNSET:
            field_dict["limit"] = limit
        if total is not UNSET:
            field_dict["total"] = total
        if authenticators is not UNSET:
            field_dict["authenticators"] = authenticators
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _authenticators = d.pop("authenticators", UNSET)
            list_user_authentication_methods_offset_paginated_response_content = cls(
                start=d.pop("start", UNSET),
                limit=d.pop("limit", UNSET),
                total=d.pop("total", UNSET),
                authenticators=UNSET
                if _authenticators is UNSET or _authenticators is None
                else [UserAuthenticationMethod.from_dict(item) for item in _authenticators],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("start", "start", False, None),
                    ("limit", "limit", False, None),
                    ("total", "total", False, None),
                    (
                        "authenticators",
                        "authenticators",
                        False,
                        lambda value: (
                            UNSET if value is None else [UserAuthenticationMethod.from_dict(item) for item in value]
                        ),
                    ),
                ),
            )
        list_user_authentication_methods_offset_paginated_response_content.additional_properties = d
        return list_user_authentication_methods_offset_paginated_response_content

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


from ..models.user_authentication_method import UserAuthenticationMethod
