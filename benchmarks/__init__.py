"""Speed and quality measurements (``python -m benchmarks`` when a runner exists)."""
