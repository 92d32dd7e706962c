from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.authentication_method_type_enum import AuthenticationMethodTypeEnum
from ..models.preferred_authentication_method_enum import PreferredAuthenticationMethodEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="GetUserAuthenticationMethodResponseContent")


@_attrs_define
class GetUserAuthenticationMethodResponseContent:
    """
    Attributes:
        id (str): The ID of the authentication method (auto generated)
        type_ (AuthenticationMethodTypeEnum):
        created_at (datetime.datetime): Authenticator creation date
        confirmed (bool | Unset): The authentication method status
        name (str | Unset): A human-readable label to identify the authentication method
        authentication_methods (list[UserAuthenticationMethodProperties] | Unset):
        preferred_authentication_method (PreferredAuthenticationMethodEnum | Unset): Applies to phone authentication
            methods only. The preferred communication method.
        link_id (str | Unset): The ID of a linked authentication method. Linked authentication methods will be deleted
            together.
        phone_number (str | Unset): Applies to phone authentication methods only. The destination phone number used to
            send verification codes via text and voice.
        email (str | Unset): Applies to email and email-verification authentication methods only. The email address used
            to send verification messages.
        key_id (str | Unset): Applies to webauthn authentication methods only. The ID of the generated credential.
        public_key (str | Unset): Applies to webauthn authentication methods only. The public key.
        enrolled_at (datetime.datetime | Unset): Enrollment date
        last_auth_at (datetime.datetime | Unset): Last authentication
        credential_device_type (str | Unset): Applies to passkeys only. The kind of device the credential is stored on
            as defined by backup eligibility. "single_device" credentials cannot be backed up and synced to another device,
            "multi_device" credentials can be backed up if enabled by the end-user.
        credential_backed_up (bool | Unset): Applies to passkeys only. Whether the credential was backed up.
        identity_user_id (str | Unset): Applies to passkeys only. The ID of the user identity linked with the
            authentication method.
        user_agent (str | Unset): Applies to passkeys only. The user-agent of the browser used to create the passkey.
        user_handle (str | Unset): Applies to passkeys only. The user handle of the user identity.
        transports (list[str] | Unset): Applies to passkeys only. The transports used by clients to communicate with the
            authenticator.
        aaguid (str | Unset): Applies to passkey authentication methods only. Authenticator Attestation Globally Unique
            Identifier.
        relying_party_identifier (str | Unset): Applies to webauthn/passkey authentication methods only. The
            credential's relying party identifier.
    """

    id: str
    type_: AuthenticationMethodTypeEnum
    created_at: datetime.datetime
    confirmed: bool | Unset = UNSET
    name: str | Unset = UNSET
    authentication_methods: list[UserAuthenticationMethodProperties] | Unset = UNSET
    preferred_authentication_method: PreferredAuthenticationMethodEnum | Unset = UNSET
    link_id: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    email: str | Unset = UNSET
    key_id: str | Unset = UNSET
    public_key: str | Unset = UNSET
    enrolled_at: datetime.datetime | Unset = UNSET
    last_auth_at: datetime.datetime | Unset = UNSET
    credential_device_type: str | Unset = UNSET
    credential_backed_up: bool | Unset = UNSET
    identity_user_id: str | Unset = UNSET
    user_agent: str | Unset = UNSET
    user_handle: str | Unset = UNSET
    transports: list[str] | Unset = UNSET
    aaguid: str | Unset = UNSET
    relying_party_identifier: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        type_ = AuthenticationMethodTypeEnum.of(self.type_).value

        created_at = self.created_at.isoformat()
        confirmed = self.confirmed
        name = self.name
        authentication_methods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.authentication_methods, Unset):
            authentication_methods = []
            for authentication_methods_item_data in self.authentication_methods:
                authentication_methods_item = authentication_methods_item_data.to_dict()
                authentication_methods.append(authentication_methods_item)

        preferred_authentication_method: str | Unset = UNSET
        if not isinstance(self.preferred_authentication_method, Unset):
            preferred_authentication_method = PreferredAuthenticationMethodEnum.of(
                self.preferred_authentication_method
            ).value

        link_id = self.link_id
        phone_number = self.phone_number
        email = self.email
        key_id = self.key_id
        public_key = self.public_key
        enrolled_at: str | Unset = UNSET
        if not isinstance(self.enrolled_at, Unset):
            enrolled_at = self.enrolled_at.isoformat()
        last_auth_at: str | Unset = UNSET
        if not isinstance(self.last_auth_at, Unset):
            last_auth_at = self.last_auth_at.isoformat()
        credential_device_type = self.credential_device_type
        credential_backed_up = self.credential_backed_up
        identity_user_id = self.identity_user_id
        user_agent = self.user_agent
        user_handle = self.user_handle
        transports: list[str] | Unset = UNSET
        if not isinstance(self.transports, Unset):
            transports = self.transports

        aaguid = self.aaguid
        relying_party_identifier = self.relying_party_identifier
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["id"] = id
        field_dict["type"] = type_
        field_dict["created_at"] = created_at
        if confirmed is not UNSET:
            field_dict["confirmed"] = confirmed
        if name is not UNSET:
            field_dict["name"] = name
        if authentication_methods is not UNSET:
            field_dict["authentication_methods"] = authentication_methods
        if preferred_authentication_method is not UNSET:
            field_dict["preferred_authentication_method"] = preferred_authentication_method
        if link_id is not UNSET:
            field_dict["link_id"] = link_id
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if email is not UNSET:
            field_dict["email"] = email
        if key_id is not UNSET:
            field_dict["key_id"] = key_id
        if public_key is not UNSET:
            field_dict["public_key"] = public_key
        if enrolled_at is not UNSET:
            field_dict["enrolled_at"] = enrolled_at
        if last_auth_at is not UNSET:
            field_dict["last_auth_at"] = last_auth_at
        if credential_device_type is not UNSET:
            field_dict["credential_device_type"] = credential_device_type
        if credential_backed_up is not UNSET:
            field_dict["credential_backed_up"] = credential_backed_up
        if identity_user_id is not UNSET:
            field_dict["identity_user_id"] = identity_user_id
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if user_handle is not UNSET:
            field_dict["user_handle"] = user_handle
        if transports is not UNSET:
            field_dict["transports"] = transports
        if aaguid is not UNSET:
            field_dict["aaguid"] = aaguid
        if relying_party_identifier is not UNSET:
            field_dict["relying_party_identifier"] = relying_party_identifier
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _authentication_methods = d.pop("authentication_methods", UNSET)
            _preferred_authentication_method = d.pop("preferred_authentication_method", UNSET)
            _enrolled_at = d.pop("enrolled_at", UNSET)
            _last_auth_at = d.pop("last_auth_at", UNSET)
            get_user_authentication_method_response_content = cls(
                id=d.pop("id"),
                type_=AuthenticationMethodTypeEnum.of(d.pop("type")),
                created_at=datetime.datetime.fromisoformat(d.pop("created_at")),
                confirmed=d.pop("confirmed", UNSET),
                name=d.pop("name", UNSET),
                authentication_methods=UNSET
                if _authentication_methods is UNSET or _authentication_methods is None
                else [UserAuthenticationMethodProperties.from_dict(item) for item in _authentication_methods],
                preferred_authentication_method=UNSET
                if _preferred_authentication_method is UNSET or _preferred_authentication_method is None
                else PreferredAuthenticationMethodEnum.of(_preferred_authentication_method),
                link_id=d.pop("link_id", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                email=d.pop("email", UNSET),
                key_id=d.pop("key_id", UNSET),
                public_key=d.pop("public_key", UNSET),
                enrolled_at=UNSET
                if _enrolled_at is UNSET or _enrolled_at is None
                else datetime.datetime.fromisoformat(_enrolled_at),
                last_auth_at=UNSET
                if _last_auth_at is UNSET or _last_auth_at is None
                else datetime.datetime.fromisoformat(_last_auth_at),
                credential_device_type=d.pop("credential_device_type", UNSET),
                credential_backed_up=d.pop("credential_backed_up", UNSET),
                identity_user_id=d.pop("identity_user_id", UNSET),
                user_agent=d.pop("user_agent", UNSET),
                user_handle=d.pop("user_handle", UNSET),
                transports=d.pop("transports", UNSET),
                aaguid=d.pop("aaguid", UNSET),
                relying_party_identifier=d.pop("relying_party_identifier", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", True, None),
                    ("type", "type_", True, lambda value: AuthenticationMethodTypeEnum.of(value)),
                    ("created_at", "created_at", True, lambda value: datetime.datetime.fromisoformat(value)),
                    ("confirmed", "confirmed", False, None),
                    ("name", "name", False, None),
                    (
                        "authentication_methods",
                        "authentication_methods",
                        False,
                        lambda value: (
                            UNSET
                            if value is None
                            else [UserAuthenticationMethodProperties.from_dict(item) for item in value]
                        ),
                    ),
                    (
                        "preferred_authentication_method",
                        "preferred_authentication_method",
                        False,
                        lambda value: UNSET if value is None else PreferredAuthenticationMethodEnum.of(value),
                    ),
                    ("link_id", "link_id", False, None),
                    ("phone_number", "phone_number", False, None),
                    ("email", "email", False, None),
                    ("key_id", "key_id", False, None),
                    ("public_key", "public_key", False, None),
                    (
                        "enrolled_at",
                        "enrolled_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    (
                        "last_auth_at",
                        "last_auth_at",
                        False,
                        lambda value: UNSET if value is None else datetime.datetime.fromisoformat(value),
                    ),
                    ("credential_device_type", "credential_device_type", False, None),
                    ("credential_backed_up", "credential_backed_up", False, None),
                    ("identity_user_id", "identity_user_id", False, None),
                    ("user_agent", "user_agent", False, None),
                    ("user_handle", "user_handle", False, None),
                    ("transports", "transports", False, None),
                    ("aaguid", "aaguid", False, None),
                    ("relying_party_identifier", "relying_party_identifier", False, None),
                ),
            )
        get_user_authentication_method_response_content.additional_properties = d
        return get_user_authentication_method_response_content

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


from ..models.user_authentication_method_properties import UserAuthenticationMethodProperties
