import Datasets
import Foundation
import Testing

@Suite struct BundledDatasetTests {
  /// Shapes and class counts from the datasets' README (counted there with Python's csv module).
  @Test(arguments: [
    ("iris", 150, 4, [50, 50, 50]),
    ("wine", 178, 13, [59, 71, 48]),
    ("breast_cancer", 569, 30, [212, 357]),
    ("digits", 1797, 64, [178, 182, 177, 183, 181, 182, 181, 179, 174, 180]),
    ("diabetes", 442, 10, []),
  ])
  func loadsWithTheDocumentedShape(name: String, samples: Int, features: Int, counts: [Int]) throws
  {
    let data = try Dataset.bundled(named: name)
    #expect(data.count == samples)
    #expect(data.featureCount == features)
    #expect(data.featureNames.count == features)
    #expect(data.classCounts == counts)
    #expect(data.classNames.count == counts.count)
    #expect(data.provenance == .bundled(name: name))
  }

  @Test func knowsItsClassNamesAndTask() throws {
    let iris = try BundledDataset.iris.load()
    #expect(iris.classNames == ["setosa", "versicolor", "virginica"])
    #expect(iris.task == .multiclass(classes: 3))
    #expect(iris.featureNames.first == "sepal_length_cm")
    #expect(Array(iris.features.prefix(4)) == [5.1, 3.5, 1.4, 0.2])
    let cancer = try BundledDataset.breastCancer.load()
    #expect(cancer.task == .binary)
    #expect(cancer.classNames == ["malignant", "benign"])
    let diabetes = try BundledDataset.diabetes.load()
    #expect(diabetes.task == .regression)
    #expect(Array(diabetes.targets.prefix(2)) == [151, 75])
  }

  @Test func summarisesInOneLine() throws {
    #expect(
      try Dataset.bundled(named: "iris").summary == "150 samples × 4 features, 3 classes (iris)")
  }

  @Test func unknownNameSuggestsTheClosest() {
    #expect {
      try Dataset.bundled(named: "irsi")
    } throws: { error in
      let error = error as? DataError
      return error?.kind == .unknownDataset
        && error?.description == """
          there is no bundled dataset called "irsi"
            hint: did you mean iris? the bundled datasets are iris, wine, breast_cancer, digits, \
          diabetes
          """
    }
  }
}

@Suite struct ResourceFolderTests {
  @Test func aMissingResourceFolderIsAnErrorNotACrash() {
    let empty = FileManager.default.temporaryDirectory.appendingPathComponent("nowhere-\(UUID())")
    #expect {
      try resourcesFolder(searching: [empty])
    } throws: { error in
      let error = error as? DataError
      return error?.kind == .resourcesNotFound
        && error?.description == """
          the bundled datasets are missing; looked in \
          \(empty.path)/trainbook_Datasets.resources, \(empty.path)/trainbook_Datasets.bundle
            hint: keep the trainbook_Datasets.resources folder beside the trainbook executable
          """
    }
  }
}
