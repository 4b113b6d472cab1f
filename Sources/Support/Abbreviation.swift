/// `text` as a message may quote it: whole when it has at most `limit` characters, otherwise its
/// first `limit` characters and how many more there are, so an error about a huge input (a
/// megabyte-long tensor name, a 50 MB string) stays a readable line.
public func abbreviated(_ text: String, limit: Int = 200) -> String {
  var end = text.startIndex
  guard text.formIndex(&end, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex
  else { return text }
  let more = text[end...].count
  return String(text[..<end]) + "… (\(more) more characters)"
}
