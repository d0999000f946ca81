"""eXtended Difference of Gaussians (Winnemoeller et al. 2012) as used by Ci et al.
2018 to turn illustrations into line art: gamma 0.95, phi 1e9 (a step), k 4.5,
epsilon -0.1, sigma drawn from {0.3, 0.4, 0.5}."""
from __future__ import annotations

import numpy as np
from scipy import ndimage

PAPER_SIGMAS = (0.3, 0.4, 0.5)


def xdog(
    grey: np.ndarray,
    sigma: float,
    k: float = 4.5,  # ratio of the wide to the narrow Gaussian
    gamma: float = 0.95,  # weight of the wide Gaussian; < 1 keeps flat areas white
    epsilon: float = -0.1,  # threshold on the difference; lower = fewer lines
    phi: float = 1e9,  # steepness of the soft threshold; 1e9 is the paper's step
) -> np.ndarray:
    """Line art in [0, 1] (1 = paper) from a grey image in [0, 1]."""
    assert grey.ndim == 2, f"expected HxW grey image, got {grey.shape}"
    narrow = ndimage.gaussian_filter(grey, sigma, mode="nearest")
    wide = ndimage.gaussian_filter(grey, sigma * k, mode="nearest")
    difference = narrow - gamma * wide
    soft = 1.0 + np.tanh(np.clip(phi * (difference - epsilon), -50.0, 0.0))
    return np.where(difference >= epsilon, 1.0, soft).astype(np.float32)
