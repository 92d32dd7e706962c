from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UpdateUserResponseContent")


@_attrs_define
class UpdateUserResponseContent:
    """
    Attributes:
        user_id (str | Unset): ID of the user which can be used when interacting with other APIs.
        email (str | Unset): Email address of this user.
        email_verified (bool | Unset): Whether this email address is verified (true) or unverified (false).
        username (str | Unset): Username of this user.
        phone_number (str | Unset): Phone number for this user. Follows the <a
            href="https://en.wikipedia.org/wiki/E.164">E.164 recommendation</a>.
        phone_verified (bool | Unset): Whether this phone number has been verified (true) or not (false).
        created_at (datetime.datetime | Unset): Date and time when this user was created.
        updated_at (datetime.datetime | Unset): Date and time when this user was last updated/modified.
        identities (list[UserIdentitySchema] | Unset): Array of user identity objects when accounts are linked.
        app_metadata (UserAppMetadataSchema | Unset): User metadata to which this user has read-only access.
        user_metadata (UserMetadataSchema | Unset): User metadata to which this user has read/write access.
        picture (str | Unset): URL to picture, photo, or avatar of this user.
        name (str | Unset): Name of this user.
        nickname (str | Unset): Preferred nickname or alias of this user.
        multifactor (list[str] | Unset): List of multi-factor authentication providers with which this user has
            enrolled.
        multifactor_last_modified (datetime.datetime | Unset): Last date and time this user's multi-factor
            authentication providers were updated.
        last_ip (str | Unset): Last IP address from which this user logged in.
        last_login (datetime.datetime | Unset): Last date and time this user logged in.
        last_password_reset (datetime.datetime | Unset): Last date and time this user had their password reset.
        logins_count (int | Unset): Total number of logins this user has performed.
        blocked (bool | Unset): Whether this user was blocked by an administrator (true) or is not (false).
        given_name (str | Unset): Given name/first name/forename of this user.
        family_name (str | Unset): Family name/last name/surname of this user.
    """

    user_id: str | Unset = UNSET
    email: str | Unset = UNSET
    email_verified: bool | Unset = UNSET
    username: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    phone_verified: bool | Unset = UNSET
    created_at: datetime.datetime | Unset = UNSET
    updated_at: datetime.datetime | Unset = UNSET
    identities: list[UserIdentitySchema] | Unset = UNSET
    app_metadata: UserAppMetadataSchema | Unset = UNSET
    user_metadata: UserMetadataSchema | Unset = UNSET
    picture: str | Unset = UNSET
    name: str | Unset = UNSET
    nickname: str | Unset = UNSET
    multifactor: list[str] | Unset = UNSET
    multifactor_last_modified: datetime.datetime | Unset = UNSET
    last_ip: str | Unset = UNSET
    last_login: datetime.datetime | Unset = UNSET
    last_password_reset: datetime.datetime | Unset = UNSET
    logins_count: int | Unset = UNSET
    blocked: bool | Unset = UNSET
    given_name: str | Unset = UNSET
    family_name: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id
        email = self.email
        email_verified = self.email_verified
        username = self.username
        phone_number = self.phone_number
        phone_verified = self.phone_verified
        created_at: str | Unset = UNSET
        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()
        updated_at: str | Unset = UNSET
        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()
        identities: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.identities, Unset):
            identities = []
            for identities_item_data in self.identities:
                identities_item = identities_item_data.to_dict()
                identities.append(identities_item)

        app_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.app_metadata, Unset):
            app_metadata = self.app_metadata.to_dict()
        user_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_metadata, Unset):
            user_metadata = self.user_metadata.to_dict()
        picture = self.picture
        name = self.name
        nickname = self.nickname
        multifactor: list[str] | Unset = UNSET
        if not isinstance(self.multifactor, Unset):
            multifactor = self.multifactor

        multifactor_last_modified: str | Unset = UNSET
        if not isinstance(self.multifactor_last_modified, Unset):
            multifactor_last_modified = self.multifactor_last_modified.isoformat()
        last_ip = self.last_ip
        last_login: str | Unset = UNSET
        if not isinstance(self.last_login, Unset):
            last_login = self.last_login.isoformat()
        last_password_reset: str | Unset = UNSET
        if not isinstance(self.last_password_reset, Unset):
            last_password_reset = self.last_password_reset.isoformat()
        logins_count = self.logins_count
        blocked = self.blocked
        given_name = self.given_name
        family_name = self.family_name
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if email is not UNSET:
            field_dict["email"] = email
        if email_verified is not UNSET:
            field_dict["email_verified"] = email_verified
        if username is not UNSET:
            field_dict["username"] = username
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if phone_verified is not UNSET:
            field_dict["phone_verified"] = phone_verified
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if identities is not UNSET:
            field_dict["identities"] = identities
        if app_metadata is not UNSET:
            field_dict["app_metadata"] = app_metadata
        if user_metadata is not UNSET:
            field_dict["user_metadata"] = user_metadata
        if picture is not UNSET:
            field_dict["picture"] = picture
        if name is not UNSET:
            field_dict["name"] = name
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if multifactor is not UNSET:
            field_dict["multifactor"] = multifactor
        if multifactor_last_modified is not UNSET:
            field_dict["multifactor_last_modified"] = multifactor_last_modified
        if last_ip is not UNSET:
            field_dict["last_ip"] = last_ip
        if last_login is not UNSET:
            field_dict["last_login"] = last_login
        if last_password_reset is not UNSET:
            field_dict["last_password_reset"] = last_password_reset
        if logins_count is not UNSET:
            field_dict["logins_count"] = logins_count
        if blocked is not UNSET:
            field_dict["blocked"] = blocked
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _created_at = d.pop("created_at", UNSET)
            _updated_at = d.pop("updated_at", UNSET)
            _identities = d.pop("identities", UNSET)
            _app_metadata = d.pop("app_metadata", UNSET)
            _user_metadata = d.pop("user_metadata", UNSET)
            _multifactor_last_modified = d.pop("multifactor_last_modified", UNSET)
            _last_login = d.pop("last_login", UNSET)
            _last_password_reset = d.pop("last_password_reset", UNSET)
            update_user_response_content = cls(
                user_id=d.pop("user_id", UNSET),
                email=d.pop("email", UNSET),
                email_verified=d.pop("email_verified", UNSET),
                username=d.pop("username", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                phone_verified=d.pop("phone_verified", UNSET),
                created_at=UNSET
                if _created_at is UNSET or _created_at is None
                else datetime.datetime.fromisoformat(_created_at),
                updated_at=UNSET
                if _updated_at is UNSET or _updated_at is None
                else datetime.datetime.fromisoformat(_updated_at),
                identities=UNSET
                if _identities is UNSET or _identities is None
                else [UserIdentitySchema.from_dict(item) for item in _identities],
                app_metadata=UNSET
                if _app_metadata is UNSET or _app_metadata is None
                else UserAppMetadataSchema.from_dict(_app_metadata),
                user_metadata=UNSET
                if _user_metadata is UNSET or _user_metadata is None
                else UserMetadataSchema.from_dict(_user_metadata),
                picture=d.pop("picture", UNSET),
                name=d.pop("name", UNSET),
                nickname=d.pop("nickname", UNSET),
                multifactor=d.pop("multifactor", UNSET),
                multifactor_last_modified=UNSET
                if _multifactor_last_modified is UNSET or _multifactor_last_modified is None
                else datetime.datetime.fromisoformat(_multifactor_last_modified),
                last_ip=d.pop("last_ip", UNSET),
                last_login=UNSET
                if _last_login is UNSET or _last_login is None
                else datetime.datetime.fromisoformat(_last_login),
                last_password_reset=UNSET
                if _last_password_reset is UNSET or _last_password_reset is None
                else datetime.datetime.fromisoformat(_last_password_reset),
                logins_count=d.pop("logins_count", UNSET),
                blocked=d.pop("blocked", UNSET),
                given_name=d.pop("given_name", UNSET),
                family_name=d.pop("family_name", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("user_id", "user_id", False, None),
                    ("email", "email", False, None),
                    ("email_verified", "email_verified", False, None),
                    ("username", "username", False, None),
                    ("phone_number", "phone_number", False, None),
                    ("phone_verified", "phone_verified", False, None),
                    (
                        "created_at",
                        "created_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    (
                        "updated_at",
                        "updated_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    (
                        "identities",
                        "identities",
                        False,
                        lambda value: (
                            UNSET if value is None else [UserIdentitySchema.from_dict(item) for item in value]
                        ),
                    ),
                    (
                        "app_metadata",
                        "app_metadata",
                        False,
                        lambda value: UNSET if value is None else UserAppMetadataSchema.from_dict(value),
                    ),
                    (
                        "user_metadata",
                        "user_metadata",
                        False,
                        lambda value: UNSET if value is None else UserMetadataSchema.from_dict(value),
                    ),
                    ("picture", "picture", False, None),
                    ("name", "name", False, None),
                    ("nickname", "nickname", False, None),
                    ("multifactor", "multifactor", False, None),
                    (
                        "multifactor_last_modified",
                        "multifactor_last_modified",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    ("last_ip", "last_ip", False, None),
                    (
                        "last_login",
                        "last_login",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    (
                        "last_password_reset",
                        "last_password_reset",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    ("logins_count", "logins_count", False, None),
                    ("blocked", "blocked", False, None),
                    ("given_name", "given_name", False, None),
                    ("family_name", "family_name", False, None),
                ),
            )
        update_user_response_content.additional_properties = d
        return update_user_response_content

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


from ..models.user_app_metadata_schema import UserAppMetadataSchema
from ..models.user_identity_schema import UserIdentitySchema
from ..models.user_metadata_schema import UserMetadataSchema
