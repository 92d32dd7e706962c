from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="RefreshTokenResourceServer")


@_attrs_define
class RefreshTokenResourceServer:
    """
    Attributes:
        audience (str | Unset): Resource server ID
        scopes (str | Unset): List of scopes for the refresh token
    """

    audience: str | Unset = UNSET
    scopes: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        audience = self.audience
        scopes = self.scopes
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if audience is not UNSET:
            field_dict["audience"] = audience
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            refresh_token_resource_server = cls(
                audience=d.pop("audience", UNSET),
                scopes=d.pop("scopes", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("audience", "audience", False, None),
                    ("scopes", "scopes", False, None),
                ),
            )
        refresh_token_resource_server.additional_properties = d
        return refresh_token_resource_server

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
