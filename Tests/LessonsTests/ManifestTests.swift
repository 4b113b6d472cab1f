import Foundation
import Lessons
import Testing

@Suite struct ManifestTests {
  @Test func decodesAGoodManifest() throws {
    let json = """
      {"title": "T", "summary": "S",
       "exercises": [{"name": "01-a", "title": "A", "hints": ["h1", "h2"]}]}
      """
    let manifest = try LessonManifest.decode(Data(json.utf8), file: "lesson.json")
    #expect(manifest.title == "T")
    #expect(manifest.exercises.map(\.name) == ["01-a"])
    #expect(manifest.exercises[0].hints == ["h1", "h2"])
  }

  @Test(
    arguments: [
      ("{\n  \"title\": \"T\"\n  \"summary\": \"S\"\n}", 3, "not valid JSON"),
      ("{\n  \"title\": \"T\",\n  \"summary\": [\"x\",\n", 4, "not valid JSON"),
      ("{\"title\": \"T\", \"exercises\": []}", nil, "missing key `summary`"),
      ("{\"title\": 3, \"summary\": \"S\", \"exercises\": []}", nil, "`title` should be a string"),
      ("{\"title\": \"T\", \"summary\": \"S\", \"exercises\": []}", nil, "at least one exercise"),
      (
        "{\"title\": \"T\", \"summary\": \"S\", \"exercises\": [{\"name\": \"a\", \"title\": \"A\"}]}",
        nil, "missing key `hints` in `exercises[0]`"
      ),
      (
        "{\"title\": \"T\", \"summary\": \"S\", \"exercises\": "
          + "[{\"name\": \"a.tb\", \"title\": \"A\", \"hints\": [\"h\"]}]}", nil, "without `.tb`"
      ),
      (
        "{\"title\": \"T\", \"summary\": \"S\", \"exercises\": "
          + "[{\"name\": \"a\", \"title\": \"A\", \"hints\": []}]}", nil, "exercise 1 has no hints"
      ),
      ("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[", 1, "not valid JSON"),
    ] as [(String, Int?, String)])
  func malformedManifestsAreLocated(json: String, line: Int?, message: String) {
    #expect {
      _ = try LessonManifest.decode(Data(json.utf8), file: "01-x/lesson.json")
    } throws: { error in
      guard let error = error as? LessonError else { return false }
      return error.file == "01-x/lesson.json" && error.line == line
        && error.message.contains(message)
    }
  }
}
