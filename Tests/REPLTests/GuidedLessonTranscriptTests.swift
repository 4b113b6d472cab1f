import Foundation
import Language
import Lessons
import REPL
import TestSupport
import Testing

/// Guided mode at the plain prompt over a real session: start a lesson, fail a check, ask for a
/// hint, pass, go on, and see the solution. (An extension of `TranscriptTests`, so that it runs
/// serially with the other users of Ctrl-C's flag.)
extension TranscriptTests {
  /// Writes a one-lesson library into the folder `root`; returns a progress store beside it.
  static func demoLessons(in root: String) throws -> ProgressStore {
    let folder = root + "/01-demo"
    for sub in ["exercises", "checks", "solutions"] {
      try FileManager.default.createDirectory(
        atPath: folder + "/" + sub, withIntermediateDirectories: true)
    }
    let files = [
      "lesson.json": """
      {"title": "Demo", "summary": "A demo.",
       "exercises": [{"name": "01-one", "title": "One", "hints": ["h"]}]}
      """,
      "lesson.md": """
      Welcome to the demo.

      ## Step 1: Make x
      Set x to three.
      ```trainbook
      x = 3
      ```
      ```check
      expect x == 3, "x should be 3"
      ```
      Hint: type `x = 3`

      ## Step 2: Double it
      ```solution
      y = x * 2
      ```
      ```check
      expect y == 6
      ```
      """,
      "exercises/01-one.tb": "z = 0  # TODO\n",
      "checks/01-one.tb": "expect z == 1\n",
      "solutions/01-one.tb": "z = 1\n",
    ]
    for (name, text) in files {
      try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
    }
    return ProgressStore(path: root + "/home/progress.json")
  }

  /// Runs `body` with the demo lessons in a temporary folder `root` and their progress store;
  /// removes the folder afterwards.
  static func withDemoLessons(_ body: (_ root: String, _ store: ProgressStore) throws -> Void)
    throws
  {
    try withTemporaryFolder("trainbook-guided") { url in
      try body(url.path, try demoLessons(in: url.path))
    }
  }

  static func guidedTranscript(of script: String, root: String, store: ProgressStore) -> String {
    let output = CapturedOutput()
    let guide = LessonGuide(library: { try LessonLibrary(root: root) }, store: store)
    let loop = ReadEvalPrintLoop(
      session: Session(cancellation: Interrupt.flag),
      reader: PlainLineReader(script: script, output: output),
      console: Console(output: output, style: .plain),
      commands: CommandRegistry(
        CommandRegistry.standard.commands + ColonCommand.lessonCommands(guide: guide)))
    loop.run()
    return output.text
  }

  @Test func aGuidedLessonFailsHintsPassesAndMovesOn() throws {
    try Self.withDemoLessons { root, store in
      let script = ":lesson demo\n:check\n:solution\n:hint\nx = 3\n:check\n:solution\n:next\n"
      expectSameLines(
        Self.guidedTranscript(of: script, root: root, store: store),
        """
        trainbook> :lesson demo
        Lesson 1 starts in a fresh session.
        Welcome to the demo.

        Lesson 1 · Demo · step 1 of 2: Make x

        Set x to three.
            x = 3

        Type the code, then :check (:hint helps).
        trainbook> :check
        check, line 1, column 8: unknown name `x`
          expect x == 3, "x should be 3"
                 ^
          hint: define it first with `x = …`, or write text in quotes: "x"
        Not yet. :hint gives a hint.
        trainbook> :solution
        The solution opens after this step passes or after 3 failed checks (1 so far). Try :hint.
        trainbook> :hint
        Hint 1 of 1: type `x = 3`
        trainbook> x = 3
        x: 3
        trainbook> :check
        ✓ Step 1 passed. :next goes on (:solution shows one way to do it).
        trainbook> :solution
        One way to do step 1:
            x = 3
        trainbook> :next
        Lesson 1 · Demo · step 2 of 2: Double it

        Write the code yourself, then :check (:hint helps).
        trainbook> \n
        """)
      let progress = try store.load()
      #expect(progress.currentLesson == "01-demo")
      #expect(progress["01-demo"].passedSteps == [1])
      #expect(progress["01-demo"].currentStep == 2)
    }
  }

  @Test func aLessonResumesAfterARestartAndTheListShowsProgress() throws {
    try Self.withDemoLessons { root, store in
      _ = Self.guidedTranscript(of: ":lesson 1\nx = 3\n:check\n:next\n", root: root, store: store)
      let later = Self.guidedTranscript(
        of: ":lesson\n:lesson demo\n:check\n:check\n:check\n:solution\n:back\n:nope\n",
        root: root, store: store)
      expectSameLines(
        later,
        """
        trainbook> :lesson
        ▸ 1  demo  Demo  steps 1/2  exercises 0/1

        Progress: 1/2 steps, 0/1 exercises [######..............] 33%
        :lesson NAME starts one (by topic or number), e.g. `:lesson demo`.
        trainbook> :lesson demo
        Lesson 1 starts in a fresh session; the code of the earlier step ran again to set it up.
        Resuming at step 2.

        Lesson 1 · Demo · step 2 of 2: Double it

        Write the code yourself, then :check (:hint helps).
        trainbook> :check
        check, line 1, column 8: unknown name `y`
          expect y == 6
                 ^
          hint: define it first with `y = …`, or write text in quotes: "y"
        Not yet. :hint gives a hint.
        trainbook> :check
        check, line 1, column 8: unknown name `y`
          expect y == 6
                 ^
          hint: define it first with `y = …`, or write text in quotes: "y"
        Not yet. :hint gives a hint.
        trainbook> :check
        check, line 1, column 8: unknown name `y`
          expect y == 6
                 ^
          hint: define it first with `y = …`, or write text in quotes: "y"
        Not yet. :hint gives a hint, :solution shows one way to do it.
        trainbook> :solution
        One way to do step 2:
            y = x * 2
        trainbook> :back
        Lesson 1 · Demo · step 1 of 2: Make x

        Set x to three.
            x = 3

        Type the code, then :check (:hint helps).
        trainbook> :nope
        unknown command `:nope`; :help lists the commands.
        trainbook> \n
        """)
    }
  }

  @Test func aLessonStartsInAFreshSessionAfterAWarningAboutUnsavedCells() throws {
    try Self.withDemoLessons { root, store in
      let script = "x = 3\n:lesson nope\n:lesson demo\n:lesson demo\n:check\n"
      let transcript = Self.guidedTranscript(of: script, root: root, store: store)
      #expect(
        transcript.contains(
          """
          trainbook> :lesson nope
          no lesson is called `nope`; the lessons are demo
          trainbook> :lesson demo
          `:lesson demo` starts the lesson in a fresh session, which forgets the 1 cell you ran \
          since the last :save. `:save FILE` keeps it; `:lesson demo` again goes on without it.
          trainbook> :lesson demo
          Lesson 1 starts in a fresh session.
          """), "\(transcript)")
      // The `x` typed before the lesson no longer passes step 1's check.
      #expect(transcript.contains("check, line 1, column 8: unknown name `x`"), "\(transcript)")
      let saved = Self.guidedTranscript(
        of: "x = 3\n:save \(root)/work.md\n:lesson demo\n", root: root, store: store)
      #expect(saved.contains(":lesson demo\nLesson 1 starts in a fresh session."), "\(saved)")
    }
  }

  @Test func aResumedLessonSetsUpTheEarlierStepsSoTheCurrentOneCanPass() throws {
    try Self.withDemoLessons { root, store in
      _ = Self.guidedTranscript(of: ":lesson 1\nx = 3\n:check\n:next\n", root: root, store: store)
      let later = Self.guidedTranscript(
        of: ":lesson \"demo\"\ny = x * 2\n:check\n", root: root, store: store)
      #expect(later.contains("y: 6\ntrainbook> :check\n✓ Step 2 passed."), "\(later)")
    }
  }
}
