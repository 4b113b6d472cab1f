import ArgumentParser
import Foundation
import Lessons

struct LessonCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lesson",
    abstract: "List the lessons, copy their exercises, and run the exercises as tests.",
    discussion: """
      Guided mode runs at the prompt (:lesson). Exercises are files: `trainbook lesson start` \
      copies them into ./trainbook-exercises, you edit the TODOs, and `trainbook lesson test` \
      checks them. Progress is kept in ~/.trainbook (or $TRAINBOOK_HOME).
      """,
    subcommands: [List.self, Start.self, Test.self, Verify.self],
    defaultSubcommand: List.self)

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "The lessons with your progress.")

    func run() throws {
      let library = try loadLessons()
      print(LessonCatalog.listing(library, progress: try progressStore().load()))
      print(
        "\nAt the prompt, `:lesson NAME` starts one; `trainbook lesson start` copies the "
          + "exercises.")
    }
  }

  struct Start: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Copy the exercises into a folder of yours (existing files are kept).")

    @Option(help: "Where to put them.") var dir = LearnerExercises.defaultFolder

    func run() throws {
      let exercises = LearnerExercises(library: try loadLessons(), folder: dir)
      let copied = try exercises.copyShipped()
      print(
        copied.isEmpty
          ? "Every exercise is already in \(dir)/; nothing was overwritten."
          : "Copied \(copied.count) exercises into \(dir)/.")
      print(
        "Edit the TODOs in each file, then run `trainbook lesson test` (add --watch to "
          + "re-run on every save).")
    }
  }

  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run your exercises: pass or fail, the failed check's values and a hint.")

    @Argument(help: "A lesson (topic or number) or one exercise; all when omitted.")
    var name: String?
    @Option(help: "The folder with your exercises.") var dir = LearnerExercises.defaultFolder
    @Flag(help: "Keep watching: re-run an exercise whenever its file changes (Ctrl-C stops).")
    var watch = false

    func run() throws {
      let learner = LearnerExercises(library: try loadLessons(), folder: dir)
      guard FileManager.default.fileExists(atPath: dir) else {
        throw ValidationError("there is no folder \(dir); `trainbook lesson start` makes it")
      }
      let chosen: [Exercise]
      do {
        chosen = try learner.exercises(named: name)
      } catch let error as LessonError {
        throw NotebookCommandError("`\(name ?? "")`: " + error.message)
      }
      var tester = ExerciseTester(chosen, in: learner, progress: progressStore(), say: say)
      try tester.runAll()
      guard watch else {
        if !tester.allPass { throw ExitCode.failure }
        return
      }
      try tester.watch(every: 0.5) { false }
    }
  }

  struct Verify: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check the shipped lessons: they parse, their steps and solutions pass, and "
        + "their exercises fail as shipped.")

    @Option(help: "The lessons folder (default: the shipped one).") var lessons: String?

    func run() throws {
      let root = try lessons ?? loadLessons().root
      let verifier = LessonVerifier(root: root) { finding in
        let time = finding.seconds.map { String(format: " (%.2f s)", $0) } ?? ""
        if let problem = finding.problem {
          print("✗ \(finding.subject)\(time): \(problem)")
        } else {
          print("✓ \(finding.subject)\(time)")
        }
      }
      let failures = verifier.findings.filter { $0.problem != nil }.count
      let total = verifier.findings.compactMap(\.seconds).reduce(0, +)
      print(
        "\n\(verifier.findings.count - failures)/\(verifier.findings.count) checks pass; "
          + String(format: "%.1f s in all", total))
      if failures > 0 { throw ExitCode.failure }
    }
  }
}

/// The shipped lessons that can be read, or a clear error when they cannot be found; each
/// lesson that cannot be read is named with its problem on standard error and left out.
private func loadLessons() throws -> LessonLibrary {
  do {
    let (library, problems) = try LessonLibrary.shippedReadable()
    for problem in problems {
      FileHandle.standardError.write(Data("skipped a broken lesson: \(problem)\n".utf8))
    }
    return library
  } catch let error as LessonError {
    throw NotebookCommandError(error.description)
  }
}

private func progressStore() -> ProgressStore {
  ProgressStore(environment: ProcessInfo.processInfo.environment)
}

/// Writes a line straight to standard output, unbuffered, so `--watch` shows each report the
/// moment it is made even when the output is piped.
private func say(_ text: String) {
  FileHandle.standardOutput.write(Data((text + "\n").utf8))
}
