"""Cross-document resolution: one incident from many reports, relation timelines, review.

Not implemented yet: :class:`EventResolver` is absent, so every extracted event is stored as its
own event (see :meth:`cartelscope.scope.Scope.resolver`).
"""
