import Datasets
import Engine
import Foundation
import Learning
import Support

extension Builtin {
  /// Training: `fit` and `resume`.
  static var training: [Builtin] {
    [
      Builtin(
        "fit", topic: .training,
        summary: "Trains a model on data by mini-batch gradient descent and returns the run.",
        parameters: [
          .required("model", .host("model"), "The model to train (it changes in place)."),
          .required("data", .host("dataset"), "The training data."),
          .optional(
            "validation", .either(.host("dataset"), .none), default: .none,
            "Data to evaluate after each epoch."),
          .loss,
          .optimizer,
          .optional("epochs", .integer, default: .number(20), "Passes over the training data."),
          .optional("batch", .integer, default: .number(32), "Samples per step."),
          .optional(
            "shuffle", .bool, default: .bool(true), "Visit samples in a new order each epoch."),
          .optional(
            "schedule", .either(ScheduleObject.type, .none), default: .none,
            "A learning-rate schedule, starting from the optimizer's rate."),
          .optional(
            "callbacks", .list(of: CallbackObject.type, hint: CallbackObject.misplaced),
            default: .list([]),
            "Callbacks such as early_stopping(…), checkpoint(…), log_epochs(…)."),
          .optional(
            "metrics", .list(of: .choice("metric", Metric.allCases.map(\.rawValue))),
            default: .list([]), "Metrics recorded each epoch, e.g. [\"accuracy\"]."),
          .seed,
          .optional("name", .either(.string, .none), default: .none, "The run's name."),
        ],
        example: """
          data = moons(n: 100, seed: 1)
          net = mlp(inputs: 2, hidden: [8], outputs: 1, seed: 1)
          run = fit(net, data, epochs: 5, seed: 1)
          """
      ) { arguments, context in
        let model = arguments.model("model")
        let data = arguments.dataset("data")
        try model.checkTakes(data, argument: "data")
        let loss = try arguments.loss(for: data, context: context)
        let optimizer = try arguments.optimizer(context: context)
        let epochs = try arguments.integer("epochs", atLeast: 0, what: "`epochs`")
        let batch = try arguments.integer("batch", atLeast: 1, what: "the batch size")
        let seed = try arguments.seed(in: context)
        var options = FitOptions(
          epochs: epochs, batchSize: batch, shuffle: arguments.bool("shuffle"), seed: seed,
          metrics: arguments.list("metrics").compactMap { Metric(rawValue: $0.choiceName) })
        options.augmentation = arguments.host("data", as: DatasetObject.self).augmentation
        if case .host(let validation as DatasetObject) = arguments["validation"] {
          try model.checkTakes(validation.dataset, argument: "validation")
          options.validation = validation.dataset
        }
        let made = optimizer.make()
        if let schedule = try arguments.object(
          "schedule", as: ScheduleObject.self, context: context)
        {
          let steps = (data.count + batch - 1) / batch
          let resolved = try libraryCall(argument: "schedule") {
            try schedule.resolve(rate: optimizer.rate, epochs: epochs, stepsPerEpoch: steps)
          }
          options.schedule = resolved.schedule
          if let callback = resolved.callback { options.callbacks.append(callback) }
        }
        var stoppers: [any Callback] = []
        for object in try arguments.objects("callbacks", as: CallbackObject.self, context: context)
        {
          let callback = try object.callback()
          if callback is EarlyStopping {
            stoppers.append(callback)
          } else {
            options.callbacks.append(callback)
          }
        }
        // Early stopping last, so loggers and checkpoints see the epoch it stops after.
        options.callbacks += stoppers
        let trainer = Trainer(model: model.model, loss: loss, optimizer: made, options: options)
        model.trainingLoss = loss
        let count = context.session.runs.all.count + 1
        let name = arguments.isNone("name") ? "run \(count)" : arguments.string("name")
        let names = RunNames(
          model: arguments.writtenName(of: "model"), data: arguments.writtenName(of: "data"),
          validation: arguments.writtenName(of: "validation"))
        return .host(
          try TrainingRun(name: name, names: names).train(trainer, on: data, context: context))
      },
      Builtin(
        "resume", topic: .training,
        summary: "Continues a run's training for more epochs, optionally from a saved checkpoint.",
        parameters: [
          .required(
            "run", .host("run"), "The run to continue (its model, optimizer and position)."),
          .required("data", .host("dataset"), "The same training data."),
          .optional("epochs", .integer, default: .number(10), "How many more epochs."),
          .optional(
            "from", .either(.string, .none), default: .none,
            "A file from save_checkpoint to restore the position from first."),
        ],
        example: """
          data = moons(n: 100, seed: 1)
          run = fit(mlp(inputs: 2, seed: 1), data, epochs: 2, seed: 1)
          more = resume(run, data, epochs: 2)
          """
      ) { arguments, context in
        let run = arguments.host("run", as: RunObject.self)
        guard let trainer = run.trainer else {
          throw CallError(
            "this run was kept by an earlier session and has no trainer to continue",
            hint: "only the runs this session trained can be resumed",
            argument: "run")
        }
        if case .string(let path) = arguments["from"] {
          let url = try context.url(for: path, argument: "from", use: .read)
          try libraryCall(argument: "from") { try trainer.restoreState(from: url) }
        }
        let more = try arguments.integer("epochs", atLeast: 0, what: "`epochs`")
        trainer.options.epochs = trainer.epoch + more
        let settings = run.record.settings
        let names = RunNames(
          model: settings?.model.variable,
          data: arguments.writtenName(of: "data") ?? settings?.data.variable,
          validation: settings?.validation?.variable)
        return .host(
          try TrainingRun(name: run.record.name, names: names)
            .train(trainer, on: arguments.dataset("data"), context: context))
      },
      Builtin(
        "save_checkpoint", topic: .training,
        summary: "Saves a run's whole training state (weights, optimizer, position) to resume "
          + "it exactly.",
        parameters: [
          .required("run", .host("run"), "The run to save."),
          .required("path", .string, "The safetensors file to write."),
        ],
        example: """
          run = fit(mlp(inputs: 2, seed: 1), moons(n: 50, seed: 1), epochs: 1, seed: 1)
          save_checkpoint(run, "state.safetensors")
          """
      ) { arguments, context in
        let run = arguments.host("run", as: RunObject.self)
        guard let trainer = run.trainer else {
          throw CallError("this run has no training state to save", argument: "run")
        }
        let url = try context.url(for: arguments.string("path"), argument: "path")
        try trainer.saveState(to: url)
        return .none
      },
    ]
  }
}

extension OptimizerObject {
  /// `adam(lr: 0.001)`, what `fit` uses when given no optimizer.
  static var standard: OptimizerObject {
    OptimizerObject(name: "adam", rate: 0.001, settings: []) { Optimizer.adam(learningRate: 0.001) }
  }
}
