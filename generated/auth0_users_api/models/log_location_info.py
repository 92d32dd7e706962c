from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="LogLocationInfo")


@_attrs_define
class LogLocationInfo:
    """Information about the location that triggered this event based on the `ip`.

    Attributes:
        country_code (str | Unset): Two-letter <a href="https://www.iso.org/iso-3166-country-codes.html">Alpha-2 ISO
            3166-1</a> country code.
        country_code3 (str | Unset): Three-letter <a href="https://www.iso.org/iso-3166-country-codes.html">Alpha-3 ISO
            3166-1</a> country code.
        country_name (str | Unset): Full country name in English.
        city_name (str | Unset): Full city name in English.
        latitude (float | Unset): Global latitude (horizontal) position.
        longitude (float | Unset): Global longitude (vertical) position.
        time_zone (str | Unset): Time zone name as found in the <a href="https://www.iana.org/time-zones">tz
            database</a>.
        continent_code (str | Unset): Continent the country is located within. Can be `AF` (Africa), `AN` (Antarctica),
            `AS` (Asia), `EU` (Europe), `NA` (North America), `OC` (Oceania) or `SA` (South America).
    """

    country_code: str | Unset = UNSET
    country_code3: str | Unset = UNSET
    country_name: str | Unset = UNSET
    city_name: str | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    time_zone: str | Unset = UNSET
    continent_code: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        country_code = self.country_code
        country_code3 = self.country_code3
        country_name = self.country_name
        city_name = self.city_name
        latitude = self.latitude
        longitude = self.longitude
        time_zone = self.time_zone
        continent_code = self.continent_code
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if country_code is not UNSET:
            field_dict["country_code"] = country_code
        if country_code3 is not UNSET:
            field_dict["country_code3"] = country_code3
        if country_name is not UNSET:
            field_dict["country_name"] = country_name
        if city_name is not UNSET:
            field_dict["city_name"] = city_name
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if continent_code is not UNSET:
            field_dict["continent_code"] = continent_code
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            log_location_info = cls(
                country_code=d.pop("country_code", UNSET),
                country_code3=d.pop("country_code3", UNSET),
                country_name=d.pop("country_name", UNSET),
                city_name=d.pop("city_name", UNSET),
                latitude=d.pop("latitude", UNSET),
                longitude=d.pop("longitude", UNSET),
                time_zone=d.pop("time_zone", UNSET),
                continent_code=d.pop("continent_code", UNSET),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("country_code", "country_code", False, None),
                    ("country_code3", "country_code3", False, None),
                    ("country_name", "country_name", False, None),
                    ("city_name", "city_name", False, None),
                    ("latitude", "latitude", False, None),
                    ("longitude", "longitude", False, None),
                    ("time_zone", "time_zone", False, None),
                    ("continent_code", "continent_code", False, None),
                ),
            )
        log_location_info.additional_properties = d
        return log_location_info

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
