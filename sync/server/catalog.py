"""The catalog's categories on the server: kept current from the chain's data and published to
the catalog bucket, so every terminal shows their labels and pictures (offline too)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Engine

from sync.protocol import CategoryData
from sync.server.buckets import CATALOG
from sync.server.changes import record_change
from sync.server.db import write_session
from sync.server.models import Category


def category_data(row: Category) -> CategoryData:
    return CategoryData(
        code=row.code,
        label_ja=row.label_ja,
        label_en=row.label_en,
        image=row.image,
        position=row.position,
        sized=row.sized,
    )


def top_up_categories(engine: Engine, categories: Iterable[CategoryData]) -> int:
    """Add or correct categories (a database loaded before categories were catalog data, or
    a chain whose labels changed); returns how many changed. Unchanged ones cost nothing."""
    changed = 0
    with write_session(engine) as session:
        for given in categories:
            wanted = CategoryData(**{"sized": False, **given})
            row = session.get(Category, wanted["code"])
            if row is not None and category_data(row) == wanted:
                continue
            values: dict[str, Any] = dict(wanted)
            if row is None:
                row = Category(**values)
                session.add(row)
            else:
                for key, value in values.items():
                    setattr(row, key, value)
            session.flush()
            record_change(session, CATALOG, "category", row.code, "upsert", dict(wanted))
            changed += 1
    return changed
