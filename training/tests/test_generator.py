from __future__ import annotations

import pytest
import torch

from training.eval.cost import conv_macs, parameter_count
from training.networks.generator import GENERATOR_VARIANTS, build_generator, generator_config


@pytest.mark.parametrize("height,width", [(64, 64), (37, 50), (16, 95), (1, 1)])
def test_output_matches_input_size_for_any_size(height: int, width: int) -> None:
    generator = build_generator("tiny")
    hints = torch.zeros(2, 4, (height + 3) // 4, (width + 3) // 4)

    output = generator(torch.ones(2, 1, height, width), hints)

    assert output.shape == (2, 3, height, width)
    assert output.abs().max() <= 1.0


def test_hint_tensor_of_wrong_size_is_rejected() -> None:
    generator = build_generator("tiny")

    with pytest.raises(AssertionError, match="ceil"):
        generator(torch.ones(1, 1, 32, 32), torch.zeros(1, 4, 16, 16))


def test_hints_change_the_output() -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny")
    line = torch.ones(1, 1, 32, 32)
    hints = torch.zeros(1, 4, 8, 8)
    hinted = hints.clone()
    hinted[0, :, 4, 4] = torch.tensor([1.0, -1.0, -1.0, 1.0])

    assert not torch.allclose(generator(line, hints), generator(line, hinted))


def test_unknown_variant_is_rejected() -> None:
    with pytest.raises(ValueError, match="unknown generator variant"):
        generator_config("huge")


def test_overrides_change_width() -> None:
    generator = build_generator("tiny", ngf=16)

    assert generator.config.ngf == 16 and GENERATOR_VARIANTS["tiny"].ngf == 8


def test_full_variant_has_the_papers_size_without_local_features() -> None:
    """Paper: 21.9 M parameters with the 512-channel Illustration2Vec input, which
    alone accounts for ~2.4 M (3x3 conv 512 -> 512)."""
    parameters = sum(p.numel() for p in build_generator("full").parameters())

    assert 18e6 < parameters < 21.9e6


def test_conv_macs_grow_with_the_square_of_the_side() -> None:
    generator = build_generator("tiny")

    assert conv_macs(generator, 64) == 4 * conv_macs(generator, 32)
    assert parameter_count(generator) == sum(p.numel() for p in generator.parameters())



def test_paper_raw_hints_variant_still_builds_and_runs() -> None:
    generator = build_generator("tiny", hint_prior=False)

    assert generator(torch.ones(1, 1, 32, 32), torch.zeros(1, 4, 8, 8)).shape == (1, 3, 32, 32)


def _line_and_hint() -> tuple[torch.Tensor, torch.Tensor]:
    line = torch.ones(1, 1, 32, 32)
    line[0, 0, 16, :] = -1.0  # a horizontal line: two regions
    hints = torch.zeros(1, 4, 8, 8)
    hints[0, :, 1, 1] = torch.tensor([0.8, -0.6, 0.2, 1.0])
    return line, hints


def test_fill_gate_starts_closed_and_open_hands_back_the_region_fill() -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()
    ungated = build_generator("tiny", fill_gate=False).eval()
    ungated.load_state_dict({k: v for k, v in generator.state_dict().items() if not k.startswith("gate.")})
    line, hints = _line_and_hint()

    with torch.no_grad():
        assert torch.equal(generator(line, hints), ungated(line, hints)), "a closed gate changes nothing"
        generator.gate.bias.fill_(1.0)  # wide open
        opened = generator(line, hints)
        without_hints = generator(line, torch.zeros_like(hints))
        assert torch.equal(without_hints, ungated(line, torch.zeros_like(hints))), "no hint: nothing to take"
        assert torch.allclose(torch.jit.script(generator)(line, hints), opened, atol=1e-6)

    assert torch.allclose(opened[0, :, :8, :8], torch.tensor([0.8, -0.6, 0.2])[:, None, None], atol=1e-3), "the hinted region gets the hint's colour"


def test_fill_gate_needs_the_region_fill() -> None:
    assert not build_generator("tiny", region_fill=False, fill_gate=True).gated


@pytest.mark.parametrize("hint_prior,region_fill,fill_gate", [(True, True, True), (True, True, False), (True, False, False), (False, False, False)])
def test_every_configuration_scripts_and_matches_eager(hint_prior: bool, region_fill: bool, fill_gate: bool) -> None:
    torch.manual_seed(0)
    generator = build_generator("tiny", hint_prior=hint_prior, region_fill=region_fill, fill_gate=fill_gate).eval()
    line, hints = _line_and_hint()

    with torch.no_grad():
        assert torch.allclose(torch.jit.script(generator)(line, hints), generator(line, hints), atol=1e-6)


def test_gated_exit_is_the_exit_and_gate_convolutions_of_the_same_input() -> None:
    """exit_logits runs the exit and the gate as one 4-output convolution: it must
    compute what the two layers would, each on the full-size input."""
    torch.manual_seed(0)
    generator = build_generator("tiny").eval()
    with torch.no_grad():
        torch.nn.init.normal_(generator.gate.weight, std=0.1)
        generator.gate.bias.fill_(0.3)
        line, hints = _line_and_hint()
        x0, x1, x2, x3 = generator.encode(line, hints)
        y = generator.tunnel4(generator.enc4(x3))
        y = generator.tunnel3(torch.cat([y, x3], 1))
        y = generator.tunnel2(torch.cat([y, x2], 1))
        y = generator.tunnel1(torch.cat([y, x1], 1))
        z = torch.cat([y, generator.full_size_skip(x0, x2)], 1)
        logits, alpha = generator.exit(z), generator.gate(z).clamp(0.0, 1.0)
        fill = z[:, -4:-1]  # the region fill's colour, at full size
        target = torch.atanh((fill / generator.output_gain).clamp(-0.999, 0.999))
        expected = logits + alpha * (target - logits)

        assert 0.0 < float(alpha.mean()) < 1.0, "the gate is partly open somewhere"
        assert torch.allclose(generator.exit_logits(y, x0, x2, hints), expected, atol=1e-5)
