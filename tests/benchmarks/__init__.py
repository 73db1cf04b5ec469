"""Benchmarks, run apart from the test suite: ``python -m tests.benchmarks``."""
