/// Which characters a terminal chart may use.
public enum Glyphs: Sendable, Equatable {
  /// Braille dots (2×4 per cell) for lines, box-drawing axes, shade blocks and shape marks.
  case unicode
  /// Plain ASCII only: one mark per cell, `|`, `-` and `+` for axes.
  case ascii
}
