from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.created_user_authentication_method_type_enum import CreatedUserAuthenticationMethodTypeEnum
from ..models.credential_device_type_enum import CredentialDeviceTypeEnum
from ..models.preferred_authentication_method_enum import PreferredAuthenticationMethodEnum
from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="CreateUserAuthenticationMethodRequestContent")


@_attrs_define
class CreateUserAuthenticationMethodRequestContent:
    """
    Attributes:
        type_ (CreatedUserAuthenticationMethodTypeEnum):
        name (str | Unset): A human-readable label to identify the authentication method.
        totp_secret (str | Unset): Base32 encoded secret for TOTP generation.
        phone_number (str | Unset): Applies to phone authentication methods only. The destination phone number used to
            send verification codes via text and voice.
        email (str | Unset): Applies to email authentication methods only. The email address used to send verification
            messages.
        preferred_authentication_method (PreferredAuthenticationMethodEnum | Unset): Applies to phone authentication
            methods only. The preferred communication method.
        key_id (str | Unset): Applies to webauthn/passkey authentication methods only. The id of the credential.
        public_key (str | Unset): Applies to webauthn/passkey authentication methods only. The public key, which is
            encoded as base64.
        aaguid (UUID | Unset): Applies to passkeys only. Authenticator Attestation Globally Unique Identifier
        relying_party_identifier (str | Unset): Applies to webauthn authentication methods only. The relying party
            identifier.
        credential_device_type (CredentialDeviceTypeEnum | Unset): Applies to passkeys only. The kind of device the
            credential is stored on as defined by backup eligibility. "single_device" credentials cannot be backed up and
            synced to another device, "multi_device" credentials can be backed up if enabled by the end-user.
        credential_backed_up (bool | Unset): Applies to passkeys only. Whether the credential was backed up.
        identity_user_id (str | Unset): Applies to passkeys only. The ID of the user identity linked with the
            authentication method.
        user_agent (str | Unset): Applies to passkeys only. The user-agent of the browser used to create the passkey.
        user_handle (str | Unset): Applies to passkeys only. The user handle of the user identity.
        transports (list[str] | Unset): Applies to passkeys only. The transports used by clients to communicate with the
            authenticator.
    """

    type_: CreatedUserAuthenticationMethodTypeEnum
    name: str | Unset = UNSET
    totp_secret: str | Unset = UNSET
    phone_number: str | Unset = UNSET
    email: str | Unset = UNSET
    preferred_authentication_method: PreferredAuthenticationMethodEnum | Unset = UNSET
    key_id: str | Unset = UNSET
    public_key: str | Unset = UNSET
    aaguid: UUID | Unset = UNSET
    relying_party_identifier: str | Unset = UNSET
    credential_device_type: CredentialDeviceTypeEnum | Unset = UNSET
    credential_backed_up: bool | Unset = UNSET
    identity_user_id: str | Unset = UNSET
    user_agent: str | Unset = UNSET
    user_handle: str | Unset = UNSET
    transports: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = CreatedUserAuthenticationMethodTypeEnum.of(self.type_).value

        name = self.name
        totp_secret = self.totp_secret
        phone_number = self.phone_number
        email = self.email
        preferred_authentication_method: str | Unset = UNSET
        if not isinstance(self.preferred_authentication_method, Unset):
            preferred_authentication_method = PreferredAuthenticationMethodEnum.of(
                self.preferred_authentication_method
            ).value

        key_id = self.key_id
        public_key = self.public_key
        aaguid: str | Unset = UNSET
        if not isinstance(self.aaguid, Unset):
            aaguid = str(self.aaguid)
        relying_party_identifier = self.relying_party_identifier
        credential_device_type: str | Unset = UNSET
        if not isinstance(self.credential_device_type, Unset):
            credential_device_type = CredentialDeviceTypeEnum.of(self.credential_device_type).value

        credential_backed_up = self.credential_backed_up
        identity_user_id = self.identity_user_id
        user_agent = self.user_agent
        user_handle = self.user_handle
        transports: list[str] | Unset = UNSET
        if not isinstance(self.transports, Unset):
            transports = self.transports

        field_dict: dict[str, Any] = {}
        field_dict["type"] = type_
        if name is not UNSET:
            field_dict["name"] = name
        if totp_secret is not UNSET:
            field_dict["totp_secret"] = totp_secret
        if phone_number is not UNSET:
            field_dict["phone_number"] = phone_number
        if email is not UNSET:
            field_dict["email"] = email
        if preferred_authentication_method is not UNSET:
            field_dict["preferred_authentication_method"] = preferred_authentication_method
        if key_id is not UNSET:
            field_dict["key_id"] = key_id
        if public_key is not UNSET:
            field_dict["public_key"] = public_key
        if aaguid is not UNSET:
            field_dict["aaguid"] = aaguid
        if relying_party_identifier is not UNSET:
            field_dict["relying_party_identifier"] = relying_party_identifier
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
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _preferred_authentication_method = d.pop("preferred_authentication_method", UNSET)
            _aaguid = d.pop("aaguid", UNSET)
            _credential_device_type = d.pop("credential_device_type", UNSET)
            create_user_authentication_method_request_content = cls(
                type_=CreatedUserAuthenticationMethodTypeEnum.of(d.pop("type")),
                name=d.pop("name", UNSET),
                totp_secret=d.pop("totp_secret", UNSET),
                phone_number=d.pop("phone_number", UNSET),
                email=d.pop("email", UNSET),
                preferred_authentication_method=UNSET
                if _preferred_authentication_method is UNSET or _preferred_authentication_method is None
                else PreferredAuthenticationMethodEnum.of(_preferred_authentication_method),
                key_id=d.pop("key_id", UNSET),
                public_key=d.pop("public_key", UNSET),
                aaguid=UNSET if _aaguid is UNSET or _aaguid is None else UUID(_aaguid),
                relying_party_identifier=d.pop("relying_party_identifier", UNSET),
                credential_device_type=UNSET
                if _credential_device_type is UNSET or _credential_device_type is None
                else CredentialDeviceTypeEnum.of(_credential_device_type),
                credential_backed_up=d.pop("credential_backed_up", UNSET),
                identity_user_id=d.pop("identity_user_id", UNSET),
                user_agent=d.pop("user_agent", UNSET),
                user_handle=d.pop("user_handle", UNSET),
                transports=d.pop("transports", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("type", "type_", True, lambda value: CreatedUserAuthenticationMethodTypeEnum.of(value)),
                    ("name", "name", False, None),
                    ("totp_secret", "totp_secret", False, None),
                    ("phone_number", "phone_number", False, None),
                    ("email", "email", False, None),
                    (
                        "preferred_authentication_method",
                        "preferred_authentication_method",
                        False,
                        lambda value: UNSET if value is None else PreferredAuthenticationMethodEnum.of(value),
                    ),
                    ("key_id", "key_id", False, None),
                    ("public_key", "public_key", False, None),
                    ("aaguid", "aaguid", False, lambda value: UNSET if value is None else UUID(value)),
                    ("relying_party_identifier", "relying_party_identifier", False, None),
                    (
                        "credential_device_type",
                        "credential_device_type",
                        False,
                        lambda value: UNSET if value is None else CredentialDeviceTypeEnum.of(value),
                    ),
                    ("credential_backed_up", "credential_backed_up", False, None),
                    ("identity_user_id", "identity_user_id", False, None),
                    ("user_agent", "user_agent", False, None),
                    ("user_handle", "user_handle", False, None),
                    ("transports", "transports", False, None),
                ),
            )
        return create_user_authentication_method_request_content

    def __repr__(self) -> str:
        return model_repr(self)
