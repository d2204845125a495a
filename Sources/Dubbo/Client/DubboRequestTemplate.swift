import DubboHessian
import NIOConcurrencyHelpers
import NIOCore

/// What every request of one method through one reference shares, encoded once: the prologue and
/// the attachments, between which each call writes its arguments.
///
/// The items of a body are independent in every serialization but hessian2, where lists, maps,
/// objects and references share the stream's class, type and reference tables with the
/// arguments. Strings and the other scalars do not, so the prologue, and attachments whose values
/// are all scalars, encode to the same bytes apart as in one stream with the arguments; other
/// attachments are written after the arguments, in their stream.
struct DubboRequestTemplate: Sendable {
  /// What a template is made of: the request's settings once the call's options, the method's
  /// and the reference's are resolved, apart from attachments the call's options add.
  struct Key: Hashable, Sendable {
    var service: DubboServiceDescriptor
    var methodName: String
    var parameterDescriptor: String
    var serialization: DubboSerializationID
    /// Sent as the `timeout` attachment.
    var timeout: Duration
    /// The reference's attachments.
    var attachments: DubboAttachments

    /// Hashes the method name and the lengths of the other strings, which tell keys apart about
    /// as well as their text at a fraction of the cost; ``==`` compares everything.
    func hash(into hasher: inout Hasher) {
      hasher.combine(methodName)
      hasher.combine(service.interface.utf8.count)
      hasher.combine(parameterDescriptor.utf8.count)
      hasher.combine(serialization.rawValue)
      hasher.combine(attachments.count)
    }
  }

  private enum Attachments: Sendable {
    case encoded(ByteBuffer)
    case writtenAfterArguments(DubboAttachments)
  }

  /// The serialization the template is written in.
  let serialization: any DubboSerialization
  private let prologue: ByteBuffer
  private let attachments: Attachments

  /// Encodes the template of `key`, with `extraAttachments` (the call's own) added to the
  /// reference's.
  init(
    _ key: Key,
    extraAttachments: DubboAttachments = DubboAttachments(),
    serialization: any DubboSerialization,
    allocator: ByteBufferAllocator
  ) throws {
    let service = key.service
    var attachments = key.attachments
    attachments.merge(extraAttachments)
    attachments[string: "path"] = service.interface
    attachments[string: "interface"] = service.interface
    attachments[string: "version"] = service.wireVersion
    if let group = service.group { attachments[string: "group"] = group }
    attachments[string: "timeout"] = String(key.timeout.milliseconds)
    let prologue = DubboRequestPrologue(
      dubboVersion: DubboProtocolVersion.current,
      path: service.interface,
      version: service.wireVersion,
      methodName: key.methodName,
      parameterDescriptor: key.parameterDescriptor
    )
    try self.init(prologue, attachments: attachments, serialization: serialization, allocator: allocator)
  }

  /// Encodes the template of a request with this prologue and these attachments.
  init(
    _ prologue: DubboRequestPrologue,
    attachments: DubboAttachments,
    serialization: any DubboSerialization,
    allocator: ByteBufferAllocator
  ) throws {
    self.serialization = serialization
    var output = serialization.makeOutput()
    try prologue.write(to: &output)
    self.prologue = output.finished(allocator: allocator)
    if attachments.allSatisfy({ $0.value.isScalar }) {
      var output = serialization.makeOutput()
      try output.writeAttachments(attachments)
      self.attachments = .encoded(output.finished(allocator: allocator))
    } else {
      self.attachments = .writtenAfterArguments(attachments)
    }
  }

  /// A request frame: `header`, its body length set, then the body: the prologue, `arguments`,
  /// the attachments.
  func frame<Arguments: DubboArguments>(
    header: DubboHeader,
    arguments: Arguments,
    allocator: ByteBufferAllocator
  ) throws -> ByteBuffer {
    var output = serialization.makeOutput()
    try arguments.write(to: &output)
    var encodedAttachmentsSize = 0
    switch attachments {
    case .encoded(let bytes): encodedAttachmentsSize = bytes.readableBytes
    case .writtenAfterArguments(let attachments): try output.writeAttachments(attachments)
    }
    var frame = allocator.buffer(
      capacity: DubboHeader.size + prologue.readableBytes + Self.argumentsCapacity + encodedAttachmentsSize)
    header.write(to: &frame)
    frame.writeImmutableBuffer(prologue)
    output.write(to: &frame)
    if case .encoded(let bytes) = attachments { frame.writeImmutableBuffer(bytes) }
    let bodyLength = Int32(frame.readableBytes - DubboHeader.size)
    frame.setInteger(bodyLength, at: frame.readerIndex + DubboHeader.bodyLengthOffset)
    return frame
  }

  /// The room a frame leaves for the arguments before it has to grow.
  private static let argumentsCapacity = 256
}

/// The request templates a client made, for calls whose options add no attachments of their own
/// (those differ from call to call, so their templates are made for the call and dropped).
final class DubboRequestTemplateCache: Sendable {
  /// How many templates are kept; past that, new ones are made for each call.
  static let capacity = 1024

  private let templates = NIOLockedValueBox<[DubboRequestTemplate.Key: DubboRequestTemplate]>([:])

  /// The template of `key`, made with `make` the first time.
  func template(
    for key: DubboRequestTemplate.Key,
    make: (DubboRequestTemplate.Key) throws -> DubboRequestTemplate
  ) rethrows -> DubboRequestTemplate {
    if let template = templates.withLockedValue({ $0[key] }) { return template }
    let template = try make(key)
    templates.withLockedValue { templates in
      if templates.count < Self.capacity { templates[key] = template }
    }
    return template
  }
}

extension HessianValue {
  /// Whether the value is one that hessian2 writes without the stream's class, type and
  /// reference tables.
  var isScalar: Bool {
    switch self {
    case .null, .bool, .int, .long, .double, .string, .binary, .date: true
    case .list, .map, .object, .reference: false
    }
  }
}
