"""The docker-compose and env-file face (PRD4xx): ``prodready-compose`` /
``python -m flake8_prodready.compose``.

Imported only by that face: the flake8 plugin never pays for PyYAML.
"""
