"""Text the core writes for people, ready to be translated by whoever shows it.

The core has no Qt, so it cannot translate. It writes its sentences in English in one of
three ways, which `tools/translations.py` collects into the translation files (in the
context `core`, where the GUI's `i18n.core_text` looks them up):

- `say("… {0} …", value)`: a `Text`, the English sentence that remembers its template and
  values; it is a `str` everywhere (logs, JSON, exceptions, the CLI), and `shown(text, tr)`
  gives it in the GUI's language. Reasons, warnings, notes and error messages are made so.
- a function that composes a sentence for its caller takes a `tr` callable (the GUI passes
  its Qt translation, the CLI `same`) and writes `tr("… {0} …").format(value)`;
- a fixed text handed on as data is marked `N_(…)`.
"""

from __future__ import annotations

import re

from typing import Any, Callable

Translate = Callable[[str], str]


def same(text: str) -> str:
    """No translation: the English text as written (the CLI, log files)."""
    return text


def N_(text: str) -> str:  # noqa: N802 - the name gettext users know
    """Mark `text` for translation where it is shown; returns it unchanged."""
    return text


class Text(str):
    """An English sentence for people that keeps its template and values (see `say`).

    It is the English `str` for everything that does not translate; `shown(text, tr)`
    formats the translated template with the values, each value shown in turn (a reason
    inside an error message is translated too)."""

    template: str
    args: tuple

    def __new__(cls, template: str, *args: Any) -> "Text":
        # An exception is kept as its message: kept whole, its traceback would keep every
        # frame it passed through alive (a model, a batch of images) as long as the sentence.
        args = tuple(message_of(a) if isinstance(a, BaseException) else a for a in args)
        made = super().__new__(cls, template.format(*args))
        made.template, made.args = template, args
        return made

    def __getnewargs__(self) -> tuple:  # pickling/copying rebuilds it from template and values
        return (self.template, *self.args)


def say(template: str, *args: Any) -> Text:
    """The sentence `template.format(*args)`, translatable where it is shown.

    `template` must be a string literal (so that the translation tool finds it), with
    numbered fields: `say("{0}: not a folder", path)`."""
    return Text(template, *args)


def shown(value: Any, tr: Translate = same) -> str:
    """`value` as text in the language `tr` translates to: a `Text` is translated (its values
    too), anything else is `str(value)` as it is (a file name, a number, a plain message)."""
    if isinstance(value, Text):
        return tr(value.template).format(*(shown(a, tr) if isinstance(a, Text) else a for a in value.args))
    return str(value)


def message_of(exc: BaseException) -> str:
    """An exception's message, as the `Text` it was raised with when it was (`str(exc)` is not)."""
    if len(exc.args) == 1 and isinstance(exc.args[0], Text):
        return exc.args[0]
    return str(exc)


def shown_error(exc: BaseException, tr: Translate = same) -> str:
    """An exception's message in the language `tr` translates to (see `shown`)."""
    return shown(message_of(exc), tr)


def to_record(value: Any) -> Any:
    """`value` as JSON that keeps a `Text`'s template and values (for a file such as a run's
    manifest, so that a GUI can show the sentence translated when it reads it back)."""
    if isinstance(value, Text):
        return {"say": value.template, "args": [to_record(a) for a in value.args]}
    return value if isinstance(value, (str, int, float, bool, type(None))) else str(value)


def from_record(record: Any) -> Any:
    """The value `to_record` wrote: a `Text` again where it was one."""
    if isinstance(record, dict) and isinstance(record.get("say"), str):
        try:
            return Text(record["say"], *(from_record(a) for a in record.get("args", [])))
        except (IndexError, KeyError, ValueError, TypeError):  # a hand-edited file: no sentence
            return None
    return record


_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def plain(text: str) -> str:
    """`text` without terminal colour codes (Keras colours its errors), for a status line or a log."""
    return _ANSI.sub("", text)


def count(n: int, one: str, many: str) -> str:
    """`n` with the noun that fits it in English: "1 epoch", "2 epochs" (the window's
    translations plural through Qt's own %n forms)."""
    return f"{n:,} {one if n == 1 else many}"
