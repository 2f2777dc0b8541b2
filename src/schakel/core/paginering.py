"""A paginator that counts exactly only up to a cap.

Counting every match of a full-text search or a broad filter over a million signals costs
seconds (PostgreSQL reads every matching row to count it), while the page itself takes
milliseconds. Like a search engine's result window, lists count exactly up to
``MAX_EXACT_GETELD`` results and beyond that say "more than"; pages past the cap are not
served (refine the filters instead; the open data CSV files hold every public record).

Counting costs about 4 µs per counted row at a million signals (an index entry, a join or a
heap visit each), so the cap sets the price of every broad list: 10,000 cost 30–60 ms per
request, 1,000 a tenth of that (docs/performance.md).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.functional import cached_property

MAX_EXACT_GETELD = 1_000


class BegrensdePaginator(Paginator):
    """``count`` is exact up to ``MAX_EXACT_GETELD``; above that it is the cap and
    ``count_is_exact`` is False."""

    max_geteld = MAX_EXACT_GETELD

    @cached_property
    def _geteld(self) -> int:
        lijst = self.object_list
        if hasattr(lijst, "values") and hasattr(lijst, "order_by"):
            # No ordering, no annotations: the database may stop at the cap.
            return lijst.order_by().values("pk")[: self.max_geteld + 1].count()
        return len(lijst)

    @cached_property
    def count(self) -> int:
        return min(self._geteld, self.max_geteld)

    @cached_property
    def count_is_exact(self) -> bool:
        return self._geteld <= self.max_geteld
