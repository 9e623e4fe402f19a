"""Shipped resources (fonts with their licence, icons), installed as `ita_desktop_resources`."""
