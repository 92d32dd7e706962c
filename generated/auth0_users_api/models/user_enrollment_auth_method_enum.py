from enum import StrEnum


class UserEnrollmentAuthMethodEnum(StrEnum):
    AUTHENTICATOR = "authenticator"
    GUARDIAN = "guardian"
    SMS = "sms"
    WEBAUTHN_PLATFORM = "webauthn-platform"
    WEBAUTHN_ROAMING = "webauthn-roaming"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def _missing_(cls, value: object) -> "UserEnrollmentAuthMethodEnum | None":
        """Keep a value the spec does not list yet: Auth0 adds values without notice."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
