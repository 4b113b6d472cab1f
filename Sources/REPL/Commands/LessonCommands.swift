import Foundation
import Lessons

extension ColonCommand {
  /// The guided-mode commands, sharing one `guide`: `:lesson`, `:check`, `:answer`, `:hint`,
  /// `:next`, `:back`, `:solution`.
  public static func lessonCommands(guide: LessonGuide) -> [ColonCommand] {
    let shared = SharedGuide(guide)
    return [
      ColonCommand(
        name: "lesson", arguments: "[name]",
        summary: "list the lessons, or start one in a fresh session"
      ) { argument, context in
        guard !argument.isEmpty else { return show(shared.guide.list(), context) }
        // A name in quotes, as in `:lesson "fitting"`, is the same name.
        start(argument.trimmingCharacters(in: CharacterSet(charactersIn: "\"'")), shared, context)
      },
      ColonCommand(name: "check", summary: "check the lesson's current step") { _, context in
        let session = context.session
        show(quietly(session) { shared.guide.check { session.run($0, origin: "check") } }, context)
      },
      ColonCommand(
        name: "answer", arguments: "text", summary: "answer the question the lesson's step asks"
      ) { argument, context in
        let session = context.session
        let reply = quietly(session) {
          shared.guide.answer(
            argument, define: { session.define("answer", as: $0) },
            run: { session.run($0, origin: "check") })
        }
        show(reply, context)
      },
      ColonCommand(name: "hint", summary: "a hint for the current step") { _, context in
        show(shared.guide.hint(), context)
      },
      ColonCommand(name: "next", summary: "the lesson's next step") { _, context in
        show(shared.guide.next(), context)
      },
      ColonCommand(name: "back", summary: "the lesson's previous step") { _, context in
        show(shared.guide.back(), context)
      },
      ColonCommand(
        name: "solution", summary: "the step's code (after a pass or a few failed checks)"
      ) { _, context in
        show(shared.guide.solution(), context)
      },
    ]
  }

  /// The guided-mode commands over the shipped lessons, with progress in the user's home.
  public static let lessonCommands = lessonCommands(
    guide: LessonGuide(
      library: { try LessonLibrary.shipped() },
      store: ProgressStore(environment: ProcessInfo.processInfo.environment)))

  /// `:lesson NAME`: starts the lesson in a fresh session, so nothing typed before can pass its
  /// checks. Unsaved cells are only given up when the learner asks again; a lesson resumed past
  /// its first step gets the earlier steps' code run again, quietly, to set the session up.
  private static func start(_ name: String, _ shared: SharedGuide, _ context: CommandContext) {
    if let refusal = shared.guide.refusal(toStart: name) { return show(refusal, context) }
    let unsaved = context.unsavedCellCount
    guard unsaved == 0 || shared.confirmedLesson == name else {
      shared.confirmedLesson = name
      let (cells, them) = unsaved == 1 ? ("1 cell", "it") : ("\(unsaved) cells", "them")
      context.console.error(
        "`:lesson \(name)` starts the lesson in a fresh session, which forgets the \(cells) you "
          + "ran since the last :save. `:save FILE` keeps \(them); `:lesson \(name)` again goes "
          + "on without \(them).")
      return
    }
    shared.confirmedLesson = nil
    let reply = shared.guide.start(name)
    guard !reply.isFailure, let lesson = shared.guide.currentLesson else {
      return show(reply, context)
    }
    context.startFreshSession()
    var note = "Lesson \(lesson.number) starts in a fresh session"
    let setUp = shared.guide.codeBeforeCurrentStep
    if !setUp.isEmpty {
      let session = context.session
      let streaming = session.onOutput
      session.onOutput = nil
      defer { session.onOutput = streaming }
      for code in setUp {
        let outputs = session.run(code, origin: "lesson set-up")
        context.cells.append(RecordedCell(source: code, outputs: outputs))
        if let failure = outputs.lazy.compactMap(\.errorText).first {
          context.console.error("Setting up the earlier steps failed:\n" + failure)
          break
        }
      }
      let steps = setUp.count == 1 ? "step" : "steps"
      note += "; the code of the earlier \(steps) ran again to set it up"
    }
    context.console.line(note + ".")
    show(reply, context)
  }

  /// Runs a check through `body` with `session` quiet: no streamed output, no training bars and
  /// no echoes, so the reply shows only what the check prints and its verdict.
  private static func quietly(
    _ session: any InteractiveSession, _ body: () -> LessonGuide.Reply
  ) -> LessonGuide.Reply {
    let (streaming, bars) = (session.onOutput, session.onTrainingStep)
    (session.onOutput, session.onTrainingStep, session.echoes) = (nil, nil, false)
    defer { (session.onOutput, session.onTrainingStep, session.echoes) = (streaming, bars, true) }
    return body()
  }

  private static func show(_ reply: LessonGuide.Reply, _ context: CommandContext) {
    if reply.isFailure {
      context.console.error(reply.text)
    } else {
      context.console.line(reply.text)
    }
  }
}

/// The guide, shared by the commands' closures; the prompt runs one command at a time.
private final class SharedGuide: @unchecked Sendable {
  let guide: LessonGuide
  /// The lesson the learner was warned about once: asking for it again starts it anyway.
  var confirmedLesson: String?
  init(_ guide: LessonGuide) { self.guide = guide }
}

extension CommandRegistry {
  /// The standard commands and guided mode's: what `trainbook` offers at its prompt.
  public static let guided = CommandRegistry(
    CommandRegistry.standard.commands + ColonCommand.lessonCommands)
}
