"""Checks the files ExportsForPythonTests.swift writes with the Python reference readers.

Run by hand, in a virtual environment with torch, safetensors and tensorboard installed:
    LEARNING_EXPORTS=<folder> swift test -c release --disable-xctest --filter exportsForPython
    python check_exports.py <folder>
"""
import math
import os
import sys

import torch
from safetensors import safe_open
from safetensors.torch import load_file
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator

folder = sys.argv[1]


def ramp(count, start, step):
    return torch.tensor([start + i * step for i in range(count)], dtype=torch.float32)


# safetensors: the reference reader accepts the file, with our metadata and values.
path = os.path.join(folder, "sequential.safetensors")
with safe_open(path, framework="pt") as handle:
    expected_metadata = {"format": "pt", "producer": 'trainbook "Swift"\n\u2713'}
    assert handle.metadata() == expected_metadata, handle.metadata()
state = load_file(path)
expected = {
    "0.weight": ramp(12, -1, 0.125).reshape(4, 3),
    "0.bias": ramp(4, 0.5, -0.25),
    "2.weight": ramp(8, 0.75, -0.1875).reshape(2, 4),
    "2.bias": torch.tensor([0.0625, -0.0625]),
}
for name, tensor in expected.items():
    assert torch.equal(state[name], tensor), name
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
print("load_state_dict(strict=True):", model.load_state_dict(state, strict=True))
print("forward([1, 2, 3]) =", model(torch.tensor([[1.0, 2.0, 3.0]])).tolist())

# TensorBoard: its own reader sees every scalar with its step and wall time.
run_folder = os.path.join(folder, "tb", "export-check_20260101-000000-001")
accumulator = EventAccumulator(run_folder)
accumulator.Reload()
tags = accumulator.Tags()["scalars"]
print("tags:", tags)
expected_series = {
    "loss": [0.9, 0.5, 0.25],
    "val_loss": [1.0, 0.625, 0.5],
    "seconds": [1, 1, 2],
    "final/accuracy": [0.875],
}
for tag, values in expected_series.items():
    events = accumulator.Scalars(tag)
    assert [e.value for e in events] == [float(torch.tensor(v)) for v in values], tag
    print(tag, [(e.step, e.value, e.wall_time) for e in events])
assert [e.wall_time for e in accumulator.Scalars("loss")] == [1767225601, 1767225602, 1767225604]
assert [e.step for e in accumulator.Scalars("final/accuracy")] == [3]
assert math.isclose(accumulator.Scalars("loss")[0].value, 0.9, rel_tol=1e-7)
print("all checks passed")
