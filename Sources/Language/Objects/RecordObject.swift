/// A result with named fields as a value of the language, such as what `mistakes` and
/// `pr_curve` return: `m.count`, `m.indices`, `curve.average_precision`. Its elements, when it
/// has some, are what `len`, `m[0]` and `for … in m` see.
final class RecordObject: HostObject {
  let typeName: String
  let summary: String
  /// The fields, in display order.
  let fields: [(name: String, value: Value)]
  /// The elements, or nil when it has none.
  let elements: [Value]?

  init(
    typeName: String, summary: String, fields: [(name: String, value: Value)],
    elements: [Value]? = nil
  ) {
    self.typeName = typeName
    self.summary = summary
    self.fields = fields
    self.elements = elements
  }

  var fieldNames: [String] { fields.map(\.name) }
  func field(named name: String) throws -> Value? { fields.first { $0.name == name }?.value }
  var elementCount: Int? { elements?.count }
  func element(at index: Int) throws -> Value { elements?[index] ?? .none }
}
