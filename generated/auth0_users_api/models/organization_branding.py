from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="OrganizationBranding")


@_attrs_define
class OrganizationBranding:
    """Theme defines how to style the login pages.

    Attributes:
        logo_url (str | Unset): URL of logo to display on login page.
        colors (OrganizationBrandingColors | Unset): Color scheme used to customize the login pages.
    """

    logo_url: str | Unset = UNSET
    colors: OrganizationBrandingColors | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        logo_url = self.logo_url
        colors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.colors, Unset):
            colors = self.colors.to_dict()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if logo_url is not UNSET:
            field_dict["logo_url"] = logo_url
        if colors is not UNSET:
            field_dict["colors"] = colors
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _colors = d.pop("colors", UNSET)
            organization_branding = cls(
                logo_url=d.pop("logo_url", UNSET),
                colors=UNSET if _colors is UNSET or _colors is None else OrganizationBrandingColors.from_dict(_colors),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("logo_url", "logo_url", False, None),
                    (
                        "colors",
                        "colors",
                        False,
                        lambda value: UNSET if value is None else OrganizationBrandingColors.from_dict(value),
                    ),
                ),
            )
        organization_branding.additional_properties = d
        return organization_branding

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


from ..models.organization_branding_colors import OrganizationBrandingColors
