import Foundation
import Language

/// A stand-in for the language session: each cell's output is looked up in a script, and every
/// run is remembered, so tests can drive replay without the interpreter.
final class ScriptedRunner: CellRunner {
  var script: [String: [OutputPiece]]
  private(set) var ran: [String] = []
  /// The stopping point each run was given, in order.
  private(set) var stops: [TrainingStop?] = []

  init(_ script: [String: [OutputPiece]]) {
    self.script = script
  }

  func run(cell source: String, stoppingTrainingAt stop: TrainingStop?) -> [OutputPiece] {
    ran.append(source)
    stops.append(stop)
    return script[source] ?? [.error("line 1, column 1: unknown cell `\(source)`")]
  }
}

/// The session a learner might have typed, with its outputs.
let sampleScript: [String: [OutputPiece]] = [
  "data = moons(n: 400, noise: 0.25, seed: 1)": [
    .text("data: 400 samples × 2 features, binary (moons, noise 0.25, seed 1)")
  ],
  "run = fit(net, data, epochs: 3)": [
    .progress("epoch 1/3 loss 0.6931\nepoch 2/3 loss 0.5120\nepoch 3/3 loss 0.4210"),
    .text("best epoch 3: loss 0.4210, accuracy 81.25%"),
    .timing("0.42 s"),
  ],
  "plot(run)": [
    .chart(terminal: "loss\n0.69 ┤╮\n0.42 ┤╰──\n     └───\n      1  3", svg: "<svg></svg>")
  ],
  "fit(net, data, epoch: 3)": [
    .error("line 1, column 16: `fit` has no argument `epoch`; did you mean `epochs`?")
  ],
]

/// The cells of the sample session in the order they run.
let sampleCells = [
  "data = moons(n: 400, noise: 0.25, seed: 1)", "run = fit(net, data, epochs: 3)", "plot(run)",
  "fit(net, data, epoch: 3)",
]
