"""Finding the notes in a folder: sorted, hidden folders skipped, symlinks followed once."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from jtbd.readers import Problem, is_note, sidecar_path

# How a sidecar's name ends, misspelt or not (see jtbd.readers.sidecar_path).
from jtbd.readers.transcripts import SIDECAR_ENDINGS


@dataclass
class Listing:
    """What a notes folder holds, as sorted paths relative to it (with ``/``)."""

    notes: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    """Files that are not notes, and symlinked folders not followed (ending in ``/``)."""
    sidecars: dict[str, str] = field(default_factory=dict)
    """Note source -> its sidecar's source, for the notes that have one."""
    warnings: list[Problem] = field(default_factory=list)


def find_notes(folder: Path, skip: Path | None = None) -> Listing:
    """The note files under ``folder``, the files there that are not notes, and sidecars.

    Hidden files and folders (``.obsidian``, ``.git``, ``.trash``) are passed over, as is
    the workspace folder when it lives inside the notes folder. Symbolic links to folders
    are followed; one that leads to a folder already read (a loop, or a second way to the
    same folder) is not, with one warning naming it.
    """
    listing = Listing()
    others: list[str] = []
    top = str(folder)
    seen: dict[tuple[int, int], str] = {_identity(top): ""}
    skipped = _identity(str(skip)) if skip is not None and os.path.isdir(skip) else None
    # Plain strings, not Path objects: pathlib dominated the time of an unchanged re-ingest.
    for directory, subdirs, files in os.walk(top, followlinks=True):
        relative = os.path.relpath(directory, top).replace(os.sep, "/")
        prefix = "" if relative == "." else relative + "/"
        subdirs[:] = _subfolders(directory, prefix, sorted(subdirs), seen, skipped, listing)
        for name in sorted(files):
            if name.startswith("."):
                continue
            if is_note(name):
                listing.notes.append(prefix + name)
            else:
                others.append(prefix + name)
    _pair_sidecars(listing, others, top)
    return listing


def _subfolders(
    directory: str,
    prefix: str,
    names: list[str],
    seen: dict[tuple[int, int], str],
    skipped: tuple[int, int] | None,
    listing: Listing,
) -> list[str]:
    """The sub-folders to walk into, each real folder once, whatever links lead to it."""
    kept = []
    for name in names:
        if name.startswith("."):
            continue
        path = os.path.join(directory, name)
        try:
            identity = _identity(path)
        except OSError:
            continue  # vanished while walking, or unreadable: nothing to read there
        if identity == skipped:
            continue
        if identity in seen:
            earlier = seen[identity]
            where = f"{earlier}/" if earlier else "the notes folder itself"
            shown = printable_path(prefix + name)
            loop = earlier == "" or prefix.startswith(earlier + "/")
            message = f"a link to a folder already read ({where}): not followed"
            listing.warnings.append(
                Problem(
                    os.path.join(directory, printable_path(name)),
                    message + (" (a loop)" if loop else ""),
                )
            )
            listing.ignored.append(shown + "/")
            continue
        seen[identity] = prefix + name
        kept.append(name)
    return kept


def _identity(path: str) -> tuple[int, int]:
    stat = os.stat(path)  # follows links: two paths to one folder give the same pair
    return stat.st_dev, stat.st_ino


def _pair_sidecars(listing: Listing, others: list[str], top: str) -> None:
    """A transcript's sidecar is part of that note, not an ignored file."""
    present = {path for path in others if path.endswith(SIDECAR_ENDINGS)}
    if not present:
        listing.ignored += [printable_path(path) for path in others]
        listing.ignored.sort()
        return  # the usual case: no transcript has one, so no name needs working out
    for note in listing.notes:
        sidecar = sidecar_path(note)
        if sidecar and sidecar in present:
            listing.sidecars[note] = sidecar
    used = set(listing.sidecars.values())
    listing.ignored += [printable_path(path) for path in others if path not in used]
    listing.ignored.sort()
    for orphan in sorted(present - used):
        shown = os.path.join(top, printable_path(orphan))
        listing.warnings.append(Problem(shown, _orphan_message(orphan, listing)))


def _orphan_message(orphan: str, listing: Listing) -> str:
    """Why a sidecar was not read, naming the file it should be called when one is near:
    its ``consent: false`` would otherwise be lost without a word."""
    named = orphan.rsplit(".meta.", 1)[0]  # "t4.vtt" of "t4.vtt.meta.yaml", "t4" of "t4.meta.yml"
    for note in listing.notes:
        expected = sidecar_path(note)
        if named in (note, os.path.splitext(note)[0]) or expected.lower() == orphan.lower():
            name = printable_path(expected).rsplit("/", 1)[-1]
            return f"read by no transcript, so not applied: rename it {name!r} for {note!r}"
    return "read by no transcript, so not applied: name it after one (t01.meta.yaml for t01.vtt)"


def printable_path(path: str) -> str:
    """A path as text that can be printed, even when its name is not valid UTF-8.

    Such names (old Windows archives, zip files) reach Python with "surrogate" characters
    that no output can encode; they are shown with the bad bytes escaped, like ``\\xff``.
    """
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")
    return path
