"""Word (``.docx``) transcripts, as Teams and Otter export them: read with python-docx.

The paragraphs are read as the lines of a plain-text transcript (``Name   0:03`` then
the text), so the same shapes are understood; a cue's ``line`` is its paragraph number.
python-docx is imported only when a ``.docx`` is read: the CLI starts without it.
"""

from __future__ import annotations

import io
import zipfile

from jtbd.errors import NoteError
from jtbd.readers.transcripts.cues import Parsed
from jtbd.readers.transcripts.plain import parse_text


def docx_paragraphs(data: bytes, path: str) -> list[str]:
    """The text of each paragraph of a Word document; NoteError when it is not one."""
    if not data.startswith(b"PK"):
        raise NoteError(path, "not a Word document: a .docx is a zip file and this one is not")
    import docx  # lazy: python-docx pulls in lxml
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
        # A soft line break inside a paragraph becomes a space: one paragraph, one line.
        return [paragraph.text.replace("\n", " ") for paragraph in document.paragraphs]
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise NoteError(path, f"not a Word document: {error}") from None
    except Exception as error:  # noqa: BLE001 - lxml and python-docx fail many ways on a
        # damaged file (cut-off XML, a wrong content-types part): each is a bad file, not a bug
        raise NoteError(path, f"not a Word document (damaged): {error}") from None


def parse_docx(data: bytes, path: str) -> Parsed:
    """Cues of a Word transcript, each ``line`` the paragraph number (1-based)."""
    return parse_text(docx_paragraphs(data, path), path)
