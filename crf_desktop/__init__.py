"""crf-desktop: offline-first case report forms for trial NCT03580291."""

__version__ = "0.1.0"
