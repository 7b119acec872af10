import Foundation
public import Identifiers
import Matching
public import Normalization

/// What a parent declares at voucher registration, parsed: the child, the parent, the region — the input of
/// `FamilyPolicy`.
public struct FamilyDeclaration: Sendable, Hashable {
    /// The child.
    public var child: DeclaredPerson
    /// The declaring parent.
    public var parent: DeclaredPerson
    /// The declared region, when recognised.
    public var region: AdministrativeRegion?
    /// Whether a region was typed but not recognised.
    public var regionUnrecognised: Bool
    /// Whether a child birth date was typed but could not be read.
    public var birthDateUnreadable: Bool

    /// Creates a declaration.
    public init(child: DeclaredPerson, parent: DeclaredPerson, region: AdministrativeRegion?, regionUnrecognised: Bool = false,
                birthDateUnreadable: Bool = false) {
        self.child = child
        self.parent = parent
        self.region = region
        self.regionUnrecognised = regionUnrecognised
        self.birthDateUnreadable = birthDateUnreadable
    }

    /// Parses the raw strings a registration form or a CSV row carries. Never throws: problems become flags and
    /// IIN errors that the policy turns into reason codes.
    public init(
        childIIN: String, childSurname: String, childFirstName: String, childPatronymic: String, childBirthDate: String,
        parentIIN: String, parentSurname: String, parentFirstName: String, parentPatronymic: String, parentPhone: String, region: String,
        dateParser: DateParser = DateParser()
    ) {
        func blankToNil(_ text: String) -> String? {
            let trimmed = text.trimmingBlanks()
            return trimmed.isEmpty ? nil : trimmed
        }
        var unreadableDate = false
        var birthDate: CalendarDate? = nil
        if let text = blankToNil(childBirthDate) {
            do { birthDate = try dateParser.parse(text) } catch { unreadableDate = true }
        }
        let phone = blankToNil(parentPhone).flatMap { try? PhoneNumber($0) }
        var recognised: AdministrativeRegion?
        var unrecognised = false
        if let text = blankToNil(region) {
            do { recognised = try AdministrativeRegion.recognize(text) } catch { unrecognised = true }
        }
        self.init(
            child: DeclaredPerson(
                typedIIN: childIIN,
                fields: .init(surname: blankToNil(childSurname), firstName: blankToNil(childFirstName), patronymic: blankToNil(childPatronymic),
                              birthDate: birthDate)),
            parent: DeclaredPerson(
                typedIIN: parentIIN,
                fields: .init(surname: blankToNil(parentSurname), firstName: blankToNil(parentFirstName), patronymic: blankToNil(parentPatronymic),
                              phone: phone)),
            region: recognised, regionUnrecognised: unrecognised, birthDateUnreadable: unreadableDate)
    }
}
