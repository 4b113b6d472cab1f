import Language
import Testing

/// A fit with `schedule: reduce_on_plateau(…)` records the reducer and its settings with the run,
/// and `diagnose` counts it as a schedule (it never advises adding one).
struct PlateauRecordingTests {
  @Test func aPlateauScheduleIsRecordedWithTheRun() {
    let session = Session()
    runClean(
      "data = moons(n: 100, noise: 0.2, seed: 1)\n"
        + "train, val = split(data, [0.8, 0.2], seed: 1)\n"
        + "run = fit(mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1), train, validation: val, "
        + "epochs: 12, optimizer: sgd(lr: 0.001), "
        + "schedule: reduce_on_plateau(patience: 2, factor: 0.5), seed: 1)", in: session)
    #expect(
      outputs("run.settings.reduce_on_plateau", in: session)
        == "reduce_on_plateau: factor 0.5, min_lr 0, monitor val_loss, patience 2")
    #expect(outputs("run.settings.reduce_on_plateau.factor", in: session) == "0.5")
    let settings = outputs("run.settings", in: session)
    #expect(settings.contains("reduce_on_plateau.factor 0.5"))
    #expect(settings.contains("reduce_on_plateau.patience 2"))
    #expect(!outputs("diagnose(run)", in: session).contains("schedule: cosine()"))
  }
}
