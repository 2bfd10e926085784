"""Errors users see. Each carries one clear line: what went wrong and where."""
from __future__ import annotations


class CartelscopeError(Exception):
    """Base class: the message is shown to the user as is."""


class ConfigError(CartelscopeError, ValueError):
    """A CARTELSCOPE_* environment variable holds a value that cannot be used."""


class BadFilter(CartelscopeError):
    """A filter or request parameter names something unknown or is malformed (HTTP 400 in the API)."""


class StoreError(CartelscopeError):
    """The database cannot be opened, migrated or written."""


class IngestError(CartelscopeError):
    """One source item could not be read or parsed; the batch goes on."""


class FetchError(IngestError):
    """An HTTP fetch was refused or failed."""


class KnowledgeError(CartelscopeError):
    """A knowledge file is malformed: FILE:LINE: what is wrong."""
