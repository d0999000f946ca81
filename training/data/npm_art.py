"""Fetch the npm art sources (data/art_sources.py) and turn them into PNG
folders training can read: ``python3 -m training.data.npm_art --source twemoji noto-emoji``.

Packages come with ``npm pack`` (the registry's own client) into an ignored
folder; SVGs are rendered with librsvg's ``rsvg-convert`` (Debian librsvg2-bin)
at --side pixels, so they pass the >= 512 px rule of the large-crop packs.
Each source folder gets a SOURCE.json with its licence. Nothing here is committed."""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tarfile
import tempfile
import xml.etree.ElementTree as ElementTree
from multiprocessing import Pool
from pathlib import Path
from typing import Callable

from training.data.art_sources import art_source
from training.data.cache import CACHE_ROOT

ART_ROOT = CACHE_ROOT / "art"
SVG_NAMESPACE = "http://www.w3.org/2000/svg"
LIVE2D_MODELS = ("shizuku", "koharu", "haruto", "hijiki", "tororo", "unitychan", "z16", "wanko")
PACKAGES: dict[str, tuple[str, ...]] = {
    "twemoji": ("@twemoji/svg@15.0.0",),
    "noto-emoji": ("@svgmoji/noto@3.2.0",),
    "live2d": tuple(f"live2d-widget-model-{model}@1.0.5" for model in LIVE2D_MODELS),
}


def npm_pack(package: str, into: Path) -> Path:
    """The package's tarball, fetched once with ``npm pack`` into ``into``."""
    into.mkdir(parents=True, exist_ok=True)
    expected = into / (package.lstrip("@").rsplit("@", 1)[0].replace("/", "-") + "-" + package.rsplit("@", 1)[1] + ".tgz")
    if expected.is_file():
        return expected
    if shutil.which("npm") is None:
        raise SystemExit("npm is not installed (apt-get install npm)")
    result = subprocess.run(["npm", "pack", package, "--silent"], cwd=into, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"npm pack {package} failed: {result.stderr.strip()}")
    return into / result.stdout.strip().splitlines()[-1]


def render_svg(job: tuple[Path, Path, int]) -> str | None:
    """One SVG to a transparent PNG of side x side; the error text, or None."""
    svg, png, side = job
    result = subprocess.run(["rsvg-convert", "--width", str(side), "--height", str(side), "--keep-aspect-ratio", "--output", str(png), str(svg)],
                            capture_output=True, text=True)
    return None if result.returncode == 0 else f"{svg.name}: {result.stderr.strip()}"


def render_all(svgs: list[Path], out: Path, side: int) -> list[str]:
    if shutil.which("rsvg-convert") is None:
        raise SystemExit("rsvg-convert is not installed (apt-get install librsvg2-bin)")
    with Pool(2) as pool:
        return [error for error in pool.map(render_svg, [(svg, out / (svg.stem + ".png"), side) for svg in svgs]) if error]


def spaced(items: list[Path], limit: int | None) -> list[Path]:
    """At most ``limit`` items spread evenly over the sorted list (not the first few)."""
    items = sorted(items)
    if not limit or len(items) <= limit:
        return items
    return [items[i * len(items) // limit] for i in range(limit)]


def twemoji(tarballs: list[Path], out: Path, side: int, limit: int | None, work: Path) -> list[str]:
    with tarfile.open(tarballs[0]) as archive:
        members = [m for m in archive.getmembers() if m.isfile() and m.name.endswith(".svg")]
        archive.extractall(work, members=members)
    return render_all(spaced(list(work.rglob("*.svg")), limit), out, side)


def noto_emoji(tarballs: list[Path], out: Path, side: int, limit: int | None, work: Path) -> list[str]:
    """The package ships one sprite of nested <svg id=CODEPOINTS> elements: each
    becomes a file of its own (its gradients are defined inside it)."""
    with tarfile.open(tarballs[0]) as archive:
        sprite = archive.extractfile("package/sprites/all.svg")
        if sprite is None:
            raise SystemExit(f"{tarballs[0]}: no package/sprites/all.svg")
        root = ElementTree.parse(sprite).getroot()
    ElementTree.register_namespace("", SVG_NAMESPACE)
    ElementTree.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    svgs = []
    for element in root.findall(f"{{{SVG_NAMESPACE}}}svg"):
        path = work / f"{element.get('id', str(len(svgs)))}.svg"
        path.write_bytes(ElementTree.tostring(element))
        svgs.append(path)
    if not svgs:
        raise SystemExit(f"{tarballs[0]}: the sprite holds no <svg> elements")
    return render_all(spaced(svgs, limit), out, side)


def live2d(tarballs: list[Path], out: Path, side: int, limit: int | None, work: Path) -> list[str]:
    """The texture atlases (painted parts of an anime character) as they are."""
    for tarball in tarballs:
        model = tarball.name.split("-model-")[1].rsplit("-", 1)[0]
        with tarfile.open(tarball) as archive:
            for member in archive.getmembers():
                if member.isfile() and member.name.endswith(".png") and "/moc/" in member.name:
                    data = archive.extractfile(member)
                    if data is not None:
                        (out / f"{model}-{Path(member.name).parent.name}-{Path(member.name).name}").write_bytes(data.read())
    return []


EXTRACTORS: dict[str, Callable[[list[Path], Path, int, int | None, Path], list[str]]] = {
    "twemoji": twemoji, "noto-emoji": noto_emoji, "live2d": live2d,
}


def prepare_source(name: str, art_root: Path, side: int, limit: int | None) -> Path:
    """``art_root/name`` filled with PNGs and SOURCE.json; returns the folder."""
    source = art_source(name)
    if name not in EXTRACTORS:
        raise SystemExit(f"art source {name!r} is not fetched from npm (it comes from: {source.origin})")
    out = art_root / name
    if (out / "SOURCE.json").is_file():
        return out
    tarballs = [npm_pack(package, art_root / "npm") for package in PACKAGES[name]]
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as work:
        errors = EXTRACTORS[name](tarballs, out, side, limit, Path(work))
    count = len(list(out.glob("*.png")))
    (out / "SOURCE.json").write_text(json.dumps({**source.to_json(), "files": count, "render_errors": errors[:20]}, indent=2) + "\n")
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", nargs="+", required=True, choices=sorted(EXTRACTORS), help="npm art sources to fetch and render")
    parser.add_argument("--art-root", type=Path, default=ART_ROOT, help="folder that gets one subfolder per source (git-ignored under training/cache)")
    parser.add_argument("--side", type=int, default=512, help="side in pixels SVGs are rendered at")
    parser.add_argument("--limit", type=int, help="at most this many pictures per SVG source, spread over the set (default: all)")
    options = parser.parse_args(argv)
    if options.side < 16:
        raise SystemExit(f"--side must be at least 16, got {options.side}")
    for name in options.source:
        print(prepare_source(name, options.art_root, options.side, options.limit))


if __name__ == "__main__":
    main()
