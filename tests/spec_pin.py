"""The Users operations of the spec that generated/ was made from (``openapi/pin.json``).

Tests about every operation take them from here; a test that needs one operation is skipped,
naming it, when the pinned spec lacks it::

    @requires_operation("users.roles.assign")
    def test_assigning_roles(...): ...
"""

from __future__ import annotations

import pytest
from pin import read_pin

PIN = read_pin()
OPERATIONS = {op.facade: op for op in PIN.operations}


def missing_operations(*names: str) -> list[str]:
    """Which of the facade names (``users.roles.assign``) the pinned spec does not have."""
    return [name for name in names if name not in OPERATIONS]


def requires_operation(*names: str) -> pytest.MarkDecorator:
    """Skip the test when the pinned spec lacks any of these operations, naming them."""
    missing = missing_operations(*names)
    return pytest.mark.skipif(bool(missing), reason=f"the pinned spec has no {', '.join(missing)}")
