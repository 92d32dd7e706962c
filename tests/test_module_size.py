"""No hand-written module is so large that it hides its concerns: split by concern before about 400 lines."""

from __future__ import annotations

from loopback import ROOT

LIMIT = 400
HAND_WRITTEN = [ROOT / "overrides", ROOT / "openapi"]


def test_no_hand_written_module_is_over_the_limit() -> None:
    sizes = {
        str(path.relative_to(ROOT)): len(path.read_text(encoding="utf-8").splitlines())
        for tree in HAND_WRITTEN
        for path in tree.rglob("*.py")
    }
    assert len(sizes) > 50, "the walk should see every module of overrides/ and openapi/"
    assert not {name: size for name, size in sizes.items() if size > LIMIT}
