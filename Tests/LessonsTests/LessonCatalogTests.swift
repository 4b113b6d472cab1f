import Lessons
import Testing

/// The lesson list reads as a table: with lessons 0 to 14, the one- and two-digit numbers are
/// padded to one width, so every topic, title and count starts in the same column.
struct LessonCatalogTests {
  @Test func everyColumnOfTheShippedListStartsAtTheSamePlace() throws {
    let library = try LessonLibrary(root: ShippedLessonsTests.root)
    #expect(library.lessons.contains { $0.number >= 10 })
    let listing = LessonCatalog.listing(library, progress: LearnerProgress())
    let rows = listing.split(separator: "\n").prefix(library.lessons.count).map(String.init)
    for column in ["  steps ", "  exercises "] {
      let starts = Set(
        rows.map { row in row.range(of: column).map { $0.lowerBound.utf16Offset(in: row) } })
      #expect(starts.count == 1, "\(column) starts at \(starts)")
    }
    let topics = Set(
      zip(rows, library.lessons).map { row, lesson in
        row.range(of: "  " + lesson.topic)?.lowerBound.utf16Offset(in: row)
      })
    #expect(topics.count == 1, "topics start at \(topics)")
  }
}
