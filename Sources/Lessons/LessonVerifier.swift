import Foundation
import Language

/// Checks the shipped lessons themselves: every lesson parses; its steps' code, typed in order
/// into one session, passes every step's check, and every known wrong route of a step fails it;
/// every solution passes; every exercise as shipped fails at a shipped `expect` and still holds a
/// `TODO`; every known wrong route of an exercise fails, and so do the cheats any exercise must
/// refuse (an emptied file, a deleted line). Timings are measured and reported, never judged.
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
        Self.verifySteps(of: lesson, folder: scratch).forEach(record)
        for exercise in lesson.exercises {
          Self.verify(exercise, folder: scratch).forEach(record)
        }
      }
    }
  }

  /// Types every step's code into one session in order and runs each step's check after it.
  /// Each of a step's wrong routes runs in a session of its own, after the earlier steps' code,
  /// and the step's check must fail on it. A step asking to choose an answer is answered with
  /// every choice in turn, after its code: exactly one must pass.
  static func verifySteps(of lesson: Lesson, folder: String) -> [Finding] {
    func newSession() -> Session {
      let session = Session()
      session.resolvePath = confinedPaths(to: folder)
      return session
    }
    func failure(_ session: Session, _ code: String, _ origin: String) -> String? {
      session.run(code, origin: origin).lazy.compactMap(\.errorText).first
    }
    let subject = lesson.folder + "/lesson.md"
    let steps = lesson.text.steps
    var findings: [Finding] = []
    let session = newSession()
    let start = Date()
    for (index, step) in steps.enumerated() {
      let origin = "\(subject) step \(step.number)"
      for wrong in step.wrongRoutes {
        let started = Date()
        let trial = newSession()
        for earlier in steps[..<index] { _ = trial.run(earlier.completingCode, origin: origin) }
        let refused =
          failure(trial, wrong, origin + " wrong route")
          ?? failure(trial, step.check ?? "", origin + " check")
        findings.append(
          Finding(
            subject: "\(origin), wrong route: \(Self.why(wrong))",
            problem: refused == nil ? "the step's check passes this wrong route" : nil,
            seconds: Date().timeIntervalSince(started)))
      }
      // The shown code, then (for a choice) every answer, then the hidden solution and the check.
      let parts = [
        ("code", step.code.joined(separator: "\n")), ("choices", ""),
        ("solution", step.solution ?? ""), ("check", step.check ?? ""),
      ]
      for (kind, code) in parts {
        if kind == "choices" {
          findings += choiceFindings(step, in: session, origin: origin, failure: failure)
        } else if let failed = failure(session, code, "\(origin) \(kind)") {
          findings.append(
            Finding(
              subject: subject,
              problem: "step \(step.number) (line \(step.line)): its \(kind) fails:\n\(failed)",
              seconds: Date().timeIntervalSince(start)))
          return findings
        }
      }
    }
    findings.append(
      Finding(subject: subject, problem: nil, seconds: Date().timeIntervalSince(start)))
    return findings
  }

  /// For a step asking to choose: its check run with every choice as `answer` in `session`
  /// (after the step's code), of which exactly one must pass. None for other steps.
  private static func choiceFindings(
    _ step: LessonStep, in session: Session, origin: String,
    failure: (Session, String, String) -> String?
  ) -> [Finding] {
    guard case .choice(let choices)? = step.question, let check = step.check else { return [] }
    let started = Date()
    let accepted = choices.filter { choice in
      session.define("answer", as: .string(choice))
      return failure(session, check, origin + " check") == nil
    }
    return [
      Finding(
        subject: "\(origin), every choice answered",
        problem: accepted.count == 1
          ? nil
          : "the check accepts \(accepted.count) of the choices "
            + "(\(accepted.joined(separator: ", "))); exactly one must pass",
        seconds: Date().timeIntervalSince(started))
    ]
  }

  /// The shipped exercise must fail at a shipped check and still say `TODO`; its solution must
  /// pass; its wrong routes, an emptied copy and the solution with a line deleted must fail.
  static func verify(_ exercise: Exercise, folder: String) -> [Finding] {
    let base = exercise.lessonFolder + "/"
    var runs = 0
    /// Runs `source` in a folder of its own, so no run sees the files another wrote.
    func run(_ source: String) -> ExerciseRun {
      runs += 1
      let own = folder + "/\(exercise.lessonFolder)-\(exercise.name)-\(runs)"
      try? FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
      return ExerciseRun(exercise, source: source, folder: own)
    }
    let shipped = run(exercise.source)
    var shippedProblem: String?
    if shipped.passed {
      shippedProblem = "passes as shipped; it must fail until the learner solves it"
    } else if shipped.outcome != .failedChecks || shipped.failure?.contains("expect failed") != true
    {
      shippedProblem = "fails before its checks, not at an `expect`:\n" + (shipped.failure ?? "")
    } else if !exercise.source.contains("TODO") {
      shippedProblem = "has no `TODO` marker showing the learner what to change"
    }
    let solved = run(exercise.solution)
    var findings = [
      Finding(
        subject: base + "exercises/" + exercise.name + ".tb", problem: shippedProblem,
        seconds: shipped.seconds),
      Finding(
        subject: base + "solutions/" + exercise.name + ".tb",
        problem: solved.failure.map { "fails:\n" + $0 }, seconds: solved.seconds),
    ]
    let cheats =
      exercise.wrongRoutes.map { ($0.file + " (" + Self.why($0.source) + ")", $0.source) }
      + [
        (base + exercise.name + ", emptied", ""),
        (
          base + exercise.name + ", solution without its last line",
          Self.droppingLastLine(
            exercise.solution)
        ),
      ]
    for (subject, source) in cheats {
      let cheat = run(source)
      findings.append(
        Finding(
          subject: "wrong route " + subject,
          problem: cheat.passed ? "passes; the checks must refuse it" : nil,
          seconds: cheat.seconds))
    }
    return findings
  }

  /// The first comment line of a wrong route, which says why it is wrong.
  static func why(_ source: String) -> String {
    let lines = source.split(separator: "\n").map { String($0).trimming(" ") }
    let first = lines.first { $0.hasPrefix("#") }
    return first.map { String($0.dropFirst()).trimming(" ") } ?? "(no reason given)"
  }

  /// `source` without its last line of code.
  static func droppingLastLine(_ source: String) -> String {
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    if let last = lines.lastIndex(where: { !String($0).trimming(" ").isEmpty && !$0.hasPrefix("#") }
    ) {
      lines.remove(at: last)
    }
    return lines.joined(separator: "\n")
  }
}

extension OutputPiece {
  /// The error's text, for an `.error` piece.
  public var errorText: String? {
    if case .error(let text) = self { return text }
    return nil
  }
}
