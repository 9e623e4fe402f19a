"""exporters/pdf package."""
