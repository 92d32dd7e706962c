from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="RefreshTokenResponseContent")


@_attrs_define
class RefreshTokenResponseContent:
    """
    Attributes:
        id (str | Unset): The ID of the refresh token
        user_id (str | Unset): ID of the user which can be used when interacting with other APIs.
        created_at (datetime.datetime | None | RefreshTokenDateObject | Unset):
        idle_expires_at (datetime.datetime | None | RefreshTokenDateObject | Unset):
        expires_at (datetime.datetime | None | RefreshTokenDateObject | Unset):
        device (RefreshTokenDevice | Unset): Device used while issuing/exchanging the refresh token
        client_id (str | Unset): ID of the client application granted with this refresh token
        session_id (None | str | Unset): ID of the authenticated session used to obtain this refresh-token
        rotating (bool | Unset): True if the token is a rotating refresh token
        resource_servers (list[RefreshTokenResourceServer] | Unset): A list of the resource server IDs associated to
            this refresh-token and their granted scopes
        refresh_token_metadata (None | RefreshTokenMetadataType0 | Unset): Metadata associated with the refresh token,
            in the form of an object with string values (max 255 chars). Maximum of 25 metadata properties allowed.
        last_exchanged_at (datetime.datetime | None | RefreshTokenDateObject | Unset):
    """

    id: str | Unset = UNSET
    user_id: str | Unset = UNSET
    created_at: datetime.datetime | None | RefreshTokenDateObject | Unset = UNSET
    idle_expires_at: datetime.datetime | None | RefreshTokenDateObject | Unset = UNSET
    expires_at: datetime.datetime | None | RefreshTokenDateObject | Unset = UNSET
    device: RefreshTokenDevice | Unset = UNSET
    client_id: str | Unset = UNSET
    session_id: None | str | Unset = UNSET
    rotating: bool | Unset = UNSET
    resource_servers: list[RefreshTokenResourceServer] | Unset = UNSET
    refresh_token_metadata: None | RefreshTokenMetadataType0 | Unset = UNSET
    last_exchanged_at: datetime.datetime | None | RefreshTokenDateObject | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        user_id = self.user_id
        created_at: dict[str, Any] | None | str | Unset
        if isinstance(self.created_at, Unset):
            created_at = UNSET
        elif isinstance(self.created_at, datetime.datetime):
            created_at = self.created_at.isoformat()
        elif isinstance(self.created_at, RefreshTokenDateObject):
            created_at = self.created_at.to_dict()
        else:
            created_at = self.created_at
        idle_expires_at: dict[str, Any] | None | str | Unset
        if isinstance(self.idle_expires_at, Unset):
            idle_expires_at = UNSET
        elif isinstance(self.idle_expires_at, datetime.datetime):
            idle_expires_at = self.idle_expires_at.isoformat()
        elif isinstance(self.idle_expires_at, RefreshTokenDateObject):
            idle_expires_at = self.idle_expires_at.to_dict()
        else:
            idle_expires_at = self.idle_expires_at
        expires_at: dict[str, Any] | None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        elif isinstance(self.expires_at, RefreshTokenDateObject):
            expires_at = self.expires_at.to_dict()
        else:
            expires_at = self.expires_at
        device: dict[str, Any] | Unset = UNSET
        if not isinstance(self.device, Unset):
            device = self.device.to_dict()
        client_id = self.client_id
        session_id: None | str | Unset
        if isinstance(self.session_id, Unset):
            session_id = UNSET
        else:
            session_id = self.session_id
        rotating = self.rotating
        resource_servers: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.resource_servers, Unset):
            resource_servers = []
            for resource_servers_item_data in self.resource_servers:
                resource_servers_item = resource_servers_item_data.to_dict()
                resource_servers.append(resource_servers_item)

        refresh_token_metadata: dict[str, Any] | None | Unset
        if isinstance(self.refresh_token_metadata, Unset):
            refresh_token_metadata = UNSET
        elif isinstance(self.refresh_token_metadata, RefreshTokenMetadataType0):
            refresh_token_metadata = self.refresh_token_metadata.to_dict()
        else:
            refresh_token_metadata = self.refresh_token_metadata
        last_exchanged_at: dict[str, Any] | None | str | Unset
        if isinstance(self.last_exchanged_at, Unset):
            last_exchanged_at = UNSET
        elif isinstance(self.last_exchanged_at, datetime.datetime):
            last_exchanged_at = self.last_exchanged_at.isoformat()
        elif isinstance(self.last_exchanged_at, RefreshTokenDateObject):
            last_exchanged_at = self.last_exchanged_at.to_dict()
        else:
            last_exchanged_at = self.last_exchanged_at
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if id is not UNSET:
            field_dict["id"] = id
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if created_at is not UNSET:
            field_dict["created_at"] = created_at
        if idle_expires_at is not UNSET:
            field_dict["idle_expires_at"] = idle_expires_at
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if device is not UNSET:
            field_dict["device"] = device
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if session_id is not UNSET:
            field_dict["session_id"] = session_id
        if rotating is not UNSET:
            field_dict["rotating"] = rotating
        if resource_servers is not UNSET:
            field_dict["resource_servers"] = resource_servers
        if refresh_token_metadata is not UNSET:
            field_dict["refresh_token_metadata"] = refresh_token_metadata
        if last_exchanged_at is not UNSET:
            field_dict["last_exchanged_at"] = last_exchanged_at
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_created_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_refresh_token_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                    return componentsschemas_refresh_token_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

            created_at = _parse_created_at(d.pop("created_at", UNSET))

            def _parse_idle_expires_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_refresh_token_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                    return componentsschemas_refresh_token_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

            idle_expires_at = _parse_idle_expires_at(d.pop("idle_expires_at", UNSET))

            def _parse_expires_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_refresh_token_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                    return componentsschemas_refresh_token_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

            expires_at = _parse_expires_at(d.pop("expires_at", UNSET))

            _device = d.pop("device", UNSET)
            _resource_servers = d.pop("resource_servers", UNSET)

            def _parse_refresh_token_metadata(data: object) -> None | RefreshTokenMetadataType0 | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_refresh_token_metadata_type_0 = RefreshTokenMetadataType0.from_dict(data)

                    return componentsschemas_refresh_token_metadata_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(None | RefreshTokenMetadataType0 | Unset, data)

            refresh_token_metadata = _parse_refresh_token_metadata(d.pop("refresh_token_metadata", UNSET))

            def _parse_last_exchanged_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, str):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                    return componentsschemas_refresh_token_date_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                    return componentsschemas_refresh_token_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

            last_exchanged_at = _parse_last_exchanged_at(d.pop("last_exchanged_at", UNSET))

            refresh_token_response_content = cls(
                id=d.pop("id", UNSET),
                user_id=d.pop("user_id", UNSET),
                created_at=created_at,
                idle_expires_at=idle_expires_at,
                expires_at=expires_at,
                device=UNSET if _device is UNSET or _device is None else RefreshTokenDevice.from_dict(_device),
                client_id=d.pop("client_id", UNSET),
                session_id=d.pop("session_id", UNSET),
                rotating=d.pop("rotating", UNSET),
                resource_servers=UNSET
                if _resource_servers is UNSET or _resource_servers is None
                else [RefreshTokenResourceServer.from_dict(item) for item in _resource_servers],
                refresh_token_metadata=refresh_token_metadata,
                last_exchanged_at=last_exchanged_at,
            )
        except (ValueError, TypeError, AttributeError, KeyError):

            def _lenient_created_at(value: Any) -> Any:
                def _parse_created_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_refresh_token_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                        return componentsschemas_refresh_token_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

                created_at = _parse_created_at(value)

                return created_at

            def _lenient_idle_expires_at(value: Any) -> Any:
                def _parse_idle_expires_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_refresh_token_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                        return componentsschemas_refresh_token_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

                idle_expires_at = _parse_idle_expires_at(value)

                return idle_expires_at

            def _lenient_expires_at(value: Any) -> Any:
                def _parse_expires_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_refresh_token_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                        return componentsschemas_refresh_token_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

                expires_at = _parse_expires_at(value)

                return expires_at

            def _lenient_refresh_token_metadata(value: Any) -> Any:
                def _parse_refresh_token_metadata(data: object) -> None | RefreshTokenMetadataType0 | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_refresh_token_metadata_type_0 = RefreshTokenMetadataType0.from_dict(data)

                        return componentsschemas_refresh_token_metadata_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | RefreshTokenMetadataType0 | Unset, data)

                refresh_token_metadata = _parse_refresh_token_metadata(value)

                return refresh_token_metadata

            def _lenient_last_exchanged_at(value: Any) -> Any:
                def _parse_last_exchanged_at(data: object) -> datetime.datetime | None | RefreshTokenDateObject | Unset:
                    if data is None:
                        return data
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, str):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_0 = datetime.datetime.fromisoformat(data)

                        return componentsschemas_refresh_token_date_type_0
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_refresh_token_date_type_1 = RefreshTokenDateObject.from_dict(data)

                        return componentsschemas_refresh_token_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(datetime.datetime | None | RefreshTokenDateObject | Unset, data)

                last_exchanged_at = _parse_last_exchanged_at(value)

                return last_exchanged_at

            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", False, None),
                    ("user_id", "user_id", False, None),
                    ("created_at", "created_at", False, _lenient_created_at),
                    ("idle_expires_at", "idle_expires_at", False, _lenient_idle_expires_at),
                    ("expires_at", "expires_at", False, _lenient_expires_at),
                    (
                        "device",
                        "device",
                        False,
                        lambda value: UNSET if value is None else RefreshTokenDevice.from_dict(value),
                    ),
                    ("client_id", "client_id", False, None),
                    ("session_id", "session_id", False, None),
                    ("rotating", "rotating", False, None),
                    (
                        "resource_servers",
                        "resource_servers",
                        False,
                        lambda value: (
                            UNSET if value is None else [RefreshTokenResourceServer.from_dict(item) for item in value]
                        ),
                    ),
                    ("refresh_token_metadata", "refresh_token_metadata", False, _lenient_refresh_token_metadata),
                    ("last_exchanged_at", "last_exchanged_at", False, _lenient_last_exchanged_at),
                ),
            )
        refresh_token_response_content.additional_properties = d
        return refresh_token_response_content

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


from ..models.refresh_token_date_object import RefreshTokenDateObject
from ..models.refresh_token_device import RefreshTokenDevice
from ..models.refresh_token_metadata_type_0 import RefreshTokenMetadataType0
from ..models.refresh_token_resource_server import RefreshTokenResourceServer
