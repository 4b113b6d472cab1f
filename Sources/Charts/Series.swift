/// One named line of a line chart: its points, and optionally how it is drawn.
public struct Series: Sendable, Equatable {
  /// The name shown in the legend, e.g. "train" or "lr 0.01".
  public var name: String
  /// The horizontal positions of the points, in drawing order.
  public var x: [Double]
  /// The vertical positions of the points; paired with `x` up to the shorter of the two.
  public var y: [Double]
  /// The line's colour; nil picks the next colour of `ChartColor.palette`.
  public var color: ChartColor?
  /// The line's style; nil draws solid lines in colour and cycles solid, dashed, dotted without.
  public var style: LineStyle?
  /// A band shaded around the line, such as the spread over seeds; nil for none.
  public var band: Band?

  /// A series of points (`x[i]`, `y[i]`).
  public init(
    name: String, x: [Double], y: [Double], color: ChartColor? = nil, style: LineStyle? = nil
  ) {
    self.name = name
    self.x = x
    self.y = y
    self.color = color
    self.style = style
  }

  /// A series of `values` at x = 1, 2, 3, …: one value per epoch, optionally with a `band`.
  public init(
    name: String, values: [Double], color: ChartColor? = nil, style: LineStyle? = nil,
    band: Band? = nil
  ) {
    self.init(
      name: name, x: values.indices.map { Double($0 + 1) }, y: values, color: color, style: style)
    self.band = band
  }

  /// The points in order, paired up to the shorter of `x` and `y`.
  var points: [(x: Double, y: Double)] { zip(x, y).map { (x: $0, y: $1) } }
}
