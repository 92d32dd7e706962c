from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="Organization")


@_attrs_define
class Organization:
    """
    Attributes:
        id (str | Unset): Organization identifier.
        name (str | Unset): The name of this organization.
        display_name (str | Unset): Friendly name of this organization.
        branding (OrganizationBranding | Unset): Theme defines how to style the login pages.
        metadata (OrganizationMetadata | Unset): Metadata associated with the organization, in the form of an object
            with string values (max 255 chars). Maximum of 25 metadata properties allowed.
        token_quota (TokenQuota | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    display_name: str | Unset = UNSET
    branding: OrganizationBranding | Unset = UNSET
    metadata: OrganizationMetadata | Unset = UNSET
    token_quota: TokenQuota | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id
        name = self.name
        display_name = self.display_name
        branding: dict[str, Any] | Unset = UNSET
        if not isinstance(self.branding, Unset):
            branding = self.branding.to_dict()
        metadata: dict[str, Any] | Unset = UNSET
        if not isinstance(self.metadata, Unset):
            metadata = self.metadata.to_dict()
        token_quota: dict[str, Any] | Unset = UNSET
        if not isinstance(self.token_quota, Unset):
            token_quota = self.token_quota.to_dict()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if branding is not UNSET:
            field_dict["branding"] = branding
        if metadata is not UNSET:
            field_dict["metadata"] = metadata
        if token_quota is not UNSET:
            field_dict["token_quota"] = token_quota
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _branding = d.pop("branding", UNSET)
            _metadata = d.pop("metadata", UNSET)
            _token_quota = d.pop("token_quota", UNSET)
            organization = cls(
                id=d.pop("id", UNSET),
                name=d.pop("name", UNSET),
                display_name=d.pop("display_name", UNSET),
                branding=UNSET
                if _branding is UNSET or _branding is None
                else OrganizationBranding.from_dict(_branding),
                metadata=UNSET
                if _metadata is UNSET or _metadata is None
                else OrganizationMetadata.from_dict(_metadata),
                token_quota=UNSET
                if _token_quota is UNSET or _token_quota is None
                else TokenQuota.from_dict(_token_quota),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("id", "id", False, None),
                    ("name", "name", False, None),
                    ("display_name", "display_name", False, None),
                    (
                        "branding",
                        "branding",
                        False,
                        lambda value: UNSET if value is None else OrganizationBranding.from_dict(value),
                    ),
                    (
                        "metadata",
                        "metadata",
                        False,
                        lambda value: UNSET if value is None else OrganizationMetadata.from_dict(value),
                    ),
                    (
                        "token_quota",
                        "token_quota",
                        False,
                        lambda value: UNSET if value is None else TokenQuota.from_dict(value),
                    ),
                ),
            )
        organization.additional_properties = d
        return organization

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


from ..models.organization_branding import OrganizationBranding
from ..models.organization_metadata import OrganizationMetadata
from ..models.token_quota import TokenQuota
