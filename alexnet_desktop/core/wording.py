"""Text the core writes for people, ready to be translated by whoever shows it.

The core has no Qt, so it cannot translate; instead, a function that composes a sentence
takes a `tr` callable (the GUI passes its Qt translation, the CLI and the logs `same`) and
writes `tr("… {0} …").format(value)`, and a fixed text handed on as data is marked `N_(…)`.
`tools/translations.py` collects both kinds of literal into the translation files, in the
context `core`, where the GUI's `i18n.core_text` looks them up.
"""

from __future__ import annotations

from typing import Callable

Translate = Callable[[str], str]


def same(text: str) -> str:
    """No translation: the English text as written (the CLI, log files)."""
    return text


def N_(text: str) -> str:  # noqa: N802 - the name gettext users know
    """Mark `text` for translation where it is shown; returns it unchanged."""
    return text
