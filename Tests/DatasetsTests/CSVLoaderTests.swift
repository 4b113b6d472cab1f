import Datasets
import Foundation
import TestSupport
import Testing

/// Parses `text` as a CSV file called `data.csv`.
private func load(_ text: String, _ options: CSVOptions = CSVOptions()) throws -> Dataset {
  try Dataset.csv(text: text, file: "data.csv", name: "data", options: options)
}

/// Expects loading `text` to fail with `kind` and exactly `description`.
private func expectFailure(
  _ text: String, _ options: CSVOptions = CSVOptions(), kind: DataError.Kind,
  _ description: String, sourceLocation: SourceLocation = #_sourceLocation
) {
  do {
    let data = try load(text, options)
    Issue.record("loaded \(data.summary) instead of failing", sourceLocation: sourceLocation)
  } catch let error as DataError {
    #expect(error.kind == kind, sourceLocation: sourceLocation)
    #expect(error.description == description, sourceLocation: sourceLocation)
  } catch {
    Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
  }
}

@Suite struct CSVLoaderTests {
  @Test func readsFeaturesAndTextLabelsKeepingTheMapping() throws {
    let data = try load("a,b,kind\n1,2,cat\n3,4.5,dog\n-1e2, 6 ,cat\n")
    #expect(data.featureNames == ["a", "b"])
    #expect(data.features == [1, 2, 3, 4.5, -100, 6])
    #expect(data.classNames == ["cat", "dog"])
    #expect(data.targets == [0, 1, 0])
    #expect(data.task == .binary)
    #expect(data.provenance == .file(path: "data.csv"))
  }

  @Test func choosesTheTargetByNameOrPosition() throws {
    let text = "Label,x,y\nb,1,2\na,3,4\nc,5,6\n"
    let named = try load(text, CSVOptions(target: .named("label")))
    #expect(named.featureNames == ["x", "y"])
    #expect(named.classNames == ["a", "b", "c"])
    #expect(named.targets == [1, 0, 2])
    #expect(named.task == .multiclass(classes: 3))
    #expect(try load(text, CSVOptions(target: .position(0))) == named)
  }

  @Test func handlesQuotedFieldsBlankLinesAndWindowsLineEnds() throws {
    let data = try load(
      "\u{FEFF}\"x, first\",\"y\"\"s\",label\r\n\"1\",2,\"big, red\"\r\n\r\n3,4,\"two\nlines\"\r\n")
    #expect(data.featureNames == ["x, first", "y\"s"])
    #expect(data.features == [1, 2, 3, 4])
    #expect(data.classNames == ["big, red", "two\nlines"])
  }

  @Test func infersRegressionOrClassesFromNumericTargets() throws {
    let classes = try load("x,y\n1,0\n2,1\n3,0\n4,1\n5,2\n6,2\n")
    #expect(classes.task == .multiclass(classes: 3))
    #expect(classes.classNames == ["0", "1", "2"])
    let regression = try load("x,y\n1,0.5\n2,1.5\n3,0.25\n")
    #expect(regression.task == .regression)
    #expect(regression.targets == [0.5, 1.5, 0.25])
    let forced = try load("x,y\n1,3\n2,7\n3,3\n", CSVOptions(targetKind: .regression))
    #expect(forced.task == .regression && forced.targets == [3, 7, 3])
    let labelled = try load("x,y\n1,3\n2,7\n3,3\n", CSVOptions(targetKind: .classification))
    #expect(labelled.classNames == ["3", "7"] && labelled.targets == [0, 1, 0])
  }

  @Test func rejectsANonNumericCell() {
    expectFailure(
      "height,weight,label\n1.5,60,a\n1.7,abc,b\n", kind: .nonNumericCell,
      """
      data.csv:3:2: "abc" in column "weight" is not a number
        hint: only the target column may hold text: choose it with target:, or leave this column out with ignore: ["weight"]
      """)
  }

  @Test func rejectsAnEmptyCell() {
    expectFailure(
      "a,b\n1,0\n,1\n", kind: .nonNumericCell,
      """
      data.csv:3:1: the cell in column "a" is empty
        hint: fill it in, or leave out the rows with missing values with drop_missing: true
      """)
  }

  @Test func rejectsANonNumericRegressionTarget() {
    expectFailure(
      "a,b\n1,0.5\n2,high\n", CSVOptions(targetKind: .regression), kind: .nonNumericCell,
      """
      data.csv:3:2: "high" in the target column "b" is not a number, but the task is regression
        hint: leave task: out (or write "classification") if the target names classes
      """)
  }

  @Test func rejectsRaggedRows() {
    expectFailure(
      "a,b,c\n1,2,3\n4,5\n", kind: .raggedRow,
      "data.csv:3:3: this row has 2 cells but the header has 3")
    expectFailure(
      "a,b,c\n1,2,3\n\n4,5,6,7\n", kind: .raggedRow,
      """
      data.csv:4:4: this row has 4 cells but the header has 3
        hint: a cell with a comma in it must be quoted: "1,5"
      """)
  }

  @Test func rejectsEmptyFiles() {
    expectFailure(
      "", kind: .emptyFile,
      """
      data.csv: the file is empty
        hint: a CSV file needs a header row of column names, then one row per sample
      """)
    expectFailure(
      "\n  \n", kind: .emptyFile,
      """
      data.csv: the file is empty
        hint: a CSV file needs a header row of column names, then one row per sample
      """)
    expectFailure(
      "a,b\n", kind: .emptyFile, "data.csv:2: the file has a header but no rows of data")
  }

  @Test func rejectsAMissingHeader() {
    expectFailure(
      "1,2,0\n3,4,1\n", kind: .missingHeader,
      """
      data.csv:1: the first row holds numbers where the column names should be
        hint: add a first row naming the columns, e.g. x1,x2,label
      """)
  }

  @Test func rejectsAMissingTargetColumn() {
    expectFailure(
      "sepal,petal,species\n1,2,a\n", CSVOptions(target: .named("specis")),
      kind: .missingTargetColumn,
      """
      data.csv:1: there is no column named "specis"
        hint: did you mean "species"? the columns are "sepal", "petal", "species"
      """)
    expectFailure(
      "a,b\n1,2\n", CSVOptions(target: .position(2)), kind: .missingTargetColumn,
      "data.csv:1: there is no column at position 2: the header has 2 columns, positions 0 to 1")
    expectFailure(
      "a;b\n1;2\n", kind: .missingTargetColumn,
      """
      data.csv:1: the header has only one column; a dataset needs features and a target
        hint: is the delimiter right? cells were split at ","
      """)
  }

  @Test func readsOtherDelimiters() throws {
    let data = try load("a;b\n1;x\n2;y\n", CSVOptions(delimiter: ";"))
    #expect(data.features == [1, 2] && data.classNames == ["x", "y"])
  }

  @Test func rejectsAnUnterminatedQuote() {
    expectFailure(
      "a,b\n1,0\n2,\"open\n3,1\n", kind: .unterminatedQuote,
      """
      data.csv:3:2: this quoted field has no closing quote
        hint: a quote inside a quoted field is written twice: ""
      """)
  }

  @Test func loadsAFileAndNamesAMissingOne() throws {
    try withTemporaryFolder("csv-tests") { folder in
      let path = folder.appendingPathComponent("scores.csv").path
      try "x,y\n1,2\n".write(toFile: path, atomically: true, encoding: .utf8)
      let data = try Dataset.csv(contentsOf: path, options: CSVOptions(targetKind: .regression))
      #expect(data.name == "scores" && data.provenance == .file(path: path))
      let missing = folder.appendingPathComponent("nothing.csv").path
      #expect {
        try Dataset.csv(contentsOf: missing)
      } throws: { error in
        let error = error as? DataError
        return error?.kind == .unreadableFile && error?.file == missing
          && error?.message == "there is no file here"
      }
    }
  }
}
