#!/usr/bin/env bash
# Checks export_pytorch against PyTorch itself: trains the runs of pytorch_runs.tb (every
# optimizer, loss, schedule, callback and metric) with the release build, exports each, runs
# every exported train.py with PyTorch and compares its per-epoch losses and final weights with
# trainbook's to 1e-4, then trains one export again under `torchrun --nproc_per_node 2`; and
# exports the graduate-to-pytorch notebook's run with `trainbook export-pytorch` and compares
# the history PyTorch trains from it with the notebook's.
# PyTorch comes from a virtual environment cached in ~/.cache (made on first use: a PyPI torch
# with its CUDA libraries is about 6 GB).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$root/.build/release/trainbook"
references="$root/Tests/LearningTests/References"
venv="${TRAINBOOK_TORCH_VENV:-$HOME/.cache/trainbook-torch}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -x "$venv/bin/python" ] \
  || ! "$venv/bin/python" -c "import torch, numpy, safetensors" 2>/dev/null; then
  echo "creating $venv with torch, numpy and safetensors (once; about 6 GB)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "torch==2.15.0" "numpy==2.4.6" "safetensors==0.8.0"
fi
cp "$references/pytorch_runs.tb" "$work/"
(cd "$work" && "$binary" run pytorch_runs.tb > output.txt)
mkdir "$work/notebook"
cp "$root/notebooks/graduate-to-pytorch.md" "$work/notebook/"
"$binary" export-pytorch "$work/notebook/graduate-to-pytorch.md" --run baseline \
  --to "$work/command/baseline" > /dev/null
OMP_NUM_THREADS=1 "$venv/bin/python" "$references/check_pytorch_exports.py" "$work/exports" \
  --torchrun adamw --histories "$work/command"
