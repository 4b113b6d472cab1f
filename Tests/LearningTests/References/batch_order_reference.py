"""Prints the batch orders of PyTorchExportTests.swift with an exported trainbook_order.py.

Run: python3 batch_order_reference.py FOLDER  (FOLDER holds trainbook_order.py from any export)
"""
import sys

sys.path.insert(0, sys.argv[1])
from trainbook_order import batch_orders  # noqa: E402

for count, seed in [(10, 1), (7, 18446744073709551615), (1000, 42)]:
    orders = batch_orders(count, seed)
    epochs = [next(orders) for _ in range(3)]
    shown = [order if count <= 10 else order[:8] for order in epochs]
    print(f"({count}, {seed}): {shown}")
