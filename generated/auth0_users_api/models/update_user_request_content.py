from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="UpdateUserRequestContent")


@_attrs_define
class UpdateUserRequestContent:
    """
    Attributes:
        blocked (bool | Unset): Whether this user was blocked by an administrator (true) or not (false).
        email_verified (bool | Unset): Whether this email address is verified (true) or unverified (false). If set to
            false the user will not receive a verification email unless `verify_email` is set to true.
        email (None | str | Unset): Email address of this user.
        phone_number (None | str | Unset): The user's phone number (following the E.164 recommendation).
        phone_verified (bool | Unset): Whether this phone number has been verified (true) or not (false).
        user_metadata (UserMetadata | Unset): Data related to the user that does not affect the application's core
            functionality.
        app_metadata (AppMetadata | Unset): Data related to the user that does affect the application's core
            functionality.
        given_name (None | str | Unset): Given name/first name/forename of this user.
        family_name (None | str | Unset): Family name/last name/surname of this user.
        name (None | str | Unset): Name of this user.
        nickname (None | str | Unset): Preferred nickname or alias of this user.
        picture (None | str | Unset): URL to picture, photo, or avatar of this user.
        verify_email (bool | Unset): Whether this user will receive a verification email after creation (true) or no
            email (false). Overrides behavior of `email_verified` parameter.
        verify_phone_number (bool | Unset): Whether this user will receive a text after changing the phone number (true)
            or no text (false). Only valid when changing phone number for SMS connections.
        password (None | str | Unset): New password for this user. Only valid for database connections.
        connection (str | Unset): Name of the connection to target for this user update.
        client_id (str | Unset): Auth0 client ID. Only valid when updating email address.
        username (None | str | Unset): The user's username. Only valid if the connection requires a username.
    """

    blocked: bool | Unset = UNSET
    email_verified: bool | Unset = UNSET
    email: None | str | Unset = UNSET
    phone_number: None | str | Unset = UNSET
    phone_verified: bool | Unset = UNSET
    user_metadata: UserMetadata | Unset = UNSET
    app_metadata: AppMetadata | Unset = UNSET
    given_name: None | str | Unset = UNSET
    family_name: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    nickname: None | str | Unset = UNSET
    picture: None | str | Unset = UNSET
    verify_email: bool | Unset = UNSET
    verify_phone_number: bool | Unset = UNSET
    password: None | str | Unset = UNSET
    connection: str | Unset = UNSET
    client_id: str | Unset = UNSET
    username: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        blocked = self.blocked
        email_verified = self.email_verified
        email: None | str | Unset
        if isinstance(self.email, Unset):
            email = UNSET
        else:
            email = self.email
        phone_number: None | str | Unset
        if isinstance(self.phone_number, Unset):
            phone_number = UNSET
        else:
            phone_number = self.phone_number
        phone_verified = self.phone_verified
        user_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_metadata, Unset):
            user_metadata = self.user_metadata.to_dict()
        app_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.app_metadata, Unset):
            app_metadata = self.app_metadata.to_dict()
        given_name: None | str | Unset
        if isinstance(self.given_name, Unset):
            given_name = UNSET
        else:
            given_name = self.given_name
        family_name: None | str | Unset
        if isinstance(self.family_name, Unset):
            family_name = UNSET
        else:
            family_name = self.family_name
        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name
        nickname: None | str | Unset
        if isinstance(self.nickname, Unset):
            nickname = UNSET
        else:
            nickname = self.nickname
        picture: None | str | Unset
        if isinstance(self.picture, Unset):
            picture = UNSET
        else:
            picture = self.picture
        verify_email = self.verify_email
        verify_phone_number = self.verify_phone_number
        password: None | str | Unset
        if isinstance(self.password, Unset):
            password = UNSET
        else:
            password = self.password
        connection = self.connection
        client_id = self.client_id
        username: None | str | Unset
        if isinstance(self.username, Unset):
            username = UNSET
        else:
            username = self.username
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if blocked is not UNSET:
            field_dict["blocked"] = blocked
        if email_verified is not UNSET:
            field_dict["email_verified"] = email_verified
        if email is not UNSET:
            field_dict["email"] = email
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if phone_verified is not UNSET:
            field_dict["phone_verified"] = phone_verified
        if user_metadata is not UNSET:
            field_dict["user_metadata"] = user_metadata
        if app_metadata is not UNSET:
            field_dict["app_metadata"] = app_metadata
        if given_name is not UNSET:
            field_dict["given_name"] = given_name
        if family_name is not UNSET:
            field_dict["family_name"] = family_name
        if name is not UNSET:
            field_dict["name"] = name
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if picture is not UNSET:
            field_dict["picture"] = picture
        if verify_email is not UNSET:
            field_dict["verify_email"] = verify_email
        if verify_phone_number is not UNSET:
            field_dict["verify_phone_number"] = verify_phone_number
        if password is not UNSET:
            field_dict["password"] = password
        if connection is not UNSET:
            field_dict["connection"] = connection
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if username is not UNSET:
            field_dict["username"] = username
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _user_metadata = d.pop("user_metadata", UNSET)
            _app_metadata = d.pop("app_metadata", UNSET)
            update_user_request_content = cls(
                blocked=d.pop("blocked", UNSET),
                email_verified=d.pop("email_verified", UNSET),
                email=d.pop("email", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                phone_verified=d.pop("phone_verified", UNSET),
                user_metadata=UNSET
                if _user_metadata is UNSET or _user_metadata is None
                else UserMetadata.from_dict(_user_metadata),
                app_metadata=UNSET
                if _app_metadata is UNSET or _app_metadata is None
                else AppMetadata.from_dict(_app_metadata),
                given_name=d.pop("given_name", UNSET),
                family_name=d.pop("family_name", UNSET),
                name=d.pop("name", UNSET),
                nickname=d.pop("nickname", UNSET),
                picture=d.pop("picture", UNSET),
                verify_email=d.pop("verify_email", UNSET),
                verify_phone_number=d.pop("verify_phone_number", UNSET),
                password=d.pop("password", UNSET),
                connection=d.pop("connection", UNSET),
                client_id=d.pop("client_id", UNSET),
                username=d.pop("username", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("blocked", "blocked", False, None),
                    ("email_verified", "email_verified", False, None),
                    ("email", "email", False, None),
                    ("phone_number", "phone_number", False, None),
                    ("phone_verified", "phone_verified", False, None),
                    (
                        "user_metadata",
                        "user_metadata",
                        False,
                        lambda value: UNSET if value is None else UserMetadata.from_dict(value),
                    ),
                    (
                        "app_metadata",
                        "app_metadata",
                        False,
                        lambda value: UNSET if value is None else AppMetadata.from_dict(value),
                    ),
                    ("given_name", "given_name", False, None),
                    ("family_name", "family_name", False, None),
                    ("name", "name", False, None),
                    ("nickname", "nickname", False, None),
                    ("picture", "picture", False, None),
                    ("verify_email", "verify_email", False, None),
                    ("verify_phone_number", "verify_phone_number", False, None),
                    ("password", "password", False, None),
                    ("connection", "connection", False, None),
                    ("client_id", "client_id", False, None),
                    ("username", "username", False, None),
                ),
            )
        update_user_request_content.additional_properties = d
        return update_user_request_content

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


from ..models.app_metadata import AppMetadata
from ..models.user_metadata import UserMetadata
