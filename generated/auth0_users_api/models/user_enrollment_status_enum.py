from enum import StrEnum


class UserEnrollmentStatusEnum(StrEnum):
    CONFIRMED = "confirmed"
    PENDING = "pending"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "UserEnrollmentStatusEnum | None":
        """Keep a value the spec does not list yet: Auth0 adds values without notice."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
