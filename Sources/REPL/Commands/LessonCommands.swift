import Foundation
import Lessons

extension ColonCommand {
  /// The guided-mode commands, sharing one `guide`: `:lesson`, `:check`, `:hint`, `:next`,
  /// `:back`, `:solution`.
  public static func lessonCommands(guide: LessonGuide) -> [ColonCommand] {
    let shared = SharedGuide(guide)
    return [
      ColonCommand(
        name: "lesson", arguments: "[name]", summary: "list the lessons, or start one"
      ) { argument, context in
        show(argument.isEmpty ? shared.guide.list() : shared.guide.start(argument), context)
      },
      ColonCommand(name: "check", summary: "check the lesson's current step") { _, context in
        let session = context.session
        let (streaming, bars) = (session.onOutput, session.onTrainingStep)
        (session.onOutput, session.onTrainingStep) = (nil, nil)
        defer { (session.onOutput, session.onTrainingStep) = (streaming, bars) }
        show(shared.guide.check { session.run($0, origin: "check") }, context)
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
  init(_ guide: LessonGuide) { self.guide = guide }
}

extension CommandRegistry {
  /// The standard commands and guided mode's: what `trainbook` offers at its prompt.
  public static let guided = CommandRegistry(
    CommandRegistry.standard.commands + ColonCommand.lessonCommands)
}
