"""The advisor for many accounts at once: one pass over the database, the fits across processes.

Loading one account's history scans ``sessions`` and ``session_spend`` whole (rows are stored in time
order, so an account's sessions are spread over every row group and nothing can be skipped). Loading
five hundred accounts costs about the same scan, so :func:`load_inputs` reads the histories and
settings of any number of accounts in one pass, and :func:`recommend_accounts` fits them (CPU-bound
numpy, no database) in a pool of worker processes. :func:`liveroi.advisor.recommend_account` is the
same loader for a batch of one.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat
from typing import TYPE_CHECKING

import duckdb

from liveroi import settings as settings_mod
from liveroi.advisor.data import History, load_histories
from liveroi.settings import AccountSettings

if TYPE_CHECKING:
    from liveroi.advisor import Recommendation

WORKERS = 2  # the machine's cores; the parent only waits while the workers fit
CHUNKS_PER_WORKER = 8  # tasks are sent in chunks: fewer round trips, still an even spread of work
BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def load_inputs(
    con: duckdb.DuckDBPyConnection, accounts: Sequence[str] | None = None
) -> list[tuple[History, AccountSettings]]:
    """(history, settings in force) of ``accounts`` (every account when None), in account order, in
    one pass over the database. Accounts without sessions are left out."""
    histories = load_histories(con, accounts)
    if not histories:
        return []
    stored = settings_mod.load_many(con, None if accounts is None else list(histories))
    return [
        (history, stored[name] if name in stored else settings_mod.load(con, name))
        for name, history in histories.items()
    ]


def recommend_accounts(
    con: duckdb.DuckDBPyConnection,
    accounts: Sequence[str] | None = None,
    *,
    lang: str = "zh",
    workers: int = WORKERS,
    **overrides: float | None,
) -> Iterator[Recommendation]:
    """The :func:`~liveroi.advisor.recommend_account` answer of every account in ``accounts`` (every
    account with sessions when None), in account order, fitted over ``workers`` processes.

    The database is read (and ``overrides`` validated: SettingsError) before this returns; ``con`` is
    not used afterwards, so it may be closed while the recommendations are consumed. Accounts without
    sessions are left out; nothing is yielded when no account has any.
    """
    jobs = [(history, stored.with_overrides(**overrides)) for history, stored in load_inputs(con, accounts)]
    return _recommend_all(jobs, lang, workers)


def _recommend_all(
    jobs: list[tuple[History, AccountSettings]], lang: str, workers: int
) -> Iterator[Recommendation]:
    if workers <= 1 or len(jobs) <= 1:
        yield from (_recommend_one(job, lang) for job in jobs)
        return
    # forkserver, not fork: the parent holds DuckDB's threads; the server preloads the advisor's
    # imports (numpy, scipy, pandas) once instead of once per worker.
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["liveroi.advisor"])
    chunksize = max(1, len(jobs) // (workers * CHUNKS_PER_WORKER))
    pool = ProcessPoolExecutor(min(workers, len(jobs)), mp_context=context)
    try:
        with _one_blas_thread_per_worker():  # map submits every chunk now, which starts the workers
            results = pool.map(_recommend_one, jobs, repeat(lang), chunksize=chunksize)
        yield from results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)  # a consumer that stops early stops the pool


@contextmanager
def _one_blas_thread_per_worker() -> Iterator[None]:
    """Workers take their BLAS thread count from the environment they start with. Left alone, each
    starts a BLAS thread per core and two workers' threads fight over the two cores: 500 fits took as
    long on two processes as on one (10.9 s vs 9.4 s at 1M sessions; 5.5 s with one thread each).
    A value the user set is kept."""
    added = [name for name in BLAS_THREAD_VARIABLES if name not in os.environ]
    for name in added:
        os.environ[name] = "1"
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


def _recommend_one(job: tuple[History, AccountSettings], lang: str) -> Recommendation:
    from liveroi.advisor import recommend

    history, settings = job
    return recommend(history, settings, lang)
