"""Screens of the editors' terminal UI."""
