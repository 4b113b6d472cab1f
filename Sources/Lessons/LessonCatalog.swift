/// The list of lessons with the learner's progress, as `:lesson` and `trainbook lesson list`
/// show it.
public enum LessonCatalog {
  /// One line per lesson: number, topic, title, steps passed and exercises passed; the current
  /// lesson is marked with `▸`. The last line counts steps and exercises together in one bar.
  public static func listing(_ library: LessonLibrary, progress: LearnerProgress) -> String {
    let topicWidth = library.lessons.map(\.topic.count).max() ?? 0
    let titleWidth = library.lessons.map(\.title.count).max() ?? 0
    let numberWidth = library.lessons.map { "\($0.number)".count }.max() ?? 0
    var lines = library.lessons.map { lesson in
      let record = progress[lesson.folder]
      let steps = lesson.text.steps.filter { record.passedSteps.contains($0.number) }.count
      let exercises = lesson.exercises.filter { record.passedExercises.contains($0.name) }.count
      let done = steps == lesson.text.steps.count && exercises == lesson.exercises.count
      let marker = progress.currentLesson == lesson.folder ? "▸" : done ? "✓" : " "
      return "\(marker) " + "\(lesson.number)".padded(to: numberWidth) + "  "
        + lesson.topic.padded(to: topicWidth) + "  "
        + lesson.title.padded(to: titleWidth)
        + "  steps \(steps)/\(lesson.text.steps.count)"
        + "  exercises \(exercises)/\(lesson.exercises.count)"
    }
    let allSteps = library.lessons.map(\.text.steps.count).reduce(0, +)
    let allExercises = library.lessons.map(\.exercises.count).reduce(0, +)
    let passedSteps = library.lessons.map { lesson in
      lesson.text.steps.filter { progress[lesson.folder].passedSteps.contains($0.number) }.count
    }.reduce(0, +)
    let passed = library.lessons.map { lesson in
      lesson.exercises.filter { progress[lesson.folder].passedExercises.contains($0.name) }.count
    }.reduce(0, +)
    lines.append("")
    lines.append(
      "Progress: \(passedSteps)/\(allSteps) steps, \(passed)/\(allExercises) exercises "
        + bar(passedSteps + passed, of: allSteps + allExercises))
    return lines.joined(separator: "\n")
  }

  /// A bar of 20 cells, filled in proportion: `[#####...............] 25%`.
  public static func bar(_ done: Int, of total: Int) -> String {
    let filled = total == 0 ? 0 : done * 20 / total
    let percent = total == 0 ? 0 : done * 100 / total
    return "[" + String(repeating: "#", count: filled)
      + String(repeating: ".", count: 20 - filled) + "] \(percent)%"
  }
}

extension String {
  /// The text followed by spaces up to `width` characters.
  func padded(to width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }
}
