"""Which page numbers a list of results links to: the first, the last, and those around this one."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Paging:
    """Page ``page`` of ``pages``, and the numbers to link to (None: a gap, shown as ``…``)."""

    page: int
    pages: int
    numbers: list[int | None]

    @property
    def previous(self) -> int | None:
        return self.page - 1 if self.page > 1 else None

    @property
    def next(self) -> int | None:
        return self.page + 1 if self.page < self.pages else None


def paging(total: int, page: int, per_page: int, *, around: int = 2) -> Paging:
    """The pages of ``total`` items, ``per_page`` a page, seen from page ``page``.

    >>> paging(200, 7, 10).numbers
    [1, None, 5, 6, 7, 8, 9, None, 20]
    >>> paging(35, 1, 10).numbers, paging(0, 1, 10).pages
    ([1, 2, 3, 4], 1)
    """
    pages = max(1, -(-total // per_page))
    shown = sorted({1, pages, *range(max(1, page - around), min(pages, page + around) + 1)})
    numbers: list[int | None] = []
    for number in shown:
        if numbers and number - (numbers[-1] or 0) > 1:
            numbers.append(None)
        numbers.append(number)
    return Paging(page=page, pages=pages, numbers=numbers)
