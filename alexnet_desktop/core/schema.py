"""Checking what the app reads back from its own files (run.json, journals, predictions files,
review files, plugin manifests) against the types they were written with.

A file edited by hand, cut short or replaced is refused with `SchemaError`, naming the file,
the field and what was expected, before anything acts on it. The value found is shown short
and as JSON, so a damaged file cannot fill a message (or a terminal) with its contents.
"""

from __future__ import annotations

import json
import math
import types
import typing
from typing import Any, Union

from alexnet_desktop.core.wording import say

SHOWN_CHARS = 40  # at most this much of a wrong value is quoted back


class SchemaError(ValueError):
    """A file the app wrote has a field of the wrong type, out of range, or missing."""


def shown(value: Any) -> str:
    """`value` as short JSON for a message (cut with an ellipsis when long)."""
    try:
        text = json.dumps(value, ensure_ascii=True, default=lambda v: type(v).__name__)
    except (TypeError, ValueError, RecursionError):
        text = type(value).__name__
    return text if len(text) <= SHOWN_CHARS else text[: SHOWN_CHARS - 1] + "…"


def _describe(tp: Any) -> str:
    """What a person is told a value of the type `tp` should be."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (Union, types.UnionType):
        return say(" or ").join(_describe(a) for a in args)
    origin = typing.get_origin(tp) or tp
    return {int: say("a whole number"), float: say("a number"), str: say("text"), bool: say("true or false"),
            list: say("a list"), dict: say("an object"), type(None): "null"}.get(origin, str(tp))


def conforms(value: Any, tp: Any) -> bool:
    """Whether the JSON value `value` is of the annotated type `tp` (one level deep for lists
    and dicts, whose items are checked where they are used)."""
    if tp is Any:
        return True
    if typing.get_origin(tp) in (Union, types.UnionType):
        return any(conforms(value, a) for a in typing.get_args(tp))
    origin = typing.get_origin(tp) or tp
    if origin is type(None):
        return value is None
    if origin is bool:
        return isinstance(value, bool)
    if origin is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if origin is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
    if origin in (list, dict, str):
        return isinstance(value, origin)
    return True  # a type this checker does not know: left to the code that uses it


def check_fields(where: str, record: Any, hints: dict[str, Any], required: tuple[str, ...] = ()) -> None:
    """Raise `SchemaError` unless `record` is an object whose fields named in `hints` have their
    types and which has every `required` field; `where` names the file and the section."""
    if not isinstance(record, dict):
        raise SchemaError(say("{0}: expected an object, not {1}", where, shown(record)))
    for name in required:
        if name not in record:
            raise SchemaError(say("{0}: the field {1!r} is missing", where, name))
    for name, tp in hints.items():
        if name in record and not conforms(record[name], tp):
            raise SchemaError(say("{0}: the field {1!r} should be {2}, not {3}", where, name, _describe(tp),
                                  shown(record[name])))


def check_range(where: str, name: str, value: Any, low: float, high: float) -> None:
    """Raise `SchemaError` unless the number `value` (or None, left unset) is in [low, high]."""
    if value is not None and not low <= value <= high:
        raise SchemaError(say("{0}: the field {1!r} should be from {2} to {3}, not {4}", where, name, low, high,
                              shown(value)))
