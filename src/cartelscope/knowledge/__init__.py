"""Domain knowledge as validated data: actors, aliases, places, codebook, tactics, cues.

``load()`` returns the bundled pack, extended or overridden by a user folder given as argument
or by ``CARTELSCOPE_KNOWLEDGE``. Packs are cached per folder and per state of its files, so an
edited file is read again on the next call.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from cartelscope import config
from cartelscope.knowledge.loader import DATA, user_dir
from cartelscope.knowledge.normalize import norm
from cartelscope.knowledge.pack import KnowledgePack

__all__ = ["KnowledgePack", "load", "norm"]


def _stamp(folder: Path | None) -> tuple:
    """Name, size and modification time of every file the pack may read."""
    out = []
    for root in (DATA, folder) if folder else (DATA,):
        for p in sorted(root.rglob("*")):
            if p.is_file():
                st = p.stat()
                out.append((str(p), st.st_size, st.st_mtime_ns))
    return tuple(out)


@lru_cache(maxsize=4)
def _load(folder: str | None, stamp: tuple) -> KnowledgePack:
    return KnowledgePack.load(Path(folder) if folder else None)


def load(folder: str | None = None) -> KnowledgePack:
    """The knowledge pack, with the user's folder (argument or CARTELSCOPE_KNOWLEDGE) applied."""
    folder = folder if folder is not None else config.get("knowledge")
    path = user_dir(folder) if folder else None
    return _load(str(path) if path else None, _stamp(path))
