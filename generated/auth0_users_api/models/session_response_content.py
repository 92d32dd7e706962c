from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="SessionResponseContent")


@_attrs_define
class SessionResponseContent:
    """
    Attributes:
        id (str | Unset): The ID of the session
        user_id (str | Unset): ID of the user which can be used when interacting with other APIs.
        created_at (datetime.datetime | None | SessionDateType1 | Unset):
        updated_at (datetime.datetime | None | SessionDateType1 | Unset):
        authenticated_at (datetime.datetime | None | SessionDateType1 | Unset):
        idle_expires_at (datetime.datetime | None | SessionDateType1 | Unset):
        expires_at (datetime.datetime | None | SessionDateType1 | Unset):
        last_interacted_at (datetime.datetime | None | SessionDateType1 | Unset):
        device (SessionDeviceMetadata | Unset): Metadata related to the device used in the session
        clients (list[SessionClientMetadata] | Unset): List of client details for the session
        authentication (SessionAuthenticationSignals | Unset): Details about authentication signals obtained during the
            login flow
        cookie (SessionCookieMetadata | Unset): [Private Early Access] Session cookie configuration.
        session_metadata (None | SessionMetadataType0 | Unset): Metadata associated with the session, in the form of an
            object with string values (max 255 chars). Maximum of 25 metadata properties allowed.
    """

    id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    created_at: datetime.datetime | None | SessionDateType1 | Unset = UNSET
    updated_at: datetime.datetime | None | SessionDateType1 | Unset = UNSET
    authenticated_at: datetime.datetime | None | SessionDateType1 | Unset = UNSET
    idle_expires_at: datetime.datetime | None | SessionDateType1 | Unset = UNSET
    expires_at: datetime.datetime | None | SessionDateType1 | Unset = UNSET
    last_interacted_at: datetime.datetime | None | SessionDateType1 | Unset = UNSET
    device: SessionDeviceMetadata | Unset = UNSET
    clients: list[SessionClientMetadata] | Unset = UNSET
    authentication: SessionAuthenticationSignals | Unset = UNSET
    cookie: SessionCookieMetadata | Unset = UNSET
    session_metadata: None | SessionMetadataType0 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        user_id = self.user_id
        created_at: dict[str, Any] | None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        elif isinstance(self.created_at, SessionDateType1):
            created_at = self.created_at.to_dict()
        else:
            created_at = self.created_at
        updated_at: dict[str, Any] | None | str | Unset
        if isinstance(self.updated_at, Unset):
            updated_at = UNSET
        elif isinstance(self.updated_at, datetime.datetime):
            updated_at = self.updated_at.isoformat()
        elif isinstance(self.updated_at, SessionDateType1):
            updated_at = self.updated_at.to_dict()
        else:
            updated_at = self.updated_at
        authenticated_at: dict[str, Any] | None | str | Unset
        if isinstance(self.authenticated_at, Unset):
            authenticated_at = UNSET
        elif isinstance(self.authenticated_at, datetime.datetime):
            authenticated_at = self.authenticated_at.isoformat()
        elif isinstance(self.authenticated_at, SessionDateType1):
            authenticated_at = self.authenticated_at.to_dict()
        else:
            authenticated_at = self.authenticated_at
        idle_expires_at: dict[str, Any] | None | str | Unset
        if isinstance(self.idle_expires_at, Unset):
            idle_expires_at = UNSET
        elif isinstance(self.idle_expires_at, datetime.datetime):
            idle_expires_at = self.idle_expires_at.isoformat()
        elif isinstance(self.idle_expires_at, SessionDateType1):
            idle_expires_at = self.idle_expires_at.to_dict()
        else:
            idle_expires_at = self.idle_expires_at
        expires_at: dict[str, Any] | None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        elif isinstance(self.expires_at, SessionDateType1):
            expires_at = self.expires_at.to_dict()
        else:
            expires_at = self.expires_at
        last_interacted_at: dict[str, Any] | None | str | Unset
        if isinstance(self.last_interacted_at, Unset):
            last_interacted_at = UNSET
        elif isinstance(self.last_interacted_at, datetime.datetime):
            last_interacted_at = self.last_interacted_at.isoformat()
        elif isinstance(self.last_interacted_at, SessionDateType1):
            last_interacted_at = self.last_interacted_at.to_dict()
        else:
            last_interacted_at = self.last_interacted_at
        device: dict[str, Any] | Unset = UNSET
        if not isinstance(self.device, Unset):
            device = self.device.to_dict()
        clients: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.clients, Unset):
            clients = []
            for clients_item_data in self.clients:
                clients_item = clients_item_data.to_dict()
                clients.append(clients_item)

        authentication: dict[str, Any] | Unset = UNSET
        if not isinstance(self.authentication, Unset):
            authentication = self.authentication.to_dict()
        cookie: dict[str, Any] | Unset = UNSET
        if not isinstance(self.cookie, Unset):
            cookie = self.cookie.to_dict()
        session_metadata: dict[str, Any] | None | Unset
        if isinstance(self.session_metadata, Unset):
            session_metadata = UNSET
        elif isinstance(self.session_metadata, SessionMetadataType0):
            session_metadata = self.session_metadata.to_dict()
        else:
            session_metadata = self.session_metadata
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if id is not UNSET:
            field_dict["id"] = id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if updated_at is not UNSET:
            field_dict["updated_at"] = updated_at
        if authenticated_at is not UNSET:
            field_dict["authenticated_at"] = authenticated_at
        if idle_expires_at is not UNSET:
            field_dict["idle_expires_at"] = idle_expires_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if last_interacted_at is not UNSET:
            field_dict["last_interacted_at"] = last_interacted_at
        if device is not UNSET:
            field_dict["device"] = device
        if clients is not UNSET:
            field_dict["clients"] = clients
        if authentication is not UNSET:
            field_dict["authentication"] = authentication
        if cookie is not UNSET:
            field_dict["cookie"] = cookie
        if session_metadata is not UNSET:
            field_dict["session_metadata"] = session_metadata
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_created_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_session_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                    return componentsschemas_session_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

            created_at = _parse_created_at(d.pop("created_at", UNSET))

            def _parse_updated_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_session_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                    return componentsschemas_session_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

            updated_at = _parse_updated_at(d.pop("updated_at", UNSET))

            def _parse_authenticated_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_session_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                    return componentsschemas_session_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

            authenticated_at = _parse_authenticated_at(d.pop("authenticated_at", UNSET))

            def _parse_idle_expires_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_session_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                    return componentsschemas_session_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

            idle_expires_at = _parse_idle_expires_at(d.pop("idle_expires_at", UNSET))

            def _parse_expires_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_session_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                    return componentsschemas_session_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

            expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

            def _parse_last_interacted_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_session_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                    return componentsschemas_session_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

            last_interacted_at = _parse_last_interacted_at(d.pop("last_interacted_at", UNSET))

            _device = d.pop("device", UNSET)
            _clients = d.pop("clients", UNSET)
            _authentication = d.pop("authentication", UNSET)
            _cookie = d.pop("cookie", UNSET)

            def _parse_session_metadata(data: object) -> None | SessionMetadataType0 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_session_metadata_type_0 = SessionMetadataType0.from_dict(data)

                    return componentsschemas_session_metadata_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | SessionMetadataType0 | Unset, data)

            session_metadata = _parse_session_metadata(d.pop("session_metadata", UNSET))

            session_response_content = cls(
                id=d.pop("id", UNSET),
                user_id=d.pop("user_id", UNSET),
                created_at=created_at,
                updated_at=updated_at,
                authenticated_at=authenticated_at,
                idle_expires_at=idle_expires_at,
                expires_at=expires_at,
                last_interacted_at=last_interacted_at,
                device=UNSET if _device is UNSET or _device is None else SessionDeviceMetadata.from_dict(_device),
                clients=UNSET
                if _clients is UNSET or _clients is None
                else [SessionClientMetadata.from_dict(item) for item in _clients],
                authentication=UNSET
                if _authentication is UNSET or _authentication is None
                else SessionAuthenticationSignals.from_dict(_authentication),
                cookie=UNSET if _cookie is UNSET or _cookie is None else SessionCookieMetadata.from_dict(_cookie),
                session_metadata=session_metadata,
            )
        except (ValueError, TypeError, AttributeError, KeyError):

            def _lenient_created_at(value: Any) -> Any:
                def _parse_created_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_session_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                        return componentsschemas_session_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

                created_at = _parse_created_at(value)

                return created_at

            def _lenient_updated_at(value: Any) -> Any:
                def _parse_updated_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_session_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                        return componentsschemas_session_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

                updated_at = _parse_updated_at(value)

                return updated_at

            def _lenient_authenticated_at(value: Any) -> Any:
                def _parse_authenticated_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_session_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                        return componentsschemas_session_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

                authenticated_at = _parse_authenticated_at(value)

                return authenticated_at

            def _lenient_idle_expires_at(value: Any) -> Any:
                def _parse_idle_expires_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_session_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                        return componentsschemas_session_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

                idle_expires_at = _parse_idle_expires_at(value)

                return idle_expires_at

            def _lenient_expires_at(value: Any) -> Any:
                def _parse_expires_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_session_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                        return componentsschemas_session_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

                expires_at = _parse_expires_at(value)

                return expires_at

            def _lenient_last_interacted_at(value: Any) -> Any:
                def _parse_last_interacted_at(data: object) -> datetime.datetime | None | SessionDateType1 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_session_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_session_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_date_type_1 = SessionDateType1.from_dict(data)

                        return componentsschemas_session_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | SessionDateType1 | Unset, data)

                last_interacted_at = _parse_last_interacted_at(value)

                return last_interacted_at

            def _lenient_session_metadata(value: Any) -> Any:
                def _parse_session_metadata(data: object) -> None | SessionMetadataType0 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_session_metadata_type_0 = SessionMetadataType0.from_dict(data)

                        return componentsschemas_session_metadata_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | SessionMetadataType0 | Unset, data)

                session_metadata = _parse_session_metadata(value)

                return session_metadata

            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", False, None),
                    ("user_id", "user_id", False, None),
                    ("created_at", "created_at", False, _lenient_created_at),
                    ("updated_at", "updated_at", False, _lenient_updated_at),
                    ("authenticated_at", "authenticated_at", False, _lenient_authenticated_at),
                    ("idle_expires_at", "idle_expires_at", False, _lenient_idle_expires_at),
                    ("expires_at", "expires_at", False, _lenient_expires_at),
                    ("last_interacted_at", "last_interacted_at", False, _lenient_last_interacted_at),
                    (
                        "device",
                        "device",
                        False,
                        lambda value: UNSET if value is None else SessionDeviceMetadata.from_dict(value),
                    ),
                    (
                        "clients",
                        "clients",
                        False,
                        lambda value: (
                            UNSET if value is None else [SessionClientMetadata.from_dict(item) for item in value]
                        ),
                    ),
                    (
                        "authentication",
                        "authentication",
                        False,
                        lambda value: UNSET if value is None else SessionAuthenticationSignals.from_dict(value),
                    ),
                    (
                        "cookie",
                        "cookie",
                        False,
                        lambda value: UNSET if value is None else SessionCookieMetadata.from_dict(value),
                    ),
                    ("session_metadata", "session_metadata", False, _lenient_session_metadata),
                ),
            )
        session_response_content.additional_properties = d
        return session_response_content

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


from ..models.session_authentication_signals import SessionAuthenticationSignals
from ..models.session_client_metadata import SessionClientMetadata
from ..models.session_cookie_metadata import SessionCookieMetadata
from ..models.session_date_type_1 import SessionDateType1
from ..models.session_device_metadata import SessionDeviceMetadata
from ..models.session_metadata_type_0 import SessionMetadataType0
