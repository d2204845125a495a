/// Options of one call; anything left `nil` comes from the method, then the reference.
public struct DubboCallOptions: Sendable {
  /// How long to wait for the answer before failing with ``DubboStatus/serverTimeout``.
  public var timeout: Duration?
  /// The serialization to write the request in.
  public var serialization: DubboSerializationID?
  /// Whether to send the call oneway: no answer is awaited and the provider sends none.
  public var isOneway: Bool?
  /// Attachments to send with the call, in addition to the ones Dubbo sets.
  public var attachments: DubboAttachments

  /// Creates options.
  public init(
    timeout: Duration? = nil,
    serialization: DubboSerializationID? = nil,
    isOneway: Bool? = nil,
    attachments: DubboAttachments = DubboAttachments()
  ) {
    self.timeout = timeout
    self.serialization = serialization
    self.isOneway = isOneway
    self.attachments = attachments
  }
}

/// What a two-way call returned: the result and the provider's attachments.
public struct DubboResponse<Result: DubboSerializable>: Sendable {
  /// The result.
  public var value: Result
  /// The attachments the provider sent back (Java adds `dubbo`).
  public var attachments: DubboAttachments

  /// Creates a response.
  public init(value: Result, attachments: DubboAttachments = DubboAttachments()) {
    self.value = value
    self.attachments = attachments
  }
}
