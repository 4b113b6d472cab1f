"""Drives `jupyter console --kernel trainbook` as a learner would: defines data and a model,
starts a long fit, presses Ctrl-C, and checks the console comes back with the session intact
(the model and the partial run kept). Run by scripts/check-jupyter.sh."""

import sys
import time

import pexpect

PROMPT = r"In \[\d+\]: "

console = pexpect.spawn(
    "jupyter",
    ["console", "--kernel", "trainbook", "--simple-prompt"],
    encoding="utf-8",
    timeout=60,
    dimensions=(40, 120),
)
console.logfile_read = sys.stdout


def cell(code, expect):
    console.expect(PROMPT)
    console.sendline(code)
    console.expect(expect)


cell("data = moons(n: 400, seed: 1)", "data: 400 samples")
cell("net = mlp(inputs: 2, hidden: [64, 64], outputs: 1, seed: 1)", "net: model 2")
console.expect(PROMPT)
console.sendline("run = fit(net, data, epochs: 100000, batch: 4, seed: 1)")
console.expect("100000 epochs")  # training has started (the console shows its first display)
time.sleep(2)
console.sendintr()  # Ctrl-C: the console asks the kernel to interrupt
console.expect("interrupted: the cell stopped", timeout=30)
cell("run.epochs < 100000", "true")
cell("evaluate(net, data)", "accuracy")
console.expect(PROMPT)
console.sendline(":quit")
console.expect(pexpect.EOF, timeout=30)
print("\njupyter console: trained, interrupted, and the session kept its model and run")
