#!/usr/bin/env bash
# Checks where runs are kept, with the release build in scratch folders: `trainbook run` keeps
# them in runs/ beside where it ran; `trainbook replay` keeps none in the notebook's folder, and
# keeps them in the folder `--runs` names. Then reads the runs and their TensorBoard export with
# TensorBoard's own readers, from a virtual environment cached in ~/.cache (made on first use).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$root/.build/release/trainbook"
venv="${TRAINBOOK_TENSORBOARD_VENV:-$HOME/.cache/trainbook-tensorboard}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

mkdir "$work/notebook"
cp "$root/notebooks/two-moons.md" "$work/notebook/"
"$binary" replay --check "$work/notebook/two-moons.md" > /dev/null
if [ -e "$work/notebook/runs" ]; then
  echo "replay kept runs in the notebook's folder"; exit 1
fi
"$binary" replay --check --runs "$work/kept" "$work/notebook/two-moons.md" > /dev/null
if ! ls "$work/kept/"*.json > /dev/null 2>&1; then
  echo "replay --runs kept no run in the folder it names"; exit 1
fi
echo "replay keeps its runs in a scratch folder, or where --runs says"

if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import tensorboard" 2>/dev/null; then
  echo "creating $venv with tensorboard (once)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "tensorboard==2.21.0"
fi
mkdir "$work/script"
cp "$root/Tests/LearningTests/References/tensorboard_runs.tb" "$work/script/"
(cd "$work/script" && "$binary" run tensorboard_runs.tb > output.txt)
"$venv/bin/python" "$root/Tests/LearningTests/References/check_tensorboard.py" "$work/script"
