"""ColorizeBridge training pipeline: data, synthetic line art, hint simulation,
networks, losses, the training loop, evaluation and ONNX export."""
