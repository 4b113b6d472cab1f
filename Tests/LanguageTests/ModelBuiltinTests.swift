import Engine
import Language
import Learning
import Testing

/// Building, inspecting, freezing and copying models through the language.
struct ModelBuiltinTests {
  @Test func mlpCountsParameters() throws {
    let session = Session()
    #expect(
      outputs("net = mlp(inputs: 2, hidden: [64, 64], outputs: 1, seed: 3)", in: session)
        == "net: model 2 → 64 → 64 → 1 (5 layers, 4417 parameters)")
    // (2·64 + 64) + (64·64 + 64) + (64 + 1)
    let count: Int = (2 * 64 + 64) + (64 * 64 + 64) + (64 + 1)
    #expect(outputs("net.parameters", in: session) == String(count))
  }

  @Test func mlpWithDropoutAndOtherActivations() {
    let session = Session()
    _ = session.run(
      "net = mlp(inputs: 3, hidden: [8, 4], outputs: 2, activation: tanh, dropout: 0.3)",
      origin: nil)
    #expect(
      outputs("net", in: session) == """
        model 3 → 8 → 4 → 2 (7 layers, 78 parameters)
          layer 0: dense(3, 8), 32 parameters
          layer 1: tanh()
          layer 2: dropout(0.3)
          layer 3: dense(8, 4), 36 parameters
          layer 4: tanh()
          layer 5: dropout(0.3)
          layer 6: dense(4, 2), 10 parameters
        """)
    #expect(
      firstDiagnostic("mlp(inputs: 2, activation: \"rleu\")")?.hasPrefix(
        "line 1, column 28: unknown activation `rleu`; did you mean `relu`?") == true)
    #expect(
      firstDiagnostic("mlp(inputs: 2, hidden: [8, 0])")?.hasPrefix(
        "line 1, column 16: every hidden size must be at least 1, got 0") == true)
    #expect(
      firstDiagnostic("mlp(inputs: 2, dropout: 1)")?.hasPrefix(
        "line 1, column 16: `dropout` must be from 0 up to (not including) 1, got 1") == true)
    #expect(firstDiagnostic("mlp(inputs: 100000, hidden: [100000])")?.contains("too large") == true)
    #expect(
      firstDiagnostic("mlp(inputs: 2, hidden: [5000, 5000, 5000])")?.hasPrefix(
        "line 1, column 16: this model would have more than 50000000 weights") == true)
  }

  @Test func sequentialChecksThatConsecutiveSizesFit() {
    let session = Session()
    #expect(
      outputs(
        "net = sequential(dense(2, 16), relu(), dropout(0.2), batchnorm(16), dense(16, 1))",
        in: session) == "net: model 2 → 16 → 1 (5 layers, 97 parameters)")
    #expect(
      firstDiagnostic("sequential(dense(2, 16), relu(), dense(3, 1))") == """
        line 1, column 1: layer 2, dense(3, 1), takes 3 features but the layer before it gives 16
          sequential(dense(2, 16), relu(), dense(3, 1))
          ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
          hint: write dense(16, 1) instead
        """)
    #expect(
      firstDiagnostic("sequential(dense(3, 4), inputs: 2)")?.hasPrefix(
        "line 1, column 1: layer 0, dense(3, 4), takes 3 features but the data has 2") == true)
    #expect(
      firstDiagnostic("sequential(dense(2, 4), batchnorm(5))")?.contains(
        "hint: write batchnorm(4) instead") == true)
    #expect(
      firstDiagnostic("sequential()")?.hasPrefix(
        "line 1, column 1: a model needs at least one layer") == true)
    #expect(firstDiagnostic("sequential(relu())")?.contains("give it with inputs:") == true)
    #expect(
      firstDiagnostic("d = dense(2, 2)\nsequential(d, d)")?.hasPrefix(
        "line 2, column 1: layer 1, dense(2, 2), appears twice in this model") == true)
    #expect(outputs("sequential(relu(), inputs: 3).outputs", in: session) == "3")
    #expect(
      firstDiagnostic("sequential(dense(2, 2), 3)")?.hasPrefix(
        "line 1, column 25: expected a layer for `layers`, got 3") == true)
  }

  @Test func layersShowHowTheyAreWrittenAndTheirFields() {
    let session = Session()
    #expect(outputs("leaky_relu(0.1)", in: session) == "layer leaky_relu(0.1)")
    #expect(outputs("elu()", in: session) == "layer elu(1)")
    for name in ["relu", "sigmoid", "tanh", "gelu", "softplus"] {
      #expect(outputs("\(name)()", in: session) == "layer \(name)()")
    }
    _ = session.run(
      "net = sequential(dense(2, 3, seed: 1), dropout(0.25), batchnorm(3))", origin: nil)
    #expect(
      outputs("net.layers[0]", in: session).hasPrefix(
        "layer 0: dense(2, 3), 9 parameters\n"
          + "  tensor 0.weight [3, 2]: mean"))
    #expect(
      outputs(
        "[net.layers[0].inputs, net.layers[0].outputs, net[1].p, net[2].features]",
        in: session) == "[2, 3, 0.25, 3]")
    #expect(outputs("net[2].running_var.mean", in: session) == "1")
    #expect(outputs("net[1].type", in: session) == "\"dropout\"")
    #expect(
      firstDiagnostic("dropout(1.5)")?.hasPrefix(
        "line 1, column 9: a dropout probability must be from 0 up to (not including) 1, got 1.5")
        == true)
    #expect(
      firstDiagnostic("dense(0, 3)")?.hasPrefix(
        "line 1, column 7: `inputs` must be at least 1, got 0") == true)
    #expect(
      firstDiagnostic("dense(2, 3, init: \"xavier\")")?.contains(
        "unknown initialization `xavier`") == true)
    #expect(
      firstDiagnostic("batchnorm(4, momentum: 2)")?.hasPrefix(
        "line 1, column 14: `momentum` must be between 0 and 1, got 2") == true)
    #expect(
      firstDiagnostic("net.layers[0].wieght", in: session)?.contains(
        "did you mean `weight`?") == true)
  }

  @Test func tensorsShowStatisticsComputedFromTheirValues() throws {
    let session = Session()
    _ = session.run(
      "net = mlp(inputs: 3, hidden: [5], seed: 2)\nw = net.layers[0].weight",
      origin: nil)
    let weight = try #require(model("net", in: session)).model.parameters[0]
    let values = weight.value.map(Double.init)
    let mean = values.reduce(0, +) / Double(values.count)
    let deviation =
      (values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +)
      / Double(values.count)).squareRoot()
    let norm = values.map { $0 * $0 }.reduce(0, +).squareRoot()
    for (field, expected) in [
      ("mean", mean), ("std", deviation), ("norm", norm),
      ("min", values.min() ?? 0), ("max", values.max() ?? 0),
    ] {
      _ = session.run("v = w.\(field)", origin: nil)
      #expect(abs((number("v", in: session) ?? .nan) - expected) < 1e-9, "\(field)")
    }
    #expect(outputs("w.shape", in: session) == "[5, 3]")
    #expect(outputs("len(w)", in: session) == "5")
    #expect(outputs("w[1].shape", in: session) == "[3]")
    #expect(outputs("w", in: session).hasPrefix("0.weight: tensor [5, 3] (trainable)\n"))
    // The tensor is live: a gradient computed after binding shows through `.grad`.
    _ = session.run(
      "l = loss_of(net, linear(n: 8, weights: [1, 2, 3], seed: 1))\nbackward(net)\ngm = w.grad.mean",
      origin: nil)
    let gradientMean = weight.gradient.map(Double.init).reduce(0, +) / Double(weight.count)
    #expect(gradientMean != 0)
    #expect(abs((number("gm", in: session) ?? .nan) - gradientMean) < 1e-6)
    #expect(outputs("w.grad", in: session).hasPrefix("0.weight.grad: tensor [5, 3]\n"))
    #expect(firstDiagnostic("w.grad.grad", in: session)?.contains("no field `grad`") == true)
  }

  @Test func summaryPrintsTheKerasTable() throws {
    let session = Session()
    _ = session.run("net = mlp(inputs: 2, hidden: [4])", origin: nil)
    let net = try #require(model("net", in: session))
    #expect(outputs("summary(net)", in: session) == net.model.summary.description)
    #expect(net.model.summary.description.contains("Total params: 17"))
  }

  @Test func freezeAndUnfreezeChangeWhatTrains() throws {
    let session = Session()
    _ = session.run("net = mlp(inputs: 2, hidden: [4], outputs: 1)", origin: nil)
    #expect(
      outputs("freeze(net, layers: 0)", in: session)
        == "5 of 17 parameters train; frozen layers: 0")
    #expect(outputs("net.layers[0].weight.frozen", in: session) == "true")
    #expect(
      outputs("unfreeze(net)", in: session) == "17 of 17 parameters train; frozen layers: none")
    #expect(
      outputs("freeze(net, layers: [-1])\nnet.frozen_layers", in: session)
        == "12 of 17 parameters train; frozen layers: 2\n[2]")
    #expect(outputs("freeze(net)", in: session) == "0 of 17 parameters train; frozen layers: 0, 2")
    #expect(
      firstDiagnostic("freeze(net, layers: [0, 5])", in: session)?.hasPrefix(
        "line 1, column 13: there is no layer 5; this model has layers 0 to 2") == true)
  }

  @Test func copyIsIndependentOfTheOriginal() throws {
    let session = Session()
    _ = session.run(
      "net = sequential(dense(2, 3), batchnorm(3), relu(), dense(3, 1))\nfreeze(net, layers: 0)\n"
        + "twin = copy(net)", origin: nil)
    let net = try #require(model("net", in: session)).model
    let twin = try #require(model("twin", in: session)).model
    #expect(twin.stateDict() == net.stateDict())
    #expect(twin.parameters.map(\.isFrozen) == net.parameters.map(\.isFrozen))
    twin.parameters[0].value[0] += 1
    #expect(twin.parameters[0].value[0] != net.parameters[0].value[0])
    #expect(outputs("twin == net", in: session) == "false")
  }
}
