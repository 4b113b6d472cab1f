#!/usr/bin/env bash
# Runs Tests/LearningTests/References/tensorboard_runs.tb with the release build in a scratch
# folder, then checks the kept runs and the TensorBoard export with TensorBoard's own readers,
# from a virtual environment cached in ~/.cache (created on the first run).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="${TRAINBOOK_TENSORBOARD_VENV:-$HOME/.cache/trainbook-tensorboard}"
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c "import tensorboard" 2>/dev/null; then
  echo "creating $venv with tensorboard (once)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "tensorboard==2.21.0"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/Tests/LearningTests/References/tensorboard_runs.tb" "$work/"
(cd "$work" && "$root/.build/release/trainbook" run tensorboard_runs.tb > output.txt)
"$venv/bin/python" "$root/Tests/LearningTests/References/check_tensorboard.py" "$work"
