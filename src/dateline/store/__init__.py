"""Store stage: DuckDB schema with migrations, transactional batch writes, queries.

Needs: Article and Failure records. Fills: nothing; it keeps them.
"""

from dateline.store.database import Store, StoreError

__all__ = ["Store", "StoreError"]
