from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.authentication_type_enum import AuthenticationTypeEnum
from ..models.preferred_authentication_method_enum import PreferredAuthenticationMethodEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="SetUserAuthenticationMethods")


@_attrs_define
class SetUserAuthenticationMethods:
    """
    Attributes:
        type_ (AuthenticationTypeEnum):
        preferred_authentication_method (PreferredAuthenticationMethodEnum | Unset): Applies to phone authentication
            methods only. The preferred communication method.
        name (str | Unset): AA human-readable label to identify the authentication method.
        phone_number (str | Unset): Applies to phone authentication methods only. The destination phone number used to
            send verification codes via text and voice.
        email (str | Unset): Applies to email authentication methods only. The email address used to send verification
            messages.
        totp_secret (str | Unset): Applies to totp authentication methods only. The base32 encoded secret for TOTP
            generation.
    """

    type_: AuthenticationTypeEnum
    preferred_authentication_method: PreferredAuthenticationMethodEnum | Unset = UNSET
    name: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    email: str | Unset = UNSET
    totp_secret: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = AuthenticationTypeEnum.of(self.type_).value

        preferred_authentication_method: str | Unset = UNSET
        if not isinstance(self.preferred_authentication_method, Unset):
            preferred_authentication_method = PreferredAuthenticationMethodEnum.of(
                self.preferred_authentication_method
            ).value

        name = self.name
        phone_number = self.phone_number
        email = self.email
        totp_secret = self.totp_secret
        field_dict: dict[str, Any] = {}
        field_dict["type"] = type_
        if preferred_authentication_method is not UNSET:
            field_dict["preferred_authentication_method"] = preferred_authentication_method
        if name is not UNSET:
            field_dict["name"] = name
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if email is not UNSET:
            field_dict["email"] = email
        if totp_secret is not UNSET:
            field_dict["totp_secret"] = totp_secret
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _preferred_authentication_method = d.pop("preferred_authentication_method", UNSET)
            set_user_authentication_methods = cls(
                type_=AuthenticationTypeEnum.of(d.pop("type")),
                preferred_authentication_method=UNSET
                if _preferred_authentication_method is UNSET or _preferred_authentication_method is None
                else PreferredAuthenticationMethodEnum.of(_preferred_authentication_method),
                name=d.pop("name", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                email=d.pop("email", UNSET),
                totp_secret=d.pop("totp_secret", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("type", "type_", True, lambda value: AuthenticationTypeEnum.of(value)),
                    (
                        "preferred_authentication_method",
                        "preferred_authentication_method",
                        False,
                        lambda value: UNSET if value is None else PreferredAuthenticationMethodEnum.of(value),
                    ),
                    ("name", "name", False, None),
                    ("phone_number", "phone_number", False, None),
                    ("email", "email", False, None),
                    ("totp_secret", "totp_secret", False, None),
                ),
            )
        return set_user_authentication_methods

    def __repr__(self) -> str:
        return model_repr(self)
