public import Matching
public import Normalization

/// How ``CleansingCrossRowIndex`` relates rows: the model that decides "same person", the blocking limits and the
/// shared-phone threshold.
public struct CrossRowConfiguration: Sendable {
    /// The model that decides whether two rows under different spellings (or a mistyped IIN) are the same person.
    ///
    /// Default: `MatchModel.default`. Names and birth dates are compared; phones and regions are not (family members
    /// share them).
    public var model: MatchModel

    /// A phone number behind at least this many distinct IINs is marked `SHARED` (`PHONE_SHARED`).
    ///
    /// Default: `5` (two parents and a grandparent or two of one family stay below it).
    public var sharedPhoneThreshold: Int

    /// Candidates compared per blocking key: the most recent rows in the block; older ones are skipped.
    ///
    /// Default: `16`. Bounds the work per row whatever the file holds (a block is one birth date plus the first letters
    /// of a surname or a first name, so real blocks are small).
    public var maximumCandidates: Int

    /// Leading letters of the surname key and of the first-name key that, with the birth date, form the two blocking keys.
    ///
    /// Default: `3`. A typo inside the first three letters of one name is still caught through the other key.
    public var blockingPrefixLength: Int

    /// Rows expected, to size the tables once instead of growing them (growth briefly holds old and new tables).
    ///
    /// Default: `0` (grow as needed).
    public var expectedRows: Int

    /// How typed birth dates are read (the same reading as the pipeline's).
    ///
    /// Default: `DateParser.Configuration.default` (day first, lenient).
    public var dateParsing: DateParser.Configuration

    /// Creates a configuration; every parameter defaults as documented on its property.
    public init(
        model: MatchModel = .default, sharedPhoneThreshold: Int = 5, maximumCandidates: Int = 16, blockingPrefixLength: Int = 3,
        expectedRows: Int = 0, dateParsing: DateParser.Configuration = .default
    ) {
        self.model = model
        self.sharedPhoneThreshold = sharedPhoneThreshold
        self.maximumCandidates = maximumCandidates
        self.blockingPrefixLength = blockingPrefixLength
        self.expectedRows = expectedRows
        self.dateParsing = dateParsing
    }
}
