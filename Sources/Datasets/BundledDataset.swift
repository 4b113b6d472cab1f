import Foundation
import Support
import Synchronization

/// The bundled datasets parsed so far.
private let loadedDatasets = Mutex<[BundledDataset: Dataset]>([:])

/// The real datasets shipped with trainbook: small classic sets from the UCI Machine Learning
/// Repository (CC BY 4.0), stored as CSV with the target in the last column.
public enum BundledDataset: String, CaseIterable, Sendable {
  /// Fisher's irises (1936): 150 flowers × 4 measurements, 3 species.
  case iris
  /// Forina et al.'s wines: 178 wines × 13 chemical measurements, 3 cultivars.
  case wine
  /// Wolberg, Street and Mangasarian's breast cancer (diagnostic): 569 × 30, malignant or benign.
  case breastCancer = "breast_cancer"
  /// Alpaydin and Kaynak's handwritten digits: 1797 8×8 images (pixels 0–16), 10 classes.
  case digits
  /// Efron et al.'s diabetes (2004): 442 patients × 10 raw measurements, a progression score.
  case diabetes

  /// The name to load it by, as typed at the prompt.
  public var name: String { rawValue }

  /// One line saying what it is.
  public var summary: String {
    switch self {
    case .iris: "150 iris flowers, 4 measurements, 3 species (Fisher 1936)"
    case .wine: "178 Italian wines, 13 chemical measurements, 3 cultivars (Forina et al.)"
    case .breastCancer:
      "569 breast tumour biopsies, 30 cell-nucleus features, malignant or benign (Wolberg et al.)"
    case .digits: "1797 handwritten digits as 8×8 images with pixels 0–16, 10 classes"
    case .diabetes:
      "442 diabetes patients, 10 raw measurements, progression after one year (regression)"
    }
  }

  /// The names of the classes, class `i` first; empty for regression.
  public var classNames: [String] {
    switch self {
    case .iris: ["setosa", "versicolor", "virginica"]
    case .wine: ["class_0", "class_1", "class_2"]
    case .breastCancer: ["malignant", "benign"]
    case .digits: (0...9).map(String.init)
    case .diabetes: []
    }
  }

  /// What the targets mean.
  public var task: Task {
    switch self {
    case .iris, .wine: .multiclass(classes: 3)
    case .breastCancer: .binary
    case .digits: .multiclass(classes: 10)
    case .diabetes: .regression
    }
  }

  /// Loads the dataset from the package's resources (parsed once per process, then copied from
  /// memory).
  public func load() throws(DataError) -> Dataset {
    if let cached = loadedDatasets.withLock({ $0[self] }) { return cached }
    let dataset = try parse()
    loadedDatasets.withLock { $0[self] = dataset }
    return dataset
  }

  /// Reads and parses the dataset's CSV file.
  private func parse() throws(DataError) -> Dataset {
    let folder = try resourcesFolder()
    let path = folder.appendingPathComponent(rawValue + ".csv").path
    let kind: CSVOptions.TargetKind = task == .regression ? .regression : .classification
    var dataset = try Dataset.csv(
      text: String(decoding: try readFile(path), as: UTF8.self), file: rawValue + ".csv",
      name: rawValue, options: CSVOptions(targetKind: kind), provenance: .bundled(name: rawValue))
    if task != .regression {
      // The files number the classes 0..<k already; keep those numbers, named as documented.
      dataset.task = task
      dataset.classNames = classNames
    }
    return dataset
  }
}

extension Dataset {
  /// Loads the bundled dataset called `name` ("iris", "wine", "breast_cancer", "digits",
  /// "diabetes"), or throws an error that lists the known names.
  public static func bundled(named name: String) throws(DataError) -> Dataset {
    let normalized = name.lowercased().replacingOccurrences(of: " ", with: "_")
    guard let dataset = BundledDataset(rawValue: normalized) else {
      let names = BundledDataset.allCases.map(\.name)
      let guess = closestName(to: normalized, in: names).map { "did you mean \($0)? " } ?? ""
      throw DataError(
        .unknownDataset, "there is no bundled dataset called \"\(name)\"",
        hint: guess + "the bundled datasets are " + names.joined(separator: ", "))
    }
    return try dataset.load()
  }
}

/// The folder holding the bundled CSV files.
///
/// SwiftPM copies them into a `trainbook_Datasets.resources` folder (a `.bundle` on macOS) beside
/// the built executable. This looks for it beside the running executable (through
/// `/proc/self/exe` on Linux), beside `Bundle.main` and beside every loaded bundle (which covers
/// test bundles), instead of SwiftPM's `Bundle.module`, which stops the program when the folder is
/// missing.
func resourcesFolder() throws(DataError) -> URL {
  var places: [URL] = []
  if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
    places.append(URL(fileURLWithPath: executable).deletingLastPathComponent())
  }
  if let executable = Bundle.main.executableURL {
    places.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
  }
  places.append(Bundle.main.bundleURL)
  places += Bundle.allBundles.map { $0.bundleURL.deletingLastPathComponent() }
  return try resourcesFolder(searching: places)
}

/// The first `trainbook_Datasets` resource folder found in one of `places`, or an error naming
/// every folder looked in.
package func resourcesFolder(searching places: [URL]) throws(DataError) -> URL {
  let names = ["trainbook_Datasets.resources", "trainbook_Datasets.bundle"]
  let subfolders = ["Resources", "Contents/Resources/Resources"]
  var searched: [String] = []
  for place in places {
    for name in names {
      for subfolder in subfolders {
        let folder = place.appendingPathComponent(name).appendingPathComponent(subfolder)
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent("iris.csv").path) {
          return folder
        }
      }
      let bundle = place.appendingPathComponent(name).path
      if !searched.contains(bundle) { searched.append(bundle) }
    }
  }
  throw DataError(
    .resourcesNotFound,
    "the bundled datasets are missing; looked in " + searched.joined(separator: ", "),
    hint: "keep the trainbook_Datasets.resources folder beside the trainbook executable")
}
