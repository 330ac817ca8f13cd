"""The Primum safety engine.

Pure Python: this package never imports Django or any other part of Primum (an
import-linter contract in pyproject.toml enforces it), so it can be tested, benchmarked and
replaced on its own. The scoring API (`assess`, `assess_many`) arrives with the safety
engine issue.
"""
