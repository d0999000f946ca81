"""Small-to-large crops (issue 18, item 2): early steps on small crops are cheap
and teach local colour; the last share of the run sees the full --crop, where
faces, eyes and hair appear at drawing scale."""
from __future__ import annotations

import argparse


def run_progress(options: argparse.Namespace, iteration: int, session_seconds: float) -> float:
    """How far the run is, in [0, 1]: its share of --iterations, or, when the
    session has a wall-clock budget, the larger of that and the budget's share
    used (a time-boxed GPU run never reaches a large --iterations)."""
    progress = iteration / max(options.iterations, 1)
    if options.stop_after_minutes:
        progress = max(progress, session_seconds / (60.0 * options.stop_after_minutes))
    return min(progress, 1.0)


def crop_for_progress(options: argparse.Namespace, progress: float) -> int:
    """The crop side at ``progress``: each --crop-curriculum side for an equal
    share of the first --curriculum-share, then --crop."""
    sides = list(options.crop_curriculum)
    if not sides or progress >= options.curriculum_share:
        return int(options.crop)
    return int(sides[int(progress / options.curriculum_share * len(sides))])
