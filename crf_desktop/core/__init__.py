"""Stdlib-only building blocks shared by every layer: ids, errors, clock, roles."""
