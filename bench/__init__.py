"""``python -m bench``: a launcher for the benchmarks in ``tests/bench/`` (see ``__main__``)."""
