import Language

/// A stand-in for a wrapped library object: a model with a few fields and two elements.
final class TestModel: HostObject {
  var typeName: String { "model" }
  var summary: String { "a test model with 2 layers" }
  var display: String { "model\n  layer 0\n  layer 1" }
  var fieldNames: [String] { ["layers", "parameters", "best_epoch"] }

  func field(named name: String) throws -> Value? {
    switch name {
    case "layers": .host(TestLayers())
    case "parameters": .number(12)
    case "best_epoch": throw CallError("this model was never trained", hint: "call fit first")
    default: nil
    }
  }
}

/// The layers of a `TestModel`, which index like a list.
final class TestLayers: HostObject {
  var typeName: String { "layers" }
  var summary: String { "2 layers" }
  var elementCount: Int? { 2 }
  func element(at index: Int) throws -> Value { .string("layer \(index)") }
}

/// A stand-in for a chart, which echoes as a chart piece.
final class TestChart: HostObject {
  var typeName: String { "chart" }
  var summary: String { "a line chart of 1 series" }
  var echo: OutputPiece { .chart(terminal: "|__", svg: "<svg/>") }
}

/// An error of a host library, as Learning might throw.
struct HostFailure: Error, CustomStringConvertible {
  var description: String { "dense(inputs: 3) cannot take data with 2 features" }
}

/// A session with the standard built-ins plus test ones: `model()` makes a `TestModel`,
/// `train(model, epochs:, optimizer:)` checks its arguments, `broken()` throws a host error,
/// `count_to(n)` emits each number and stops when cancelled.
func testSession() -> Session {
  var registry = BuiltinRegistry.standard
  registry.register(
    Builtin("model", topic: .models, summary: "A test model.", example: "model()") { _, _ in
      .host(TestModel())
    })
  let epochs = Declared.integer("epochs", default: 10, "How many passes over the data.")
  let optimizer = Declared.choice(
    "optimizer", "optimizer", ["sgd", "adam"], default: "sgd", "How to update the weights.")
  registry.register(
    Builtin(
      "train", topic: .training, summary: "Pretends to train.",
      parameters: [
        Declared<TestModel>.object("model", "model", "The model to train."), epochs, optimizer,
        Declared.number("lr", default: 0.01, "The learning rate."),
      ],
      example: "train(model(), epochs: 2)"
    ) { arguments, _ in
      let epochs = arguments[epochs]
      guard epochs > 0 else {
        throw CallError("epochs must be positive, got \(epochs)", argument: "epochs")
      }
      return .string("\(arguments[optimizer]) for \(epochs) epochs")
    })
  registry.register(
    Builtin("chart", topic: .plotting, summary: "A test chart.", example: "chart()") { _, _ in
      .host(TestChart())
    })
  registry.register(
    Builtin("broken", topic: .utilities, summary: "Always fails.", example: "") { _, _ in
      throw HostFailure()
    })
  let limit = Declared.integer("n", "Where to stop.")
  registry.register(
    Builtin(
      "count_to", topic: .utilities, summary: "Prints 1 to n, stopping on Ctrl-C.",
      parameters: [limit], example: "count_to(3)"
    ) { arguments, context in
      for i in 1...max(1, arguments[limit]) {
        try context.checkCancellation()
        context.print("\(i)")
        if i == 2 { context.session.cancellation.cancel() }
      }
      return .none
    })
  return refusingFiles(Session(registry: registry))
}

/// The full text of the first diagnostic running `source` gives, or nil if it gives none.
func firstDiagnostic(_ source: String, in session: Session = testSession()) -> String? {
  for case .error(let text) in session.run(source, origin: nil) { return text }
  return nil
}
