from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr, parse_leniently

T = TypeVar("T", bound="OrganizationBrandingColors")


@_attrs_define
class OrganizationBrandingColors:
    """Color scheme used to customize the login pages.

    Attributes:
        primary (str): HEX Color for primary elements.
        page_background (str): HEX Color for background.
    """

    primary: str
    page_background: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        primary = self.primary
        page_background = self.page_background
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["primary"] = primary
        field_dict["page_background"] = page_background
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            organization_branding_colors = cls(
                primary=d.pop("primary"),
                page_background=d.pop("page_background"),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("primary", "primary", True, None),
                    ("page_background", "page_background", True, None),
                ),
            )
        organization_branding_colors.additional_properties = d
        return organization_branding_colors

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
