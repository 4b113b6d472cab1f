"""Prints, as hex, a safetensors file written by the reference `safetensors` package, for
SafetensorsTests.swift to read. Run in a virtual environment with torch and safetensors.
"""
import torch
from safetensors.torch import save

tensors = {
    "0.weight": torch.tensor([[1.5, -2.0], [0.25, 3.0], [-0.5, 8.0]]),
    "0.bias": torch.tensor([0.125, -1.0, 2.5]),
    "scalar": torch.tensor(4.0),
}
data = save(tensors, metadata={"format": "pt"})
print(data.hex())
