"""The app's languages: English (its source text) and Simplified Chinese.

The language follows the system's (a Chinese desktop gets Chinese) unless the user picks
one in View > Language; the choice is kept in QSettings and applies from the next window
on, since Qt widgets take their text when they are built. The translations are Qt's own
`.ts`/`.qm` files in `resources/i18n/` (kept in step with the code by
`tools/translations.py`), and Qt's own strings (standard buttons, file dialogs) come from
the `.qm` files Qt ships.

Plugins and the core are plain Python with no Qt, so the texts they hand the GUI to show
(a plugin's name, description and options; the core's tables of optimizers and schedules)
are looked up here, in the contexts `plugins` and `core`: the built-in ones are in the
app's translation, a third-party plugin's show as it wrote them.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from alexnet_desktop.gui.desktop import resource

SETTING = "appearance/language"
# The choices of View > Language: (setting, how the menu names it, in its own language).
CHOICES = (("system", None), ("en", "English"), ("zh_CN", "中文（简体）"))
TRANSLATED = ("zh_CN",)
PLUGIN_CONTEXT, CORE_CONTEXT = "plugins", "core"

_installed: list[QTranslator] = []
_language = "en"


def tr(context: str, text: str) -> str:
    """`text` in the user's language, for code outside a QObject (module-level tables)."""
    return QCoreApplication.translate(context, text)


def chosen() -> str:
    """The user's choice: "system" (the default), "en" or "zh_CN"."""
    value = QSettings().value(SETTING, "system", str)
    return value if value in dict(CHOICES) else "system"


def save_choice(choice: str) -> None:
    """Remember the View menu's choice (it applies from the next window)."""
    QSettings().setValue(SETTING, choice if choice in dict(CHOICES) else "system")


def language_for(choice: str | None = None, locale: QLocale | None = None) -> str:
    """The language to show: the choice, or for "system" the best match of the system's
    languages (any Chinese reads the Simplified translation better than English)."""
    choice = choice or chosen()
    if choice != "system":
        return choice
    for name in (locale or QLocale.system()).uiLanguages():
        code = name.replace("-", "_")
        if code.startswith("en"):
            return "en"
        if code.startswith("zh"):
            return "zh_CN"
    return "en"


def install(app: QCoreApplication, language: str | None = None) -> str:
    """Load the translations for `language` (default: the chosen one) into `app`, replacing
    any installed before; returns the language now shown."""
    global _language
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = language or language_for()
    if language in TRANSLATED:
        qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
        for name, folder in ((f"alexnet_desktop_{language}", str(resource("i18n"))), (f"qtbase_{language}", qt_dir)):
            translator = QTranslator(app)
            # Qt's own are optional (a trimmed Qt may lack them); the app's are not.
            if translator.load(name, folder):
                app.installTranslator(translator)
                _installed.append(translator)
            elif name.startswith("alexnet_desktop"):
                raise FileNotFoundError(f"{folder}/{name}.qm is missing: run tools/translations.py compile")
    _language = language if language in TRANSLATED else "en"
    QLocale.setDefault(QLocale(language) if language in TRANSLATED else QLocale(QLocale.English))
    return _language


def current() -> str:
    """The language the app now shows (what `install` last loaded)."""
    return _language


def plugin_text(text: str) -> str:
    """A plugin's name, description or option text in the user's language, where the
    app's translation has it."""
    return QCoreApplication.translate(PLUGIN_CONTEXT, text) if text else text


def core_text(text: str) -> str:
    """A text of the core's (a table entry, or a template marked with `core.wording`) in the
    user's language; also the `tr` the GUI hands the core's text-composing functions."""
    return QCoreApplication.translate(CORE_CONTEXT, text) if text else text


def catalogue(host) -> list[tuple[str, str]]:
    """(context, text) of every text the installed plugins and the core's tables give the
    GUI to show, for the translation files."""
    from alexnet_desktop.core.model.input_range import SCALES
    from alexnet_desktop.core.training.settings import OPTIMIZERS, SCHEDULES

    core = [*OPTIMIZERS.values(), *SCHEDULES, *SCHEDULES.values(), *SCALES.values()]
    return [(PLUGIN_CONTEXT, t) for t in plugin_texts(host)] + [(CORE_CONTEXT, t) for t in dict.fromkeys(core)]


def plugin_texts(host) -> list[str]:
    """Every text the installed plugins give the GUI to show."""
    texts: list[str] = []
    for loader in host.loaders.values():
        texts += [loader.name, loader.description]
        for option in loader.options:
            texts += [option.title, option.help, *option.choices]
    for arch in host.architectures.values():
        texts += [arch.name, arch.description]
        if arch.recipe is not None:
            texts.append(arch.recipe.source)
    for exporter in host.exporters.values():
        texts.append(exporter.name)
    return [t for t in dict.fromkeys(texts) if t]


STATUSES = {"running": QT_TRANSLATE_NOOP("RunStatus", "running"), "finished": QT_TRANSLATE_NOOP("RunStatus", "finished"),
            "stopped": QT_TRANSLATE_NOOP("RunStatus", "stopped"), "failed": QT_TRANSLATE_NOOP("RunStatus", "failed"),
            "diverged": QT_TRANSLATE_NOOP("RunStatus", "diverged"),
            "interrupted": QT_TRANSLATE_NOOP("RunStatus", "interrupted"), "unknown": QT_TRANSLATE_NOOP("RunStatus", "unknown")}


def status_text(status: str) -> str:
    """A run status in the user's language."""
    return tr("RunStatus", STATUSES[status]) if status in STATUSES else status
