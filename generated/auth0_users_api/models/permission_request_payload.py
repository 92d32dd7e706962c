from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import model_repr, parse_leniently

T = TypeVar("T", bound="PermissionRequestPayload")


@_attrs_define
class PermissionRequestPayload:
    """
    Attributes:
        resource_server_identifier (str): Resource server (API) identifier that this permission is for.
        permission_name (str): Name of this permission.
    """

    resource_server_identifier: str
    permission_name: str

    def to_dict(self) -> dict[str, Any]:
        resource_server_identifier = self.resource_server_identifier
        permission_name = self.permission_name
        field_dict: dict[str, Any] = {}
        field_dict["resource_server_identifier"] = resource_server_identifier
        field_dict["permission_name"] = permission_name
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            permission_request_payload = cls(
                resource_server_identifier=d.pop("resource_server_identifier"),
                permission_name=d.pop("permission_name"),
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("resource_server_identifier", "resource_server_identifier", True, None),
                    ("permission_name", "permission_name", True, None),
                ),
            )
        return permission_request_payload

    def __repr__(self) -> str:
        return model_repr(self)
