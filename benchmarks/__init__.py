"""Performance benchmarks: `make bench` prints figures and ratios against the project's goals."""
