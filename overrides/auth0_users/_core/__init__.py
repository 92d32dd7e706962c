"""The client core: configuration, request building and parsing, the send loop, retries, auth, errors.

It sends one operation at a time and knows nothing of the resource tree or of pagination, which
build on it (``auth0_users.resources``, ``auth0_users.pagination``).
"""
