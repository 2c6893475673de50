"""Process tuning: the garbage collector pause gives the collector back however the block ends."""
from __future__ import annotations

import pytest


def test_gc_paused_restores_the_collector():
    import gc

    from kg.runtime import gc_paused
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), gc_paused():
        raise ValueError()
    assert gc.isenabled()
