#!/usr/bin/env bash
# Checks the Jupyter kernel against Jupyter's own clients, from a virtual environment cached in
# ~/.cache (made on first use): jupyter_kernel_test's suite (with interrupts and bad messages);
# every shipped notebook exported to .ipynb, executed by `jupyter nbconvert --execute` and
# imported back, must match its Markdown recording; and a `jupyter console` session trains a
# model and is interrupted. The kernelspec is installed into a scratch prefix, not the user's.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary="$root/.build/release/trainbook"
venv="${TRAINBOOK_JUPYTER_VENV:-$HOME/.cache/trainbook-jupyter}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

packages=(jupyter_client==8.10.0 jupyter_kernel_test==0.7.0 nbclient==0.11.0 nbconvert==7.17.2
  jupyter_console==6.6.3 pexpect==4.9.0)
if [ ! -x "$venv/bin/python" ] \
  || ! "$venv/bin/python" -c "import jupyter_kernel_test, nbclient, nbconvert, jupyter_console, pexpect" \
    2>/dev/null; then
  echo "creating $venv with Jupyter's clients (once)"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet "${packages[@]}"
fi
export PATH="$venv/bin:$PATH"
export JUPYTER_PATH="$work/prefix/share/jupyter" JUPYTER_RUNTIME_DIR="$work/runtime"
export JUPYTER_CONFIG_DIR="$work/config" JUPYTER_DATA_DIR="$work/data" IPYTHONDIR="$work/ipython"
"$binary" kernel install --prefix "$work/prefix" > /dev/null
jupyter kernelspec list > "$work/kernels.txt"
grep -q "^ *trainbook " "$work/kernels.txt" || { echo "Jupyter does not list the kernel"; exit 1; }

# Starting without a usable connection file or port: a clear error, never a crash.
expect_refusal() {
  local expected="$1"; shift
  local output status=0
  output="$("$@" 2>&1)" || status=$?
  if [ "$status" != 1 ] || ! grep -qF "$expected" <<< "$output"; then
    echo "expected exit status 1 and \"$expected\"; got $status: $output"; exit 1
  fi
}
expect_refusal "there is no connection file $work/none.json" \
  "$binary" kernel -f "$work/none.json"
echo "not json" > "$work/bad.json"
expect_refusal "is not a JSON object" "$binary" kernel -f "$work/bad.json"
"$venv/bin/python" - "$work/busy.json" "$binary" <<'PYTHON'
import json, socket, subprocess, sys
holder = socket.socket()
holder.bind(("127.0.0.1", 0))
holder.listen()
port = holder.getsockname()[1]
ports = {name: port + 1 + index for index, name in enumerate(["iopub", "stdin", "control", "hb"])}
json.dump({"shell_port": port, **{f"{k}_port": v for k, v in ports.items()}, "ip": "127.0.0.1",
           "transport": "tcp", "key": "k", "signature_scheme": "hmac-sha256"},
          open(sys.argv[1], "w"))
done = subprocess.run([sys.argv[2], "kernel", "-f", sys.argv[1]], capture_output=True, text=True,
                      timeout=30)
expected = f"the shell channel cannot listen on tcp://127.0.0.1:{port}: Address already in use"
if done.returncode != 1 or expected not in done.stderr:
    sys.exit(f"a port in use: expected status 1 and {expected!r}; got {done.returncode}: "
             f"{done.stderr}")
PYTHON
echo "a missing or broken connection file, and a port in use, are refused clearly"

TRAINBOOK_KERNEL_LOG="$work/kernel.log" "$venv/bin/python" "$root/scripts/jupyter/kernel_suite.py"

mkdir "$work/notebooks"
for notebook in "$root"/notebooks/*.md; do
  name="$(basename "$notebook" .md)"
  "$binary" export "$notebook" --to ipynb -o "$work/notebooks/$name.ipynb" > /dev/null
  (cd "$work/notebooks" && jupyter nbconvert --execute --to notebook --log-level WARN \
    --ExecutePreprocessor.timeout=600 --output "$name.executed.ipynb" "$name.ipynb")
  "$binary" import "$work/notebooks/$name.executed.ipynb" -o "$work/notebooks/$name.md" > /dev/null
  "$binary" replay --check "$notebook" --outputs-from "$work/notebooks/$name.md"
done
echo "every shipped notebook runs under nbconvert --execute and imports back as recorded"

(cd "$work" && "$venv/bin/python" "$root/scripts/jupyter/console_session.py" > "$work/console.txt") \
  || { cat "$work/console.txt"; exit 1; }
tail -1 "$work/console.txt"
