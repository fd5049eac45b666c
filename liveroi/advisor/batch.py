"""The advisor for many accounts at once: one pass over the database, the fits across processes.

Loading one account's history scans ``sessions`` and ``session_spend`` whole (rows are stored in time
order, so an account's sessions are spread over every row group and nothing can be skipped). Loading
five hundred accounts costs about the same scan, so :func:`load_inputs` reads the histories and
settings of any number of accounts in one pass, and :func:`recommend_accounts` fits them (CPU-bound
numpy, no database) in a pool of worker processes. :func:`liveroi.advisor.recommend_account` is the
same loader for a batch of one.

A :class:`FitMemo` keeps fitted answers by what they were fitted from (the account's history, its
settings and the language): given one, :func:`recommend_accounts` fits only the accounts whose inputs
changed, so after an import into one account of a matrix only that account is fitted again.
"""

from __future__ import annotations

import dataclasses
import hashlib
import multiprocessing
import os
import threading
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from itertools import repeat
from typing import TYPE_CHECKING

import duckdb
import numpy as np
import pandas as pd

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


KEY_DIGITS = 10  # significant digits of the settings' numbers in a FitMemo key


class FitMemo:
    """Fitted answers by the inputs they were fitted from, shared by the threads of one process.

    The key is a digest of everything :func:`~liveroi.advisor.recommend` reads — the history's sessions
    and spend (values, columns, order), the settings in force and the language — so a hit is the answer
    a new fit would give (the fit is deterministic: its draws come from a fixed seed). The least
    recently used answers beyond ``max_entries`` are dropped. The answers are shared, not copied: callers treat a
    :class:`~liveroi.advisor.Recommendation` as read-only (``dataclasses.replace`` makes a changed one).
    """

    def __init__(self, max_entries: int = 2048) -> None:
        self.max_entries = max_entries
        self._answers: OrderedDict[str, Recommendation] = OrderedDict()
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._answers)

    @staticmethod
    def key(job: tuple[History, AccountSettings], lang: str) -> str:
        """The digest of one fit's inputs. Numbers count to about seven significant digits in the
        history (as float32) and :data:`KEY_DIGITS` in the settings: a figure DuckDB sums in parallel
        (the refund rate) can differ in its last bits from one read to the next, which is no new input
        (and inputs that close give the same advice)."""
        history, stored = job
        digest = hashlib.sha256()
        for frame in (history.sessions, history.spend):
            digest.update(repr((list(frame.columns), [str(t) for t in frame.dtypes], len(frame))).encode())
            for name in frame.columns:
                digest.update(_column_bytes(frame[name]))
        fields = {f.name: _rounded_value(getattr(stored, f.name)) for f in dataclasses.fields(stored)}
        digest.update(repr((history.account, fields, lang)).encode())
        return digest.hexdigest()

    def get(self, key: str) -> Recommendation | None:
        with self._lock:
            answer = self._answers.get(key)
            if answer is not None:
                self._answers.move_to_end(key)
            return answer

    def put(self, key: str, answer: Recommendation) -> None:
        with self._lock:
            self._answers[key] = answer
            self._answers.move_to_end(key)
            while len(self._answers) > self.max_entries:
                self._answers.popitem(last=False)


def _column_bytes(column: pd.Series) -> bytes:
    """A column's values as bytes for a digest: floats as float32, times as their integer ticks,
    booleans as bytes, anything else as text."""
    if pd.api.types.is_float_dtype(column):
        return column.to_numpy(dtype=np.float32).tobytes()
    if pd.api.types.is_datetime64_any_dtype(column) or pd.api.types.is_integer_dtype(column):
        return (
            column.to_numpy().view(np.int64).tobytes()
            if column.notna().all()
            else column.astype(str).str.cat(sep="\x1f").encode()
        )
    if pd.api.types.is_bool_dtype(column):
        return column.to_numpy(dtype=bool).tobytes()
    return "\x1f".join(column.astype(str).tolist()).encode()


def _rounded_value(value: object) -> object:
    return float(f"{value:.{KEY_DIGITS}g}") if isinstance(value, float) else value


def recommend_accounts(
    con: duckdb.DuckDBPyConnection,
    accounts: Sequence[str] | None = None,
    *,
    lang: str = "zh",
    workers: int = WORKERS,
    memo: FitMemo | None = None,
    **overrides: float | None,
) -> Iterator[Recommendation]:
    """The :func:`~liveroi.advisor.recommend_account` answer of every account in ``accounts`` (every
    account with sessions when None), in account order, fitted over ``workers`` processes.

    With a ``memo``, an account whose inputs are unchanged since the memo saw them is answered from it
    and only the others are fitted (then remembered).

    The database is read (and ``overrides`` validated: SettingsError) before this returns; ``con`` is
    not used afterwards, so it may be closed while the recommendations are consumed. Accounts without
    sessions are left out; nothing is yielded when no account has any.
    """
    jobs = [(history, stored.with_overrides(**overrides)) for history, stored in load_inputs(con, accounts)]
    if memo is None:
        return _recommend_all(jobs, lang, workers)
    return _recommend_remembered(jobs, lang, workers, memo)


def _recommend_remembered(
    jobs: list[tuple[History, AccountSettings]], lang: str, workers: int, memo: FitMemo
) -> Iterator[Recommendation]:
    keys = [FitMemo.key(job, lang) for job in jobs]
    known = [memo.get(key) for key in keys]
    missing = [i for i, answer in enumerate(known) if answer is None]
    for i, answer in zip(missing, _recommend_all([jobs[i] for i in missing], lang, workers), strict=True):
        memo.put(keys[i], answer)
        known[i] = answer
    yield from known  # type: ignore[misc]  # every None was filled in above


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
