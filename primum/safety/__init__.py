"""The Primum safety engine.

Pure Python: this package never imports Django or any other part of Primum (an
import-linter contract in pyproject.toml enforces it), so it can be tested, benchmarked and
replaced on its own.

    from primum.safety import assess, assess_many, check_draft, Context

* `assess(text, context) -> Assessment` and `assess_many(texts, contexts)`: per-label scores,
  target, evidence spans and a decision (allow / collapse / hold) — `engine.py`.
* `check_draft(text, context) -> DraftCheck`: the composer's checks (assessment, PHI guard,
  medical-advice guard, 5 R's coach) — `composer.py`.
* `PileOnDetector`: the streaming pile-on detector — `pileon.py`.
"""

from primum.safety.composer import DraftCheck, check_draft
from primum.safety.engine import DEFAULT_THRESHOLDS, assess, assess_many, engine_version
from primum.safety.types import (
    Assessment,
    Context,
    Decision,
    Label,
    SpaceKind,
    Span,
    Target,
    Thresholds,
)

__all__ = [
    "DEFAULT_THRESHOLDS",
    "Assessment",
    "Context",
    "Decision",
    "DraftCheck",
    "Label",
    "SpaceKind",
    "Span",
    "Target",
    "Thresholds",
    "assess",
    "assess_many",
    "check_draft",
    "engine_version",
]
