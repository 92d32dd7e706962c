from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.session_cookie_metadata_mode_enum import SessionCookieMetadataModeEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="SessionCookieMetadata")


@_attrs_define
class SessionCookieMetadata:
    """[Private Early Access] Session cookie configuration.

    Attributes:
        mode (SessionCookieMetadataModeEnum | Unset): [Private Early Access] The persistence mode of the session cookie.
            When set to "non-persistent" (ephemeral), the cookie will be deleted when the browser is closed. When set to
            "persistent", the cookie will be stored until it expires or is deleted by the user.
    """

    mode: SessionCookieMetadataModeEnum | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = SessionCookieMetadataModeEnum.of(self.mode).value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if mode is not UNSET:
            field_dict["mode"] = mode
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _mode = d.pop("mode", UNSET)
            session_cookie_metadata = cls(
                mode=UNSET if _mode is UNSET or _mode is None else SessionCookieMetadataModeEnum.of(_mode),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "mode",
                        "mode",
                        False,
                        lambda value: UNSET if value is None else SessionCookieMetadataModeEnum.of(value),
                    ),
                ),
            )
        session_cookie_metadata.additional_properties = d
        return session_cookie_metadata

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
