"""Schakel: signals from implementation practice, answered by comply or explain."""
