public import Foundation
import Identifiers
public import Verification

/// Everything an active voucher is re-checked against: the declared child and parent, the programme (region,
/// period, ages), the provider, the section with its coaches and schedule, and the reasons the activation carried.
///
/// Written (sealed) by the voucher gate with the voucher, in the decision's transaction (`DecisionWrite.voucherSubject`);
/// its JSON form is the store's opaque payload.
public struct ReverificationSubject: Sendable, Hashable, Codable {
    /// A declared person as typed at activation.
    public struct DeclaredPerson: Sendable, Hashable, Codable {
        /// The IIN (12 digits).
        public var iin: String
        /// Surname as declared.
        public var surname: String?
        /// First name as declared.
        public var firstName: String?
        /// Patronymic as declared.
        public var patronymic: String?
        /// Birth date as declared (child).
        public var birthDate: String?
        /// Phone as declared (parent).
        public var phone: String?

        /// Creates a declared person.
        public init(iin: String, surname: String? = nil, firstName: String? = nil, patronymic: String? = nil, birthDate: String? = nil,
                    phone: String? = nil) {
            self.iin = iin
            self.surname = surname
            self.firstName = firstName
            self.patronymic = patronymic
            self.birthDate = birthDate
            self.phone = phone
        }
    }

    /// The voucher (`vch_…`).
    public var voucherID: String
    /// The decision the voucher rests on.
    public var decisionID: String
    /// The programme: region, period, ages.
    public var programme: VoucherProgramme
    /// The provider's BIN or IIN (12 digits).
    public var providerID: String
    /// The section.
    public var section: VoucherSection
    /// The child.
    public var child: DeclaredPerson
    /// The declaring parent.
    public var parent: DeclaredPerson
    /// IINs of the coaches the provider listed for the section (may be empty).
    public var coachIINs: [String]
    /// The reason codes the activation carried (informational ones, or those an operator accepted): only reasons
    /// beyond these count as a change.
    public var activationReasons: [String]

    /// Creates a subject.
    public init(
        voucherID: String, decisionID: String, programme: VoucherProgramme, providerID: String, section: VoucherSection, child: DeclaredPerson,
        parent: DeclaredPerson, coachIINs: [String] = [], activationReasons: [String] = []
    ) {
        self.voucherID = voucherID
        self.decisionID = decisionID
        self.programme = programme
        self.providerID = providerID
        self.section = section
        self.child = child
        self.parent = parent
        self.coachIINs = coachIINs
        self.activationReasons = activationReasons
    }

    /// The declaration the voucher gate assesses, parsed as at activation (region: the programme's).
    public var declaration: FamilyDeclaration {
        var declaration = FamilyDeclaration(
            childIIN: child.iin, childSurname: child.surname ?? "", childFirstName: child.firstName ?? "", childPatronymic: child.patronymic ?? "",
            childBirthDate: child.birthDate ?? "", parentIIN: parent.iin, parentSurname: parent.surname ?? "", parentFirstName: parent.firstName ?? "",
            parentPatronymic: parent.patronymic ?? "", parentPhone: parent.phone ?? "", region: "")
        declaration.region = programme.region
        return declaration
    }

    /// The provider, when its identifier is valid.
    public var provider: ProviderIdentifier? { try? ProviderIdentifier(typed: providerID) }

    /// The provider as shown in reports and logs: a BIN in full, an IIN masked.
    public var providerLabel: String { provider?.masked ?? "invalid" }

    /// The JSON payload the store keeps.
    public func encoded() throws(ReverificationError) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do { return try encoder.encode(self) } catch { throw ReverificationError(.invalidInput, "the voucher subject cannot be encoded") }
    }

    /// Reads a stored payload.
    public static func decoded(_ data: Data) throws(ReverificationError) -> ReverificationSubject {
        do { return try JSONDecoder().decode(ReverificationSubject.self, from: data) } catch {
            throw ReverificationError(.storedDataUnreadable, "a stored voucher subject does not decode")
        }
    }
}
