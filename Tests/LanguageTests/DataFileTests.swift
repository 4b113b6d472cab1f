import Datasets
import Foundation
import Language
import Testing

/// Reading and writing data files through the session's path hook.
struct DataFileTests {
  @Test func csvRoundTripKeepsTheDataAndClassNames() throws {
    try withSessionInTemporaryFolder { session, folder in
      _ = session.run(
        "iris = load(\"iris\")\nsave_csv(iris, \"flowers.csv\")\n"
          + "back = load_csv(\"flowers.csv\", target: \"label\")", origin: nil)
      #expect(FileManager.default.fileExists(atPath: folder + "/flowers.csv"))
      let original = try #require(dataset("iris", in: session))
      let back = try #require(dataset("back", in: session))
      #expect(back.features == original.features && back.targets == original.targets)
      #expect(back.classNames == original.classNames)
      #expect(back.featureNames == original.featureNames)
    }
  }

  @Test func idxRoundTripKeepsTheFeaturesExactly() throws {
    try withSessionInTemporaryFolder { session, folder in
      _ = session.run(
        "b = blobs(n: 30, seed: 1)\nsave_idx(b, images: \"x.idx\", labels: \"y.idx\")\n"
          + "back = load_idx(images: \"x.idx\", labels: \"y.idx\")", origin: nil)
      let original = try #require(dataset("b", in: session))
      let back = try #require(dataset("back", in: session))
      #expect(back.features == original.features && back.targets == original.targets)
      #expect(
        firstDiagnostic("save_idx(sine(), images: \"a\", labels: \"b\")", in: session)?
          .hasPrefix("line 1, column 10: IDX labels are classes from 0 to 255") == true)
    }
  }

  @Test func fileMistakesAreLocatedWithTheLibrarysMessage() throws {
    try withSessionInTemporaryFolder { session, folder in
      let missing = try #require(firstDiagnostic("load_csv(\"nothing.csv\")", in: session))
      #expect(missing.hasPrefix("line 1, column 10: \(folder)/nothing.csv: there is no file here"))
      try "a,b\n1,x\n2,y\n".write(toFile: folder + "/small.csv", atomically: true, encoding: .utf8)
      #expect(
        firstDiagnostic("load_csv(\"small.csv\", target: \"c\")", in: session)?.contains(
          "line 1, column 10:") == true)
      #expect(
        firstDiagnostic("load_csv(\"small.csv\", delimiter: \";;\")", in: session)?.hasPrefix(
          "line 1, column 23: the delimiter must be one character") == true)
      #expect(
        firstDiagnostic("load_csv(\"\")", in: session)?.hasPrefix(
          "line 1, column 10: the file name is empty") == true)
    }
  }

  @Test func theSessionHookCanRefuseAPath() throws {
    struct Refused: Error, CustomStringConvertible {
      var description: String { "cannot use \"../x.csv\": it leads outside the session's folder" }
    }
    let session = Session()
    session.resolvePath = { _, _ in throw Refused() }
    #expect(
      firstDiagnostic("load_csv(\"../x.csv\")", in: session) == """
        line 1, column 10: cannot use "../x.csv": it leads outside the session's folder
          load_csv("../x.csv")
                   ^~~~~~~~~~
        """)
    #expect(
      firstDiagnostic("scatter(moons(), to: \"../x.svg\")", in: session)?.hasPrefix(
        "line 1, column 18: cannot use") == true)
  }
}
