"""Widgets of the editors' terminal UI."""
