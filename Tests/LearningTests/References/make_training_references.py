"""Reference numbers for OptimizerTests and LossTests, computed with PyTorch.

A fixed 3-4-k network (Linear, Tanh, Linear) with weights given by formulas trains on 8 fixed
samples, batch 4, no shuffling, 3 epochs. For each configuration the script prints the mean
training loss of each epoch and the final parameters in state_dict order, as Swift literals.
Run: python3 make_training_references.py  (needs torch and numpy)
"""
import math
import torch

torch.set_default_dtype(torch.float32)


def data(k):
    x = torch.tensor([[math.sin(0.7 * i + 1.3 * j) for j in range(3)] for i in range(8)])
    if k == "regression":
        y = torch.tensor([[math.cos(0.5 * i)] for i in range(8)])
    elif k == "binary":
        y = torch.tensor([[float(i % 2)] for i in range(8)])
    else:
        y = torch.tensor([i % 3 for i in range(8)])
    return x, y


def model(outputs):
    m = torch.nn.Sequential(torch.nn.Linear(3, 4), torch.nn.Tanh(), torch.nn.Linear(4, outputs))
    with torch.no_grad():
        m[0].weight.copy_(torch.tensor([[0.5 * math.sin(1 + o * 3 + i) for i in range(3)] for o in range(4)]))
        m[0].bias.copy_(torch.tensor([0.1 * math.cos(o) for o in range(4)]))
        m[2].weight.copy_(torch.tensor([[0.5 * math.cos(2 + o * 4 + i) for i in range(4)] for o in range(outputs)]))
        m[2].bias.copy_(torch.tensor([0.05 * (o + 1) for o in range(outputs)]))
    return m


def run(name, make_optimizer, loss_fn=torch.nn.MSELoss(), task="regression", outputs=1,
        clip_norm=None, clip_value=None, l1=0.0, scheduler=None, per_step=False, plateau=False):
    x, y = data(task)
    m = model(outputs)
    opt = make_optimizer(m.parameters())
    sched = scheduler(opt) if scheduler else None
    losses, rates = [], []
    for _ in range(3):
        total = 0.0
        for start in (0, 4):
            loss = loss_fn(m(x[start:start + 4]), y[start:start + 4])
            total += loss.item() * 4
            objective = loss + l1 * sum(p.abs().sum() for p in m.parameters()) if l1 else loss
            opt.zero_grad()
            objective.backward()
            if clip_norm is not None:
                torch.nn.utils.clip_grad_norm_(m.parameters(), clip_norm)
            if clip_value is not None:
                torch.nn.utils.clip_grad_value_(m.parameters(), clip_value)
            opt.step()
            if sched is not None and per_step:
                sched.step()
        losses.append(total / 8)
        rates.append(opt.param_groups[0]["lr"] if not per_step else None)
        if sched is not None and not per_step:
            sched.step(total / 8) if plateau else sched.step()
    params = [v for p in m.parameters() for v in p.detach().flatten().tolist()]
    print(f'  "{name}": (')
    print("    losses: [" + ", ".join(f"{v:.9g}" for v in losses) + "],")
    print("    parameters: [" + ", ".join(f"{v:.9g}" for v in params) + "]),")
    if sched is not None and not per_step:
        print("  // rates used in each epoch: " + ", ".join(f"{v:.9g}" for v in rates))


O = torch.optim
print("// optimizers (MSE, regression)")
run("sgd", lambda p: O.SGD(p, lr=0.1))
run("sgd_momentum", lambda p: O.SGD(p, lr=0.1, momentum=0.9))
run("sgd_nesterov", lambda p: O.SGD(p, lr=0.1, momentum=0.9, nesterov=True))
run("sgd_dampening_decay", lambda p: O.SGD(p, lr=0.1, momentum=0.9, dampening=0.5, weight_decay=0.01))
run("adam", lambda p: O.Adam(p, lr=0.01))
run("adam_decay", lambda p: O.Adam(p, lr=0.01, weight_decay=0.1))
run("adamw", lambda p: O.AdamW(p, lr=0.01))
run("rmsprop", lambda p: O.RMSprop(p, lr=0.01))
run("rmsprop_momentum_centered", lambda p: O.RMSprop(p, lr=0.01, momentum=0.9, centered=True))
run("adagrad", lambda p: O.Adagrad(p, lr=0.1))
run("adagrad_decay", lambda p: O.Adagrad(p, lr=0.1, lr_decay=0.1, weight_decay=0.01, initial_accumulator_value=0.1))
run("sgd_clip_norm", lambda p: O.SGD(p, lr=0.1), clip_norm=0.5)
run("sgd_clip_value", lambda p: O.SGD(p, lr=0.1), clip_value=0.05)
run("sgd_l1", lambda p: O.SGD(p, lr=0.1), l1=0.01)
print("// losses (Adam, lr 0.01)")
adam = lambda p: O.Adam(p, lr=0.01)
run("mae", adam, torch.nn.L1Loss())
run("huber", adam, torch.nn.HuberLoss(delta=0.5))
run("bce", adam, torch.nn.BCEWithLogitsLoss(), task="binary")
run("cross_entropy", adam, torch.nn.CrossEntropyLoss(), task="multiclass", outputs=3)
run("cross_entropy_smoothing", adam, torch.nn.CrossEntropyLoss(label_smoothing=0.1), task="multiclass", outputs=3)
print("// schedules")
S = torch.optim.lr_scheduler
run("sgd_step_decay", lambda p: O.SGD(p, lr=0.1), scheduler=lambda o: S.StepLR(o, step_size=1, gamma=0.5))
run("adam_one_cycle", lambda p: O.Adam(p, lr=0.01), scheduler=lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=6), per_step=True)
run("sgd_momentum_one_cycle", lambda p: O.SGD(p, lr=0.01, momentum=0.9), scheduler=lambda o: S.OneCycleLR(o, max_lr=0.05, total_steps=6), per_step=True)
run("sgd_plateau", lambda p: O.SGD(p, lr=0.1), scheduler=lambda o: S.ReduceLROnPlateau(o, factor=0.5, patience=0, threshold=0.6), plateau=True)
