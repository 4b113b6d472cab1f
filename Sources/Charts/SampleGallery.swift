/// Small grey-scale images of samples side by side, each with a caption, drawn in the terminal
/// with shade characters (two per pixel, so they look square) or as SVG: the digits a model got
/// wrong, with their true and predicted class.
///
/// ```swift
/// let gallery = SampleGallery(
///   title: "misclassified", side: 8,
///   tiles: [SampleGallery.Tile(pixels: pixels, caption: ["#12 91%", "3 → 8"])])
/// print(gallery.render(width: 76))
/// ```
public struct SampleGallery: Sendable {
  /// One image and the lines under it.
  public struct Tile: Sendable, Equatable {
    /// The image's pixels, row by row, each from 0 (blank) to 1 (full ink).
    public var pixels: [Double]
    /// The lines under the image, shortest first preferred; cut to the image's width.
    public var caption: [String]

    /// A tile of `pixels` with `caption` under it.
    public init(pixels: [Double], caption: [String]) {
      self.pixels = pixels
      self.caption = caption
    }
  }

  /// The heading above the images; empty for none.
  public var title: String
  /// The images' side in pixels (each image is `side × side`).
  public var side: Int
  /// The images, in order.
  public var tiles: [Tile]
  /// Lines below the images; empty for none.
  public var note: String

  /// A gallery of `tiles`, each a square image of `side × side` pixels.
  public init(title: String = "", side: Int, tiles: [Tile], note: String = "") {
    self.title = title
    self.side = side
    self.tiles = tiles
    self.note = note
  }

  /// The shade characters from blank to full ink.
  static let shades: [Character] = [" ", "░", "▒", "▓", "█"]

  /// The shade of a pixel value (0...1; anything else is clamped, a NaN is blank).
  static func shade(_ value: Double) -> Character {
    guard value.isFinite else { return " " }
    let level = Int((min(max(value, 0), 1) * Double(shades.count - 1)).rounded())
    return shades[level]
  }

  /// The gallery as terminal text at most `width` columns wide: images in rows, each framed
  /// by a thin line on its left and right so a blank border still shows.
  public func render(width: Int = 76) -> String {
    let tileWidth = max(side * 2 + 2, 8)
    let perRow = max(1, (width + 2) / (tileWidth + 2))
    var lines: [String] = title.isEmpty ? [] : [title]
    var start = 0
    while start < tiles.count {
      let row = Array(tiles[start..<min(start + perRow, tiles.count)])
      for y in 0..<side {
        lines.append(
          row.map { tile in
            let cells = (0..<side).map { x -> String in
              let index = y * side + x
              let value = index < tile.pixels.count ? tile.pixels[index] : 0
              return String(repeating: Self.shade(value), count: 2)
            }
            return ("│" + cells.joined() + "│").padding(to: tileWidth)
          }.joined(separator: "  ").trailingSpacesRemoved)
      }
      let captionLines = row.map(\.caption.count).max() ?? 0
      for index in 0..<captionLines {
        lines.append(
          row.map { tile in
            let text = index < tile.caption.count ? tile.caption[index] : ""
            return String(text.prefix(tileWidth)).padding(to: tileWidth)
          }.joined(separator: "  ").trailingSpacesRemoved)
      }
      start += perRow
      if start < tiles.count { lines.append("") }
    }
    if !note.isEmpty { lines.append(note) }
    return lines.joined(separator: "\n")
  }

  /// The gallery as a standalone SVG document: each image 64 pixels square in shades of grey,
  /// its caption below, eight images to a row.
  public func svg() -> String {
    let (image, gap, perRow) = (64.0, 24.0, 8)
    let captionHeight = Double(max(tiles.map(\.caption.count).max() ?? 0, 1)) * 14 + 6
    let columns = max(1, min(perRow, tiles.count))
    let rows = max(1, (tiles.count + perRow - 1) / perRow)
    let top = title.isEmpty ? 16.0 : 44
    let width = Int(Double(columns) * (image + gap) + gap)
    let noteLines = note.isEmpty ? [] : note.split(separator: "\n").map(String.init)
    let imageRows = tiles.isEmpty ? 0 : rows
    let height = Int(
      top + Double(imageRows) * (image + captionHeight + gap) + Double(noteLines.count) * 16
        + 12)
    let widest = max(title.count * 9, (noteLines.map(\.count).max() ?? 0) * 7) + 40
    var document = SVGDocument(width: max(width, widest), height: height)
    if !title.isEmpty {
      document.text(title, x: gap, y: 28, size: 15, bold: true)
    }
    let pixel = image / Double(max(side, 1))
    for (index, tile) in tiles.enumerated() {
      let left = gap + Double(index % perRow) * (image + gap)
      let upper = top + Double(index / perRow) * (image + captionHeight + gap)
      document.rect(
        x: left - 1, y: upper - 1, width: image + 2, height: image + 2, fill: .white,
        stroke: .axis)
      for (offset, value) in tile.pixels.prefix(side * side).enumerated()
      where value.isFinite && value > 0 {
        let ink = ChartColor.white.mixed(with: .ink, min(value, 1))
        document.rect(
          x: left + Double(offset % side) * pixel, y: upper + Double(offset / side) * pixel,
          width: pixel, height: pixel, fill: ink)
      }
      for (line, text) in tile.caption.enumerated() {
        document.text(
          text, x: left + image / 2, y: upper + image + 16 + Double(line) * 14, size: 11,
          anchor: "middle")
      }
    }
    let noteTop = Double(height) - Double(noteLines.count) * 16
    for (index, line) in noteLines.enumerated() {
      document.text(line, x: gap, y: noteTop + Double(index) * 16 + 4, fill: .axis)
    }
    return document.rendered
  }
}

extension String {
  /// The text followed by spaces up to `width` characters.
  fileprivate func padding(to width: Int) -> String {
    self + String(repeating: " ", count: max(0, width - count))
  }

  /// The text without spaces at its end.
  fileprivate var trailingSpacesRemoved: String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
