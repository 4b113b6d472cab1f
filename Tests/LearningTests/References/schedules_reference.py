"""Prints PyTorch's learning rates for the schedules of SchedulesTests.swift.

Run in a virtual environment with torch installed: python schedules_reference.py
Each list holds the rate in use at index 0, 1, 2, … (before the first `scheduler.step()`,
after the first, …), which is what `learningRate(at:)` returns.
"""
import torch
from torch import optim

print("torch", torch.__version__)


def rates(make, count, metrics=None, momentum=False):
    parameter = torch.nn.Parameter(torch.zeros(1))
    optimizer = optim.SGD([parameter], lr=0.1, momentum=0.9)
    scheduler = make(optimizer)
    values = []
    for index in range(count):
        group = optimizer.param_groups[0]
        values.append(group["momentum"] if momentum else group["lr"])
        optimizer.step()
        if metrics is None:
            scheduler.step()
        else:
            scheduler.step(metrics[index])
    return values


print("step", rates(lambda o: optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5), 10))
print("exponential", rates(lambda o: optim.lr_scheduler.ExponentialLR(o, gamma=0.9), 10))


def warmup_cosine(optimizer):
    warmup = optim.lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=5)
    cosine = optim.lr_scheduler.CosineAnnealingLR(optimizer, T_max=15, eta_min=0.001)
    return optim.lr_scheduler.SequentialLR(optimizer, [warmup, cosine], milestones=[5])


print("warmup cosine", rates(warmup_cosine, 20))
one_cycle = lambda o: optim.lr_scheduler.OneCycleLR(o, max_lr=0.1, total_steps=20)
print("one cycle", rates(one_cycle, 20))
print("one cycle momentum", rates(one_cycle, 20, momentum=True))

losses = [1.0, 0.9, 0.95, 0.9, 0.8999, 0.91, 0.7, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8]
plateau = lambda o: optim.lr_scheduler.ReduceLROnPlateau(
    o, patience=2, cooldown=1, min_lr=0.0005, factor=0.1)
print("plateau", rates(plateau, len(losses), metrics=losses))
accuracies = [0.5] * 25
print("plateau max defaults", rates(
    lambda o: optim.lr_scheduler.ReduceLROnPlateau(o, mode="max"), 25, metrics=accuracies))
