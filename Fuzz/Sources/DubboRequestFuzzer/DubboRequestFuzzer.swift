// libFuzzer entry point for the Dubbo module's decoders (not main.swift: `main` comes from libFuzzer).
//
// Each input is a byte stream as a provider receives it. Checked (a `precondition` failure is a crash):
//  1. `DubboFrameDecoder` (payload limit 64 KiB, in an `EmbeddedChannel`) passes on the same frames and
//     oversize notices, and fails the same way, whether the input arrives in one piece or in three
//     (split after 1 + size % 17 bytes and at the middle); every frame's body has its header's length.
//  2. Each request body is read through every registered serialization's `DubboObjectInput`: the five
//     prologue strings, then (each from a copy of the input) values of several types followed by the
//     attachments, an exception, an integer. Errors are fine; crashes are not.
//  3. Each request frame goes through the provider's real `DubboRequestDispatcher` (`@testable`), which
//     exports `FuzzServices.swift`'s services. A two-way request gets exactly one answer, a oneway one
//     none; the answer echoes the request id; an error answer's text and an OK answer's result flag read
//     back in the answer's serialization.
//  4. Each response frame goes through the consumer's `DubboResponseReader`, which may throw only
//     `DubboError`.
// Unbounded allocation and hangs are caught by libFuzzer (`-rss_limit_mb`, `-timeout`).

import DubboHessian
import Foundation
import GreeterService
import Logging
import NIOCore
import NIOEmbedded
import SwiftProtobuf

@testable import Dubbo

let payloadLimit = 64 * 1024
/// Limits well below the defaults for the direct reads, so that they are reached with small inputs.
let readLimits = HessianDecodingLimits(
  maxDepth: 24, maxCollectionCount: 1024, maxStringLength: 8192, maxBinaryLength: 8192,
  maxClassDefinitions: 64, maxFieldsPerClass: 32, maxReferenceExpansion: 16384)
let registry = DubboSerializationRegistry.default
let serializations = [DubboSerializationID.hessian2, .fastjson, .protobuf].map { registry.serialization(for: $0)! }
let allocator = ByteBufferAllocator()
/// The dispatcher as `DubboServer` builds it, with the server's default decoding limits.
let dispatcher = DubboRequestDispatcher(
  providers: [
    FuzzGreeter(),
    FuzzService(serviceDescriptor: DubboServiceDescriptor(interface: "fuzz.Service")),
    FuzzService(
      serviceDescriptor: DubboServiceDescriptor(interface: "fuzz.Service", version: "1.0.0", group: "g"),
      payloadLimit: 512),
  ],
  serializations: registry,
  limits: .default,
  payloadLimit: payloadLimit,
  genericSettings: DubboGenericSettings(),
  logger: Logger(label: "fuzz", factory: { _ in SwiftLogNoOpLogHandler() })
)
/// At most this many frames of one input are read and dispatched (a 64 KiB input holds 4,096).
let maxFramesPerInput = 16

/// Set `DUBBO_FUZZ_VERBOSE=1` to print the frames and answers of each input (for checking seeds).
let verbose = ProcessInfo.processInfo.environment["DUBBO_FUZZ_VERBOSE"] != nil

@_cdecl("LLVMFuzzerTestOneInput")
public func dubboRequestFuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
  var input = allocator.buffer(capacity: size)
  if let data, size > 0 { input.writeBytes(UnsafeRawBufferPointer(start: data, count: size)) }
  let whole = decodeFrames(input, splitAt: [])
  let split = decodeFrames(input, splitAt: [1 + size % 17, size / 2])
  precondition(whole == split, "split input decodes differently:\n\(whole)\n\(split)")
  if verbose { print("frames: \(whole)") }
  for event in whole.events.prefix(maxFramesPerInput) {
    switch event {
    case .oversized(let header, let limit):
      precondition(limit == payloadLimit && Int(header.bodyLength) > limit, "bad oversize notice \(header)")
      guard header.isRequest else { continue }
      let connection = DubboRequestDispatcher.Connection(local: nil, remote: nil)
      let answer = dispatcher.respondToOversized(header, limit: limit, connection: connection, allocator: allocator)
      checkAnswer(answer, to: header)
    case .frame(let frame):
      precondition(frame.body.readableBytes == Int(frame.header.bodyLength), "body length differs from header")
      if !frame.header.isRequest {
        readResponse(frame)
      } else if !frame.header.isEvent {
        readRequestBody(frame.body)
        checkAnswer(dispatch(frame), to: frame.header)
      }
    }
  }
  return 0
}

// MARK: - Frames

/// What the frame decoder passed on, and the error that stopped it.
struct DecodedStream: Equatable, CustomStringConvertible {
  var events: [DubboInboundFrame] = []
  var error: String?

  static func == (lhs: DecodedStream, rhs: DecodedStream) -> Bool {
    lhs.error == rhs.error && lhs.events.count == rhs.events.count
      && zip(lhs.events, rhs.events).allSatisfy { sameEvent($0, $1) }
  }

  var description: String {
    let items = events.map { event -> String in
      switch event {
      case .frame(let frame): return "frame(\(frame.header), body: \(frame.body.readableBytes) bytes)"
      case .oversized(let header, let limit): return "oversized(\(header), limit: \(limit))"
      }
    }
    return "\(items)\(error.map { " error: \($0)" } ?? "")"
  }
}

func sameEvent(_ lhs: DubboInboundFrame, _ rhs: DubboInboundFrame) -> Bool {
  switch (lhs, rhs) {
  case (.frame(let a), .frame(let b)): a.header == b.header && a.body == b.body
  case (.oversized(let a, let limitA), .oversized(let b, let limitB)): a == b && limitA == limitB
  default: false
  }
}

/// Feeds `input` to a `DubboFrameDecoder`: in one write, or split at the given offsets (a split in the
/// header, one in a body, one in skipped oversize bytes).
func decodeFrames(_ input: ByteBuffer, splitAt offsets: [Int]) -> DecodedStream {
  let channel = EmbeddedChannel(handler: ByteToMessageHandler(DubboFrameDecoder(payloadLimit: payloadLimit)))
  defer { _ = try? channel.finish() }
  var stream = DecodedStream()
  var rest = input
  var ends = offsets.filter { $0 > 0 && $0 < input.readableBytes }.sorted() + [input.readableBytes]
  repeat {
    let piece = rest.readSlice(length: ends.removeFirst() - (input.readableBytes - rest.readableBytes))!
    do {
      try channel.writeInbound(piece)
    } catch {
      stream.error = "\(error)"
    }
    while let event = try? channel.readInbound(as: DubboInboundFrame.self) { stream.events.append(event) }
  } while stream.error == nil && rest.readableBytes > 0
  return stream
}

// MARK: - Request bodies through each serialization

func readRequestBody(_ body: ByteBuffer) {
  for serialization in serializations {
    var input = serialization.makeInput(body: body, limits: readLimits)
    for _ in 0..<5 {
      var next = input
      do { _ = try next.readString() } catch { break }
      input = next
    }
    readValue(String.self, from: input)
    readValue(Int32.self, from: input)
    readValue([String].self, from: input)
    readValue(String?.self, from: input)
    readValue(FuzzValue.self, from: input)
    readValue(Google_Protobuf_Value.self, from: input)
    readValue(User?.self, from: input)
    var copy = input
    _ = try? copy.readThrowable()
    copy = input
    _ = try? copy.readInt()
    copy = input
    _ = try? copy.readAttachments()
  }
}

/// Reads a value and, if that works, the attachments after it.
func readValue<Value: DubboSerializable>(_ type: Value.Type, from input: any DubboObjectInput) {
  var input = input
  do {
    _ = try input.readValue(type)
    _ = try input.readAttachments()
  } catch {}
}

// MARK: - The provider's dispatcher

final class AnswerBox: @unchecked Sendable {
  var answer: DubboFrame?
}

/// Runs `DubboRequestDispatcher.respond` to completion.
func dispatch(_ frame: DubboFrame) -> DubboFrame? {
  let box = AnswerBox()
  let done = DispatchSemaphore(value: 0)
  Task {
    let connection = DubboRequestDispatcher.Connection(local: nil, remote: nil)
    box.answer = await dispatcher.respond(to: frame, on: connection, allocator: allocator)
    done.signal()
  }
  done.wait()
  return box.answer
}

func checkAnswer(_ answer: DubboFrame?, to request: DubboHeader) {
  if verbose { print("answer to \(request.requestID): \(answer.map { "\($0.header)" } ?? "none")") }
  guard let answer else {
    precondition(!request.isTwoWay, "no answer to a two-way request")
    return
  }
  precondition(request.isTwoWay, "an answer to a oneway request")
  let header = answer.header
  precondition(!header.isRequest && !header.isEvent && header.requestID == request.requestID, "bad answer \(header)")
  guard let serialization = registry.serialization(for: header.serialization) else {
    preconditionFailure("answer in an unknown serialization \(header.serialization)")
  }
  var input = serialization.makeInput(body: answer.body, limits: .default)
  do {
    if header.status == .ok {
      let flag = try input.readInt()
      precondition(DubboResultFlag(rawValue: flag) != nil, "bad result flag \(flag)")
    } else {
      let text = try input.readString()
      if verbose { print("  \(header.status): \(text ?? "null")") }
    }
  } catch {
    preconditionFailure("answer does not read back: \(error)")
  }
}

// MARK: - The consumer's response reader

func readResponse(_ frame: DubboFrame) {
  let serialization = registry.serialization(for: frame.header.serialization) ?? Hessian2Serialization()
  readResponse(frame, as: String.self, serialization)
  readResponse(frame, as: User?.self, serialization)
  readResponse(frame, as: FuzzValue.self, serialization)
  readResponse(frame, as: DubboVoid.self, serialization)
  readResponse(frame, as: Google_Protobuf_Value.self, serialization)
}

func readResponse<Result: DubboSerializable>(
  _ frame: DubboFrame, as type: Result.Type, _ serialization: any DubboSerialization
) {
  do {
    _ = try DubboResponseReader.read(frame, as: type, requestSerialization: serialization, limits: readLimits)
  } catch is DubboError {
  } catch {
    preconditionFailure("DubboResponseReader threw \(Swift.type(of: error)): \(error)")
  }
}
