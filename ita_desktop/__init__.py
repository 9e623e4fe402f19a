"""ITA Desktop core: rules, analysis, Thai text, storage, documents and exporters (no Qt)."""

from ita_desktop.paths import keep_library_data_in_app_folder

# Before any module imports pythainlp: its data folder goes inside ours, never ~/pythainlp-data.
keep_library_data_in_app_folder()


def __getattr__(name: str) -> str:
    """`ita_desktop.__version__`, read when asked (importlib.metadata costs start-up time): the
    one place it is written is pyproject.toml, and the bundle carries the installed metadata."""
    if name != "__version__":
        raise AttributeError(f"module 'ita_desktop' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("ita-desktop")
    except PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
