import Foundation
import Language

/// Checks the shipped lessons themselves: every lesson parses; its steps' code, typed in order
/// into one session, passes every step's check; every solution passes; every exercise as
/// shipped fails at an `expect` and still holds a `TODO`. Timings are measured and reported,
/// never judged.
public struct LessonVerifier: Sendable {
  /// One thing checked and how it went.
  public struct Finding: Sendable {
    /// What was checked, such as `05-learning-rate/solutions/01-reach-the-target.tb`.
    public var subject: String
    /// Why it is wrong; `nil` when it is right.
    public var problem: String?
    /// Seconds it took to run, when something ran.
    public var seconds: Double?
  }

  /// Every finding, in order.
  public var findings: [Finding] = []

  /// Whether nothing is wrong.
  public var passes: Bool { findings.allSatisfy { $0.problem == nil } }

  /// Verifies every lesson under `root`; `onFinding` sees each finding as it is made.
  public init(root: String, onFinding: (Finding) -> Void = { _ in }) {
    func record(_ finding: Finding) {
      findings.append(finding)
      onFinding(finding)
    }
    let loaded: [Result<Lesson, LessonError>]
    do {
      loaded = try LessonLibrary.loadEach(from: root)
    } catch {
      record(Finding(subject: root, problem: "\(error)"))
      return
    }
    let scratch = FileManager.default.temporaryDirectory
      .appendingPathComponent("trainbook-verify-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    for result in loaded {
      switch result {
      case .failure(let error):
        record(Finding(subject: error.file, problem: error.description))
      case .success(let lesson):
        record(Self.verifySteps(of: lesson, folder: scratch))
        for exercise in lesson.exercises {
          Self.verify(exercise, folder: scratch).forEach(record)
        }
      }
    }
  }

  /// Types every step's code into one session in order and runs each step's check after it.
  static func verifySteps(of lesson: Lesson, folder: String) -> Finding {
    let session = Session()
    session.resolvePath = confinedPaths(to: folder)
    let subject = lesson.folder + "/lesson.md"
    let start = Date()
    for step in lesson.text.steps {
      for (kind, code) in [("code", step.completingCode), ("check", step.check ?? "")] {
        let failure = session.run(code, origin: "\(subject) step \(step.number) \(kind)")
          .lazy.compactMap(\.errorText).first
        if let failure {
          return Finding(
            subject: subject,
            problem: "step \(step.number) (line \(step.line)): its \(kind) fails:\n\(failure)",
            seconds: Date().timeIntervalSince(start))
        }
      }
    }
    return Finding(subject: subject, problem: nil, seconds: Date().timeIntervalSince(start))
  }

  /// The shipped exercise must fail and still say `TODO`; its solution must pass.
  static func verify(_ exercise: Exercise, folder: String) -> [Finding] {
    let base = exercise.lessonFolder + "/"
    let shipped = ExerciseRun(
      source: exercise.source, origin: exercise.name + ".tb", folder: folder)
    var shippedProblem: String?
    if shipped.passed {
      shippedProblem = "passes as shipped; it must fail until the learner solves it"
    } else if shipped.failure?.contains("expect failed") != true {
      shippedProblem = "fails before its checks, not at an `expect`:\n" + (shipped.failure ?? "")
    } else if !exercise.source.contains("TODO") {
      shippedProblem = "has no `TODO` marker showing the learner what to change"
    }
    let solved = ExerciseRun(
      source: exercise.solution, origin: exercise.name + ".tb", folder: folder)
    return [
      Finding(
        subject: base + "exercises/" + exercise.name + ".tb", problem: shippedProblem,
        seconds: shipped.seconds),
      Finding(
        subject: base + "solutions/" + exercise.name + ".tb",
        problem: solved.failure.map { "fails:\n" + $0 }, seconds: solved.seconds),
    ]
  }
}

extension OutputPiece {
  /// The error's text, for an `.error` piece.
  public var errorText: String? {
    if case .error(let text) = self { return text }
    return nil
  }
}
