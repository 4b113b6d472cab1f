/// The parts of `train.py` that are the same for every run: the helpers and the training loop,
/// which read the run's settings from the constants and functions above them.
enum PyTorchTrainingLoop {
  /// How numbers are printed, files written and data evaluated.
  static let helpers = #"""
    def number(value):
        """A number as trainbook prints it: 400, 3.1416, 0.2312, 1.235e-5."""
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "-inf" if value < 0 else "inf"
        if value == 0:
            return "0"
        magnitude = abs(value)
        if magnitude < 1e15 and value == round(value):
            return str(int(value))
        if magnitude >= 1e15 or magnitude < 1e-4:
            exponent = math.floor(math.log10(magnitude))
            mantissa = round(value / 10**exponent, 3)
            if abs(mantissa) >= 10:
                mantissa, exponent = mantissa / 10, exponent + 1
            return f"{plain(mantissa, 3)}e{exponent}"
        return plain(value, 4 if magnitude >= 1 else 3 - math.floor(math.log10(magnitude)))


    def plain(value, decimals):
        rounded = round(value, decimals)
        return str(int(rounded)) if rounded == int(rounded) else repr(rounded)


    def seconds(elapsed):
        if elapsed < 60:
            return number(round(elapsed, 2)) + " s"
        return f"{int(round(elapsed)) // 60} min {int(round(elapsed)) % 60} s"


    def log_line(epoch, record, elapsed):
        """One line per epoch, as trainbook prints it."""
        parts = [f"epoch {epoch:>{len(str(EPOCHS))}}/{EPOCHS}", f"loss {number(record['loss'])}"]
        if "val_loss" in record:
            parts.append(f"val_loss {number(record['val_loss'])}")
        metrics = sorted(set(record) - {"loss", "val_loss", "lr", "seconds"})
        parts += [f"{name} {number(record[name])}" for name in metrics]
        return "  ".join(parts + [seconds(elapsed)])


    def is_main_process():
        """Whether this process writes files and prints: the only one, or rank 0 of several."""
        return not dist.is_initialized() or dist.get_rank() == 0


    def write_atomically(path, write):
        """Calls write(temporary) and renames the file into place: never half a file at path."""
        temporary = f"{path}.{os.getpid()}.tmp"
        write(temporary)
        os.replace(temporary, path)


    def save_weights(net, path):
        weights = {k: value.detach().cpu().contiguous() for k, value in net.state_dict().items()}
        write_atomically(path, lambda temporary: save_file(weights, temporary))


    def write_history(path, rows):
        """The history as trainbook's run CSV has it: epoch, then COLUMNS; nan where none."""

        def write(temporary):
            with open(temporary, "w", newline="") as file:
                lines = csv.writer(file, lineterminator="\n")
                lines.writerow(["epoch"] + COLUMNS)
                for epoch, row in enumerate(rows, start=1):
                    cells = [repr(float(row.get(name, math.nan))) for name in COLUMNS]
                    lines.writerow([epoch] + cells)

        write_atomically(path, write)


    def improves(monitor, value, best, min_delta):
        """Whether value beats best by more than min_delta (up for accuracy-like metrics)."""
        if best is None:
            return not math.isnan(value)
        name = monitor[4:] if monitor.startswith("val_") else monitor
        if name in ("accuracy", "precision", "recall", "f1", "auc", "r2"):
            return value > best + min_delta
        return value < best - min_delta


    def evaluate(net, features, targets):
        """The mean loss and the outputs on the whole of features, in evaluation mode."""
        net.eval()
        with torch.no_grad():
            outputs = net(features)
            loss = loss_sum(outputs, targets).item() / len(features)
        net.train()
        return loss, outputs
    """#

  /// `main()`: the set-up for one process or many, the loop over epochs and batches, and what
  /// is written at the end.
  static let main = #"""
    def main():
        parser = argparse.ArgumentParser(description="Trains the exported trainbook run.")
        parser.add_argument("--device", default="cpu", help="cpu (the default), cuda, cuda:1, mps")
        arguments = parser.parse_args()

        # torchrun starts one process per share of the work and tells each its rank.
        distributed = "WORLD_SIZE" in os.environ
        device = torch.device(arguments.device)
        if distributed and device.type == "cuda":
            device = torch.device("cuda", int(os.environ["LOCAL_RANK"]))
            torch.cuda.set_device(device)
        if distributed:
            dist.init_process_group("nccl" if device.type == "cuda" else "gloo")
        rank, world = (dist.get_rank(), dist.get_world_size()) if distributed else (0, 1)
        torch.manual_seed(SEED)  # PyTorch's own dropout masks; trainbook's order comes below

        data = load_file(os.path.join(HERE, "data.safetensors"), device=str(device))
        train_x, train_y = data["train.features"], data["train.targets"]
        validation = None
        if "validation.features" in data:
            validation = data["validation.features"], data["validation.targets"]

        net = build_model()
        net.load_state_dict(load_file(os.path.join(HERE, "initial.safetensors")), strict=True)
        for name in FROZEN:
            net.get_parameter(name).requires_grad_(False)
        net.to(device)
        trainable = [parameter for parameter in net.parameters() if parameter.requires_grad]
        optimizer = make_optimizer(trainable)
        scheduler = make_scheduler(optimizer)
        callbacks = make_callbacks()
        # DistributedDataParallel averages the processes' gradients in each backward pass.
        model = nn.parallel.DistributedDataParallel(net) if distributed else net

        orders = batch_orders(len(train_x), SEED, SHUFFLE)
        history, ending, started = [], None, time.perf_counter()
        try:
            for epoch in range(1, EPOCHS + 1):
                epoch_started = time.perf_counter()
                order = torch.tensor(next(orders), device=device)
                total, seen = 0.0, 0
                for first in range(0, len(order), BATCH_SIZE):
                    batch = order[first : first + BATCH_SIZE]
                    share = batch.tensor_split(world)[rank]  # this process's part of the batch
                    rate = optimizer.param_groups[0]["lr"]
                    optimizer.zero_grad()
                    loss = loss_sum(model(train_x[share]), train_y[share]) / len(batch)
                    batch_loss = loss.detach().clone()
                    if distributed:
                        dist.all_reduce(batch_loss)  # the shares add up to the batch's mean
                    if not math.isfinite(batch_loss.item()):
                        what = "NaN" if math.isnan(batch_loss.item()) else "infinite"
                        step = first // BATCH_SIZE + 1
                        ending = f"diverged: loss became {what} at epoch {epoch}, step {step}"
                        broken = {"loss": batch_loss.item(), "lr": rate}
                        history.append(dict.fromkeys(COLUMNS, math.nan) | broken)
                        break
                    # DDP averages over the processes; each holds its share of the batch's mean,
                    # so scaling by their number makes the average the whole batch's gradient.
                    (loss * world).backward()
                    adjust_gradients(trainable)
                    optimizer.step()
                    if SCHEDULER_STEPS == "step":
                        scheduler.step()
                    total += batch_loss.item() * len(batch)
                    seen += len(batch)
                if ending:
                    break
                record = {"loss": total / seen}
                if METRICS:
                    _, outputs = evaluate(net, train_x, train_y)
                    record |= {name: metric(outputs, train_y) for name, metric in METRICS.items()}
                if validation is not None:
                    record["val_loss"], outputs = evaluate(net, *validation)
                    targets = validation[1]
                    scores = {f"val_{k}": metric(outputs, targets) for k, metric in METRICS.items()}
                    record |= scores
                record |= {"lr": rate, "seconds": time.perf_counter() - epoch_started}
                history.append(record)
                if is_main_process():
                    print(log_line(epoch, record, time.perf_counter() - started), flush=True)
                if SCHEDULER_STEPS == "epoch":
                    scheduler.step()
                elif SCHEDULER_STEPS == "plateau":
                    scheduler.step(record[PLATEAU_MONITOR])
                for callback in callbacks:
                    ending = callback.epoch_ended(epoch, record, net, optimizer, scheduler)
                    if ending:
                        break
                if ending:
                    break
        except KeyboardInterrupt:
            ending = "interrupted; the model keeps its last completed step"
        for callback in callbacks:
            callback.training_ended(net, interrupted=ending and ending.startswith("interrupted"))

        if is_main_process():
            write_history(os.path.join(HERE, "history.csv"), history)
            save_weights(net, os.path.join(HERE, "final.safetensors"))
            print(summary(history, ending))
            print("wrote history.csv and final.safetensors")
        if distributed:
            dist.destroy_process_group()
            # After a run under torchrun, PyTorch's teardown of the interpreter sometimes aborts
            # a process ("terminate called without an active exception", about 1 run in 25 of
            # two processes with PyTorch 2.15 on the CPU). Everything is written and the group
            # is gone, so the process ends here, without that teardown.
            print(end="", flush=True)
            os._exit(0)


    def summary(history, ending):
        """The best epoch and the final numbers, as trainbook's fit ends."""
        lines = []
        key = "val_loss" if any("val_loss" in row for row in history) else "loss"
        values = [(row.get(key, math.nan), epoch) for epoch, row in enumerate(history, 1)]
        finite = [(value, epoch) for value, epoch in values if not math.isnan(value)]
        if finite:
            value, epoch = min(finite)
            lines.append(f"best epoch {epoch}: {key} {number(value)}")
        if history:
            final = [(name, history[-1][name]) for name in COLUMNS if name not in ("lr", "seconds")]
            lines.append("final: " + ", ".join(f"{name} {number(value)}" for name, value in final))
        if ending:
            lines.append("stopped: " + ending)
        return "\n".join(lines)


    if __name__ == "__main__":
        main()
    """#
}
