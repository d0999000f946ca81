"""Colour science every layer shares (data, modes, evaluation, export): which
pixels of an illustration carry paint, vectorised sRGB -> CIELAB (D65) and the
CIEDE2000 colour difference, following Sharma, Wu & Dalal (2005), "The CIEDE2000
color-difference formula: implementation notes, supplementary test data, and
mathematical observations". Depends on numpy only, so any module may import it."""
from __future__ import annotations

import numpy as np

PAPER_WHITE = 0.94  # pixels or 4x4 cells whose darkest channel is above this are blank paper
INK_THRESHOLD = 0.75  # line-art values below this count as line pixels
SRGB_TO_XYZ = np.array([[0.4124564, 0.3575761, 0.1804375], [0.2126729, 0.7151522, 0.0721750], [0.0193339, 0.1191920, 0.9503041]])
D65_WHITE = np.array([0.95047, 1.0, 1.08883])
POW25_7 = 25.0**7


def painted_mask(truth: np.ndarray, line: np.ndarray) -> np.ndarray:
    """Pixels that carry paint: neither line (ink) nor blank paper in the truth."""
    paper = truth.min(axis=2) > PAPER_WHITE * 255.0
    return ~paper & (line >= INK_THRESHOLD)


def srgb_to_lab(rgb: np.ndarray) -> np.ndarray:
    """...x3 sRGB (uint8, or float in [0, 1]) -> ...x3 L*a*b*."""
    values = rgb.astype(np.float64) / 255.0 if rgb.dtype == np.uint8 else rgb.astype(np.float64)
    linear = np.where(values <= 0.04045, values / 12.92, ((values + 0.055) / 1.055) ** 2.4)
    xyz = linear @ SRGB_TO_XYZ.T / D65_WHITE
    delta = 6.0 / 29.0
    f = np.where(xyz > delta**3, np.cbrt(xyz), xyz / (3 * delta**2) + 4.0 / 29.0)
    return np.stack([116.0 * f[..., 1] - 16.0, 500.0 * (f[..., 0] - f[..., 1]), 200.0 * (f[..., 1] - f[..., 2])], axis=-1)


def ciede2000(lab1: np.ndarray, lab2: np.ndarray) -> np.ndarray:
    """Per-element CIEDE2000 between ...x3 Lab arrays (kL = kC = kH = 1)."""
    l1, a1, b1 = np.moveaxis(np.asarray(lab1, np.float64), -1, 0)
    l2, a2, b2 = np.moveaxis(np.asarray(lab2, np.float64), -1, 0)
    c_mean = (np.hypot(a1, b1) + np.hypot(a2, b2)) / 2.0
    g = 0.5 * (1.0 - np.sqrt(c_mean**7 / (c_mean**7 + POW25_7)))
    a1p, a2p = (1.0 + g) * a1, (1.0 + g) * a2
    c1p, c2p = np.hypot(a1p, b1), np.hypot(a2p, b2)
    h1p = np.degrees(np.arctan2(b1, a1p)) % 360.0
    h2p = np.degrees(np.arctan2(b2, a2p)) % 360.0
    chroma_product = c1p * c2p
    achromatic = chroma_product == 0

    dh = h2p - h1p
    dh = np.where(dh > 180.0, dh - 360.0, np.where(dh < -180.0, dh + 360.0, dh))
    dh = np.where(achromatic, 0.0, dh)
    d_l, d_c = l2 - l1, c2p - c1p
    d_h = 2.0 * np.sqrt(chroma_product) * np.sin(np.radians(dh) / 2.0)

    l_mean, cp_mean = (l1 + l2) / 2.0, (c1p + c2p) / 2.0
    h_sum, h_gap = h1p + h2p, np.abs(h1p - h2p)
    h_mean = np.where(h_gap <= 180.0, h_sum / 2.0, np.where(h_sum < 360.0, (h_sum + 360.0) / 2.0, (h_sum - 360.0) / 2.0))
    h_mean = np.where(achromatic, h_sum, h_mean)

    t = (1.0 - 0.17 * np.cos(np.radians(h_mean - 30.0)) + 0.24 * np.cos(np.radians(2.0 * h_mean))
         + 0.32 * np.cos(np.radians(3.0 * h_mean + 6.0)) - 0.20 * np.cos(np.radians(4.0 * h_mean - 63.0)))
    d_theta = 30.0 * np.exp(-(((h_mean - 275.0) / 25.0) ** 2))
    r_c = 2.0 * np.sqrt(cp_mean**7 / (cp_mean**7 + POW25_7))
    s_l = 1.0 + 0.015 * (l_mean - 50.0) ** 2 / np.sqrt(20.0 + (l_mean - 50.0) ** 2)
    s_c = 1.0 + 0.045 * cp_mean
    s_h = 1.0 + 0.015 * cp_mean * t
    r_t = -np.sin(np.radians(2.0 * d_theta)) * r_c
    return np.sqrt((d_l / s_l) ** 2 + (d_c / s_c) ** 2 + (d_h / s_h) ** 2 + r_t * (d_c / s_c) * (d_h / s_h))
