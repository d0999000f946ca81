"""WGAN-GP terms as in Ci et al. 2018: gradient penalty lambda 10, drift 1e-3."""
from __future__ import annotations

import torch

from training.networks.critic import Critic


def gradient_penalty(critic: Critic, real: torch.Tensor, fake: torch.Tensor, line: torch.Tensor) -> torch.Tensor:
    """Mean (||grad D(x_hat)|| - 1)^2 on random interpolates of real and fake."""
    alpha = torch.rand(real.shape[0], 1, 1, 1, device=real.device)
    mixed = (alpha * real + (1.0 - alpha) * fake).requires_grad_(True)
    scores = critic(mixed, line)
    (grad,) = torch.autograd.grad(scores.sum(), mixed, create_graph=True)
    return ((grad.flatten(1).norm(dim=1) - 1.0) ** 2).mean()


def critic_loss(
    critic: Critic,
    real: torch.Tensor,
    fake: torch.Tensor,
    line: torch.Tensor,
    gp_weight: float = 10.0,  # lambda of WGAN-GP
    drift_weight: float = 1e-3,  # keeps real scores near 0 (Karras et al., used by the paper)
) -> torch.Tensor:
    fake = fake.detach()
    real_scores = critic(real, line)
    wasserstein = critic(fake, line).mean() - real_scores.mean()
    return wasserstein + gp_weight * gradient_penalty(critic, real, fake, line) + drift_weight * (real_scores**2).mean()


def generator_adversarial_loss(critic: Critic, fake: torch.Tensor, line: torch.Tensor) -> torch.Tensor:
    return -critic(fake, line).mean()
