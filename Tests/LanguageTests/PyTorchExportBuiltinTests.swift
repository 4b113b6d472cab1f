import Foundation
import Language
import Learning
import TestSupport
import Testing

/// `export_pytorch` at the prompt: what it writes and says, and the runs it refuses.
@Suite struct PyTorchExportBuiltinTests {
  let setup = """
    data = moons(n: 80, noise: 0.2, seed: 1)
    train, val = split(data, [0.75, 0.25], seed: 1)
    train, val = standardize(train, val)
    net = mlp(inputs: 2, hidden: [8], outputs: 1, dropout: 0.1, seed: 1)
    run = fit(net, train, validation: val, epochs: 2, batch: 16, seed: 1, name: "small")
    """

  @Test func writesTheFolderAndSaysHowToRunIt() throws {
    try withSessionInTemporaryFolder { session, folder in
      runClean(setup, in: session)
      let said = outputs("export_pytorch(run, \"small-pytorch\")", in: session)
      #expect(said.hasPrefix("wrote small-pytorch/: train.py, trainbook_order.py"))
      #expect(said.contains("cd small-pytorch && python train.py"))
      #expect(said.contains("note: Dropout masks come from PyTorch's generator"))
      let written = URL(fileURLWithPath: folder).appendingPathComponent("small-pytorch")
      let file = try SafetensorsFile.read(from: written.appendingPathComponent("data.safetensors"))
      let standardized = try #require(dataset("train", in: session))
      #expect(file["train.features"]?.values == standardized.features)
      #expect(file["validation.targets"]?.values == dataset("val", in: session)?.targets)
    }
  }

  @Test func aFileInPlaceOfTheFolderIsRefusedAtTheArgument() throws {
    try withSessionInTemporaryFolder { session, folder in
      try Data("text".utf8).write(to: URL(fileURLWithPath: folder + "/taken"))
      runClean(setup, in: session)
      let message = firstDiagnostic("export_pytorch(run, \"taken\")", in: session)
      #expect(
        message?.hasPrefix(
          "line 1, column 21: cannot write into \"taken\": it exists and is not a folder") == true,
        "\(message ?? "")")
    }
  }

  @Test func aResumedRunIsRefusedWithTheRunToExportInstead() throws {
    try withSessionInTemporaryFolder { session, _ in
      runClean(setup + "\nmore = resume(run, train, epochs: 1)", in: session)
      let message = firstDiagnostic("export_pytorch(more, \"out\")", in: session)
      #expect(message?.contains("continues an earlier fit (resume)") == true, "\(message ?? "")")
      runClean("export_pytorch(run, \"out\")", in: session)
    }
  }

  @Test func aRunOfAnEarlierSessionIsRefusedWithTheCommandThatCanExportIt() throws {
    try withSessionInTemporaryFolder { session, folder in
      let runs = URL(fileURLWithPath: folder).appendingPathComponent("runs")
      session.runs.keep(in: runs)
      runClean(setup, in: session)
      let later = Session()
      later.resolvePath = session.resolvePath
      later.runs.keep(in: runs)
      let message = firstDiagnostic("export_pytorch(runs(all: true)[0], \"out\")", in: later)
      #expect(message?.contains("was kept by an earlier session") == true, "\(message ?? "")")
      #expect(message?.contains("trainbook export-pytorch NOTEBOOK --run \"small\"") == true)
    }
  }
}
