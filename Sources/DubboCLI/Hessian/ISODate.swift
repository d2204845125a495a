/// `java.util.Date` milliseconds as ISO-8601 UTC text with milliseconds
/// (`2023-11-14T22:13:20.000Z`), for years 0000–9999, in the proleptic Gregorian calendar.
///
/// The conversion is done by hand (Howard Hinnant's days-from-civil algorithms), so it is exact
/// for every millisecond, independent of locale, time zone and Foundation's calendar.
enum ISODate {
  private static let millisecondsPerDay: Int64 = 86_400_000

  /// The text of a time, or `nil` when its year is outside 0000–9999.
  static func string(millisecondsSince1970 milliseconds: Int64) -> String? {
    var (days, timeOfDay) = milliseconds.quotientAndRemainder(dividingBy: millisecondsPerDay)
    if timeOfDay < 0 {
      days -= 1
      timeOfDay += millisecondsPerDay
    }
    let (year, month, day) = civil(fromDays: days)
    guard (0...9999).contains(year) else { return nil }
    let hour = timeOfDay / 3_600_000
    let minute = timeOfDay / 60_000 % 60
    let second = timeOfDay / 1000 % 60
    let millisecond = timeOfDay % 1000
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T\(pad(hour, 2)):\(pad(minute, 2)):\(pad(second, 2))"
      + ".\(pad(millisecond, 3))Z"
  }

  /// The milliseconds of `YYYY-MM-DDTHH:MM:SS[.f]Z` (1 to 3 fraction digits), or `nil` when the
  /// text is not such a time or names a date that does not exist.
  static func milliseconds(from text: String) -> Int64? {
    let chars = Array(text.utf8)
    guard chars.count >= 20, chars.last == UInt8(ascii: "Z") else { return nil }
    func number(_ range: Range<Int>) -> Int64? {
      var value: Int64 = 0
      for index in range {
        guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(chars[index]) else { return nil }
        value = value * 10 + Int64(chars[index] - UInt8(ascii: "0"))
      }
      return value
    }
    let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
    guard separators.allSatisfy({ chars[$0.0] == $0.1.asciiValue }) else { return nil }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
      let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19)
    else { return nil }
    var millisecond: Int64 = 0
    if chars.count > 20 {
      let digits = chars.count - 21
      guard chars[19] == UInt8(ascii: "."), (1...3).contains(digits), let fraction = number(20..<20 + digits) else {
        return nil
      }
      millisecond = fraction * [100, 10, 1][digits - 1]
    } else if chars.count != 20 {
      return nil
    }
    guard (1...12).contains(month), day >= 1, day <= daysInMonth(year: year, month: month), hour < 24, minute < 60,
      second < 60
    else { return nil }
    let days = self.days(year: year, month: month, day: day)
    return days * millisecondsPerDay + hour * 3_600_000 + minute * 60_000 + second * 1000 + millisecond
  }

  private static func pad(_ value: Int64, _ width: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }

  private static func daysInMonth(year: Int64, month: Int64) -> Int64 {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// Days since 1970-01-01 of a civil date.
  static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
    let year = month <= 2 ? year - 1 : year
    let era = (year >= 0 ? year : year - 399) / 400
    let yearOfEra = year - era * 400
    let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The civil date of a day counted from 1970-01-01.
  static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthIndex = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
    let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
    return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
  }
}
