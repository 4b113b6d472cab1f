/// An object of another library (a dataset, model, layer, optimizer, run, tensor, chart…) as the
/// language sees it: a wrapper class conforms to this protocol and the interpreter does the rest
/// (echo, `print`, `type`, field access with did-you-mean, `:vars`, completion after `.`).
///
/// Wrappers are classes, so two names bound to one model share it and `==` compares identity.
public protocol HostObject: AnyObject {
  /// The type's name as a learner sees it in messages and `type(x)`: `dataset`, `model`, `run`.
  var typeName: String { get }
  /// One line describing this object: `400 samples × 2 features, binary (moons, seed 1)`.
  var summary: String { get }
  /// The multi-line display echoed when the object is the value of a bare expression.
  var display: String { get }
  /// What the prompt shows when the object is the value of a bare expression: by default
  /// `.text(display)`; a chart answers `.chart(terminal:svg:)` so it is drawn (and exported).
  var echo: OutputPiece { get }
  /// The names `field(named:)` answers, for completion and error messages.
  var fieldNames: [String] { get }
  /// The value of the field `name`, or nil when the object has no such field (the interpreter
  /// then reports a located error with a suggestion). Errors thrown here become located
  /// diagnostics at the field access.
  func field(named name: String) throws -> Value?
  /// How many elements `x[i]`, `len(x)` and `for … in x` see, or nil if the object has none.
  var elementCount: Int? { get }
  /// The element at `index`, which the interpreter has checked is in 0..<elementCount.
  func element(at index: Int) throws -> Value
}

extension HostObject {
  /// By default the display is the one-line summary.
  public var display: String { summary }
  /// By default the echo is the display, as text.
  public var echo: OutputPiece { .text(display) }
  /// By default an object has no fields.
  public var fieldNames: [String] { [] }
  /// By default an object has no fields.
  public func field(named name: String) throws -> Value? { nil }
  /// By default an object has no elements.
  public var elementCount: Int? { nil }
  /// By default an object has no elements; never called when `elementCount` is nil.
  public func element(at index: Int) throws -> Value { .none }
}
