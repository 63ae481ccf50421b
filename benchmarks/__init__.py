"""Performance measurements against the budgets of DESIGN.md section 10 (``python -m benchmarks``)."""
