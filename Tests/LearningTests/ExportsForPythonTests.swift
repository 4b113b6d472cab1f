import Foundation
import Learning
import TestSupport
import Testing

// Files for References/check_exports.py, which loads them with the `safetensors` package, PyTorch
// (`load_state_dict(strict=True)`) and TensorBoard's `EventAccumulator`. Set LEARNING_EXPORTS to a
// folder to keep them there; the test checks them either way.

/// `count` values `start, start + step, …`, the pattern the Python check rebuilds.
private func ramp(_ count: Int, start: Float, step: Float) -> [Float] {
  (0..<count).map { start + Float($0) * step }
}

/// `torch.nn.Sequential(Linear(3, 4), ReLU(), Linear(4, 2))`'s `state_dict`.
private let sequentialWeights = SafetensorsFile(
  tensors: [
    NamedTensor(name: "0.weight", shape: [4, 3], values: ramp(12, start: -1, step: 0.125)),
    NamedTensor(name: "0.bias", shape: [4], values: ramp(4, start: 0.5, step: -0.25)),
    NamedTensor(name: "2.weight", shape: [2, 4], values: ramp(8, start: 0.75, step: -0.1875)),
    NamedTensor(name: "2.bias", shape: [2], values: [0.0625, -0.0625]),
  ],
  metadata: ["format": "pt", "producer": "trainbook \"Swift\"\n✓"])

/// A run with two series over three epochs and one final metric.
private let exportedRun = RunRecord(
  id: "20260101-000000-001", name: "export check",
  created: Date(timeIntervalSince1970: 1_767_225_600),
  history: ["loss": [0.9, 0.5, 0.25], "val_loss": [1.0, 0.625, 0.5], "seconds": [1, 1, 2]],
  finalMetrics: ["accuracy": 0.875], duration: 4)

@Test func exportsForPythonReadBack() throws {
  guard let kept = ProcessInfo.processInfo.environment["LEARNING_EXPORTS"] else {
    try withTemporaryFolder("exports") { try writeAndReadExports(in: $0) }
    return
  }
  let folder = URL(fileURLWithPath: kept)
  try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
  try writeAndReadExports(in: folder)
}

/// Writes the weights and TensorBoard files into `folder` and reads them back.
private func writeAndReadExports(in folder: URL) throws {
  let weights = folder.appendingPathComponent("sequential.safetensors")
  try sequentialWeights.write(to: weights)
  #expect(try SafetensorsFile.read(from: weights) == sequentialWeights)
  let events = try TensorBoardExport.write([exportedRun], to: folder.appendingPathComponent("tb"))
  let counts = try events.map { try TFRecord.records(in: [UInt8](try Data(contentsOf: $0))).count }
  // The session (version, start, end); train (version, loss and seconds × 3); validation.
  #expect(counts == [3, 1 + 6, 1 + 3])
}
