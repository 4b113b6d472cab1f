import Datasets
import Foundation
import Learning
import TestSupport
import Testing

private let start = Date(timeIntervalSince1970: 1_790_000_000.75)

/// Settings of a small SGD run on moons with learning rate `lr` and batch size `batch`.
private func sampleSettings(lr: Double = 0.1, batch: Int = 32) -> RunSettings {
  RunSettings(
    model: RunSettings.Model(
      variable: "net", layers: "Linear(2→8), ReLU, Linear(8→1)", inputs: 2, hidden: [8],
      outputs: 1, parameters: 33),
    loss: RunComponent("bce"), optimizer: RunComponent("sgd", ["lr": .number(lr)]), epochs: 3,
    batchSize: batch, seed: 7,
    data: RunData(
      Dataset(
        name: "iris", features: [1, 2], featureCount: 1, targets: [0, 1], task: .binary,
        provenance: .bundled(name: "iris")), variable: "train"), version: "test")
}

private func sampleRun(
  id: String = "20260921-141320-001", name: String = "baseline",
  settings: RunSettings? = sampleSettings()
) -> RunRecord {
  RunRecord(
    id: id, name: name, created: start, settings: settings,
    history: [
      "loss": [0.9, 0.5, 0.4], "val_loss": [1.0, 0.45, 0.6], "lr": [0.1, 0.1, 0.01],
      "accuracy": [0.5, 0.75, .nan],
    ],
    finalMetrics: ["loss": 0.4, "val_loss": 0.6, "accuracy": 0.8125], duration: 3.5,
    status: .stoppedEarly,
    message: "stopped after epoch 3")
}

@Test func runRecordRoundTripsThroughJSONWithNaN() throws {
  let run = sampleRun()
  #expect(run.created.timeIntervalSince1970 == 1_790_000_000)
  let decoded = try RunRecord(json: try run.jsonData())
  #expect(decoded.history["accuracy"]?[2].isNaN == true)
  #expect(decoded.history["loss"] == run.history["loss"])
  #expect(decoded.created == run.created)
  #expect(decoded.status == .stoppedEarly)
  #expect(decoded.settings == run.settings && decoded.settings?.optimizer.name == "sgd")
  #expect(decoded.finalMetrics == run.finalMetrics)
  #expect(decoded.bestEpoch == 2)
  #expect(String(decoding: try run.jsonData(), as: UTF8.self).contains("\"stopped_early\""))
}

@Test func historyCSVOrdersColumnsAndNumbersEpochsFromOne() {
  #expect(
    sampleRun().historyCSV == """
      epoch,loss,val_loss,accuracy,lr
      1,0.9,1.0,0.5,0.1
      2,0.5,0.45,0.75,0.1
      3,0.4,0.6,nan,0.01

      """)
}

@Test func runStoreSavesListsAndLoadsRuns() throws {
  try withTemporaryFolder { folder in
    let store = RunStore(folder: folder.appendingPathComponent("runs"))
    #expect(try store.list().isEmpty)
    let first = try store.makeID(createdAt: start)
    let second = try store.makeID(createdAt: start)
    let later = try store.makeID(createdAt: start.addingTimeInterval(1))
    #expect(first == "20260921-141320-001")
    #expect(second == "20260921-141320-002")
    #expect([later, second, first].sorted() == [first, second, later])
    try store.save(sampleRun(id: second, name: "second"))
    try store.save(sampleRun(id: first, name: "first"))
    try store.save(sampleRun(id: first, name: "first, renamed"))
    #expect(try store.list().map(\.name) == ["first, renamed", "second"])
    let loaded = try store.load(id: second)
    #expect(loaded.name == "second")
    #expect(loaded.history["val_loss"] == [1.0, 0.45, 0.6])
    let files = try FileManager.default.contentsOfDirectory(atPath: store.folder.path).sorted()
    #expect(files == ["\(first).csv", "\(first).json", "\(second).csv", "\(second).json"])
    #expect(try store.makeID(createdAt: start) == "20260921-141320-003")
  }
}

@Test func runStoreRejectsBadIdsAndFiles() throws {
  try withTemporaryFolder { folder in
    let store = RunStore(folder: folder)
    #expect(throws: RunStoreError.self) { try store.load(id: "../etc/passwd") }
    #expect(throws: RunStoreError.self) { try store.load(id: "missing") }
    try Data("{\"id\": 3}".utf8).write(to: folder.appendingPathComponent("broken.json"))
    #expect(throws: RunStoreError.self) { try store.load(id: "broken") }
  }
}

@Test func comparisonTableAlignsColumns() {
  let other = RunRecord(
    id: "b", name: "wider model", created: start, history: ["loss": [0.7, 0.31]],
    duration: 12.25, status: .finished)
  let table = RunComparison.table([sampleRun(settings: nil), other])
  #expect(
    table == """
      name         status         epochs  best val_loss    loss  val_loss  accuracy    time
      baseline     stopped early       3  0.4500 @ 2     0.4000    0.6000    0.8125   3.5 s
      wider model  finished            2  –              0.3100         –         –  12.2 s

      """)
}

/// `compare` sets side by side exactly the settings that differ: here the rate and the batch.
@Test func comparisonShowsTheSettingsThatDiffer() {
  let runs = [
    sampleRun(id: "a", name: "slow"),
    sampleRun(id: "b", name: "fast", settings: sampleSettings(lr: 1)),
    sampleRun(id: "c", name: "big batch", settings: sampleSettings(batch: 64)),
  ]
  #expect(RunComparison.differingSettings(runs).map(\.name) == ["lr", "batch_size"])
  #expect(
    RunComparison.table(runs) == """
      name       status         epochs  best val_loss   lr  batch_size    loss  val_loss  accuracy   time
      slow       stopped early       3  0.4500 @ 2     0.1          32  0.4000    0.6000    0.8125  3.5 s
      fast       stopped early       3  0.4500 @ 2       1          32  0.4000    0.6000    0.8125  3.5 s
      big batch  stopped early       3  0.4500 @ 2     0.1          64  0.4000    0.6000    0.8125  3.5 s

      """)
}

@Test func epochLoggerAppendsCSVAndJSONLines() throws {
  try withTemporaryFolder { folder in
    var csv = try EpochLogFile(url: folder.appendingPathComponent("log.csv"), format: .csv)
    try csv.append(epoch: 1, values: ["loss": 0.5, "val_loss": 0.75, "lr": 0.1])
    try csv.append(epoch: 2, values: ["loss": .nan, "lr": 0.1, "extra": 1])
    #expect(
      try String(contentsOf: csv.url, encoding: .utf8)
        == "epoch,loss,val_loss,lr\n1,0.5,0.75,0.1\n2,nan,,0.1\n")
    var lines = try EpochLogFile(
      url: folder.appendingPathComponent("log.jsonl"), format: .jsonLines)
    try lines.append(epoch: 1, values: ["loss": 0.5, "accuracy": 1])
    try lines.append(epoch: 2, values: ["loss": .infinity])
    #expect(
      try String(contentsOf: lines.url, encoding: .utf8)
        == "{\"epoch\":1,\"loss\":0.5,\"accuracy\":1.0}\n{\"epoch\":2,\"loss\":\"inf\"}\n")
  }
}

/// Like Keras: `train` and `validation` sub-runs with the same tags, and the run's settings as an
/// HParams session in the run's own folder; no one-point `final/*` series.
@Test func runsExportToTensorBoardAsKerasDoes() throws {
  try withTemporaryFolder { folder in
    let files = try TensorBoardExport.write([sampleRun()], to: folder)
    let run = folder.appendingPathComponent("baseline_20260921-141320-001")
    let name = "events.out.tfevents.1790000000.trainbook"
    #expect(
      files.map(\.path) == [
        run.appendingPathComponent(name).path,
        run.appendingPathComponent("train").appendingPathComponent(name).path,
        run.appendingPathComponent("validation").appendingPathComponent(name).path,
      ])
    func text(_ file: URL) throws -> [String] {
      try TFRecord.records(in: [UInt8](try Data(contentsOf: file)))
        .map { String(decoding: $0, as: UTF8.self) }
    }
    let train = try text(files[1])
    let validation = try text(files[2])
    // The version record, then 3 epochs of loss, accuracy and lr.
    #expect(train.count == 1 + 9 && validation.count == 1 + 3)
    #expect(validation.dropFirst().allSatisfy { $0.contains("loss") && !$0.contains("val_") })
    #expect(!(train + validation).contains { $0.contains("final/") })
    let session = try text(files[0])
    #expect(session.count == 3)
    #expect(session[1].contains("_hparams_/session_start_info") && session[1].contains("hparams"))
    #expect(session[1].contains("batch_size") && session[1].contains("sgd"))
    #expect(session[2].contains("_hparams_/session_end_info"))
  }
}
