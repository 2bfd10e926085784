"""Cross-document resolution: one incident from many reports, relation timelines, review.

- :mod:`.events`: :class:`EventResolver`, called by ``Store.add_document`` for each extracted
  event; matches it to a stored incident and recomputes the merged event.
- :mod:`.relations`: relation timelines as bitemporal intervals.
- :mod:`.review`: human decisions as reversible data.
"""
from cartelscope.resolve.events import EventResolver
from cartelscope.resolve.review import Reviews, ReviewError

__all__ = ["EventResolver", "Reviews", "ReviewError"]
