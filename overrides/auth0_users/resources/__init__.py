"""The users resource tree on top of the core clients: ``ManagementClient`` and ``AsyncManagementClient``."""
