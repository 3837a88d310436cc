"""The file to send for a document: the original the secretary uploaded (kept byte for byte),
else the shipped corpus file it was read from, else the text read out of it, as a .txt file."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import sqlite_utils

from knowledge.ingest.load import SHIPPED_CORPUS
from knowledge.storage import corpus, originals


@dataclass(frozen=True)
class DocumentFile:
    """A document as a file to send."""

    filename: str
    content: bytes
    original: bool  # False: the text samrad read out of it, not the file itself


def document_file(db: sqlite_utils.Database, document_id: int) -> DocumentFile | None:
    """The file of the document, or None when no such document is stored."""
    stored = originals.get(db, document_id)
    if stored is not None:
        return DocumentFile(stored[0], stored[1], original=True)
    found = corpus.filename_and_text(db, document_id)
    if found is None:
        return None
    filename, text = found
    shipped = SHIPPED_CORPUS / Path(filename).name
    if shipped.is_file():
        return DocumentFile(shipped.name, shipped.read_bytes(), original=True)
    name = re.sub(r"[^\w.-]+", "_", Path(filename).stem).strip("_") or "dokument"
    return DocumentFile(f"{name}.txt", text.encode("utf-8"), original=False)
