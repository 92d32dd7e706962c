from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.preferred_authentication_method_enum import PreferredAuthenticationMethodEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UpdateUserAuthenticationMethodRequestContent")


@_attrs_define
class UpdateUserAuthenticationMethodRequestContent:
    """
    Attributes:
        name (str | Unset): A human-readable label to identify the authentication method.
        preferred_authentication_method (PreferredAuthenticationMethodEnum | Unset): Applies to phone authentication
            methods only. The preferred communication method.
    """

    name: str | Unset = UNSET
    preferred_authentication_method: PreferredAuthenticationMethodEnum | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name
        preferred_authentication_method: str | Unset = UNSET
        if not isinstance(self.preferred_authentication_method, Unset):
            preferred_authentication_method = PreferredAuthenticationMethodEnum.of(
                self.preferred_authentication_method
            ).value

        field_dict: dict[str, Any] = {}
        if name is not UNSET:
            field_dict["name"] = name
        if preferred_authentication_method is not UNSET:
            field_dict["preferred_authentication_method"] = preferred_authentication_method
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _preferred_authentication_method = d.pop("preferred_authentication_method", UNSET)
            update_user_authentication_method_request_content = cls(
                name=d.pop("name", UNSET),
                preferred_authentication_method=UNSET
                if _preferred_authentication_method is UNSET or _preferred_authentication_method is None
                else PreferredAuthenticationMethodEnum.of(_preferred_authentication_method),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("name", "name", False, None),
                    (
                        "preferred_authentication_method",
                        "preferred_authentication_method",
                        False,
                        lambda value: UNSET if value is None else PreferredAuthenticationMethodEnum.of(value),
                    ),
                ),
            )
        return update_user_authentication_method_request_content

    def __repr__(self) -> str:
        return model_repr(self)
