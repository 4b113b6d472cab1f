import Engine

/// A name defined in a session, as `:vars` lists it.
public struct VariableSummary: Sendable, Equatable {
  /// The variable's name.
  public var name: String
  /// Its value's type name: `number`, `dataset`, …
  public var typeName: String
  /// Its value's one-line summary.
  public var summary: String

  /// Creates a summary line.
  public init(name: String, typeName: String, summary: String) {
    self.name = name
    self.typeName = typeName
    self.summary = summary
  }
}

/// One running session of the language: variables that persist from cell to cell, the
/// built-ins, the seed, and the output of the cell being run.
///
/// Each cell is parsed whole first; if it has mistakes, their diagnostics are its output and
/// nothing runs. Otherwise its statements run in order until one fails. At the top level of a
/// cell, a bare expression's value is echoed (`none` is not), and an assignment echoes one line
/// `name: summary` per name assigned; statements inside `for` and `if` bodies echo nothing.
public final class Session: CellRunner {
  /// How many of a cell's syntax mistakes are shown; fixing the first ones often fixes the rest.
  static let maximumReportedMistakes = 10

  /// The built-ins this session knows.
  public let registry: BuiltinRegistry
  /// Set by Ctrl-C to stop a long computation; cleared before each cell.
  public let cancellation: CancellationFlag
  /// When set, receives every piece of output the moment it is produced (training progress,
  /// prints inside a loop), before the cell ends. `run` still returns every piece too.
  public var onOutput: ((OutputPiece) -> Void)?
  /// The session's seed, set by `seed(n)` (0 at the start).
  public internal(set) var seed: UInt64 = 0
  /// The generator that seeds computations given no seed of their own; `seed(n)` restarts it.
  var random = RandomGenerator(seed: 0)
  /// Where the next cell's training stops, as if Ctrl-C were pressed there (a notebook's recorded
  /// interruption, replayed); cleared when that cell ends.
  public var stopsTrainingAt: TrainingStop?
  /// Where Ctrl-C stopped the last cell's training, or nil if no fit of that cell was stopped.
  public internal(set) var interruption: TrainingStop?
  /// Whether the cell's output so far ends with the echo of a bare expression's value at its top
  /// level: the cell's value, which the Jupyter kernel shows as its result.
  public internal(set) var endsWithValue = false
  /// How many fits the running cell has started, which numbers its fits in a `TrainingStop`.
  var fitsInCell = 0
  /// The sweep whose block is running, which gathers its fits instead of training them.
  var sweepInProgress: SweepCollector?
  /// How many cells `run(cell:)` has run, which names the next one in diagnostics.
  public private(set) var cellCount = 0
  /// The training runs of this session, and whether they are saved to disk.
  public let runs = SessionRuns()

  /// Whether a cell's bare expressions and assignments echo their values (`name: summary`);
  /// a lesson's check runs with this off, so only what it prints is shown.
  public var echoes = true

  var values: [String: Value] = [:]
  var definitionOrder: [String] = []
  private var output: [OutputPiece] = []
  /// The source of the cell running now (for `expect`'s message).
  var currentSource = ""
  /// Turns a path as the code wrote it into the path to open, or throws why it may not be used.
  /// By default paths are used as written (relative ones from the working folder); a notebook
  /// sets a sandbox here that confines them to its folder. Every file the language reads or
  /// writes goes through it.
  public var resolvePath: (_ path: String, _ use: FileUse) throws -> String = { path, _ in path }
  /// Whether the charts `onOutput` receives are drawn with colours (terminal escape codes); the
  /// prompt turns it on for a terminal without `NO_COLOR`. What `run` returns, and so what a
  /// notebook records, is always the plain drawing, which replay reproduces anywhere.
  public var usesColor = false
  /// The most memory the session may use (see `MemoryBudget`): built-ins refuse values that
  /// would pass it, and a call or loop step that has grown the session past it fails.
  public var memory = MemoryBudget.standard
  /// When (`monotonicMilliseconds()`) the session's memory is next compared with its budget.
  var nextMemoryCheck: UInt64 = 0

  /// A session with the `standard` built-ins (or `registry`) and no variables.
  public init(registry: BuiltinRegistry = .standard, cancellation: CancellationFlag = .init()) {
    self.registry = registry
    self.cancellation = cancellation
  }

  /// Runs the next cell of a notebook, its training stopped at `stop` when one is given;
  /// diagnostics name it `cell N`.
  public func run(cell source: String, stoppingTrainingAt stop: TrainingStop?) -> [OutputPiece] {
    cellCount += 1
    stopsTrainingAt = stop
    return run(source, origin: "cell \(cellCount)")
  }

  /// Runs `source`; diagnostics start with `origin` (a file name, say) when it is given.
  public func run(_ source: String, origin: String?) -> [OutputPiece] {
    output = []
    endsWithValue = false
    currentSource = source
    cancellation.reset()
    interruption = nil
    fitsInCell = 0
    defer { stopsTrainingAt = nil }
    let (statements, diagnostics) = Parser.parse(source)
    if !diagnostics.isEmpty {
      for (index, var diagnostic) in diagnostics.prefix(Self.maximumReportedMistakes).enumerated() {
        diagnostic.origin = origin
        var text = diagnostic.rendered(in: source)
        let more = diagnostics.count - Self.maximumReportedMistakes
        if index == Self.maximumReportedMistakes - 1, more > 0 {
          text += "\n(and \(more) more \(more == 1 ? "mistake" : "mistakes") after this one)"
        }
        emit(.error(text))
      }
      return output
    }
    do {
      let flag = cancellation
      try Interruption.whileRunning(
        checking: { flag.isCancelled }, { try execute(statements, atTopLevel: echoes) })
    } catch var diagnostic as Diagnostic {
      diagnostic.origin = origin
      emit(.error(diagnostic.rendered(in: source)))
    } catch {
      emit(.error((origin.map { "\($0): " } ?? "") + "\(error)"))
    }
    return output
  }

  /// Records a piece of the current cell's output and passes it to `onOutput`.
  func emit(_ piece: OutputPiece) {
    endsWithValue = false
    output.append(piece)
    onOutput?(piece)
  }

  /// Records a chart in the cell's output as drawn without colour (`render(false)`), and passes
  /// `onOutput` the coloured drawing (`render(true)`) when the session uses colour: the
  /// recording never depends on the terminal, the terminal shows what looks best.
  func emitChart(svg: String, rendering render: (_ color: Bool) -> String) {
    let plain = OutputPiece.chart(terminal: render(false), svg: svg)
    endsWithValue = false
    output.append(plain)
    guard let onOutput else { return }
    onOutput(usesColor ? .chart(terminal: render(true), svg: svg) : plain)
  }

  /// The variables defined so far, in the order they were first assigned.
  public var variables: [VariableSummary] {
    definitionOrder.compactMap { name in
      values[name].map { VariableSummary(name: name, typeName: $0.typeName, summary: $0.summary) }
    }
  }

  /// The value of the variable `name`, if it is defined.
  public func value(of name: String) -> Value? { values[name] }

  /// Defines or replaces the variable `name` (for lessons that prepare a session).
  public func define(_ name: String, as value: Value) {
    if values.updateValue(value, forKey: name) == nil { definitionOrder.append(name) }
  }

  /// Forgets every variable and restores the seed to 0, as at the start of the session.
  public func reset() {
    values = [:]
    definitionOrder = []
    seed = 0
    random = RandomGenerator(seed: 0)
    cellCount = 0
    runs.reset()
  }

  /// Sets the session's seed and restarts its generator from it.
  public func setSeed(_ newSeed: UInt64) {
    seed = newSeed
    random = RandomGenerator(seed: newSeed)
  }
}
