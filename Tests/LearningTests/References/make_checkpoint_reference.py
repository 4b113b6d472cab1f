"""A PyTorch state_dict in safetensors form, for CheckpointTests.

Trains nn.Sequential(Linear(3, 4), BatchNorm1d(4), ReLU(), Linear(4, 2)) for a few steps (so the
running statistics are not their defaults), converts every tensor to float32 (as trainbook stores
them; PyTorch's load_state_dict converts num_batches_tracked back to int64), writes the file with
a minimal safetensors writer, checks that PyTorch loads it back with strict=True, and prints the
file as base64 and the evaluation-mode predictions for three inputs.
Run: python3 make_checkpoint_reference.py  (needs torch and numpy)
"""
import base64, json, struct
import torch

torch.manual_seed(0)
model = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for _ in range(3):
    x = torch.randn(8, 3)
    loss = model(x).pow(2).mean()
    opt.zero_grad(); loss.backward(); opt.step()
model.eval()

state = {k: v.detach().to(torch.float32).contiguous() for k, v in model.state_dict().items()}
header, blobs, offset = {}, [], 0
for name, tensor in state.items():
    data = tensor.numpy().tobytes()
    header[name] = {"dtype": "F32", "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
    blobs.append(data); offset += len(data)
text = json.dumps(header, separators=(",", ":")).encode()
text += b" " * ((8 - len(text) % 8) % 8)
file = struct.pack("<Q", len(text)) + text + b"".join(blobs)

fresh = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.BatchNorm1d(4), torch.nn.ReLU(), torch.nn.Linear(4, 2))
fresh.load_state_dict(state, strict=True)
fresh.eval()
inputs = torch.tensor([[0.5, -1.0, 2.0], [0.0, 0.3, -0.7], [1.5, 1.5, -1.5]])
assert torch.equal(fresh(inputs), model(inputs))
print("names:", list(state))
print("file (base64):", base64.b64encode(file).decode())
print("predictions:", [f"{v:.9g}" for v in model(inputs).detach().flatten().tolist()])
