"""Importers: reading data back from files people exchange."""
