/// trainbook's callbacks as small Python classes of `train.py`: each has
/// `epoch_ended(epoch, record, net, optimizer, scheduler)`, which returns why training stops or
/// None, and `training_ended(net, interrupted)`.
enum PyTorchCallbacks {
  /// The construction of `callback` in `make_callbacks()` and the class it needs; nil for a
  /// callback the training loop itself does (stopping on a NaN loss, reducing on a plateau).
  static func translation(_ callback: any Callback) -> (code: String, class: String)? {
    switch callback {
    case let stopping as EarlyStopping:
      return (
        "EarlyStopping(monitor=\(python(stopping.monitor.name)), patience=\(stopping.patience), "
          + "min_delta=\(python(stopping.monitor.minDelta)), "
          + "restore_best=\(python(stopping.restoreBestWeights)))", earlyStopping
      )
    case let checkpoint as ModelCheckpoint:
      let best = checkpoint.best.map { python($0.lastPathComponent) } ?? "None"
      let last = checkpoint.last.map { python($0.lastPathComponent) } ?? "None"
      return (
        "Checkpoint(best=\(best), last=\(last), monitor=\(python(checkpoint.monitor.name)), "
          + "min_delta=\(python(checkpoint.monitor.minDelta)))", modelCheckpoint
      )
    case let log as LogEachEpoch:
      return (
        "EpochLog(\(python(log.url.lastPathComponent)), "
          + "json_lines=\(python(log.format == .jsonLines)))", epochLog
      )
    case let state as TrainingStateCheckpoint:
      let name = state.url.deletingPathExtension().lastPathComponent + ".pt"
      return (
        "SaveTrainingState(\(python(name)), every=\(state.every), keep=\(state.keep))",
        trainingState
      )
    default: return nil
    }
  }

  private static let earlyStopping = #"""
    class EarlyStopping:
        """trainbook's early_stopping: stops after `patience` epochs in which `monitor` did not
        beat its best by more than `min_delta`, and puts the best epoch's weights back when
        training ends, also when it runs out of epochs first (Keras' callback does not)."""

        def __init__(self, monitor, patience, min_delta, restore_best):
            self.monitor, self.patience, self.min_delta = monitor, patience, min_delta
            self.restore_best, self.best, self.best_weights = restore_best, None, None
            self.waited = 0

        def epoch_ended(self, epoch, record, net, optimizer, scheduler):
            if improves(self.monitor, record[self.monitor], self.best, self.min_delta):
                self.best, self.waited = record[self.monitor], 0
                if self.restore_best:
                    self.best_weights = {k: v.detach().clone() for k, v in net.state_dict().items()}
                return None
            self.waited += 1
            return f"early stopping after epoch {epoch}" if self.waited >= self.patience else None

        def training_ended(self, net, interrupted):
            if self.restore_best and self.best_weights is not None and not interrupted:
                net.load_state_dict(self.best_weights)
    """#

  private static let modelCheckpoint = #"""
    class Checkpoint:
        """trainbook's checkpoint(…): after each epoch, the weights to `last`, and to `best` when
        `monitor` beat its best by more than `min_delta` (safetensors, state_dict names)."""

        def __init__(self, best, last, monitor, min_delta):
            self.best, self.last, self.monitor, self.min_delta = best, last, monitor, min_delta
            self.best_value = None

        def epoch_ended(self, epoch, record, net, optimizer, scheduler):
            if self.last and is_main_process():
                save_weights(net, os.path.join(HERE, self.last))
            value = record[self.monitor]
            if self.best and improves(self.monitor, value, self.best_value, self.min_delta):
                self.best_value = value
                if is_main_process():
                    save_weights(net, os.path.join(HERE, self.best))
            return None

        def training_ended(self, net, interrupted):
            pass
    """#

  private static let epochLog = #"""
    class EpochLog:
        """trainbook's log_epochs(…): every finished epoch on disk as training runs."""

        def __init__(self, path, json_lines):
            self.path, self.json_lines, self.rows = os.path.join(HERE, path), json_lines, []

        def epoch_ended(self, epoch, record, net, optimizer, scheduler):
            self.rows.append(record)
            if not is_main_process():
                return None
            if not self.json_lines:
                write_history(self.path, self.rows)
                return None

            def write(temporary):
                with open(temporary, "w") as file:
                    for number, row in enumerate(self.rows, start=1):
                        file.write(json.dumps({"epoch": number} | row) + "\n")

            write_atomically(self.path, write)
            return None

        def training_ended(self, net, interrupted):
            pass
    """#

  private static let trainingState = #"""
    class SaveTrainingState:
        """trainbook's checkpoint(…, state: true), in PyTorch's format: every `every` epochs,
        what resuming needs (weights, optimizer, scheduler, epoch) with torch.save, keeping the
        last `keep` saves also as numbered files."""

        def __init__(self, path, every, keep):
            self.path, self.every, self.keep = os.path.join(HERE, path), every, keep

        def epoch_ended(self, epoch, record, net, optimizer, scheduler):
            if epoch % self.every or not is_main_process():
                return None
            state = {"epoch": epoch, "model": net.state_dict(), "optimizer": optimizer.state_dict()}
            if scheduler is not None:
                state["scheduler"] = scheduler.state_dict()
            write_atomically(self.path, lambda temporary: torch.save(state, temporary))
            if self.keep > 1:
                stem, extension = os.path.splitext(self.path)
                numbered = f"{stem}-epoch-{epoch}{extension}"
                write_atomically(numbered, lambda temporary: torch.save(state, temporary))
                old = f"{stem}-epoch-{epoch - self.keep * self.every}{extension}"
                if os.path.exists(old):
                    os.remove(old)
            return None

        def training_ended(self, net, interrupted):
            pass
    """#
}
