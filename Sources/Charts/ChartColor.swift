/// A colour of a chart, defined once in RGB and shown as the nearest of the terminal's 256
/// colours or as a hex colour in SVG.
public struct ChartColor: Sendable, Hashable {
  /// The red, green and blue components, 0...255.
  public var red, green, blue: UInt8

  /// A colour from its red, green and blue components, 0...255.
  public init(red: UInt8, green: UInt8, blue: UInt8) {
    self.red = red
    self.green = green
    self.blue = blue
  }

  /// A colour from a 24-bit hex value, e.g. `0x4E79A7`.
  public init(hex: UInt32) {
    self.init(
      red: UInt8((hex >> 16) & 0xFF), green: UInt8((hex >> 8) & 0xFF), blue: UInt8(hex & 0xFF))
  }

  /// Series and class colours in order: Tableau 10 (Maureen Stone, 2016), chosen to stay apart
  /// from each other and readable on both light and dark backgrounds.
  public static let palette: [ChartColor] = [
    0x4E79A7, 0xF28E2B, 0x59A14F, 0xE15759, 0xB07AA1,
    0x76B7B2, 0xEDC948, 0xFF9DA7, 0x9C755F, 0xBAB0AC,
  ].map(ChartColor.init(hex:))

  /// The colour of the series or class at `index`, cycling through `palette`.
  public static func at(_ index: Int) -> ChartColor { palette[index % palette.count] }

  /// The terminal's series and class colours: brighter relatives of `palette` taken from xterm's
  /// 256 colours, so they stay vivid on dark backgrounds and survive the terminal's palette.
  public static let terminalPalette: [ChartColor] = [
    75, 214, 113, 203, 141, 80, 221, 212, 173, 250,
  ]
  .map(ChartColor.init(xterm:))

  /// The terminal colour of the series or class at `index`, cycling through `terminalPalette`.
  public static func terminalAt(_ index: Int) -> ChartColor {
    terminalPalette[index % terminalPalette.count]
  }

  /// The colour numbered `index` in xterm's 256-colour palette (16 and above; below, the basic
  /// colours vary between terminals and xterm's defaults are used).
  public init(xterm index: UInt8) {
    let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
    switch index {
    case 232...:
      let level = 8 + 10 * (index - 232)
      self.init(red: level, green: level, blue: level)
    case 16...:
      let cube = Int(index) - 16
      self.init(red: levels[cube / 36], green: levels[cube / 6 % 6], blue: levels[cube % 6])
    default:
      let basic: [UInt32] = [
        0x000000, 0x800000, 0x008000, 0x808000, 0x000080, 0x800080, 0x008080, 0xC0C0C0,
        0x808080, 0xFF0000, 0x00FF00, 0xFFFF00, 0x0000FF, 0xFF00FF, 0x00FFFF, 0xFFFFFF,
      ]
      self.init(hex: basic[Int(index)])
    }
  }

  /// Axis lines and tick labels.
  static let axis = ChartColor(hex: 0x8A8A8A)
  /// Light grid lines in SVG.
  static let grid = ChartColor(hex: 0xE6E6E6)
  /// Text in SVG.
  static let ink = ChartColor(hex: 0x333333)
  static let white = ChartColor(hex: 0xFFFFFF)

  /// The colour `fraction` of the way from `self` to `other` (0 gives `self`, 1 gives `other`).
  public func mixed(with other: ChartColor, _ fraction: Double) -> ChartColor {
    let t = min(1, max(0, fraction))
    func channel(_ a: UInt8, _ b: UInt8) -> UInt8 {
      UInt8((Double(a) + (Double(b) - Double(a)) * t).rounded())
    }
    return ChartColor(
      red: channel(red, other.red), green: channel(green, other.green),
      blue: channel(blue, other.blue))
  }

  /// The CSS form, e.g. `#4e79a7`.
  public var hexText: String {
    let digits = Array("0123456789abcdef")
    return "#"
      + [red, green, blue].map { "\(digits[Int($0 >> 4)])\(digits[Int($0 & 15)])" }
      .joined()
  }

  /// The nearest colour of xterm's 256-colour palette: the 6×6×6 cube (16–231) or the grey ramp
  /// (232–255), whichever is closer in RGB.
  public var terminalIndex: UInt8 {
    let levels: [Int] = [0, 95, 135, 175, 215, 255]
    func nearestLevel(_ c: UInt8) -> Int {
      levels.indices.min { abs(levels[$0] - Int(c)) < abs(levels[$1] - Int(c)) } ?? 0
    }
    let (r, g, b) = (nearestLevel(red), nearestLevel(green), nearestLevel(blue))
    let cube = (index: 16 + 36 * r + 6 * g + b, rgb: (levels[r], levels[g], levels[b]))
    let average = (Int(red) + Int(green) + Int(blue)) / 3
    let greyStep = min(23, max(0, (average - 8 + 5) / 10))
    let greyLevel = 8 + 10 * greyStep
    let grey = (index: 232 + greyStep, rgb: (greyLevel, greyLevel, greyLevel))
    func distance(_ rgb: (Int, Int, Int)) -> Int {
      let (dr, dg, db) = (rgb.0 - Int(red), rgb.1 - Int(green), rgb.2 - Int(blue))
      return dr * dr + dg * dg + db * db
    }
    return UInt8(distance(grey.rgb) < distance(cube.rgb) ? grey.index : cube.index)
  }
}
