from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="CreateUserRequestContent")


@_attrs_define
class CreateUserRequestContent:
    """
    Attributes:
        connection (str): Name of the connection this user should be created in.
        email (str | Unset): The user's email.
        phone_number (str | Unset): The user's phone number (following the E.164 recommendation).
        user_metadata (UserMetadata | Unset): Data related to the user that does not affect the application's core
            functionality.
        blocked (bool | Unset): Whether this user was blocked by an administrator (true) or not (false).
        email_verified (bool | Unset): Whether this email address is verified (true) or unverified (false). User will
            receive a verification email after creation if `email_verified` is false or not specified
        phone_verified (bool | Unset): Whether this phone number has been verified (true) or not (false).
        app_metadata (AppMetadata | Unset): Data related to the user that does affect the application's core
            functionality.
        given_name (str | Unset): The user's given name(s).
        family_name (str | Unset): The user's family name(s).
        name (str | Unset): The user's full name.
        nickname (str | Unset): The user's nickname.
        picture (str | Unset): A URI pointing to the user's picture.
        user_id (str | Unset): The external user's id provided by the identity provider.
        password (str | Unset): Initial password for this user. Only valid for auth0 connection strategy.
        verify_email (bool | Unset): Whether the user will receive a verification email after creation (true) or no
            email (false). Overrides behavior of `email_verified` parameter.
        username (str | Unset): The user's username. Only valid if the connection requires a username.
    """

    connection: str
    email: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    user_metadata: UserMetadata | Unset = UNSET
    blocked: bool | Unset = UNSET
    email_verified: bool | Unset = UNSET
    phone_verified: bool | Unset = UNSET
    app_metadata: AppMetadata | Unset = UNSET
    given_name: str | Unset = UNSET
    family_name: str | Unset = UNSET
    name: str | Unset = UNSET
    nickname: str | Unset = UNSET
    picture: str | Unset = UNSET
    user_id: str | Unset = UNSET
    password: str | Unset = UNSET
    verify_email: bool | Unset = UNSET
    username: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        connection = self.connection
        email = self.email
        phone_number = self.phone_number
        user_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.user_metadata, Unset):
            user_metadata = self.user_metadata.to_dict()
        blocked = self.blocked
        email_verified = self.email_verified
        phone_verified = self.phone_verified
        app_metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.app_metadata, Unset):
            app_metadata = self.app_metadata.to_dict()
        given_name = self.given_name
        family_name = self.family_name
        name = self.name
        nickname = self.nickname
        picture = self.picture
        user_id = self.user_id
        password = self.password
        verify_email = self.verify_email
        username = self.username
        field_dict: dict[str, Any] = {}
        field_dict["connection"] = connection
        if email is not UNSET:
            field_dict["email"] = email
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if user_metadata is not UNSET:
            field_dict["user_metadata"] = user_metadata
        if blocked is not UNSET:
            field_dict["blocked"] = blocked
        if email_verified is not UNSET:
            field_dict["email_verified"] = email_verified
        if phone_verified is not UNSET:
            field_dict["phone_verified"] = phone_verified
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
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if password is not UNSET:
            field_dict["password"] = password
        if verify_email is not UNSET:
            field_dict["verify_email"] = verify_email
        if username is not UNSET:
            field_dict["username"] = username
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _user_metadata = d.pop("user_metadata", UNSET)
            _app_metadata = d.pop("app_metadata", UNSET)
            create_user_request_content = cls(
                connection=d.pop("connection"),
                email=d.pop("email", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                user_metadata=UNSET
                if _user_metadata is UNSET or _user_metadata is None
                else UserMetadata.from_dict(_user_metadata),
                blocked=d.pop("blocked", UNSET),
                email_verified=d.pop("email_verified", UNSET),
                phone_verified=d.pop("phone_verified", UNSET),
                app_metadata=UNSET
                if _app_metadata is UNSET or _app_metadata is None
                else AppMetadata.from_dict(_app_metadata),
                given_name=d.pop("given_name", UNSET),
                family_name=d.pop("family_name", UNSET),
                name=d.pop("name", UNSET),
                nickname=d.pop("nickname", UNSET),
                picture=d.pop("picture", UNSET),
                user_id=d.pop("user_id", UNSET),
                password=d.pop("password", UNSET),
                verify_email=d.pop("verify_email", UNSET),
                username=d.pop("username", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("connection", "connection", True, None),
                    ("email", "email", False, None),
                    ("phone_number", "phone_number", False, None),
                    (
                        "user_metadata",
                        "user_metadata",
                        False,
                        lambda value: UNSET if value is None else UserMetadata.from_dict(value),
                    ),
                    ("blocked", "blocked", False, None),
                    ("email_verified", "email_verified", False, None),
                    ("phone_verified", "phone_verified", False, None),
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
                    ("user_id", "user_id", False, None),
                    ("password", "password", False, None),
                    ("verify_email", "verify_email", False, None),
                    ("username", "username", False, None),
                ),
            )
        return create_user_request_content

    def __repr__(self) -> str:
        return model_repr(self)


from ..models.app_metadata import AppMetadata
from ..models.user_metadata import UserMetadata
