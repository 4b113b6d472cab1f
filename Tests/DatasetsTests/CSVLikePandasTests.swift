import Datasets
import Foundation
import TestSupport
import Testing

/// Reads `text` as a file called `data.csv`, with the notes reading gave.
private func read(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> CSVReading {
  try Dataset.readCSV(text: text, file: "data.csv", name: "data", options: options)
}

/// The description of the error reading `text` throws, or nil when it reads.
private func refusal(_ text: String, _ options: CSVOptions = CSVOptions()) -> String? {
  do {
    _ = try read(text, options)
    return nil
  } catch {
    return (error as? DataError)?.description ?? "\(error)"
  }
}

/// Missing values, columns, labels and separators read as pandas' read_csv reads them, and
/// refused with a located message where pandas would silently guess.
@Suite struct CSVLikePandasTests {
  @Test func aMissingTargetIsRefusedNotTurnedIntoClasses() throws {
    #expect(
      refusal("a,b,price\n3,4,\n1,2,5.5\n2,2,7.25\n")
        == "data.csv:2:3: the cell in column \"price\" is empty\n"
        + "  hint: fill it in, or leave out the rows with missing values with drop_missing: true")
    for marker in ["NA", "nan", "NULL", "n/a"] {
      #expect(
        refusal("a,price\n3,\(marker)\n1,5.5\n")
          == "data.csv:2:2: the cell in column \"price\" holds \"\(marker)\", a missing value\n"
          + "  hint: fill it in, or leave out the rows with missing values with drop_missing: true")
    }
    #expect(
      refusal("a,price\n3,1e39\n1,5.5\n")?.hasPrefix(
        "data.csv:2:2: \"1e39\" in column "
          + "\"price\" is beyond the range of a 32-bit float") == true)
  }

  @Test func dropMissingLeavesTheRowsOutWithANote() throws {
    let reading = try read(
      "a,b,price\n3,4,\n1,NA,5.5\n2,2,7.25\n4,1,8\n", CSVOptions(dropMissing: true))
    #expect(reading.dataset.features == [2, 2, 4, 1])
    #expect(reading.dataset.targets == [7.25, 8])
    #expect(reading.dataset.task == .regression)
    #expect(reading.notes == ["left out 2 of 4 rows with a missing value (lines 2, 3)"])
  }

  @Test func naValuesReplaceThePandasMarkers() throws {
    let text = "x,region\n1,NA\n2,EU\n3,NA\n4,EU\n"
    #expect(refusal(text)?.contains("holds \"NA\", a missing value") == true)
    let kept = try read(text, CSVOptions(missingValues: ["?"])).dataset
    #expect(kept.classNames == ["EU", "NA"])
    #expect(refusal("x,y\n1,?\n2,0\n", CSVOptions(missingValues: ["?"]))?.contains("\"?\"") == true)
  }

  @Test func numericLabelsKeepTheirNumbers() throws {
    let data = try read("x,y\n1,2\n2,0\n3,1\n4,2\n5,0\n6,1\n").dataset
    #expect(data.targets == [2, 0, 1, 2, 0, 1])
    #expect(data.classNames == ["0", "1", "2"])
    let first = try read("x,y\n1,1\n2,0\n3,1\n4,0\n", CSVOptions(targetKind: .classification))
    #expect(first.dataset.targets == [1, 0, 1, 0])
    #expect(first.notes.isEmpty)
  }

  @Test func otherNumericLabelsAreRenumberedWithANote() throws {
    let reading = try read("x,y\n1,-1\n2,1\n3,-1\n4,1\n")
    #expect(reading.dataset.targets == [0, 1, 0, 1])
    #expect(reading.dataset.classNames == ["-1", "1"])
    #expect(
      reading.notes == [
        "the labels of \"y\" are not 0 to 1; they are numbered in increasing order: -1 → 0, 1 → 1"
      ])
  }

  @Test func ignoreAndColumnsChooseTheFeatures() throws {
    let text = "id,height,weight,age,label\n7,1.5,60,30,0\n9,1.8,80,40,1\n"
    #expect(
      refusal(text)
        == "data.csv:1:1: column \"id\" looks like an ID or index, which would become a feature\n"
        + "  hint: leave it out with ignore: [\"id\"], or name the features with columns: […]")
    let ignored = try read(text, CSVOptions(ignored: ["id", "age"])).dataset
    #expect(ignored.featureNames == ["height", "weight"])
    #expect(ignored.features == [1.5, 60, 1.8, 80])
    let chosen = try read(text, CSVOptions(columns: ["weight", "id"])).dataset
    #expect(chosen.featureNames == ["id", "weight"])
    #expect(chosen.features == [7, 60, 9, 80])
    #expect(
      refusal(text, CSVOptions(columns: ["wieght"]))
        == "data.csv:1: there is no column named \"wieght\" (given in columns:)\n"
        + "  hint: did you mean \"weight\"? the columns are \"id\", \"height\", \"weight\", "
        + "\"age\", \"label\"")
    #expect(refusal(text, CSVOptions(columns: ["label"]))?.contains("is the target column") == true)
  }

  @Test func pandasIndexColumnIsRefusedUntilIgnored() throws {
    let text = ",x,label\n0,1.5,a\n1,2.5,b\n"
    #expect(refusal(text)?.hasPrefix("data.csv:1:1: column 1 has no name; pandas writes") == true)
    #expect(try read(text, CSVOptions(ignored: [""])).dataset.featureNames == ["x"])
  }

  @Test func decimalCommasAndThousandsSeparators() throws {
    let text = "x;y;label\n1,5;\"1.234,5\";0\n-0,25;2;1\n"
    #expect(
      refusal(text, CSVOptions(delimiter: ";"))
        == "data.csv:2:1: \"1,5\" in column \"x\" is not a number as written\n"
        + "  hint: for decimal commas pass decimal: \",\"; for thousands separators pass "
        + "thousands: \",\"")
    let data = try read(text, CSVOptions(delimiter: ";", decimal: ",", thousands: ".")).dataset
    #expect(data.features == [1.5, 1234.5, -0.25, 2])
    let american = try read("x,label\n\"1,234.5\",0\n2,1\n", CSVOptions(thousands: ",")).dataset
    #expect(american.features == [1234.5, 2])
    #expect(refusal(text, CSVOptions(decimal: ","))?.contains("is also the delimiter") == true)
  }

  @Test func infinitiesAndTextInFeaturesGetTheirOwnHints() {
    #expect(
      refusal("x,label\ninf,0\n2,1\n")
        == "data.csv:2:1: \"inf\" in column \"x\" is infinite; a model needs finite numbers\n"
        + "  hint: remove the rows that hold it, or read it as missing with na_values: [\"inf\"]")
    #expect(
      refusal("x,label\nabc,0\n2,1\n")
        == "data.csv:2:1: \"abc\" in column \"x\" is not a number\n"
        + "  hint: only the target column may hold text: choose it with target:, or leave this "
        + "column out with ignore: [\"x\"]")
    #expect(refusal("x,label\n0x10,0\n2,1\n")?.contains("is not a number") == true)
  }

  @Test func duplicateColumnNamesAreRefused() {
    #expect(
      refusal("a,b,a,label\n1,2,3,0\n")
        == "data.csv:1:3: two columns are \"a\": columns 1 and 3\n"
        + "  hint: rename one of them; each column needs its own name")
  }

  @Test func aFileThatIsNotUTF8IsRefusedWhereItStops() throws {
    try withTemporaryFolder("latin1") { folder in
      let path = folder.appendingPathComponent("shoes.csv").path
      try Data([UInt8]("size,label\n1,0\n".utf8) + [0x67, 0x72, 0xF6, 0xDF, 0x65] + [0x2C, 0x31])
        .write(to: URL(fileURLWithPath: path))
      #expect {
        try Dataset.csv(contentsOf: path)
      } throws: { error in
        (error as? DataError)?.description
          == "\(path):3:3: the file is not UTF-8 text: byte 0xF6 here is not a character "
          + "(in Latin-1 it is \"ö\")\n"
          + "  hint: save it as UTF-8 (in Excel \"CSV UTF-8\"; in pandas to_csv(…, "
          + "encoding=\"utf-8\"))"
      }
    }
  }

  /// Every bundled dataset written with `csvFiles` and read back is the same, value for value and
  /// class for class, under its own target name.
  @Test(arguments: BundledDataset.allCases)
  func bundledDatasetsRoundTripExactly(_ bundled: BundledDataset) throws {
    let original = try bundled.load()
    try withTemporaryFolder("roundtrip") { folder in
      let path = folder.appendingPathComponent("\(bundled.name).csv").path
      try Data(original.csvText().utf8).write(to: URL(fileURLWithPath: path))
      if let classes = original.classNamesText() {
        try Data(classes.utf8).write(to: URL(fileURLWithPath: classNamesPath(for: path)))
      }
      let copy = try Dataset.csv(contentsOf: path)
      #expect(copy.featureNames == original.featureNames)
      #expect(copy.targetName == original.targetName)
      #expect(copy.features.map(\.bitPattern) == original.features.map(\.bitPattern))
      #expect(copy.targets.map(\.bitPattern) == original.targets.map(\.bitPattern))
      #expect(copy.task == original.task)
      #expect(copy.classNames == original.classNames)
    }
  }

  @Test func theTargetKeepsItsOwnName() throws {
    let data = try read("a,price\n1,2.5\n2,3.5\n3,1.25\n").dataset
    #expect(data.targetName == "price")
    #expect(data.csvText() == "a,price\n1.0,2.5\n2.0,3.5\n3.0,1.25\n")
  }
}
