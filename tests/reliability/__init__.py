"""Issue 9: proof under faults, bad input and load (crash and hang-up harness, two writers, fuzzing,
injection and paths, concurrent sessions). ``harness`` is shared with ``benchmarks/reliability.py``."""
