import Foundation
import Language
import Notebook
import Testing

/// A notebook's author may ship links in its folder. A link planted at every place a notebook's
/// code writes (files, the folders trainbook creates inside them, numbered checkpoints, the runs
/// folder) never carries a write out of the folder: the write is refused or replaces the link.
@Suite struct PlantedLinkTests {
  /// Code that writes, and the places (relative to the notebook) where it writes.
  static let writers: [(code: String, places: [String])] = [
    ("save_weights(net, \"w.safetensors\")", ["w.safetensors"]),
    ("save_checkpoint(run, \"s.safetensors\")", ["s.safetensors"]),
    (
      "fit(net, data, epochs: 2, seed: 1, callbacks: [checkpoint(\"b.safetensors\", "
        + "monitor: \"loss\")])", ["b.safetensors"]
    ),
    (
      "fit(net, data, epochs: 2, seed: 1, callbacks: [checkpoint(\"t.safetensors\", "
        + "state: true, keep: 2)])", ["t.safetensors", "t-epoch-1.safetensors"]
    ),
    ("fit(net, data, epochs: 1, seed: 1, callbacks: [log_epochs(\"log.csv\")])", ["log.csv"]),
    ("save_csv(data, \"d.csv\")", ["d.csv"]),
    ("save_idx(data, images: \"i.idx\", labels: \"l.idx\")", ["i.idx", "l.idx"]),
    ("scatter(data, to: \"s.svg\")", ["s.svg"]),
    ("export_tensorboard(runs(), to: \"tb\")", ["tb/x_run-1"]),
    ("export_tensorboard(runs(), to: \"tb3\")", ["tb3/x_run-1/train"]),
    ("export_tensorboard(runs(), to: \"tb2\")", ["tb2"]),
    ("export_pytorch(run, \"pt\")", ["pt"]),
    ("export_pytorch(run, \"pt2\")", ["pt2/train.py"]),
  ]

  @Test(arguments: writers.indices, [false, true])
  func aPlantedLinkNeverCarriesAWriteOut(writer: Int, toExistingFile: Bool) throws {
    try withSandboxFolders { root, book in
      let victim = root + "/victim"
      try FileManager.default.createDirectory(atPath: victim, withIntermediateDirectories: true)
      try Data("keep".utf8).write(to: URL(fileURLWithPath: victim + "/existing"))
      let (code, places) = Self.writers[writer]
      for place in places {
        let link = book + "/" + place
        try FileManager.default.createDirectory(
          atPath: URL(fileURLWithPath: link).deletingLastPathComponent().path,
          withIntermediateDirectories: true)
        let isFolder = !place.contains(".")
        let target = isFolder ? victim : victim + (toExistingFile ? "/existing" : "/new")
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target)
      }
      let runner = SessionRunner(sandbox: try FileSandbox(folder: book))
      let setup =
        "data = moons(n: 20, seed: 1)\nnet = mlp(inputs: 2, seed: 1)\n"
        + "run = fit(net, data, epochs: 1, seed: 1, name: \"x\")"
      _ = runner.run(cell: setup)
      let output = runner.run(cell: code)
      let left = try FileManager.default.contentsOfDirectory(atPath: victim)
      #expect(left == ["existing"], "\(code) wrote \(left) outside: \(output)")
      #expect(FileManager.default.contents(atPath: victim + "/existing") == Data("keep".utf8))
    }
  }
}
