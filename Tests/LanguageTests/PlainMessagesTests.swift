import Foundation
import Language
import TestSupport
import Testing

/// Messages that say what is wrong in the learner's words, with a hint where one helps; and no
/// raw system error (`Error Domain=NSCocoaErrorDomain Code=260 …`) anywhere.
@Suite struct PlainMessagesTests {
  /// Mistakes with files, each in every built-in that opens or writes one.
  static let fileMistakes = [
    "load_csv(\"nope.csv\")", "load_csv(\"folder\")", "load_weights(net, \"nope.safetensors\")",
    "load_weights(net, \"folder\")", "load_idx(images: \"nope\", labels: \"nope\")",
    "resume(run, data, epochs: 1, from: \"nope.safetensors\")",
    "resume(run, data, epochs: 1, from: \"folder\")",
    "save_weights(net, \"missing/net.safetensors\")", "save_weights(net, \"folder\")",
    "save_csv(data, \"missing/data.csv\")", "save_csv(data, \"folder\")",
    "save_idx(data, images: \"missing/x\", labels: \"missing/y\")",
    "save_checkpoint(run, \"missing/state.safetensors\")", "scatter(data, to: \"missing/a.svg\")",
    "scatter(data, to: \"folder\")", "export_tensorboard([run], to: \"file.txt/tb\")",
    "export_pytorch(run, \"file.txt\")", "export_pytorch(run, \"file.txt/pt\")",
  ]

  /// Every message the file mistakes produce, and every transcript, notebook and lesson the
  /// tests replay, is free of system error text.
  @Test func noSystemErrorTextReachesALearner() throws {
    try withSessionInTemporaryFolder { session, folder in
      try FileManager.default.createDirectory(
        atPath: folder + "/folder", withIntermediateDirectories: false)
      try Data("text".utf8).write(to: URL(fileURLWithPath: folder + "/file.txt"))
      _ = outputs(
        """
        data = moons(n: 20, seed: 1)
        net = mlp(inputs: 2, hidden: [4], seed: 1)
        run = fit(net, data, epochs: 1)
        """, in: session)
      for call in Self.fileMistakes {
        let text = outputs(call, in: session)
        #expect(text.hasPrefix("ERROR: "), "\(call): \(text)")
        #expect(!text.contains("Domain="), "\(call): \(text)")
        #expect(!text.contains("NSCocoa"), "\(call): \(text)")
      }
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let folders = ["Tests/LanguageTests/Transcripts", "notebooks", "lessons"]
    for folder in folders {
      let files = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
      while let file = files?.nextObject() as? String {
        let path = root.appendingPathComponent(folder).appendingPathComponent(file).path
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
        #expect(!text.contains("NSCocoaErrorDomain"), "\(folder)/\(file)")
      }
    }
  }

  @Test func aMissingWeightsFileIsAPlainSentence() throws {
    try withSessionInTemporaryFolder { session, folder in
      let text = outputs(
        "net = mlp(inputs: 2, seed: 1)\nload_weights(net, \"nope.safetensors\")", in: session)
      #expect(
        text.hasSuffix(
          "ERROR: line 2, column 19: cannot read the weights: there is no file at "
            + "\(folder)/nope.safetensors\n  load_weights(net, \"nope.safetensors\")\n"
            + "                    ^~~~~~~~~~~~~~~~~~"))
    }
  }

  @Test func aBareBuiltinSaysHowToCallIt() {
    let session = Session()
    #expect(outputs("help", in: session) == outputs("help()", in: session))
    #expect(outputs("help", in: session).hasPrefix("Built-in functions by topic"))
    let bare = outputs("len", in: session)
    #expect(bare.hasPrefix("len("))
    #expect(bare.contains("\n  How many elements a list (or characters a string) has.\n"))
    #expect(bare.hasSuffix("(a built-in function: call it with parentheses; help(len) says more)"))
  }

  @Test func aLearningRateGivenToFitPointsToTheOptimizer() {
    let text = outputs(
      "data = moons(n: 20, seed: 1)\nnet = mlp(inputs: 2, seed: 1)\nfit(net, data, lr: 0.1)",
      in: Session())
    #expect(
      text.hasSuffix(
        "hint: the learning rate belongs to the optimizer: `optimizer: adam(lr: 0.1)` "
          + "(or sgd, rmsprop, …)"))
  }

  @Test func tooFewOutputsForTheClassesSaysWhatToBuild() {
    let text = outputs(
      "iris = load(\"iris\")\nnet = mlp(inputs: 4, outputs: 1, seed: 1)\n"
        + "fit(net, iris, loss: cross_entropy, epochs: 1)", in: Session())
    #expect(
      text.contains(
        "the model has 1 output but the data has classes up to 2: cross_entropy needs one "
          + "output per class; build the model with outputs: 3"))
  }

  @Test func indexingAHistoryPointsToItsFields() {
    let text = outputs(
      "data = moons(n: 20, seed: 1)\nr = fit(mlp(inputs: 2, seed: 1), data, epochs: 1)\n"
        + "r.history[0]", in: Session())
    #expect(
      text.hasSuffix(
        "hint: it has fields, not elements: `.loss`, `.lr`, `.seconds`; each is a list to "
          + "index, e.g. `.loss[0]`"))
  }

  @Test func aNearMissPrefersTheNameItBegins() {
    #expect(outputs("sin(3)", in: Session()).contains("unknown name `sin`; did you mean `sine`?"))
  }

  @Test func theDecisionThresholdIsDocumented() {
    let help = outputs("help(accuracy)", in: Session())
    #expect(help.contains("class 1 when its probability is above 0.5"))
  }
}
