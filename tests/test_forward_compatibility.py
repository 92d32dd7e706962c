"""New values from the server never break parsing, in every generated model and enum."""

from __future__ import annotations

import enum
import importlib
import inspect
import pkgutil
import re
import typing
from datetime import UTC, datetime
from typing import Any

import attrs
import auth0_users_api.models as models_package
import pytest
from auth0_users_api.types import UNSET, Unset


def every_class() -> list[type]:
    found = []
    for module in pkgutil.iter_modules(models_package.__path__):
        loaded = importlib.import_module(f"auth0_users_api.models.{module.name}")
        found += [v for v in vars(loaded).values() if isinstance(v, type) and v.__module__ == loaded.__name__]
    return found


CLASSES = every_class()
ENUMS = [c for c in CLASSES if issubclass(c, enum.Enum)]
MODELS = [c for c in CLASSES if hasattr(c, "from_dict") and hasattr(c, "additional_properties")]
RESPONSE_MODELS = [m for m in MODELS if not m.__name__.endswith("RequestContent")]


def test_the_families_are_all_there() -> None:
    assert len(ENUMS) >= 15
    assert len(MODELS) >= 60


@pytest.mark.parametrize("enum_class", ENUMS, ids=lambda c: c.__name__)
def test_every_enum_keeps_a_value_it_does_not_know(enum_class: type[enum.Enum]) -> None:
    member: Any = enum_class("brand-new-value")
    assert member == "brand-new-value"
    assert str(member) == "brand-new-value"
    assert member.value == "brand-new-value"
    known = next(iter(enum_class))
    assert enum_class(known.value) is known


def minimal(model: Any) -> dict[str, Any]:
    """The smallest body the model accepts: its required fields, as the model itself writes them."""
    return build(model).to_dict()


def build(model: Any) -> Any:
    hints = typing.get_type_hints(model)
    required = [f.name for f in attrs.fields(model) if f.default is attrs.NOTHING]
    return model(**{name: _sample(hints[name]) for name in required})


def _sample(hint: Any) -> Any:
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return "x"
    if isinstance(hint, type) and attrs.has(hint):
        return build(hint)
    if typing.get_origin(hint) is list:
        return []
    if hint is datetime:
        return datetime(2024, 1, 1, tzinfo=UTC)
    return {bool: True, int: 1, float: 1.0, str: "x"}.get(hint, "x")


@pytest.mark.parametrize("model", RESPONSE_MODELS, ids=lambda c: c.__name__)
def test_every_response_model_keeps_unknown_fields(model: Any) -> None:
    body = {**minimal(model), "field_from_the_future": {"nested": [1, 2]}}
    parsed = model.from_dict(body)
    assert parsed.additional_properties["field_from_the_future"] == {"nested": [1, 2]}
    assert parsed.to_dict()["field_from_the_future"] == {"nested": [1, 2]}


@pytest.mark.parametrize("model", RESPONSE_MODELS, ids=lambda c: c.__name__)
def test_a_null_for_any_field_does_not_break_parsing(model: Any) -> None:
    names = re.findall(r'd\.pop\("([^"]+)"', inspect.getsource(model.from_dict))
    assert names or [f.name for f in attrs.fields(model)] == ["additional_properties"]
    body = {**minimal(model), **{name: None for name in names if name not in minimal(model)}}
    model.from_dict(body)


def _user_model() -> type:
    """The model ``users.get`` returns in the pinned spec, whatever the spec calls it."""
    from auth0_users import ManagementClient

    hint: type = typing.get_type_hints(ManagementClient(base_url="http://127.0.0.1:9/api/v2", token="t").users.get)[
        "return"
    ]
    return hint


def _odd_value(field: str) -> str:
    """A value of the wrong kind for ``field`` as the spec types it; skip when any text would do."""
    members = typing.get_args(typing.get_type_hints(_user_model()).get(field)) or ()
    if str in members or not members:
        pytest.skip(f"the spec lets {field} be any text")
    if datetime in members:
        return ""  # a date that does not parse
    return f"not what {field} holds"


@pytest.mark.parametrize("field", ["last_login", "created_at", "identities", "user_metadata"])
def test_one_field_that_does_not_parse_keeps_the_rest_of_the_user(
    recording_server: Any, field: str, caplog: pytest.LogCaptureFixture
) -> None:
    """Over HTTP: the odd value is kept as sent, the field reads as unset, and everything else parses."""
    from auth0_users import ManagementClient

    odd = _odd_value(field)
    reply = {"user_id": "auth0|1", "email": "ada@example.com", "nickname": "ada", field: odd}
    recording_server.respond(200, reply)
    with (
        caplog.at_level("DEBUG", logger="auth0_users_api"),
        ManagementClient(base_url=recording_server.base_url, token="t") as mgmt,
    ):
        user = mgmt.users.get("auth0|1")
    assert user.user_id == "auth0|1"
    assert user.email == "ada@example.com"
    assert user.nickname == "ada"
    assert isinstance(getattr(user, field), Unset)
    assert user[field] == odd
    assert user.to_dict()[field] == odd
    assert any(field in message and "does not parse" in message for message in caplog.messages)


def test_reprs_show_only_what_is_set() -> None:
    model = _user_model()
    user = model.from_dict({"user_id": "auth0|1", "nickname": "ada", "extra": 1})
    assert repr(user) == f"{model.__name__}(user_id='auth0|1', nickname='ada', additional_properties={{'extra': 1}})"
    assert repr(UNSET) == "UNSET"
