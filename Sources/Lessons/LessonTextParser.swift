/// Reads a `lesson.md` into its introduction and steps.
///
/// A step starts at a heading `## Step N: title`, numbered 1, 2, 3… in order. Inside a step,
/// fenced blocks tagged `trainbook` are code to type (shown), `check` is the step's check and
/// `solution` its hidden answer, and each `wrong` block a known wrong route the check must refuse
/// (none of them shown); a line starting `Hint:` is a hint (not shown). A line `Choices: a, b, c`
/// makes the step a question answered with `:answer` (`Answer: number` or `Answer: text` for a
/// short answer); it is not shown, the prompt says what to type.
/// Anything before step 1 is the introduction; a first `# Title` line is dropped.
public struct LessonText: Equatable, Sendable {
  /// The prose before the first step.
  public var introduction: String
  /// The steps, in order.
  public var steps: [LessonStep]

  /// Parses `source`, the contents of `file`; a malformed step throws a ``LessonError`` at its
  /// line.
  public init(parsing source: String, file: String) throws {
    var parser = Parser(file: file)
    for (offset, line) in source.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      try parser.read(String(line.hasSuffix("\r") ? line.dropLast() : line), number: offset + 1)
    }
    try parser.finish()
    introduction = parser.introduction.joined(separator: "\n").trimmedLines
    steps = parser.steps
    if steps.isEmpty {
      throw LessonError(file: file, "the lesson has no steps; start one with `## Step 1: title`")
    }
  }

  private struct Parser {
    let file: String
    var introduction: [String] = []
    var steps: [LessonStep] = []
    var shown: [String] = []
    var fence: (tag: String, line: Int, body: [String])?

    init(file: String) { self.file = file }

    /// The fenced blocks the learner does not see.
    static let hiddenTags = ["check", "solution", "wrong"]

    mutating func read(_ text: String, number: Int) throws {
      let trimmed = text.trimming(" \t")
      if var open = fence {
        if trimmed == "```" {
          try close(open, at: number)
          fence = nil
        } else {
          open.body.append(text)
          fence = open
        }
        return
      }
      if trimmed.hasPrefix("```") {
        let tag = String(trimmed.dropFirst(3)).trimming(" \t")
        if Self.hiddenTags.contains(tag), steps.isEmpty {
          throw LessonError(
            file: file, line: number, "a ```\(tag) block must be inside a step")
        }
        fence = (tag, number, [])
        if !Self.hiddenTags.contains(tag) { append(text) }
        return
      }
      if trimmed.hasPrefix("## ") && trimmed.dropFirst(3).hasPrefix("Step") {
        try startStep(trimmed, at: number)
        return
      }
      if trimmed.hasPrefix("Hint:") {
        let hint = String(trimmed.dropFirst(5)).trimming(" \t")
        guard !steps.isEmpty else {
          throw LessonError(file: file, line: number, "a `Hint:` line must be inside a step")
        }
        guard !hint.isEmpty else {
          throw LessonError(file: file, line: number, "the `Hint:` line has no text")
        }
        steps[steps.count - 1].hints.append(hint)
        return
      }
      if trimmed.hasPrefix("Choices:") || trimmed.hasPrefix("Answer:") {
        try readQuestion(trimmed, at: number)
        return
      }
      if steps.isEmpty && introduction.isEmpty && trimmed.hasPrefix("# ") { return }
      append(text)
    }

    /// A `Choices: a, b, c` or `Answer: number|text` line.
    private mutating func readQuestion(_ line: String, at number: Int) throws {
      guard !steps.isEmpty else {
        throw LessonError(file: file, line: number, "a question line must be inside a step")
      }
      guard steps[steps.count - 1].question == nil else {
        throw LessonError(
          file: file, line: number, "step \(steps.count) already asks a question")
      }
      let question: StepQuestion
      if line.hasPrefix("Choices:") {
        let choices = line.dropFirst("Choices:".count).split(separator: ",")
          .map { String($0).trimming(" \t").lowercased() }
        guard choices.count >= 2, !choices.contains(""), Set(choices).count == choices.count
        else {
          throw LessonError(
            file: file, line: number,
            "`Choices:` lists two or more different answers, separated by commas")
        }
        question = .choice(choices)
      } else {
        switch String(line.dropFirst("Answer:".count)).trimming(" \t") {
        case "number": question = .number
        case "text": question = .text
        default:
          throw LessonError(
            file: file, line: number,
            "`Answer:` says `number` or `text`; list choices with `Choices: a, b, c`")
        }
      }
      steps[steps.count - 1].question = question
    }

    mutating func finish() throws {
      if let open = fence {
        throw LessonError(
          file: file, line: open.line, "this ``` block is never closed; end it with ```")
      }
      closeStepText()
      if let unchecked = steps.first(where: { $0.question != nil && $0.check == nil }) {
        throw LessonError(
          file: file, line: unchecked.line,
          "step \(unchecked.number) asks a question but has no ```check block to grade `answer`")
      }
    }

    private mutating func append(_ text: String) {
      if steps.isEmpty { introduction.append(text) } else { shown.append(text) }
    }

    private mutating func startStep(_ heading: String, at number: Int) throws {
      let rest = heading.dropFirst("## Step".count)
      let parts = rest.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
      let expected = steps.count + 1
      guard parts.count == 2, let given = Int(String(parts[0]).trimming(" ")) else {
        throw LessonError(
          file: file, line: number,
          "a step heading reads `## Step \(expected): title`, not `\(heading)`")
      }
      guard given == expected else {
        throw LessonError(
          file: file, line: number, "this is step \(expected), but its heading says \(given)")
      }
      let title = String(parts[1]).trimming(" \t")
      guard !title.isEmpty else {
        throw LessonError(file: file, line: number, "step \(given) has no title after the colon")
      }
      closeStepText()
      steps.append(
        LessonStep(
          number: given, title: title, line: number, text: "", code: [], solution: nil,
          check: nil, wrongRoutes: [], hints: []))
    }

    private mutating func close(
      _ block: (tag: String, line: Int, body: [String]), at number: Int
    ) throws {
      let body = block.body.joined(separator: "\n")
      switch block.tag {
      case "wrong":
        guard block.body.first?.trimming(" ").hasPrefix("#") == true else {
          throw LessonError(
            file: file, line: block.line,
            "a ```wrong block starts with a comment saying why the route is wrong")
        }
        steps[steps.count - 1].wrongRoutes.append(body)
      case "check", "solution":
        let last = steps.count - 1
        let existing = block.tag == "check" ? steps[last].check : steps[last].solution
        guard existing == nil else {
          throw LessonError(
            file: file, line: block.line,
            "step \(steps[last].number) already has a ```\(block.tag) block")
        }
        guard !body.trimmedLines.isEmpty else {
          throw LessonError(file: file, line: block.line, "this ```\(block.tag) block is empty")
        }
        if block.tag == "check" { steps[last].check = body } else { steps[last].solution = body }
      case "trainbook":
        if !steps.isEmpty { steps[steps.count - 1].code.append(body) }
        for line in block.body { append(line) }
        append("```")
      default:
        for line in block.body { append(line) }
        append("```")
      }
    }

    private mutating func closeStepText() {
      guard !steps.isEmpty else { return }
      // Hidden blocks leave blank lines behind: two or more in a row read as one.
      var lines: [String] = []
      for line in shown where !(line.allSatisfy(\.isWhitespace) && lines.last?.isEmpty == true) {
        lines.append(line.allSatisfy(\.isWhitespace) ? "" : line)
      }
      steps[steps.count - 1].text = lines.joined(separator: "\n").trimmedLines
      shown = []
    }
  }
}

extension String {
  /// The text without blank lines at its start and end.
  var trimmedLines: String {
    var lines = split(separator: "\n", omittingEmptySubsequences: false)
    while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
    while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
    return lines.joined(separator: "\n")
  }

  /// The text without `characters` at either end.
  func trimming(_ characters: String) -> String {
    let set = Set(characters)
    return String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }
}
