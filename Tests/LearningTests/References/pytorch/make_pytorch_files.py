"""Writes the PyTorch files PyTorchFilesTests.swift reads, and prints the numbers it expects.

Run in a virtual environment with torch and safetensors, from this folder:
    python make_pytorch_files.py

- batchnorm.safetensors: the state_dict of nn.Sequential(Linear(3, 4), BatchNorm1d(4), ReLU(),
  Linear(4, 2)) after three training steps (so the running statistics and the int64
  num_batches_tracked are not their defaults), written by safetensors.torch.save_file.
- batchnorm.pt: the same state_dict written by torch.save (a zip of pickles, not safetensors).
- dtypes.safetensors: one small tensor of each dtype trainbook converts (F64, F16, BF16, I32, I64).
The printed lines are the evaluation-mode outputs for `probes` below, to 9 digits.
"""
import torch
from safetensors.torch import save_file

torch.manual_seed(0)
model = torch.nn.Sequential(
    torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
inputs = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75], [-2.0, 1.0, 0.5], [0.0, 0.5, 1.0]])
targets = torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [0.5, -0.5]])
for _ in range(3):
    optimizer.zero_grad()
    torch.nn.functional.mse_loss(model(inputs), targets).backward()
    optimizer.step()
model.eval()
state = model.state_dict()
save_file(state, "batchnorm.safetensors")
torch.save(state, "batchnorm.pt")
probes = torch.tensor([[1.0, 2.0, 3.0], [-1.0, 0.5, -0.25], [2.0, -1.5, 0.75]])
with torch.no_grad():
    for row in model(probes).tolist():
        print(", ".join(f"{value:.9g}" for value in row))

save_file(
    {
        "f64": torch.tensor([0.1, -2.5, 1e-300], dtype=torch.float64),
        "f16": torch.tensor([0.5, -1.25, 65504.0], dtype=torch.float16),
        "bf16": torch.tensor([1.0, -3.0, 0.1], dtype=torch.bfloat16),
        "i32": torch.tensor([7, -8, 2**24 + 1], dtype=torch.int32),
        "i64": torch.tensor(123456789012, dtype=torch.int64),
    },
    "dtypes.safetensors",
)
