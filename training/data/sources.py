"""Where training images come from, and the images that must never be used."""
from __future__ import annotations

import hashlib
from pathlib import Path

DEFAULT_IMAGE_ROOT = Path("/usr/share/openclipart/png")
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".webp", ".bmp")

# Reserved for outside evaluation (issue 4, training/README.md "Data rules"): training or
# tuning on them would make that evaluation meaningless.
FORBIDDEN_NAME_PARTS = ("openmoji", "the_question", "the-question", "thequestion", "renpy")


class ForbiddenSourceError(ValueError):
    """Raised when a data folder holds images reserved for outside evaluation."""


def list_images(root: Path) -> list[Path]:
    """All image files under ``root``, sorted, refusing reserved evaluation sets."""
    if not root.is_dir():
        raise FileNotFoundError(f"image folder not found: {root}")
    files = sorted(p for p in root.rglob("*") if p.suffix.lower() in IMAGE_SUFFIXES and p.is_file())
    for path in [root, *files]:
        lowered = str(path).lower()
        if any(part in lowered for part in FORBIDDEN_NAME_PARTS):
            raise ForbiddenSourceError(f"{path} belongs to a set reserved for outside evaluation")
    return files


def is_validation(relative_name: str, validation_percent: float) -> bool:
    """Deterministic held-out split: a hash of the file name, stable across machines."""
    digest = hashlib.sha1(relative_name.encode("utf-8")).digest()
    bucket = int.from_bytes(digest[:4], "little") % 10_000
    return bucket < validation_percent * 100
