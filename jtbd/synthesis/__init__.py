"""Synthesis: interviews in, aggregates out (themes, balance, jobs, timeline, saturation)."""
