import Datasets
import Testing

@Test func datasetCountsSamples() {
  let data = Dataset(
    name: "two", features: [1, 2, 3, 4], featureCount: 2, targets: [0, 1], task: .binary,
    provenance: .file(path: "two.csv"))
  #expect(data.count == 2)
  #expect(data.featureNames == ["x0", "x1"])
}
