"""Pagination: lazy pagers over Auth0's offset and checkpoint styles, and ``search_all`` with its ``SearchPlan``."""

from ._pager import AsyncPager, Page, SyncPager
from ._search import AsyncSearchAllPager, SearchAllPager, SearchPlan

__all__ = ["AsyncPager", "AsyncSearchAllPager", "Page", "SearchAllPager", "SearchPlan", "SyncPager"]
