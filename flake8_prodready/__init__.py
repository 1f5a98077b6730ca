"""flake8-prodready: keep mock data, hardcoded secrets and fallback data out of production."""

__version__ = "0.1.0"
