"""Evaluation on the held-out split: colour difference, PSNR, baselines, cost."""
