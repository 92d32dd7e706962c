from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset, model_repr, parse_leniently

T = TypeVar("T", bound="SessionAuthenticationSignals")


@_attrs_define
class SessionAuthenticationSignals:
    """Details about authentication signals obtained during the login flow

    Attributes:
        methods (list[SessionAuthenticationSignal] | Unset): Contains the authentication methods a user has completed
            during their session
    """

    methods: list[SessionAuthenticationSignal] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        methods: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.methods, Unset):
            methods = []
            for methods_item_data in self.methods:
                methods_item = methods_item_data.to_dict()
                methods.append(methods_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if methods is not UNSET:
            field_dict["methods"] = methods
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _methods = d.pop("methods", UNSET)
            session_authentication_signals = cls(
                methods=UNSET
                if _methods is UNSET or _methods is None
                else [SessionAuthenticationSignal.from_dict(item) for item in _methods],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    (
                        "methods",
                        "methods",
                        False,
                        lambda value: (
                            UNSET if value is None else [SessionAuthenticationSignal.from_dict(item) for item in value]
                        ),
                    ),
                ),
            )
        session_authentication_signals.additional_properties = d
        return session_authentication_signals

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


from ..models.session_authentication_signal import SessionAuthenticationSignal
