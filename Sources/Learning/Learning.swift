/// The training library: layers, losses, optimizers, schedules, callbacks, metrics and the fit loop.
public enum LearningModule {}
