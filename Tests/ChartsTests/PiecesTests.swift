import Charts
import Testing

@Suite struct NumberTextTests {
  @Test func fixedNeverShowsNegativeZero() {
    #expect(NumberText.fixed(-0.0001, decimals: 2) == "0.00")
    #expect(NumberText.fixed(2.345, decimals: 1) == "2.3")
    #expect(NumberText.fixed(.nan, decimals: 1) == "NaN")
  }

  @Test func scientificDropsPadding() {
    #expect(NumberText.scientific(1e-5) == "1e-5")
    #expect(NumberText.scientific(2.5e-4) == "2.5e-4")
    #expect(NumberText.scientific(-3e7) == "-3e7")
  }

  @Test func compactKeepsThreeSignificantDigits() {
    #expect(NumberText.compact(0.021_345) == "0.0213")
    #expect(NumberText.compact(123.456) == "123")
    #expect(NumberText.compact(0.000_012) == "1.2e-5")
    #expect(NumberText.compact(0) == "0")
  }
}

@Suite struct ChartColorTests {
  @Test func xtermColoursMapBackToThemselves() {
    for index in UInt8(16)...255 {
      #expect(ChartColor(xterm: index).terminalIndex == index, "xterm \(index)")
    }
  }

  @Test func nearestTerminalColour() {
    #expect(ChartColor(hex: 0xFF8700).terminalIndex == 208)
    #expect(ChartColor(hex: 0x4E79A7).terminalIndex == 67)
    #expect(ChartColor(hex: 0x303031).terminalIndex == 236)
  }

  @Test func hexTextAndMixing() {
    #expect(ChartColor(hex: 0x4E79A7).hexText == "#4e79a7")
    #expect(
      ChartColor(hex: 0x000000).mixed(with: ChartColor(hex: 0xFFFFFF), 0.5).hexText == "#808080")
  }
}

@Suite struct TextCanvasTests {
  @Test func trailingBlanksAreTrimmedAndStylesChangeOnlyWhenNeeded() {
    var canvas = TextCanvas(width: 8, height: 2)
    let red = CellStyle(foreground: ChartColor(xterm: 196))
    canvas.write("ab", column: 0, line: 0, style: red)
    canvas.write("c", column: 3, line: 0)
    #expect(canvas.rendered(color: false) == "ab c\n")
    #expect(canvas.rendered(color: true) == "\u{1B}[38;5;196mab\u{1B}[0m c\n")
  }

  @Test func writingOffTheCanvasIsIgnored() {
    var canvas = TextCanvas(width: 3, height: 1)
    canvas.write("abcdef", column: -2, line: 0)
    canvas.put("z", column: 5, line: 3)
    #expect(canvas.rendered(color: false) == "cde")
  }
}

@Suite struct SegmentTests {
  @Test func segmentsAreClippedToTheRectangle() {
    let inside = Segment.clipped((-1, 0.5), (2, 0.5), to: (x: 0...1, y: 0...1))
    #expect(inside.map { [$0.0.x, $0.0.y, $0.1.x, $0.1.y] } == [0, 0.5, 1, 0.5])
    #expect(Segment.clipped((2, 2), (3, 3), to: (x: 0...1, y: 0...1)) == nil)
  }
}
