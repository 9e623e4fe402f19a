"""ITA Desktop core: rules, analysis, Thai text, storage, documents and exporters (no Qt)."""

from importlib.metadata import PackageNotFoundError, version

from ita_desktop.paths import keep_library_data_in_app_folder

# Before any module imports pythainlp: its data folder goes inside ours, never ~/pythainlp-data.
keep_library_data_in_app_folder()

try:  # the one place the version is written is pyproject.toml; the bundle carries its metadata
    __version__ = version("ita-desktop")
except PackageNotFoundError:  # pragma: no cover - a source tree that was never installed
    __version__ = "0+unknown"
