import Datasets
import Engine
import Foundation
import Learning

extension Builtin {
  /// Training: `fit` and `resume`.
  static var training: [Builtin] {
    let trained = Declared<ModelObject>.object(
      "model", "model", "The model to train (it changes in place).")
    let trainingData = Declared<DatasetObject>.object("data", "dataset", "The training data.")
    let validation = Declared.value(
      "validation", .either(.host("dataset"), .none), default: Value.none,
      "Data to evaluate after each epoch.")
    let epochs = Declared.integer("epochs", default: 20, "Passes over the training data.")
      .valid(.atLeast(0))
    let batch = Declared.batchSize
    let shuffle = Declared.bool(
      "shuffle", default: true, "Visit samples in a new order each epoch.")
    var scheduleParameter: BuiltinParameter = .optional(
      "schedule", .either(ScheduleObject.type, .none), default: .none,
      "A learning-rate schedule (a name stands for its call with defaults), starting from the "
        + "optimizer's rate.")
    scheduleParameter.namesACall = true
    let schedule = Declared<Value>(scheduleParameter) { $0 }
    let callbacks = Declared.list(
      "callbacks", .list(of: .host("callback"), hint: CallbackObject.misplaced), default: [],
      "Callbacks such as early_stopping(…), checkpoint(…), log_epochs(…).")
    let metrics = Declared.metrics("Metrics recorded each epoch, e.g. [\"accuracy\"].")
    let name = Declared.value(
      "name", .either(.string, .none), default: Value.none, "The run's name.")
    let continued = Declared<RunObject>.object(
      "run", "run", "The run to continue (its model, optimizer and position).")
    let sameData = Declared<DatasetObject>.object("data", "dataset", "The same training data.")
    let more = Declared.integer("epochs", default: 10, "How many more epochs.")
      .valid(.atLeast(0))
    let from = Declared.value(
      "from", .either(.string, .none), default: Value.none,
      "A file from save_checkpoint or checkpoint(…, state: true) to restore the position from "
        + "first.")
    let until = Declared.value(
      "until", .either(.integer, .none), default: Value.none,
      "Train until this many epochs in all (after a crash: the fit's epochs), instead of "
        + "`epochs` more.")
    let saved = Declared<RunObject>.object("run", "run", "The run to save.")
    let path = Declared.string("path", "The safetensors file to write.")
    return [
      Builtin(
        "fit", topic: .training,
        summary: "Trains a model on data by mini-batch gradient descent and returns the run.",
        parameters: [
          trained, trainingData, validation, .loss, .optimizer, epochs, batch, shuffle, schedule,
          callbacks, metrics, .seed, name,
        ],
        example: """
          data = moons(n: 100, seed: 1)
          net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)
          run = fit(net, data, epochs: 5, seed: 1)
          """
      ) { arguments, context in
        let model = arguments[trained]
        let given = arguments[trainingData]
        let data = given.dataset
        try model.checkTakes(data, argument: "data")
        let loss = arguments.loss(for: data)
        let optimizer = arguments.optimizer
        let (epochs, batch) = (arguments[epochs], arguments[batch])
        let seed = arguments.seed(in: context)
        try refuseAbove(Limits.epochs, epochs, argument: "epochs")
        try context.reserveTraining(model.model, epochs: epochs)
        var options = FitOptions(
          epochs: epochs, batchSize: batch, shuffle: arguments[shuffle], seed: seed,
          metrics: arguments[metrics])
        options.augmentation = given.augmentation
        var route = RunRoute(data: given, model: model, optimizer: optimizer)
        if case .host(let validation as DatasetObject) = arguments[validation] {
          try model.checkTakes(validation.dataset, argument: "validation")
          options.validation = validation.dataset
          route.validation = validation
        }
        let made = optimizer.make()
        if case .host(let schedule as ScheduleObject) = arguments[schedule] {
          let steps = (data.count + batch - 1) / batch
          let resolved = try libraryCall(argument: "schedule") {
            try schedule.resolve(rate: optimizer.rate, epochs: epochs, stepsPerEpoch: steps)
          }
          options.schedule = resolved.schedule
          if let callback = resolved.callback { options.callbacks.append(callback) }
          route.schedule = schedule
        }
        var stoppers: [any Callback] = []
        var stateSaves: [any Callback] = []
        for case .host(let object as CallbackObject) in arguments[callbacks] {
          let callback = try object.callback()
          if callback is EarlyStopping {
            stoppers.append(callback)
          } else if callback is TrainingStateCheckpoint {
            stateSaves.append(callback)
          } else {
            options.callbacks.append(callback)
          }
        }
        // Early stopping next to last, so loggers and checkpoints see the epoch it stops after;
        // training-state saves last, so the state they save includes every other callback's.
        options.callbacks += stoppers + stateSaves
        let trainer = Trainer(model: model.model, loss: loss, optimizer: made, options: options)
        model.trainingLoss = loss
        let count = context.session.runs.all.count + 1
        var runName = "run \(count)"
        if case .string(let given) = arguments[name] { runName = given }
        let names = RunNames(
          model: arguments.writtenName(of: trained), data: arguments.writtenName(of: trainingData),
          validation: arguments.writtenName(of: validation))
        if let warning = HeldOutData.trainingWarning(data),
          !context.session.runs.hasWarnedOfHeldOutTraining
        {
          context.session.runs.hasWarnedOfHeldOutTraining = true
          context.print("warning: " + warning)
        }
        return try TrainingRun(
          name: runName, names: names, route: route, nameIsGiven: arguments.isGiven(name)
        ).start(trainer, on: data, context: context)
      },
      Builtin(
        "resume", topic: .training,
        summary: "Continues a run's training for more epochs, optionally from a saved checkpoint.",
        parameters: [continued, sameData, more, from, until],
        example: """
          data = moons(n: 100, seed: 1)
          run = fit(mlp(inputs: 2, seed: 1), data, epochs: 2, seed: 1)
          more = resume(run, data, epochs: 2)
          """
      ) { arguments, context in
        let run = arguments[continued]
        guard context.session.sweepInProgress == nil else {
          throw CallError(
            "resume cannot run inside a sweep's block, whose fits train after it",
            hint: "resume a sweep's run after the sweep: resume(s.runs[0], data, epochs: 10)")
        }
        guard let trainer = run.trainer, var route = run.route else {
          throw CallError(
            "this run was kept by an earlier session and has no trainer to continue",
            hint: "only the runs this session trained can be resumed",
            argument: "run")
        }
        route.data = arguments[sameData]
        route.resumedFrom = nil
        if case .string(let path) = arguments[from] {
          let url = try context.url(for: path, argument: "from", use: .read)
          try libraryCall(argument: "from") { try trainer.restoreState(from: url) }
          route.resumedFrom = path
        }
        var extra = arguments[more]
        if case .number(let total) = arguments[until] {
          if arguments.isGiven(more) {
            throw CallError(
              "give `epochs` (how many more) or `until` (how many in all), not both",
              argument: "until")
          }
          guard let whole = Int(exactly: total), whole >= 0 else {
            throw CallError("`until` must be a whole number of epochs ≥ 0", argument: "until")
          }
          extra = max(0, whole - trainer.epoch)
        }
        try refuseAbove(Limits.epochs, extra, argument: "epochs")
        try context.reserveTraining(trainer.model, epochs: extra)
        trainer.options.epochs = trainer.epoch + extra
        let settings = run.record.settings
        let names = RunNames(
          model: settings?.model.variable,
          data: arguments.writtenName(of: sameData) ?? settings?.data.variable,
          validation: settings?.validation?.variable)
        return .host(
          try TrainingRun(name: run.record.name, names: names, route: route)
            .train(trainer, on: arguments[sameData].dataset, context: context))
      },
      Builtin(
        "save_checkpoint", topic: .training,
        summary: "Saves a run's whole training state (weights, optimizer, position) to resume "
          + "it exactly.",
        parameters: [saved, path],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 50, seed: 1), epochs: 1, seed: 1)
          save_checkpoint(run, "state.safetensors")
          """
      ) { arguments, context in
        let run = arguments[saved]
        guard let trainer = run.trainer else {
          throw CallError("this run has no training state to save", argument: "run")
        }
        let url = try context.url(for: arguments[path], argument: path.label)
        try trainer.saveState(to: url)
        return .none
      },
    ]
  }
}

extension OptimizerObject {
  /// `adam(lr: 0.001)`, what `fit` uses when given no optimizer.
  static var standard: OptimizerObject {
    OptimizerObject(name: "adam", rate: 0.001, settings: [], call: "adam(lr: 0.001)") {
      Optimizer(Adam(), learningRate: 0.001)
    }
  }
}
