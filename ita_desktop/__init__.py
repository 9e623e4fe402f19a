"""ITA Desktop core: rules, analysis, Thai text, storage, documents and exporters (no Qt)."""

__version__ = "0.1.0"
