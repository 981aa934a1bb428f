"""Turn files into documents, in parallel worker processes when there are many to clean.

Workers send back documents encoded as the cache's JSON: the parent stores that text as it is and decodes it
once, so a document is serialised exactly once on its way to both places. Workers end with their parent.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from qwen_reader.core.errors import LoadError
from qwen_reader.core.store.doc_cache import encode_document
from qwen_reader.core.text.decode import Decoded
from qwen_reader.core.text.load import load_text
from qwen_reader.core.text.structure import build_document

# Below this many files a process pool costs more to start than it saves.
PARALLEL_MIN_FILES = 48
_CHUNK = 16

Job = tuple[str, str, int]  # document id, path, size
Result = tuple[bytes | None, str | None]  # encoded document, or a one-line reason


def build_blob(job: Job) -> Result:
    doc_id, path, size = job
    try:
        document = build_document(doc_id, Path(path), load_text(Path(path)), size)
    except LoadError as exc:
        return None, str(exc)
    except Exception as exc:  # a bug in cleaning one file must not cost the corpus (nor kill a worker's batch)
        return None, f"could not be processed: {type(exc).__name__}: {exc}"
    return encode_document(document), None


def _context() -> multiprocessing.context.BaseContext:
    """fork when this process runs no other thread (workers then start at once, with the dictionaries
    already loaded); spawn otherwise, since forking a threaded process (a running UI) is unsafe."""
    if threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods():
        warm_up()
        return multiprocessing.get_context("fork")
    _start_resource_tracker()
    return multiprocessing.get_context("spawn")


def _start_resource_tracker() -> None:
    """Spawned workers need multiprocessing's resource tracker, which it starts passing on the descriptor of
    sys.stderr. Under Textual, sys.stderr is a capture object whose fileno() is -1, and every worker then
    fails to start ("bad value(s) in fds_to_keep"): start the tracker with the real stderr first."""
    if sys.platform == "win32" or sys.__stderr__ is None:
        return
    from multiprocessing import resource_tracker

    saved = sys.stderr
    sys.stderr = sys.__stderr__
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = saved


_PR_SET_PDEATHSIG = 1


def end_with_parent(parent: int) -> None:
    """Pool initializer: a worker whose parent dies (even by SIGKILL) is killed too, so none is left behind.

    Linux's PR_SET_PDEATHSIG does it in the kernel; elsewhere a daemon thread polls the parent's pid."""
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            if libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
                if os.getppid() != parent:  # the parent died before the call: nobody would send the signal
                    os._exit(1)
                return
        except (OSError, AttributeError):
            pass
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True, name="parent-watch").start()


def _watch_parent(parent: int) -> None:
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def warm_up() -> None:
    """Load the lookup tables cleaning needs, so forked workers inherit them instead of each loading them."""
    build_document("warm-up", Path("warm-up.txt"), Decoded("術(shù)。", "utf-8", 0), 0)


def build_all(jobs: list[Job]) -> Iterator[Result]:
    """Results in job order; parallel when the machine has cores to spare and the batch is big enough.

    If worker processes cannot run (no spawn support, a killed worker), the rest is built in this process.
    """
    workers = min(os.cpu_count() or 1, 8)
    done = 0
    if workers >= 2 and len(jobs) >= PARALLEL_MIN_FILES:
        try:
            with ProcessPoolExecutor(workers, mp_context=_context(), initializer=end_with_parent,
                                     initargs=(os.getpid(),)) as pool:
                try:
                    for result in pool.map(build_blob, jobs, chunksize=_CHUNK):
                        done += 1
                        yield result
                finally:
                    pool.shutdown(wait=False, cancel_futures=True)
            return
        except (BrokenProcessPool, OSError):
            pass
    yield from map(build_blob, jobs[done:])
