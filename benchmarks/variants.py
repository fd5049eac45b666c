"""What the two variant runners share (``benchmarks/advisor_variants.py`` for the advisor alone,
``benchmarks/brand_variants.py`` for the brand split): a variant is a set of module constants
``{(module, name): value}`` put in force for a run, and the slope-prior variants of
:mod:`liveroi.advisor.model`, measured on both beds (``docs/advisor-notes.md``)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager

from liveroi.advisor import model

Overrides = Mapping[tuple[object, str], object]

# the per-account fits' "today is right" slope prior: its sd in units of max(break-even, 1) (shipped 1),
# and where it sits (model.PRIOR_ANCHOR; shipped: the channel's median spend)
PRIOR_VARIANTS: dict[str, Overrides] = {
    "prior_sd_05": {(model, "PRIOR_SD_FACTOR"): 0.5},
    "prior_sd_15": {(model, "PRIOR_SD_FACTOR"): 1.5},
    "prior_sd_2": {(model, "PRIOR_SD_FACTOR"): 2.0},
    "prior_sd_4": {(model, "PRIOR_SD_FACTOR"): 4.0},
    "prior_at_latest": {(model, "PRIOR_ANCHOR"): "latest"},
    "prior_at_level": {(model, "PRIOR_ANCHOR"): "level"},
    "prior_at_recent5": {(model, "PRIOR_ANCHOR"): "recent", (model, "PRIOR_RECENT"): 5},
    "prior_at_recent10": {(model, "PRIOR_ANCHOR"): "recent", (model, "PRIOR_RECENT"): 10},
}


@contextmanager
def patched(changes: Overrides) -> Iterator[None]:
    """The constants ``changes`` names in force for the duration of the block, restored after."""
    saved = {(module, attr): getattr(module, attr) for module, attr in changes}
    try:
        for (module, attr), value in changes.items():
            setattr(module, attr, value)
        yield
    finally:
        for (module, attr), value in saved.items():
            setattr(module, attr, value)
