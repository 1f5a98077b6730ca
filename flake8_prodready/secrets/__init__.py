"""The secrets face: detect-secrets' findings as PRD5xx codes.

Importing this package imports nothing heavy; ``detect_secrets`` is imported by
:mod:`.engine` only, which the hook and (when ``secrets-in-python`` is on) the flake8 plugin
load on first use.
"""
