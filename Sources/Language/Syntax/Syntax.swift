/// An expression of the language with the span of source it was parsed from.
struct Expression: Sendable {
  indirect enum Kind: Sendable {
    case number(Double)
    case string([InterpolatedPiece])
    case bool(Bool)
    case none
    case list([Expression])
    case variable(String)
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
    case call(callee: Expression, arguments: [Argument])
    case field(Expression, name: String, nameRange: SourceRange)
    case index(Expression, Expression)
    /// `sweep(lr: [0.01, 0.1], seeds: 3) { body }`: the body run once per setting and seed,
    /// its fits trained in parallel afterwards.
    case sweep(arguments: [Argument], body: [Statement])
  }

  var kind: Kind
  var range: SourceRange

  /// Whether the expression calls `sweep`, which takes a block after its arguments.
  var isSweepCall: Bool {
    if case .call(let callee, _) = kind { callee.variableName == "sweep" } else { false }
  }

  /// The name when the expression is a bare variable name.
  var variableName: String? {
    if case .variable(let name) = kind { name } else { nil }
  }
}

/// A piece of a string literal after parsing: text, or an expression to interpolate.
enum InterpolatedPiece: Sendable {
  case text(String)
  case expression(Expression)
}

/// One argument of a call: `value` or `label: value`.
struct Argument: Sendable {
  var label: String?
  var labelRange: SourceRange?
  var value: Expression

  /// The span from the label (if any) to the end of the value.
  var range: SourceRange {
    labelRange.map { SourceRange(from: $0, to: value.range) } ?? value.range
  }
}

/// `-x` and `not x`.
enum UnaryOperator: String, Sendable {
  case negate = "-"
  case not = "not"
}

/// The binary operators, spelled as in the source.
enum BinaryOperator: String, Sendable {
  case add = "+"
  case subtract = "-"
  case multiply = "*"
  case divide = "/"
  case remainder = "%"
  case power = "**"
  case equal = "=="
  case notEqual = "!="
  case less = "<"
  case lessOrEqual = "<="
  case greater = ">"
  case greaterOrEqual = ">="
  case and, or

  /// How tightly the operator binds: higher binds tighter.
  var precedence: Int {
    switch self {
    case .or: 1
    case .and: 2
    case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 3
    case .add, .subtract: 4
    case .multiply, .divide, .remainder: 5
    case .power: 7
    }
  }

  /// Whether the operator compares its operands (so `expect` shows both sides).
  var isComparison: Bool { precedence == 3 }
}

/// A statement with the span of source it was parsed from.
struct Statement: Sendable {
  enum Kind: Sendable {
    /// An expression evaluated for its value (echoed at the top level of a cell).
    case expression(Expression)
    /// `name = value`, or `a, b, c = list` which destructures a list.
    case assignment(targets: [(name: String, range: SourceRange)], value: Expression)
    /// `for name in sequence { body }`.
    case forLoop(
      variable: String, variableRange: SourceRange, sequence: Expression,
      body: [Statement])
    /// `if condition { then } else { otherwise }`; `else if` nests another `if` in `otherwise`.
    case ifElse(condition: Expression, then: [Statement], otherwise: [Statement])
    /// `expect condition` or `expect condition, "message"`.
    case expect(Expression, message: Expression?)
  }

  var kind: Kind
  var range: SourceRange
}
