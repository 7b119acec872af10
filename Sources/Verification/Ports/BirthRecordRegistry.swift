public import Identifiers

/// Finds ЗАГС birth acts (parent–child links) in which a person appears as child or parent.
///
/// `.notFound` means the registry holds no act for the person — for children born before ~2010 that is common
/// (paper-era acts) and must lead to review, not rejection.
public protocol BirthRecordRegistry: Sendable {
    /// Every birth act in which `iin` is the child, the mother or the father.
    func birthRecords(involving iin: IIN, within deadline: Deadline) async -> RegistryResult<[BirthRecord]>
}
