from __future__ import annotations

import torch

from training.losses.reconstruction import RECONSTRUCTION_LOSSES, get_reconstruction_loss
from training.losses.wgan_gp import critic_loss, generator_adversarial_loss, gradient_penalty
from training.networks.critic import Critic
from training.networks.generator import build_generator

import pytest


def _tiny_batch() -> dict[str, torch.Tensor]:
    generator = torch.Generator().manual_seed(0)
    return {
        "line": torch.rand(2, 1, 32, 32, generator=generator) * 2 - 1,
        "hints": torch.zeros(2, 4, 8, 8),
        "truth": torch.rand(2, 3, 32, 32, generator=generator) * 2 - 1,
    }


@pytest.mark.parametrize("loss_name", sorted(RECONSTRUCTION_LOSSES))
def test_one_optimisation_step_lowers_the_loss(loss_name: str) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny")
    optimizer = torch.optim.Adam(generator.parameters(), lr=1e-3)
    loss_fn = get_reconstruction_loss(loss_name)
    batch = _tiny_batch()

    before = loss_fn(generator(batch["line"], batch["hints"]), batch["truth"])
    optimizer.zero_grad()
    before.backward()
    optimizer.step()
    after = loss_fn(generator(batch["line"], batch["hints"]), batch["truth"])

    assert float(after) < float(before)


def test_critic_step_lowers_the_critic_loss() -> None:
    torch.manual_seed(0)
    critic = Critic(ndf=8, stages=2)
    optimizer = torch.optim.Adam(critic.parameters(), lr=1e-3, betas=(0.5, 0.9))
    batch = _tiny_batch()
    fake = torch.zeros_like(batch["truth"])

    before = critic_loss(critic, batch["truth"], fake, batch["line"])
    optimizer.zero_grad()
    before.backward()
    optimizer.step()

    assert float(critic_loss(critic, batch["truth"], fake, batch["line"])) < float(before)


def test_gradient_penalty_is_finite_and_generator_term_has_gradients() -> None:
    torch.manual_seed(0)
    critic = Critic(ndf=8, stages=2)
    batch = _tiny_batch()
    fake = batch["truth"].flip(0).requires_grad_(True)

    penalty = gradient_penalty(critic, batch["truth"], fake.detach(), batch["line"])
    generator_adversarial_loss(critic, fake, batch["line"]).backward()

    assert torch.isfinite(penalty) and fake.grad is not None and fake.grad.abs().sum() > 0


def test_unknown_loss_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown reconstruction loss"):
        get_reconstruction_loss("vgg")
