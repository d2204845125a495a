/// The Hessian 2 bytecodes, named as in hessian-lite's `Hessian2Constants`.
@usableFromInline
enum HessianTag {
  @usableFromInline static let null: UInt8 = 0x4E
  @usableFromInline static let `true`: UInt8 = 0x54
  @usableFromInline static let `false`: UInt8 = 0x46

  @usableFromInline static let intDirectMin: UInt8 = 0x80
  @usableFromInline static let intDirectZero: UInt8 = 0x90
  @usableFromInline static let intDirectMax: UInt8 = 0xBF
  @usableFromInline static let intByteMin: UInt8 = 0xC0
  @usableFromInline static let intByteZero: UInt8 = 0xC8
  @usableFromInline static let intByteMax: UInt8 = 0xCF
  @usableFromInline static let intShortZero: UInt8 = 0xD4
  @usableFromInline static let int: UInt8 = 0x49

  @usableFromInline static let longDirectZero: UInt8 = 0xE0
  @usableFromInline static let longByteZero: UInt8 = 0xF8
  @usableFromInline static let longShortZero: UInt8 = 0x3C
  @usableFromInline static let longInt: UInt8 = 0x59
  @usableFromInline static let long: UInt8 = 0x4C

  static let doubleZero: UInt8 = 0x5B
  static let doubleOne: UInt8 = 0x5C
  static let doubleByte: UInt8 = 0x5D
  static let doubleShort: UInt8 = 0x5E
  static let doubleMill: UInt8 = 0x5F
  static let double: UInt8 = 0x44

  @usableFromInline static let dateMillis: UInt8 = 0x4A
  @usableFromInline static let dateMinutes: UInt8 = 0x4B

  static let stringDirectMax: UInt8 = 0x1F
  static let stringShortZero: UInt8 = 0x30
  static let stringShortMax = 0x3FF
  static let stringChunk: UInt8 = 0x52
  static let stringFinal: UInt8 = 0x53

  static let binaryDirectZero: UInt8 = 0x20
  static let binaryDirectMax = 0x0F
  static let binaryShortZero: UInt8 = 0x34
  static let binaryShortMax = 0x3FF
  static let binaryChunk: UInt8 = 0x41
  static let binaryFinal: UInt8 = 0x42

  static let listVariable: UInt8 = 0x55
  static let listFixed: UInt8 = 0x56
  static let listVariableUntyped: UInt8 = 0x57
  static let listFixedUntyped: UInt8 = 0x58
  static let listDirect: UInt8 = 0x70
  static let listDirectUntyped: UInt8 = 0x78
  static let listDirectMax = 7

  static let untypedMap: UInt8 = 0x48
  static let typedMap: UInt8 = 0x4D
  static let end: UInt8 = 0x5A

  @usableFromInline static let classDefinition: UInt8 = 0x43
  static let object: UInt8 = 0x4F
  static let objectDirect: UInt8 = 0x60
  static let objectDirectMax = 0x0F
  @usableFromInline static let reference: UInt8 = 0x51
}
