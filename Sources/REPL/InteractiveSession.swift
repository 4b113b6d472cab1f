import Language

/// What the prompt needs from a language session, beyond running notebook cells.
///
/// The prompt owns no knowledge of the language: it asks the session whether a cell is finished,
/// what completes a word, and what is defined. Ctrl-C reaches a running cell through the
/// session's cancellation flag, which must be ``Interrupt/flag``.
public protocol InteractiveSession: CellRunner {
  /// Runs `source` typed at the prompt; diagnostics start with `origin` when it is given.
  func run(_ source: String, origin: String?) -> [OutputPiece]

  /// Whether `source` is a whole cell; `false` while a bracket or brace is open (or the last line
  /// ends with an operator), so the prompt asks for another line on `...>`.
  func isComplete(_ source: String) -> Bool

  /// Whether the end of `text` is inside a string literal, where Tab completes file names.
  func isInsideString(_ text: String) -> Bool

  /// Whole words that complete the word at the end of `text` (the cell up to the cursor):
  /// fields after a `.`; otherwise variables, built-ins, keywords, and the open call's argument
  /// labels written as `label:`.
  func completions(for text: String) -> [String]

  /// What is defined, in order of definition: each name, its value's type and a one-line summary.
  var definedNames: [(name: String, type: String, summary: String)] { get }

  /// Forgets every variable and run, as if the session had just started.
  func reset()

  /// Whether bare expressions and assignments echo their values (see `Session.echoes`).
  var echoes: Bool { get set }

  /// Binds `name` to `value`, as an assignment would: `:answer` gives the learner's answer to
  /// the lesson's check as `answer`.
  func define(_ name: String, as value: Value)

  /// Receives each piece of output the moment a running cell produces it (prints inside a loop,
  /// training progress), so the prompt shows it before the cell ends.
  var onOutput: ((OutputPiece) -> Void)? { get set }

  /// Receives the bar of each training step while a cell trains, for a live display; bars are
  /// never part of the cell's output.
  var onTrainingStep: ((TrainingBar) -> Void)? { get set }

  /// Where the next cell's training stops as if Ctrl-C were pressed (see
  /// `Session.stopsTrainingAt`); `:load` sets it for a cell recorded as interrupted.
  var stopsTrainingAt: TrainingStop? { get set }

  /// Where Ctrl-C stopped the last cell's training, or nil (see `Session.interruption`).
  var interruption: TrainingStop? { get }

  /// Turns a path as the code wrote it into the path to open, or throws why it may not be used
  /// (see `Session.resolvePath`); `:load` confines a notebook's files to its folder with it.
  var resolvePath: (_ path: String, _ use: FileUse) throws -> String { get set }
}

extension Session: InteractiveSession {
  /// Whether `source` is a whole cell (see `Session.isComplete(_:)`).
  public func isComplete(_ source: String) -> Bool { Session.isComplete(source) }

  /// Whether the end of `text` is inside a string (see `Session.isInsideString(_:)`).
  public func isInsideString(_ text: String) -> Bool { Session.isInsideString(text) }

  /// The bars of the session's fits (see `SessionRuns.onTrainingStep`).
  public var onTrainingStep: ((TrainingBar) -> Void)? {
    get { runs.onTrainingStep }
    set { runs.onTrainingStep = newValue }
  }

  /// The session's variables as `:vars` lists them.
  public var definedNames: [(name: String, type: String, summary: String)] {
    variables.map { ($0.name, $0.typeName, $0.summary) }
  }
}
