from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="Log")


@_attrs_define
class Log:
    """
    Attributes:
        date (LogDateObject | str | Unset):
        type_ (str | Unset): Type of event.
        description (None | str | Unset): Description of this event.
        connection (str | Unset): Name of the connection the event relates to.
        connection_id (str | Unset): ID of the connection the event relates to.
        client_id (str | Unset): ID of the client (application).
        client_name (str | Unset): Name of the client (application).
        ip (str | Unset): IP address of the log event source.
        hostname (str | Unset): Hostname the event applies to.
        user_id (str | Unset): ID of the user involved in the event.
        user_name (str | Unset): Name of the user involved in the event.
        audience (str | Unset): API audience the event applies to.
        scope (str | Unset): Scope permissions applied to the event.
        strategy (str | Unset): Name of the strategy involved in the event.
        strategy_type (str | Unset): Type of strategy involved in the event.
        log_id (str | Unset): Unique ID of the event.
        is_mobile (bool | Unset): Whether the client was a mobile device (true) or desktop/laptop/server (false).
        details (LogDetails | Unset): Additional useful details about this event (structure is dependent upon event
            type).
        user_agent (str | Unset): User agent string from the client device that caused the event.
        security_context (LogSecurityContext | Unset): Information about security-related signals.
        location_info (LogLocationInfo | Unset): Information about the location that triggered this event based on the
            `ip`.
    """

    date: LogDateObject | str | Unset = UNSET
    type_: str | Unset = UNSET
    description: None | str | Unset = UNSET
    connection: str | Unset = UNSET
    connection_id: str | Unset = UNSET
    client_id: str | Unset = UNSET
    client_name: str | Unset = UNSET
    ip: str | Unset = UNSET
    hostname: str | Unset = UNSET
    user_id: str | Unset = UNSET
    user_name: str | Unset = UNSET
    audience: str | Unset = UNSET
    scope: str | Unset = UNSET
    strategy: str | Unset = UNSET
    strategy_type: str | Unset = UNSET
    log_id: str | Unset = UNSET
    is_mobile: bool | Unset = UNSET
    details: LogDetails | Unset = UNSET
    user_agent: str | Unset = UNSET
    security_context: LogSecurityContext | Unset = UNSET
    location_info: LogLocationInfo | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        date: dict[str, Any] | str | Unset
        if isinstance(self.date, Unset):
            date = UNSET
        elif isinstance(self.date, LogDateObject):
            date = self.date.to_dict()
        else:
            date = self.date
        type_ = self.type_
        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description
        connection = self.connection
        connection_id = self.connection_id
        client_id = self.client_id
        client_name = self.client_name
        ip = self.ip
        hostname = self.hostname
        user_id = self.user_id
        user_name = self.user_name
        audience = self.audience
        scope = self.scope
        strategy = self.strategy
        strategy_type = self.strategy_type
        log_id = self.log_id
        is_mobile = self.is_mobile
        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()
        user_agent = self.user_agent
        security_context: dict[str, Any] | Unset = UNSET
        if not isinstance(self.security_context, Unset):
            security_context = self.security_context.to_dict()
        location_info: dict[str, Any] | Unset = UNSET
        if not isinstance(self.location_info, Unset):
            location_info = self.location_info.to_dict()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if date is not UNSET:
            field_dict["date"] = date
        if type_ is not UNSET:
            field_dict["type"] = type_
        if description is not UNSET:
            field_dict["description"] = description
        if connection is not UNSET:
            field_dict["connection"] = connection
        if connection_id is not UNSET:
            field_dict["connection_id"] = connection_id
        if client_id is not UNSET:
            field_dict["client_id"] = client_id
        if client_name is not UNSET:
            field_dict["client_name"] = client_name
        if ip is not UNSET:
            field_dict["ip"] = ip
        if hostname is not UNSET:
            field_dict["hostname"] = hostname
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if user_name is not UNSET:
            field_dict["user_name"] = user_name
        if audience is not UNSET:
            field_dict["audience"] = audience
        if scope is not UNSET:
            field_dict["scope"] = scope
        if strategy is not UNSET:
            field_dict["strategy"] = strategy
        if strategy_type is not UNSET:
            field_dict["strategy_type"] = strategy_type
        if log_id is not UNSET:
            field_dict["log_id"] = log_id
        if is_mobile is not UNSET:
            field_dict["isMobile"] = is_mobile
        if details is not UNSET:
            field_dict["details"] = details
        if user_agent is not UNSET:
            field_dict["user_agent"] = user_agent
        if security_context is not UNSET:
            field_dict["security_context"] = security_context
        if location_info is not UNSET:
            field_dict["location_info"] = location_info
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:

            def _parse_date(data: object) -> LogDateObject | str | Unset:
                if isinstance(data, Unset):
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    componentsschemas_log_date_type_1 = LogDateObject.from_dict(data)

                    return componentsschemas_log_date_type_1
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(LogDateObject | str | Unset, data)

            date = _parse_date(d.pop("date", UNSET))

            _details = d.pop("details", UNSET)
            _security_context = d.pop("security_context", UNSET)
            _location_info = d.pop("location_info", UNSET)
            log = cls(
                date=date,
                type_=d.pop("type", UNSET),
                description=d.pop("description", UNSET),
                connection=d.pop("connection", UNSET),
                connection_id=d.pop("connection_id", UNSET),
                client_id=d.pop("client_id", UNSET),
                client_name=d.pop("client_name", UNSET),
                ip=d.pop("ip", UNSET),
                hostname=d.pop("hostname", UNSET),
                user_id=d.pop("user_id", UNSET),
                user_name=d.pop("user_name", UNSET),
                audience=d.pop("audience", UNSET),
                scope=d.pop("scope", UNSET),
                strategy=d.pop("strategy", UNSET),
                strategy_type=d.pop("strategy_type", UNSET),
                log_id=d.pop("log_id", UNSET),
                is_mobile=d.pop("isMobile", UNSET),
                details=UNSET if _details is UNSET or _details is None else LogDetails.from_dict(_details),
                user_agent=d.pop("user_agent", UNSET),
                security_context=UNSET
                if _security_context is UNSET or _security_context is None
                else LogSecurityContext.from_dict(_security_context),
                location_info=UNSET
                if _location_info is UNSET or _location_info is None
                else LogLocationInfo.from_dict(_location_info),
            )
        except (ValueError, TypeError, AttributeError, KeyError):

            def _lenient_date(value: Any) -> Any:
                def _parse_date(data: object) -> LogDateObject | str | Unset:
                    if isinstance(data, Unset):
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        componentsschemas_log_date_type_1 = LogDateObject.from_dict(data)

                        return componentsschemas_log_date_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(LogDateObject | str | Unset, data)

                date = _parse_date(value)

                return date

            return parse_leniently(
                cls,
                src_dict,
                (
                    ("date", "date", False, _lenient_date),
                    ("type", "type_", False, None),
                    ("description", "description", False, None),
                    ("connection", "connection", False, None),
                    ("connection_id", "connection_id", False, None),
                    ("client_id", "client_id", False, None),
                    ("client_name", "client_name", False, None),
                    ("ip", "ip", False, None),
                    ("hostname", "hostname", False, None),
                    ("user_id", "user_id", False, None),
                    ("user_name", "user_name", False, None),
                    ("audience", "audience", False, None),
                    ("scope", "scope", False, None),
                    ("strategy", "strategy", False, None),
                    ("strategy_type", "strategy_type", False, None),
                    ("log_id", "log_id", False, None),
                    ("isMobile", "is_mobile", False, None),
                    (
                        "details",
                        "details",
                        False,
                        lambda value: UNSET if value is None else LogDetails.from_dict(value),
                    ),
                    ("user_agent", "user_agent", False, None),
                    (
                        "security_context",
                        "security_context",
                        False,
                        lambda value: UNSET if value is None else LogSecurityContext.from_dict(value),
                    ),
                    (
                        "location_info",
                        "location_info",
                        False,
                        lambda value: UNSET if value is None else LogLocationInfo.from_dict(value),
                    ),
                ),
            )
        log.additional_properties = d
        return log

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


from ..models.log_date_object import LogDateObject
from ..models.log_details import LogDetails
from ..models.log_location_info import LogLocationInfo
from ..models.log_security_context import LogSecurityContext
