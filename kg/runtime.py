"""Process tuning for large builds: pausing the cyclic garbage collector where it only costs time."""
from __future__ import annotations

import contextlib
import gc


@contextlib.contextmanager
def gc_paused():
    """Pause the cyclic garbage collector for code that allocates much and makes no reference cycles.

    A large build holds millions of live objects; each full collection walks all of them, so phases
    that only add objects (merging results, writing N-Triples lines) run far faster without it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
