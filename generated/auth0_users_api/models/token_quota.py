from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import model_repr, parse_leniently

T = TypeVar("T", bound="TokenQuota")


@_attrs_define
class TokenQuota:
    """
    Attributes:
        client_credentials (TokenQuotaClientCredentials): The token quota configuration
    """

    client_credentials: TokenQuotaClientCredentials
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        client_credentials = self.client_credentials.to_dict()
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict["client_credentials"] = client_credentials
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            token_quota = cls(
                client_credentials=TokenQuotaClientCredentials.from_dict(d.pop("client_credentials")),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "client_credentials",
                        "client_credentials",
                        True,
                        lambda value: TokenQuotaClientCredentials.from_dict(value),
                    ),
                ),
            )
        token_quota.additional_properties = d
        return token_quota

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


from ..models.token_quota_client_credentials import TokenQuotaClientCredentials
