"""Domain knowledge as validated data: actors, aliases, places, codebook, tactics, cues.

``load()`` returns the bundled pack, extended or overridden by a user folder given as argument
or by ``CARTELSCOPE_KNOWLEDGE``. Packs are cached per folder.
"""
from __future__ import annotations

from functools import lru_cache

from cartelscope import config
from cartelscope.knowledge.loader import user_dir
from cartelscope.knowledge.normalize import norm
from cartelscope.knowledge.pack import KnowledgePack

__all__ = ["KnowledgePack", "load", "norm"]


@lru_cache(maxsize=4)
def _load(folder: str | None) -> KnowledgePack:
    return KnowledgePack.load(user_dir(folder))


def load(folder: str | None = None) -> KnowledgePack:
    """The knowledge pack, with the user's folder (argument or CARTELSCOPE_KNOWLEDGE) applied."""
    folder = folder if folder is not None else config.get("knowledge")
    return _load(str(folder) if folder else None)
