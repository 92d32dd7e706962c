"""Contains all the data models used in inputs/outputs.

Each model's module is imported the first time its name is looked up here.
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .app_metadata import AppMetadata
    from .assessors_type_enum import AssessorsTypeEnum
    from .assign_user_roles_request_content import AssignUserRolesRequestContent
    from .authentication_method_type_enum import AuthenticationMethodTypeEnum
    from .authentication_type_enum import AuthenticationTypeEnum
    from .clear_assessors_request_content import ClearAssessorsRequestContent
    from .connected_account import ConnectedAccount
    from .connected_account_access_type_enum import ConnectedAccountAccessTypeEnum
    from .create_user_authentication_method_request_content import CreateUserAuthenticationMethodRequestContent
    from .create_user_authentication_method_response_content import CreateUserAuthenticationMethodResponseContent
    from .create_user_permissions_request_content import CreateUserPermissionsRequestContent
    from .create_user_request_content import CreateUserRequestContent
    from .create_user_response_content import CreateUserResponseContent
    from .created_authentication_method_type_enum import CreatedAuthenticationMethodTypeEnum
    from .created_user_authentication_method_type_enum import CreatedUserAuthenticationMethodTypeEnum
    from .credential_device_type_enum import CredentialDeviceTypeEnum
    from .delete_user_identity_response_content_item import DeleteUserIdentityResponseContentItem
    from .delete_user_permissions_request_content import DeleteUserPermissionsRequestContent
    from .delete_user_roles_request_content import DeleteUserRolesRequestContent
    from .federated_connection_token_set import FederatedConnectionTokenSet
    from .get_user_authentication_method_response_content import GetUserAuthenticationMethodResponseContent
    from .get_user_groups_paginated_response_content import GetUserGroupsPaginatedResponseContent
    from .get_user_response_content import GetUserResponseContent
    from .group import Group
    from .link_user_identity_request_content import LinkUserIdentityRequestContent
    from .list_refresh_tokens_paginated_response_content import ListRefreshTokensPaginatedResponseContent
    from .list_user_authentication_methods_offset_paginated_response_content import (
        ListUserAuthenticationMethodsOffsetPaginatedResponseContent,
    )
    from .list_user_connected_accounts_response_content import ListUserConnectedAccountsResponseContent
    from .list_user_effective_permission_role_sources_response_content import (
        ListUserEffectivePermissionRoleSourcesResponseContent,
    )
    from .list_user_effective_permissions_response_content import ListUserEffectivePermissionsResponseContent
    from .list_user_effective_roles_response_content import ListUserEffectiveRolesResponseContent
    from .list_user_organizations_offset_paginated_response_content import (
        ListUserOrganizationsOffsetPaginatedResponseContent,
    )
    from .list_user_permissions_offset_paginated_response_content import (
        ListUserPermissionsOffsetPaginatedResponseContent,
    )
    from .list_user_role_source_groups_response_content import ListUserRoleSourceGroupsResponseContent
    from .list_user_roles_offset_paginated_response_content import ListUserRolesOffsetPaginatedResponseContent
    from .list_user_sessions_paginated_response_content import ListUserSessionsPaginatedResponseContent
    from .list_users_offset_paginated_response_content import ListUsersOffsetPaginatedResponseContent
    from .log import Log
    from .log_date_object import LogDateObject
    from .log_details import LogDetails
    from .log_location_info import LogLocationInfo
    from .log_security_context import LogSecurityContext
    from .organization import Organization
    from .organization_branding import OrganizationBranding
    from .organization_branding_colors import OrganizationBrandingColors
    from .organization_metadata import OrganizationMetadata
    from .permission_request_payload import PermissionRequestPayload
    from .preferred_authentication_method_enum import PreferredAuthenticationMethodEnum
    from .refresh_token_date_object import RefreshTokenDateObject
    from .refresh_token_device import RefreshTokenDevice
    from .refresh_token_metadata_type_0 import RefreshTokenMetadataType0
    from .refresh_token_resource_server import RefreshTokenResourceServer
    from .refresh_token_response_content import RefreshTokenResponseContent
    from .regenerate_users_recovery_code_response_content import RegenerateUsersRecoveryCodeResponseContent
    from .revoke_user_access_request_content import RevokeUserAccessRequestContent
    from .role import Role
    from .search_engine_versions_enum import SearchEngineVersionsEnum
    from .session_authentication_signal import SessionAuthenticationSignal
    from .session_authentication_signals import SessionAuthenticationSignals
    from .session_client_metadata import SessionClientMetadata
    from .session_cookie_metadata import SessionCookieMetadata
    from .session_cookie_metadata_mode_enum import SessionCookieMetadataModeEnum
    from .session_date_type_1 import SessionDateType1
    from .session_device_metadata import SessionDeviceMetadata
    from .session_metadata_type_0 import SessionMetadataType0
    from .session_response_content import SessionResponseContent
    from .set_user_authentication_method_response_content import SetUserAuthenticationMethodResponseContent
    from .set_user_authentication_methods import SetUserAuthenticationMethods
    from .token_quota import TokenQuota
    from .token_quota_client_credentials import TokenQuotaClientCredentials
    from .update_user_authentication_method_request_content import UpdateUserAuthenticationMethodRequestContent
    from .update_user_authentication_method_response_content import UpdateUserAuthenticationMethodResponseContent
    from .update_user_request_content import UpdateUserRequestContent
    from .update_user_response_content import UpdateUserResponseContent
    from .user_app_metadata_schema import UserAppMetadataSchema
    from .user_authentication_method import UserAuthenticationMethod
    from .user_authentication_method_properties import UserAuthenticationMethodProperties
    from .user_authentication_method_properties_enum import UserAuthenticationMethodPropertiesEnum
    from .user_effective_permission_response_content import UserEffectivePermissionResponseContent
    from .user_effective_permission_role_source_enum import UserEffectivePermissionRoleSourceEnum
    from .user_effective_permission_role_source_response_content import UserEffectivePermissionRoleSourceResponseContent
    from .user_effective_permission_source_enum import UserEffectivePermissionSourceEnum
    from .user_effective_role import UserEffectiveRole
    from .user_effective_role_source import UserEffectiveRoleSource
    from .user_enrollment_auth_method_enum import UserEnrollmentAuthMethodEnum
    from .user_enrollment_status_enum import UserEnrollmentStatusEnum
    from .user_groups_response_schema import UserGroupsResponseSchema
    from .user_identity import UserIdentity
    from .user_identity_provider_enum import UserIdentityProviderEnum
    from .user_identity_schema import UserIdentitySchema
    from .user_list_log_offset_paginated_response_content import UserListLogOffsetPaginatedResponseContent
    from .user_metadata import UserMetadata
    from .user_metadata_schema import UserMetadataSchema
    from .user_multifactor_provider_enum import UserMultifactorProviderEnum
    from .user_permission_schema import UserPermissionSchema
    from .user_profile_data import UserProfileData
    from .user_response_schema import UserResponseSchema
    from .users_enrollment import UsersEnrollment

_MODULES = {
    "AppMetadata": ".app_metadata",
    "AssessorsTypeEnum": ".assessors_type_enum",
    "AssignUserRolesRequestContent": ".assign_user_roles_request_content",
    "AuthenticationMethodTypeEnum": ".authentication_method_type_enum",
    "AuthenticationTypeEnum": ".authentication_type_enum",
    "ClearAssessorsRequestContent": ".clear_assessors_request_content",
    "ConnectedAccount": ".connected_account",
    "ConnectedAccountAccessTypeEnum": ".connected_account_access_type_enum",
    "CreateUserAuthenticationMethodRequestContent": ".create_user_authentication_method_request_content",
    "CreateUserAuthenticationMethodResponseContent": ".create_user_authentication_method_response_content",
    "CreateUserPermissionsRequestContent": ".create_user_permissions_request_content",
    "CreateUserRequestContent": ".create_user_request_content",
    "CreateUserResponseContent": ".create_user_response_content",
    "CreatedAuthenticationMethodTypeEnum": ".created_authentication_method_type_enum",
    "CreatedUserAuthenticationMethodTypeEnum": ".created_user_authentication_method_type_enum",
    "CredentialDeviceTypeEnum": ".credential_device_type_enum",
    "DeleteUserIdentityResponseContentItem": ".delete_user_identity_response_content_item",
    "DeleteUserPermissionsRequestContent": ".delete_user_permissions_request_content",
    "DeleteUserRolesRequestContent": ".delete_user_roles_request_content",
    "FederatedConnectionTokenSet": ".federated_connection_token_set",
    "GetUserAuthenticationMethodResponseContent": ".get_user_authentication_method_response_content",
    "GetUserGroupsPaginatedResponseContent": ".get_user_groups_paginated_response_content",
    "GetUserResponseContent": ".get_user_response_content",
    "Group": ".group",
    "LinkUserIdentityRequestContent": ".link_user_identity_request_content",
    "ListRefreshTokensPaginatedResponseContent": ".list_refresh_tokens_paginated_response_content",
    "ListUserAuthenticationMethodsOffsetPaginatedResponseContent": ".list_user_authentication_methods_offset_paginated_response_content",
    "ListUserConnectedAccountsResponseContent": ".list_user_connected_accounts_response_content",
    "ListUserEffectivePermissionRoleSourcesResponseContent": ".list_user_effective_permission_role_sources_response_content",
    "ListUserEffectivePermissionsResponseContent": ".list_user_effective_permissions_response_content",
    "ListUserEffectiveRolesResponseContent": ".list_user_effective_roles_response_content",
    "ListUserOrganizationsOffsetPaginatedResponseContent": ".list_user_organizations_offset_paginated_response_content",
    "ListUserPermissionsOffsetPaginatedResponseContent": ".list_user_permissions_offset_paginated_response_content",
    "ListUserRoleSourceGroupsResponseContent": ".list_user_role_source_groups_response_content",
    "ListUserRolesOffsetPaginatedResponseContent": ".list_user_roles_offset_paginated_response_content",
    "ListUserSessionsPaginatedResponseContent": ".list_user_sessions_paginated_response_content",
    "ListUsersOffsetPaginatedResponseContent": ".list_users_offset_paginated_response_content",
    "Log": ".log",
    "LogDateObject": ".log_date_object",
    "LogDetails": ".log_details",
    "LogLocationInfo": ".log_location_info",
    "LogSecurityContext": ".log_security_context",
    "Organization": ".organization",
    "OrganizationBranding": ".organization_branding",
    "OrganizationBrandingColors": ".organization_branding_colors",
    "OrganizationMetadata": ".organization_metadata",
    "PermissionRequestPayload": ".permission_request_payload",
    "PreferredAuthenticationMethodEnum": ".preferred_authentication_method_enum",
    "RefreshTokenDateObject": ".refresh_token_date_object",
    "RefreshTokenDevice": ".refresh_token_device",
    "RefreshTokenMetadataType0": ".refresh_token_metadata_type_0",
    "RefreshTokenResourceServer": ".refresh_token_resource_server",
    "RefreshTokenResponseContent": ".refresh_token_response_content",
    "RegenerateUsersRecoveryCodeResponseContent": ".regenerate_users_recovery_code_response_content",
    "RevokeUserAccessRequestContent": ".revoke_user_access_request_content",
    "Role": ".role",
    "SearchEngineVersionsEnum": ".search_engine_versions_enum",
    "SessionAuthenticationSignal": ".session_authentication_signal",
    "SessionAuthenticationSignals": ".session_authentication_signals",
    "SessionClientMetadata": ".session_client_metadata",
    "SessionCookieMetadata": ".session_cookie_metadata",
    "SessionCookieMetadataModeEnum": ".session_cookie_metadata_mode_enum",
    "SessionDateType1": ".session_date_type_1",
    "SessionDeviceMetadata": ".session_device_metadata",
    "SessionMetadataType0": ".session_metadata_type_0",
    "SessionResponseContent": ".session_response_content",
    "SetUserAuthenticationMethodResponseContent": ".set_user_authentication_method_response_content",
    "SetUserAuthenticationMethods": ".set_user_authentication_methods",
    "TokenQuota": ".token_quota",
    "TokenQuotaClientCredentials": ".token_quota_client_credentials",
    "UpdateUserAuthenticationMethodRequestContent": ".update_user_authentication_method_request_content",
    "UpdateUserAuthenticationMethodResponseContent": ".update_user_authentication_method_response_content",
    "UpdateUserRequestContent": ".update_user_request_content",
    "UpdateUserResponseContent": ".update_user_response_content",
    "UserAppMetadataSchema": ".user_app_metadata_schema",
    "UserAuthenticationMethod": ".user_authentication_method",
    "UserAuthenticationMethodProperties": ".user_authentication_method_properties",
    "UserAuthenticationMethodPropertiesEnum": ".user_authentication_method_properties_enum",
    "UserEffectivePermissionResponseContent": ".user_effective_permission_response_content",
    "UserEffectivePermissionRoleSourceEnum": ".user_effective_permission_role_source_enum",
    "UserEffectivePermissionRoleSourceResponseContent": ".user_effective_permission_role_source_response_content",
    "UserEffectivePermissionSourceEnum": ".user_effective_permission_source_enum",
    "UserEffectiveRole": ".user_effective_role",
    "UserEffectiveRoleSource": ".user_effective_role_source",
    "UserEnrollmentAuthMethodEnum": ".user_enrollment_auth_method_enum",
    "UserEnrollmentStatusEnum": ".user_enrollment_status_enum",
    "UserGroupsResponseSchema": ".user_groups_response_schema",
    "UserIdentity": ".user_identity",
    "UserIdentityProviderEnum": ".user_identity_provider_enum",
    "UserIdentitySchema": ".user_identity_schema",
    "UserListLogOffsetPaginatedResponseContent": ".user_list_log_offset_paginated_response_content",
    "UserMetadata": ".user_metadata",
    "UserMetadataSchema": ".user_metadata_schema",
    "UserMultifactorProviderEnum": ".user_multifactor_provider_enum",
    "UserPermissionSchema": ".user_permission_schema",
    "UserProfileData": ".user_profile_data",
    "UserResponseSchema": ".user_response_schema",
    "UsersEnrollment": ".users_enrollment",
}

__all__ = (
    "AppMetadata",
    "AssessorsTypeEnum",
    "AssignUserRolesRequestContent",
    "AuthenticationMethodTypeEnum",
    "AuthenticationTypeEnum",
    "ClearAssessorsRequestContent",
    "ConnectedAccount",
    "ConnectedAccountAccessTypeEnum",
    "CreatedAuthenticationMethodTypeEnum",
    "CreatedUserAuthenticationMethodTypeEnum",
    "CreateUserAuthenticationMethodRequestContent",
    "CreateUserAuthenticationMethodResponseContent",
    "CreateUserPermissionsRequestContent",
    "CreateUserRequestContent",
    "CreateUserResponseContent",
    "CredentialDeviceTypeEnum",
    "DeleteUserIdentityResponseContentItem",
    "DeleteUserPermissionsRequestContent",
    "DeleteUserRolesRequestContent",
    "FederatedConnectionTokenSet",
    "GetUserAuthenticationMethodResponseContent",
    "GetUserGroupsPaginatedResponseContent",
    "GetUserResponseContent",
    "Group",
    "LinkUserIdentityRequestContent",
    "ListRefreshTokensPaginatedResponseContent",
    "ListUserAuthenticationMethodsOffsetPaginatedResponseContent",
    "ListUserConnectedAccountsResponseContent",
    "ListUserEffectivePermissionRoleSourcesResponseContent",
    "ListUserEffectivePermissionsResponseContent",
    "ListUserEffectiveRolesResponseContent",
    "ListUserOrganizationsOffsetPaginatedResponseContent",
    "ListUserPermissionsOffsetPaginatedResponseContent",
    "ListUserRolesOffsetPaginatedResponseContent",
    "ListUserRoleSourceGroupsResponseContent",
    "ListUserSessionsPaginatedResponseContent",
    "ListUsersOffsetPaginatedResponseContent",
    "Log",
    "LogDateObject",
    "LogDetails",
    "LogLocationInfo",
    "LogSecurityContext",
    "Organization",
    "OrganizationBranding",
    "OrganizationBrandingColors",
    "OrganizationMetadata",
    "PermissionRequestPayload",
    "PreferredAuthenticationMethodEnum",
    "RefreshTokenDateObject",
    "RefreshTokenDevice",
    "RefreshTokenMetadataType0",
    "RefreshTokenResourceServer",
    "RefreshTokenResponseContent",
    "RegenerateUsersRecoveryCodeResponseContent",
    "RevokeUserAccessRequestContent",
    "Role",
    "SearchEngineVersionsEnum",
    "SessionAuthenticationSignal",
    "SessionAuthenticationSignals",
    "SessionClientMetadata",
    "SessionCookieMetadata",
    "SessionCookieMetadataModeEnum",
    "SessionDateType1",
    "SessionDeviceMetadata",
    "SessionMetadataType0",
    "SessionResponseContent",
    "SetUserAuthenticationMethodResponseContent",
    "SetUserAuthenticationMethods",
    "TokenQuota",
    "TokenQuotaClientCredentials",
    "UpdateUserAuthenticationMethodRequestContent",
    "UpdateUserAuthenticationMethodResponseContent",
    "UpdateUserRequestContent",
    "UpdateUserResponseContent",
    "UserAppMetadataSchema",
    "UserAuthenticationMethod",
    "UserAuthenticationMethodProperties",
    "UserAuthenticationMethodPropertiesEnum",
    "UserEffectivePermissionResponseContent",
    "UserEffectivePermissionRoleSourceEnum",
    "UserEffectivePermissionRoleSourceResponseContent",
    "UserEffectivePermissionSourceEnum",
    "UserEffectiveRole",
    "UserEffectiveRoleSource",
    "UserEnrollmentAuthMethodEnum",
    "UserEnrollmentStatusEnum",
    "UserGroupsResponseSchema",
    "UserIdentity",
    "UserIdentityProviderEnum",
    "UserIdentitySchema",
    "UserListLogOffsetPaginatedResponseContent",
    "UserMetadata",
    "UserMetadataSchema",
    "UserMultifactorProviderEnum",
    "UserPermissionSchema",
    "UserProfileData",
    "UserResponseSchema",
    "UsersEnrollment",
)

if not TYPE_CHECKING:

    def __getattr__(name: str) -> object:
        if name not in _MODULES:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        from importlib import import_module

        value = getattr(import_module(_MODULES[name], __name__), name)
        globals()[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*globals(), *__all__})
