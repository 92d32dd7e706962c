from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.user_enrollment_auth_method_enum import UserEnrollmentAuthMethodEnum
from ..models.user_enrollment_status_enum import UserEnrollmentStatusEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UsersEnrollment")


@_attrs_define
class UsersEnrollment:
    """
    Attributes:
        id (str | Unset): ID of this enrollment.
        status (UserEnrollmentStatusEnum | Unset): Status of this enrollment. Can be `pending` or `confirmed`.
        type_ (str | Unset): Type of enrollment.
        name (str | Unset): Name of enrollment (usually phone number).
        identifier (str | Unset): Device identifier (usually phone identifier) of this enrollment.
        phone_number (str | Unset): Phone number for this enrollment.
        auth_method (UserEnrollmentAuthMethodEnum | Unset): Authentication method for this enrollment. Can be
            `authenticator`, `guardian`, `sms`, `webauthn-roaming`, or `webauthn-platform`.
        enrolled_at (datetime.datetime | Unset): Start date and time of this enrollment.
        last_auth (datetime.datetime | Unset): Last authentication date and time of this enrollment.
    """

    id: str | Unset = UNSET
    status: UserEnrollmentStatusEnum | Unset = UNSET
    type_: str | Unset = UNSET
    name: str | Unset = UNSET
    identifier: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    auth_method: UserEnrollmentAuthMethodEnum | Unset = UNSET
    enrolled_at: datetime.datetime | Unset = UNSET
    last_auth: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = UserEnrollmentStatusEnum.of(self.status).value

        type_ = self.type_
        name = self.name
        identifier = self.identifier
        phone_number = self.phone_number
        auth_method: str | Unset = UNSET
        if not isinstance(self.auth_method, Unset):
            auth_method = UserEnrollmentAuthMethodEnum.of(self.auth_method).value

        enrolled_at: str | Unset = UNSET
        if not isinstance(self.enrolled_at, Unset):
            enrolled_at = self.enrolled_at.isoformat()
        last_auth: str | Unset = UNSET
        if not isinstance(self.last_auth, Unset):
            last_auth = self.last_auth.isoformat()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if id is not UNSET:
            field_dict["id"] = id
        if status is not UNSET:
            field_dict["status"] = status
        if type_ is not UNSET:
            field_dict["type"] = type_
        if name is not UNSET:
            field_dict["name"] = name
        if identifier is not UNSET:
            field_dict["identifier"] = identifier
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if auth_method is not UNSET:
            field_dict["auth_method"] = auth_method
        if enrolled_at is not UNSET:
            field_dict["enrolled_at"] = enrolled_at
        if last_auth is not UNSET:
            field_dict["last_auth"] = last_auth
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _status = d.pop("status", UNSET)
            _auth_method = d.pop("auth_method", UNSET)
            _enrolled_at = d.pop("enrolled_at", UNSET)
            _last_auth = d.pop("last_auth", UNSET)
            users_enrollment = cls(
                id=d.pop("id", UNSET),
                status=UNSET if _status is UNSET or _status is None else UserEnrollmentStatusEnum.of(_status),
                type_=d.pop("type", UNSET),
                name=d.pop("name", UNSET),
                identifier=d.pop("identifier", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                auth_method=UNSET
                if _auth_method is UNSET or _auth_method is None
                else UserEnrollmentAuthMethodEnum.of(_auth_method),
                enrolled_at=UNSET
                if _enrolled_at is UNSET or _enrolled_at is None
                else datetime.datetime.fromisoformat(_enrolled_at),
                last_auth=UNSET
                if _last_auth is UNSET or _last_auth is None
                else datetime.datetime.fromisoformat(_last_auth),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", False, None),
                    (
                        "status",
                        "status",
                        False,
                        lambda value: UNSET if value is None else UserEnrollmentStatusEnum.of(value),
                    ),
                    ("type", "type_", False, None),
                    ("name", "name", False, None),
                    ("identifier", "identifier", False, None),
                    ("phone_number", "phone_number", False, None),
                    (
                        "auth_method",
                        "auth_method",
                        False,
                        lambda value: UNSET if value is None else UserEnrollmentAuthMethodEnum.of(value),
                    ),
                    (
                        "enrolled_at",
                        "enrolled_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    (
                        "last_auth",
                        "last_auth",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                ),
            )
        users_enrollment.additional_properties = d
        return users_enrollment

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
