import Kernel
import Support
import Testing

private let request = KernelMessage(
  type: "execute_request", content: .object([("code", .string("1 + 2"))]), session: "client")

@Test func aSignedMessageDecodesToWhatWasSent() throws {
  let codec = MessageCodec(key: "secret")
  var message = request
  message.identities = [Array("client-id".utf8)]
  message.buffers = [[1, 2, 3]]
  let frames = codec.encode(message)
  #expect(frames[1] == MessageCodec.delimiter)
  #expect(frames[2].count == 64)
  let decoded = try codec.decode(frames)
  #expect(decoded.identities == message.identities)
  #expect(decoded.type == "execute_request")
  #expect(decoded.text("code") == "1 + 2")
  #expect(decoded.buffers == [[1, 2, 3]])
}

/// The signature is HMAC-SHA256 over the four JSON frames as sent, which Python's `hmac`
/// computes as `hmac.new(b"key", header + b"{}" * 3, hashlib.sha256).hexdigest()`.
@Test func aMessageSignedAsPythonSignsItIsAccepted() throws {
  let header = Array(#"{"msg_id": "1", "msg_type": "kernel_info_request"}"#.utf8)
  let empty = Array("{}".utf8)
  let signature = "3c3a35d0add7485a1528a404666c54fa3195dfe51b9b703ee59b7027129a4c0d"
  #expect(
    HMACSHA256(key: Array("key".utf8)).hexCode(of: [header, empty, empty, empty]) == signature)
  let message = try MessageCodec(key: "key").decode([
    Array("id".utf8), MessageCodec.delimiter, Array(signature.utf8), header, empty, empty, empty,
  ])
  #expect(message.type == "kernel_info_request")
  #expect(message.identities == [Array("id".utf8)])
}

@Test func aWrongSignatureIsRefused() {
  let frames = MessageCodec(key: "secret").encode(request)
  #expect(throws: MessageError.badSignature) { try MessageCodec(key: "other").decode(frames) }
  var tampered = frames
  tampered[5] = Array(#"{"code": "2 + 2"}"#.utf8)
  #expect(throws: MessageError.badSignature) { try MessageCodec(key: "secret").decode(tampered) }
}

@Test func anEmptyKeyTurnsSigningOff() throws {
  let frames = MessageCodec(key: "").encode(request)
  #expect(frames[1].isEmpty)
  #expect(try MessageCodec(key: "").decode(frames).type == "execute_request")
}

@Test func malformedFramesAreRefusedWithWhy() {
  let codec = MessageCodec(key: "")
  let empty = Array("{}".utf8)
  let cases: [([[UInt8]], String)] = [
    ([empty], "no <IDS|MSG> delimiter"),
    ([MessageCodec.delimiter, [], empty], "2 frames after the delimiter, fewer than 5"),
    ([MessageCodec.delimiter, [], Array("{".utf8), empty, empty, empty], "a frame is not JSON"),
    (
      [MessageCodec.delimiter, [], Array("[]".utf8), empty, empty, empty],
      "a frame is JSON but not an object"
    ),
    ([MessageCodec.delimiter, [], empty, empty, empty, empty], "the header has no msg_type"),
  ]
  for (frames, why) in cases {
    #expect(throws: MessageError.malformed(why)) { try codec.decode(frames) }
  }
}
