"""Writing batches of documents into the index's shards: one worker process per shard for big jobs, so
tokenising and SQLite's writing run on every core; in this process for small jobs (a pool costs more to
start than it saves) or where worker processes cannot run.

A shard has one writer at a time: a batch goes to whichever shard is free, so shards fill evenly.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from qwen_reader.core.search.shards import Written, write_in_worker
from qwen_reader.core.text.model import Document

PARALLEL_MIN_DOCS = 200
# Documents per batch (one transaction, one FTS5 segment): fewer, bigger segments mean less merging;
# small enough that progress moves and a cancel stops within seconds.
BATCH_DOCS = 128

Jobs = list[tuple[int, Document]]
# Writes a batch into a shard in this process.
WriteHere = Callable[[int, Jobs], list[Written]]
# Told of each batch written: (shard, the batch, what was written).
Finished = Callable[[int, Jobs, list[Written]], None]


def batches_of(jobs: Sequence[tuple[int, Document]]) -> list[Jobs]:
    return [list(jobs[start:start + BATCH_DOCS]) for start in range(0, len(jobs), BATCH_DOCS)]


def write_batches(batches: list[Jobs], shard_paths: list[str], *, write_here: WriteHere, finished: Finished,
                  cancelled: Callable[[], bool], in_process: bool = False) -> bool:
    """Write every batch; True when stopped by `cancelled` (every batch already written stays usable)."""
    pending = deque(batches)
    shards = len(shard_paths)
    if not in_process and shards >= 2 and sum(len(b) for b in batches) >= PARALLEL_MIN_DOCS:
        try:
            if _in_workers(pending, shard_paths, finished, cancelled):
                return True
        except (BrokenProcessPool, OSError, ValueError):
            pass  # workers could not start or died: the batches not yet written are written here, below
    turn = 0
    while pending:
        if cancelled():
            return True
        jobs = pending.popleft()
        finished(turn % shards, jobs, write_here(turn % shards, jobs))
        turn += 1
    return False


def _in_workers(pending: deque[Jobs], shard_paths: list[str], finished: Finished,
                cancelled: Callable[[], bool]) -> bool:
    """Batches leave `pending` as they are written, so a failed pool leaves the rest to the caller."""
    from qwen_reader.core.text.ingest import _context, end_with_parent

    free = list(range(len(shard_paths)))
    running: dict[Future[list[Written]], tuple[int, Jobs]] = {}
    stopped = False
    with ProcessPoolExecutor(len(shard_paths), mp_context=_context(), initializer=end_with_parent,
                             initargs=(os.getpid(),)) as pool:
        try:
            while pending or running:
                stopped = stopped or cancelled()
                while pending and free and not stopped:
                    shard, jobs = free.pop(), pending.popleft()
                    running[pool.submit(write_in_worker, shard_paths[shard], jobs)] = (shard, jobs)
                if not running:
                    break
                done, _ = wait(running, return_when=FIRST_COMPLETED)
                for future in done:
                    shard, jobs = running.pop(future)
                    free.append(shard)
                    try:
                        written = future.result()
                    except BrokenProcessPool:
                        for lost in [jobs, *(j for _, j in running.values())]:
                            pending.appendleft(lost)
                        running.clear()
                        raise
                    finished(shard, jobs, written)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return stopped
