"""The colour art training may draw on, each with its licence as checked by
hand in the package (issue 18, item 1). Whether a model trained on a source may
ship is decided here, once: training/gpu/pack.py refuses a source that may not
unless told it is an experiment, and export.py copies the licences of the
sources a run used into model.json.

Never OpenMoji, never Ren'Py's "The Question": they are held out for outside
evaluation (sources.py refuses their folders)."""
from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ArtSource:
    name: str  # folder name under the art root, and the name on the command line
    origin: str  # where the files come from, with the version checked
    license: str  # the licence of the pictures (and of the package, where it differs)
    attribution: str  # what model.json names as the author
    shippable: bool  # may a model trained on it ship in this (Apache-2.0) project
    note: str = ""  # why, where it is not plain

    def to_json(self) -> dict[str, object]:
        return asdict(self)


ART_SOURCES: dict[str, ArtSource] = {
    source.name: source
    for source in (
        ArtSource("openclipart", "Debian package openclipart-png (/usr/share/openclipart/png)", "CC0-1.0 (public domain dedication)",
                  "Openclipart contributors", True),
        ArtSource("twemoji", "npm @twemoji/svg 15.0.0, rendered with rsvg-convert", "CC-BY-4.0 (Twemoji graphics); the npm package's own files MIT",
                  "Twemoji, Copyright Twitter, Inc and other contributors, CC-BY 4.0 (https://github.com/jdecked/twemoji)", True,
                  "CC-BY asks for attribution, which model.json carries"),
        ArtSource("noto-emoji", "npm @svgmoji/noto 3.2.0 (sprites/all.svg), split and rendered with rsvg-convert",
                  "Apache-2.0 (Noto Emoji images, Google); the npm package's own files MIT", "Noto Emoji, Copyright Google LLC, Apache-2.0 (https://github.com/googlefonts/noto-emoji)", True),
        ArtSource("live2d", "npm live2d-widget-model-* 1.0.5 (texture atlases)", "GPL-2.0 as the packages state; the artwork is Live2D Inc.'s sample models",
                  "Live2D Inc. sample models, repackaged by xiazeyu/live2d-widget-models", False,
                  "The repackager's GPL-2.0 cannot grant more than Live2D's own sample-material terms, which limit use; and a GPL-2.0 "
                  "derivative does not fit this Apache-2.0 project. Experiments only (pack --allow-unshippable); no shipped model."),
    )
}


def art_source(name: str) -> ArtSource:
    if name not in ART_SOURCES:
        raise ValueError(f"unknown art source {name!r}; known: {sorted(ART_SOURCES)}")
    return ART_SOURCES[name]
