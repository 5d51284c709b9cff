"""Disjoint sets, the one implementation every stage that groups by links uses (facts across
articles, syndication groups, stories stitched across Spark partitions)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable


class UnionFind:
    """Union-find with path compression. The representative of a set is its smallest member,
    so results are deterministic whatever order the links come in."""

    def __init__(self, items: Iterable[Hashable] = ()):
        self.parent: dict = {}
        for x in items:
            self.parent.setdefault(x, x)

    def find(self, x: Hashable) -> Hashable:
        root = x
        while self.parent.setdefault(root, root) != root:
            root = self.parent[root]
        while self.parent[x] != root:
            self.parent[x], x = root, self.parent[x]
        return root

    def union(self, a: Hashable, b: Hashable) -> Hashable:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        keep, gone = (ra, rb) if ra < rb else (rb, ra)
        self.parent[gone] = keep
        return keep

    def groups(self) -> dict:
        """Representative → members, members in the order they were first seen."""
        out: dict = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out
