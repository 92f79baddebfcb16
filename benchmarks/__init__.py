"""Benchmarks: figures for the speed and scale targets (see README.md); run them with benchmarks/run.py."""
