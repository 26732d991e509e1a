"""Editing registry files in place: the round-trip edit, its YAML layout, atomic locked writes."""
