/// What the cross-row index keeps of one registered row: 64 bytes, no names, no raw IIN text. Internal.
///
/// Chains (`next…`) hold the index + 1 of the previous entry with the same blocking key or phone; 0 ends a chain.
struct CrossRowEntry: Sendable {
    /// The typed IIN's digits packed (`CrossRowFields.iinKey`), 0 when it has none.
    var iinKey: UInt64
    /// The row's input line.
    var line: UInt32
    /// 0: in no group; the row's own line: first row of a group that has later rows; else the first row's line.
    var group: UInt32
    /// Stable hash of the three full name keys.
    var nameHash: UInt32
    /// `yyyymmdd` of the birth date (declared, else read from the IIN's digits), bit 31 set when declared; 0 = none.
    var date: UInt32
    /// Previous entry in the (birth date, surname prefix) block.
    var nextSurnameBlock: UInt32
    /// Previous entry in the (birth date, first-name prefix) block.
    var nextFirstNameBlock: UInt32
    /// Previous entry with the same phone and a different IIN (a chain of distinct IINs per phone).
    var nextPhone: UInt32
    /// The leading bytes of the name keys.
    var sketch: NameSketch
}

/// Per phone number: the chain of entries with distinct IINs and how many there are (saturates at the threshold).
struct PhoneTally: Sendable {
    var head: UInt32
    var distinct: UInt32
}
