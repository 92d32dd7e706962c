"""HTTPS for the sandbox: a certificate authority made on the spot, trusted only by whoever is told to.

The official SDKs build ``https://{domain}``; with a server certificate for ``127.0.0.1`` and
``localhost`` signed by this CA, they reach the sandbox unchanged once the CA file is trusted
through the environment variables :func:`trust_environment` names.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Certificates:
    """Where a sandbox's CA and its server certificate (key and chain in one file) are written."""

    directory: Path
    ca_file: Path
    server_file: Path

    def remove(self) -> None:
        """Delete the files (the CA is good for this one sandbox only)."""
        shutil.rmtree(self.directory, ignore_errors=True)


def make_certificates(hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> Certificates:
    """A new CA and a server certificate for ``hosts``, in a new private temporary directory."""
    try:
        import trustme  # only an HTTPS sandbox pays for loading it
    except ModuleNotFoundError as missing:
        raise ImportError(
            "an HTTPS sandbox needs trustme (in the sandbox extra): pip install 'auth0-users[sandbox]'",
            name=missing.name,
        ) from missing

    directory = Path(tempfile.mkdtemp(prefix="auth0-users-sandbox-tls-"))
    authority = trustme.CA(organization_name="auth0-users sandbox")
    server = authority.issue_cert(*hosts)
    files = Certificates(directory, directory / "sandbox-ca.pem", directory / "sandbox-server.pem")
    authority.cert_pem.write_to_path(str(files.ca_file))
    server.private_key_and_cert_chain_pem.write_to_path(str(files.server_file))
    return files


def trust_environment(ca_file: Path) -> dict[str, str]:
    """The variables that make common HTTP stacks trust ``ca_file``.

    ``SSL_CERT_FILE``: OpenSSL-based clients and httpx (so auth0-python); ``REQUESTS_CA_BUNDLE``:
    requests; ``NODE_EXTRA_CA_CERTS``: Node.js (so node ``auth0``), read when the process starts.
    """
    return {name: str(ca_file) for name in ("SSL_CERT_FILE", "REQUESTS_CA_BUNDLE", "NODE_EXTRA_CA_CERTS")}
