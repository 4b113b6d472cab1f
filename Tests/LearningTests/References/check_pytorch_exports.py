"""Checks trainbook's PyTorch exports against trainbook's own runs.

For every folder in EXPORTS (written by export_pytorch beside trainbook-final.safetensors, the
weights trainbook ended with), runs train.py with this Python and compares, epoch by epoch, the
losses and metrics of its history.csv with trainbook-history.csv, and its final.safetensors with
trainbook-final.safetensors, to 1e-4 (relative). Then runs the export named by --torchrun under
`torchrun --nproc_per_node 2` and compares again.

Exports in the folder --histories names have no trainbook-final.safetensors (exported from the
shell, which saves no weights): only their histories are compared.

Run: python check_pytorch_exports.py EXPORTS [--torchrun NAME] [--histories FOLDER]
(needs torch and safetensors)
"""
import argparse
import csv
import math
import os
import shutil
import subprocess
import sys

import torch
from safetensors.torch import load_file

TOLERANCE = 1e-4
# Scores between 0 and 1 are compared on that scale: an R² near 0 is 1 minus a ratio near 1.
BOUNDED = ("accuracy", "precision", "recall", "f1", "auc", "r2")


def close(a, b, column):
    """Whether a and b agree to TOLERANCE; a NaN and an infinity both mean the loss broke."""
    if not (math.isfinite(a) and math.isfinite(b)):
        return not math.isfinite(a) and not math.isfinite(b)
    scale = 1.0 if column.removeprefix("val_") in BOUNDED else 1e-3
    return abs(a - b) <= TOLERANCE * max(abs(a), abs(b), scale)


def read_history(path):
    with open(path) as file:
        return list(csv.DictReader(file))


def compare(folder, label, weights=True):
    """Prints how the export's run in folder compares with trainbook's; whether it agrees."""
    problems = []
    ours, theirs = read_history(os.path.join(folder, "history.csv")), read_history(
        os.path.join(folder, "trainbook-history.csv"))
    if len(ours) != len(theirs):
        problems.append(f"{len(ours)} epochs in PyTorch, {len(theirs)} in trainbook")
    if list(ours[0].keys()) != list(theirs[0].keys()):
        problems.append(f"columns {list(ours[0].keys())} differ from {list(theirs[0].keys())}")
    worst = 0.0
    for row, (mine, reference) in enumerate(zip(ours, theirs), start=1):
        for column in reference:
            if column in ("epoch", "seconds"):
                continue
            a, b = float(mine[column]), float(reference[column])
            if not close(a, b, column):
                problems.append(f"epoch {row} {column}: PyTorch {a!r}, trainbook {b!r}")
            elif math.isfinite(a) and math.isfinite(b) and column.endswith("loss"):
                worst = max(worst, abs(a - b) / max(abs(b), 1e-3))
    final = load_file(os.path.join(folder, "final.safetensors"))
    expected = load_file(os.path.join(folder, "trainbook-final.safetensors")) if weights else {}
    if weights and sorted(final) != sorted(expected):
        problems.append(f"weights {sorted(final)} differ from {sorted(expected)}")
    weight_worst = 0.0
    for name, reference in expected.items():
        mine = final[name].to(reference.dtype)
        if mine.shape != reference.shape:
            problems.append(f"{name}: shape {list(mine.shape)}, trainbook {list(reference.shape)}")
            continue
        if not reference.is_floating_point():
            if not torch.equal(mine, reference):
                problems.append(f"{name}: {mine.tolist()}, trainbook {reference.tolist()}")
            continue
        finite = torch.isfinite(reference)
        if not torch.equal(finite, torch.isfinite(mine)):
            problems.append(f"{name}: non-finite values differ")
            continue
        scale = max(reference[finite].abs().max().item() if finite.any() else 0.0, 1e-3)
        difference = (mine[finite] - reference[finite]).abs().max().item() if finite.any() else 0.0
        weight_worst = max(weight_worst, difference / scale)
        if difference > TOLERANCE * scale:
            problems.append(f"{name}: off by {difference:.3g} (largest value {scale:.3g})")
    status = "ok" if not problems else "FAILED"
    compared = f"weights within {weight_worst:.2g}" if weights else "history only"
    print(f"{label}: {status}: {len(theirs)} epochs, losses within {worst:.2g} (relative), {compared}")
    for problem in problems:
        print("  " + problem)
    return not problems


def run(command, folder):
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        print(f"{' '.join(command)} failed in {folder}:\n{result.stdout}\n{result.stderr}")
        return False
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("exports")
    parser.add_argument("--torchrun", help="the export to train again under torchrun")
    parser.add_argument("--histories", help="a folder of exports to compare by history only")
    arguments = parser.parse_args()
    passed = True
    for name in sorted(os.listdir(arguments.exports)):
        folder = os.path.join(arguments.exports, name)
        passed &= run([sys.executable, "train.py"], folder) and compare(folder, name)
    if arguments.torchrun:
        folder = os.path.join(arguments.exports, arguments.torchrun)
        torchrun = os.path.join(os.path.dirname(sys.executable), "torchrun")
        command = [torchrun, "--nproc_per_node", "2", "train.py"]
        os.rename(os.path.join(folder, "history.csv"), os.path.join(folder, "one-process.csv"))
        passed &= run(command, folder) and compare(folder, arguments.torchrun + " under torchrun")
    if arguments.histories:
        for name in sorted(os.listdir(arguments.histories)):
            folder = os.path.join(arguments.histories, name)
            passed &= run([sys.executable, "train.py"], folder) and compare(folder, name, False)
    if not passed:
        sys.exit(1)


if __name__ == "__main__":
    main()
