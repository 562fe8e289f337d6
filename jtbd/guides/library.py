"""The catalogue of guide types: the bundled question banks, then the user's folder.

A guide type is a YAML file: ``<type>.yaml`` is the English bank and ``<type>.<lang>.yaml``
a translation with the same question ids. Files whose name starts with ``_`` hold what the
guides share: ``_common[.<lang>].yaml`` (consent script, interviewer reminders, labels,
notes-template text) and ``_lint[.<lang>].yaml`` (the phrase lists of ``jtbd lint-guide``).
The bundled folder comes first; a folder the user names adds types, and a file there
replaces the bundled file of the same name (for the guides and for the lint rules alike).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jtbd.errors import GuideError, UsageError
from jtbd.guides.files import DEFAULT_LANG, parse_guide, read_yaml, split_name, validate
from jtbd.guides.models import TYPE_NAME, Common, Guide
from jtbd.resources import guides_dir


@dataclass(frozen=True)
class LoadedGuide:
    """A guide with the shared text of its language, ready to render."""

    guide: Guide
    common: Common
    lang: str
    path: Path


@dataclass(frozen=True)
class GuideInfo:
    """One line of ``jtbd new-guide --list``."""

    type: str
    minutes: int
    """The length the rendered guide shows: the sum of its questions' minutes."""
    languages: list[str]
    description: str


def english_first(langs: set[str] | list[str]) -> list[str]:
    """Language codes sorted with English first."""
    return sorted(langs, key=lambda lang: (lang != DEFAULT_LANG, lang))


class GuideLibrary:
    """The guide types on offer: the bundled ones, then those in the user's folder."""

    def __init__(self, user_dir: Path | None = None) -> None:
        if user_dir is not None and not user_dir.is_dir():
            raise UsageError(f"--guides-dir {user_dir}: not a folder")
        self.folders = [guides_dir()] + ([user_dir] if user_dir is not None else [])
        self._guides: dict[str, dict[str, Path]] = {}
        self._shared: dict[tuple[str, str], Path] = {}
        for folder in self.folders:
            for path in sorted(folder.iterdir()):
                self._add(path)

    def _add(self, path: Path) -> None:
        parts = split_name(path)
        if parts is None or not path.is_file():
            return
        name, lang = parts
        if name.startswith("_"):
            self._shared[(name, lang)] = path
            return
        if not TYPE_NAME.match(name):
            raise GuideError(
                f"{path}: a guide file name must be the type in lower case letters, digits, "
                "'-' and '_', then an optional language (churn.yaml, churn.it.yaml)"
            )
        self._guides.setdefault(name, {})[lang] = path

    def types(self) -> list[str]:
        """Every guide type, sorted."""
        return sorted(self._guides)

    def languages(self, guide_type: str) -> list[str]:
        """The languages a guide type ships in, English first."""
        return english_first(list(self._guides.get(guide_type, {})))

    def path(self, guide_type: str, lang: str = DEFAULT_LANG) -> Path:
        """The file of a guide type in a language; UsageError naming what exists instead."""
        if guide_type not in self._guides:
            raise UsageError(
                f"unknown guide type {guide_type!r}; available: {', '.join(self.types())}"
            )
        path = self._guides[guide_type].get(lang)
        if path is None:
            available = ", ".join(self.languages(guide_type))
            raise UsageError(
                f"guide type {guide_type!r} has no {lang!r} version; available: {available}"
            )
        return path

    def shared_path(self, name: str, lang: str) -> Path | None:
        """A shared file such as ``_common.it.yaml``, the user's copy first."""
        return self._shared.get((name, lang))

    def shared_languages(self, name: str) -> list[str]:
        """The languages a shared file exists in (``_lint`` -> ["en", "it"]), English first."""
        return english_first({lang for shared, lang in self._shared if shared == name})

    def load(self, guide_type: str, lang: str = DEFAULT_LANG) -> LoadedGuide:
        """Load and validate a guide and the shared text of its language."""
        path = self.path(guide_type, lang)
        guide = parse_guide(read_yaml(path), path, guide_type)
        return LoadedGuide(guide=guide, common=self.common(lang), lang=lang, path=path)

    def common(self, lang: str) -> Common:
        """The consent script, reminders, labels and notes text of a language."""
        path = self.shared_path("_common", lang)
        if path is None:
            raise GuideError(
                f"no shared guide text for language {lang!r}: add _common.{lang}.yaml "
                "beside the guide (copy the bundled _common.yaml and translate it)"
            )
        return validate(Common, read_yaml(path), path, "a shared guide file")

    def catalogue(self, lang: str = DEFAULT_LANG) -> list[GuideInfo]:
        """One entry per type; the description in ``lang`` where the type has it."""
        entries = []
        for guide_type in self.types():
            langs = self.languages(guide_type)
            shown = lang if lang in langs else langs[0]
            path = self.path(guide_type, shown)
            guide = parse_guide(read_yaml(path), path, guide_type)
            # The same number the rendered guide prints, computed the same way.
            minutes = guide.question_minutes
            entries.append(GuideInfo(guide_type, minutes, langs, guide.description))
        return entries
