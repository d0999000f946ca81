"""The compact training cache a GPU run carries (the device machine reaches no
network and takes at most 64 MiB of files): square tiles cut from art whose
shortest side is at least --min-side, resized to --side, stored as uint8 in a
compressed ImageStore (train.npz, val.npz) with a manifest naming every
source's licence.

    /usr/bin/python3 -m training.gpu.pack --source openclipart twemoji noto-emoji

Tiles are --tile pixels square, a little larger than the run's --crop, so crops
still move and zoom; they keep the picture at drawing scale (a face in a 512 px
emoji stays face-sized), which the 160 px cache of the CPU runs could not."""
from __future__ import annotations

import argparse
import hashlib
import json
from multiprocessing import Pool
from pathlib import Path

import numpy as np
from PIL import Image

from training.data.art_sources import ART_SOURCES, art_source
from training.data.cache import CACHE_ROOT, ImageStore, _prepare
from training.data.npm_art import ART_ROOT, EXTRACTORS, prepare_source
from training.data.sources import DEFAULT_IMAGE_ROOT, is_validation, list_images
from training.losses.features import ENCODER_PREFIX
from training.onnx_weights import onnx_state_dict

PACK_ROOT = CACHE_ROOT / "gpu-pack"
REFERENCE_MODEL = Path(__file__).resolve().parents[2] / "models" / "alac-reference-small"
FEATURE_ENCODER_FILE = "feature-encoder.npz"
INK_THRESHOLD = 240  # a channel below this is paint, not paper
TILE_CANDIDATES = 6  # random tile positions tried; the one with most paint is kept


def source_folder(name: str, art_root: Path, render_side: int) -> Path:
    art_source(name)
    if name == "openclipart":
        return DEFAULT_IMAGE_ROOT
    if name in EXTRACTORS:
        return prepare_source(name, art_root, render_side, None)
    raise SystemExit(f"art source {name!r} has no folder recipe")


def painted_tiles(rgb: np.ndarray, tile: int, count: int, seed: int) -> list[np.ndarray]:
    """``count`` tiles, each the most painted of a few random positions (clip art
    is mostly paper; a tile of white teaches nothing)."""
    rng = np.random.default_rng(seed)
    height, width = rgb.shape[:2]
    tiles = []
    for _ in range(count):
        best, best_paint = None, -1.0
        for _ in range(TILE_CANDIDATES):
            top, left = int(rng.integers(height - tile + 1)), int(rng.integers(width - tile + 1))
            candidate = rgb[top : top + tile, left : left + tile]
            paint = float((candidate.min(axis=2) < INK_THRESHOLD).mean())
            if paint > best_paint:
                best, best_paint = candidate, paint
        tiles.append(np.ascontiguousarray(best))
    return tiles


def large_enough(job: tuple[str, int]) -> bool:
    path, min_side = job
    try:
        with Image.open(path) as image:
            return min(image.size) >= min_side
    except (OSError, ValueError, Image.DecompressionBombError):
        return True  # _tiles_of records why it cannot be read


def _tiles_of(job: tuple[str, str, int, int, int, int]) -> tuple[str, list[np.ndarray], str | None]:
    path, name, min_side, side, tile, count = job
    try:
        with Image.open(path) as image:
            if min(image.size) < min_side:
                return name, [], f"shorter than {min_side} px"
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        return name, [], f"unreadable ({type(error).__name__})"
    _, rgb, reason = _prepare((path, name, side))
    if rgb is None:
        return name, [], reason
    seed = int.from_bytes(hashlib.sha1(name.encode("utf-8")).digest()[:4], "little")
    return name, painted_tiles(rgb, tile, count, seed), None


def build_pack(sources: list[str], out: Path, min_side: int, side: int, tile: int, tiles_per_image: int, max_images: int | None,
               validation_percent: float, allow_unshippable: bool, art_root: Path = ART_ROOT, roots: dict[str, Path] | None = None) -> dict[str, object]:
    """Writes train.npz, val.npz and manifest.json to ``out``; returns the manifest.
    ``roots`` names a folder per source instead of its usual one (tests)."""
    if tile > side:
        raise SystemExit(f"--tile ({tile}) must not exceed --side ({side})")
    refused = [name for name in sources if not art_source(name).shippable]
    if refused and not allow_unshippable:
        raise SystemExit(f"{', '.join(refused)}: a model trained on it may not ship ({art_source(refused[0]).note}); pass --allow-unshippable for an experiment")
    jobs = []
    dropped: dict[str, int] = {}
    with Pool(2) as pool:
        for name in sources:
            folder = (roots or {}).get(name) or source_folder(name, art_root, side)
            files = list_images(folder)
            # The size rule first (headers only), so --max-images counts usable images.
            large = [path for path, keep in zip(files, pool.map(large_enough, [(str(f), min_side) for f in files], chunksize=64)) if keep]
            if len(large) < len(files):
                dropped[f"shorter than {min_side} px"] = dropped.get(f"shorter than {min_side} px", 0) + len(files) - len(large)
            if max_images and len(large) > max_images:
                large = [large[i * len(large) // max_images] for i in range(max_images)]
            jobs += [(str(path), f"{name}/{path.relative_to(folder).as_posix()}", min_side, side, tile, tiles_per_image) for path in large]
    kept: dict[str, list[tuple[str, np.ndarray]]] = {"train": [], "val": []}
    with Pool(2) as pool:
        for name, tiles, reason in pool.imap(_tiles_of, jobs, chunksize=8):
            if reason:
                dropped[reason] = dropped.get(reason, 0) + 1
            split = "val" if is_validation(name, validation_percent) else "train"
            kept[split] += [(f"{name}#{k}", tile_rgb) for k, tile_rgb in enumerate(tiles)]
    if not kept["train"] or not kept["val"]:
        raise SystemExit(f"the pack would have {len(kept['train'])} training and {len(kept['val'])} held-out tiles; add sources or lower --min-side")
    out.mkdir(parents=True, exist_ok=True)
    for split, items in kept.items():
        store = ImageStore.from_images([rgb for _, rgb in items], [n for n, _ in items])
        np.savez_compressed(out / f"{split}.npz", pixels=store.pixels, offsets=store.offsets, shapes=store.shapes, names=np.array(store.names))
    manifest = {
        "source": "packed: " + ", ".join(sources),
        "sources": [ART_SOURCES[name].to_json() for name in sources],
        "shortest_side": tile,
        "resized_side": side,
        "min_source_side": min_side,
        "validation_percent": validation_percent,
        "kept": {split: len(items) for split, items in kept.items()},
        "dropped": dict(sorted(dropped.items(), key=lambda kv: -kv[1])),
        "mib": round(sum((out / f"{split}.npz").stat().st_size for split in kept) / 2**20, 1),
    }
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    save_feature_encoder(REFERENCE_MODEL, out / FEATURE_ENCODER_FILE)
    return manifest


def save_feature_encoder(model_dir: Path, path: Path) -> None:
    """The frozen encoder the feature loss uses (losses/features.py), taken out
    of the shipped reference model: 1 MB, where the model file is 19 MB and
    models/ does not fit in what a device call may carry."""
    weights = onnx_state_dict(model_dir / str(json.loads((model_dir / "model.json").read_text())["file"]))
    arrays = {name: tensor.numpy() for name, tensor in weights.items() if name.startswith(ENCODER_PREFIX)}
    if not arrays:
        raise SystemExit(f"{model_dir} holds no reference encoder ({ENCODER_PREFIX}*)")
    with open(path, "wb") as handle:
        np.savez(handle, **arrays)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--source", nargs="+", default=["openclipart", "twemoji", "noto-emoji"], choices=sorted(ART_SOURCES), help="art sources to cut tiles from")
    parser.add_argument("--out", type=Path, default=PACK_ROOT, help="pack folder (git-ignored; the GPU run carries it)")
    parser.add_argument("--min-side", type=int, default=512, help="skip images whose shortest side is below this (no upscaled blur)")
    parser.add_argument("--side", type=int, default=512, help="shortest side images are resized to before tiling (and SVGs rendered at)")
    parser.add_argument("--tile", type=int, default=320, help="tile side in pixels: the largest --crop a run on this pack may use")
    parser.add_argument("--tiles-per-image", type=int, default=1, help="tiles cut from each kept image")
    parser.add_argument("--max-images", type=int, default=1000, help="at most this many images per source, spread over it (0: all)")
    parser.add_argument("--validation-percent", type=float, default=5.0, help="share of images held out by file-name hash (their tiles are the held-out metric's)")
    parser.add_argument("--max-mib", type=float, default=48.0, help="fail if the pack is larger (a device run carries at most 64 MiB in all)")
    parser.add_argument("--allow-unshippable", action="store_true", help="let in sources whose licence forbids shipping the model (experiments only)")
    options = parser.parse_args(argv)
    if options.out.exists() and any(options.out.iterdir()):
        raise SystemExit(f"{options.out} is not empty; remove it or pass another --out")
    manifest = build_pack(options.source, options.out, options.min_side, options.side, options.tile, options.tiles_per_image, options.max_images,
                          options.validation_percent, options.allow_unshippable)
    print(json.dumps({key: manifest[key] for key in ("kept", "dropped", "mib")}))
    if float(manifest["mib"]) > options.max_mib:  # type: ignore[arg-type]
        raise SystemExit(f"the pack is {manifest['mib']} MiB, over --max-mib {options.max_mib}: lower --max-images or --tiles-per-image")


if __name__ == "__main__":
    main()
