from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.assessors_type_enum import AssessorsTypeEnum
from ..types import model_repr, parse_leniently

T = TypeVar("T", bound="ClearAssessorsRequestContent")


@_attrs_define
class ClearAssessorsRequestContent:
    """
    Attributes:
        connection (str): The name of the connection containing the user whose assessors should be cleared.
        assessors (list[AssessorsTypeEnum]): List of assessors to clear.
    """

    connection: str
    assessors: list[AssessorsTypeEnum]

    def to_dict(self) -> dict[str, Any]:
        connection = self.connection
        assessors = []
        for assessors_item_data in self.assessors:
            assessors_item = AssessorsTypeEnum.of(assessors_item_data).value

            assessors.append(assessors_item)

        field_dict: dict[str, Any] = {}
        field_dict["connection"] = connection
        field_dict["assessors"] = assessors
        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            clear_assessors_request_content = cls(
                connection=d.pop("connection"),
                assessors=[AssessorsTypeEnum.of(item) for item in d.pop("assessors")],
            )
        except (ValueError, TypeError, AttributeError, KeyError):
            return parse_leniently(
                cls,
                src_dict,
                (
                    ("connection", "connection", True, None),
                    ("assessors", "assessors", True, lambda value: [AssessorsTypeEnum.of(item) for item in value]),
                ),
            )
        return clear_assessors_request_content

    def __repr__(self) -> str:
        return model_repr(self)
