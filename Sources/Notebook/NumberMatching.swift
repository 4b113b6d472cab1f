import Foundation

/// A number as printed in a cell's output, with the precision it was printed at.
struct PrintedNumber: Equatable {
  /// The characters as printed (`0.2312`, `-3`, `1.5e-03`).
  let text: String
  /// Its value.
  let value: Double
  /// Whether it was printed as a whole number, without a point or an exponent.
  let isInteger: Bool
  /// The value of one unit in its last printed digit: `0.0001` for `0.2312`, `1e-5` for
  /// `1.50e-3`.
  let lastDigitUnit: Double

  /// Whether `other`, printed by a replay, matches this recorded number under `tolerance`.
  func matches(_ other: PrintedNumber, tolerance: NumberTolerance) -> Bool {
    if other.text == text { return true }
    let difference = abs(other.value - value)
    switch tolerance {
    case .exact:
      return other.text == text
    case .absolute(let amount):
      return difference <= amount
    case .relative(let fraction):
      return difference <= fraction * abs(value)
    case .printedPrecision:
      if isInteger { return other.value == value }
      // Half a unit of the last digit, widened by a hair for the rounding of binary doubles.
      return difference <= 0.5 * lastDigitUnit * (1 + 1e-9)
    }
  }
}

/// One line of output cut into numbers and the words between them; runs of spaces count as one.
enum OutputToken: Equatable {
  case number(PrintedNumber)
  case word(String)
}

/// Whether a line printed on replay matches a recorded line: the same words, and numbers that
/// match under `tolerance`. A number followed by a unit of time (`finished in 0.42 s`) is a
/// duration, which like a timing is never compared: any number matches it.
func lineMatches(recorded: String, new: String, tolerance: NumberTolerance) -> Bool {
  let old = tokens(of: recorded)
  let fresh = tokens(of: new)
  guard old.count == fresh.count else { return false }
  return zip(old, fresh).enumerated().allSatisfy { index, pair in
    switch pair {
    case (.word(let a), .word(let b)): a == b
    case (.number(let a), .number(let b)):
      isTimeUnit(index + 1 < old.count ? old[index + 1] : nil) || a.matches(b, tolerance: tolerance)
    default: false
    }
  }
}

/// Whether `token` is words starting with a unit of time: `s`, `ms` or `min`.
private func isTimeUnit(_ token: OutputToken?) -> Bool {
  guard case .word(let text)? = token else { return false }
  let unit = text.drop { $0 == " " }.prefix(while: \.isLetter)
  return unit == "s" || unit == "ms" || unit == "min"
}

/// The tokens of `line`: numbers (`-0.5`, `12`, `3.1e-04`, `.5`) that do not continue a word,
/// and the text between them with each run of spaces turned into one and the ends trimmed.
func tokens(of line: String) -> [OutputToken] {
  let characters = Array(line.trimmingCharacters(in: .whitespaces))
  var result: [OutputToken] = []
  var word = ""
  var position = 0
  func flushWord() {
    if !word.isEmpty { result.append(.word(word)) }
    word = ""
  }
  while position < characters.count {
    let previous = position > 0 ? characters[position - 1] : " "
    let continuesWord = previous.isLetter || previous.isNumber || previous == "_" || previous == "."
    if !continuesWord, let (number, end) = number(in: characters, at: position) {
      flushWord()
      result.append(.number(number))
      position = end
      continue
    }
    let character = characters[position]
    if character == " " || character == "\t" {
      if word.last != " " { word.append(" ") }
    } else {
      word.append(character)
    }
    position += 1
  }
  flushWord()
  return result
}

/// The number starting at `start` and the position after it, or nil if none starts there.
private func number(in characters: [Character], at start: Int) -> (PrintedNumber, Int)? {
  var position = start
  func digits() -> Int {
    let begin = position
    while position < characters.count, let c = characters[position].asciiValue,
      (48...57).contains(c)
    {
      position += 1
    }
    return position - begin
  }
  if position < characters.count, characters[position] == "-" || characters[position] == "+" {
    position += 1
  }
  let whole = digits()
  var fraction = 0
  var hasPoint = false
  if position + 1 < characters.count, characters[position] == ".",
    characters[position + 1].isASCII, characters[position + 1].isNumber
  {
    hasPoint = true
    position += 1
    fraction = digits()
  }
  guard whole + fraction > 0 else { return nil }
  var exponent = 0
  var hasExponent = false
  if position < characters.count, characters[position] == "e" || characters[position] == "E" {
    let mark = position
    position += 1
    var sign = 1
    if position < characters.count, characters[position] == "-" || characters[position] == "+" {
      sign = characters[position] == "-" ? -1 : 1
      position += 1
    }
    let exponentStart = position
    if digits() > 0, let value = Int(String(characters[exponentStart..<position])) {
      exponent = sign * min(value, 400)
      hasExponent = true
    } else {
      position = mark
    }
  }
  let text = String(characters[start..<position])
  guard let value = Double(text) else { return nil }
  let unit = pow(10, Double(exponent - fraction))
  let number = PrintedNumber(
    text: text, value: value, isInteger: !hasPoint && !hasExponent, lastDigitUnit: unit)
  return (number, position)
}
