"""Line counts of every paragraph as a Fenwick tree: the first line of paragraph k, the paragraph holding
line y, and a change to one paragraph's height each cost O(log n). A 50 MB document has ~100,000
paragraphs; summing their heights on every jump would cost more than the jump itself."""

from __future__ import annotations

from collections.abc import Sequence


class Heights:
    def __init__(self, heights: Sequence[int]) -> None:
        self._n = len(heights)
        self._values = list(heights)
        tree = [0, *self._values]
        # Linear-time build: each node passes its sum on to its parent.
        for i in range(1, self._n + 1):
            parent = i + (i & -i)
            if parent <= self._n:
                tree[parent] += tree[i]
        self._tree = tree
        self.total = sum(self._values)

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, index: int) -> int:
        return self._values[index]

    def set(self, index: int, height: int) -> int:
        """Give paragraph `index` a new height; returns the change."""
        delta = height - self._values[index]
        if delta:
            self._values[index] = height
            self.total += delta
            i = index + 1
            while i <= self._n:
                self._tree[i] += delta
                i += i & -i
        return delta

    def top(self, index: int) -> int:
        """First line of paragraph `index` (the sum of the heights before it)."""
        total, i = 0, index
        while i > 0:
            total += self._tree[i]
            i -= i & -i
        return total

    def find(self, line: int) -> int:
        """The paragraph holding `line` (clamped to the first and the last paragraph)."""
        if self._n == 0:
            return -1
        if line < 0:
            return 0
        pos, remaining = 0, line
        step = 1 << self._n.bit_length()
        while step:
            nxt = pos + step
            if nxt <= self._n and self._tree[nxt] <= remaining:
                pos = nxt
                remaining -= self._tree[nxt]
            step >>= 1
        return min(pos, self._n - 1)
