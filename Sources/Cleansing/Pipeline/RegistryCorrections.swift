import Identifiers
import Normalization
import Verification

/// The corrections the registry record suggests for a row it matched: each name or birth date that differs after
/// normalisation, or is empty where the registry has a value. Only columns the file has are considered. Internal.
enum RegistryCorrections {
    static func corrections(
        for row: CleansingInputRow, normalised: NormalizedParentRow, record: PersonRecord, proposesMissingValues: Bool
    ) -> [SuggestedCorrection] {
        var corrections: [SuggestedCorrection] = []
        func name(_ column: CleansingColumn, declared: String, registry: String?) {
            guard row[column] != nil else { return }
            let suggested = registry.map(NameNormalizer.canonical) ?? ""
            guard declared != suggested else { return }
            if declared.isEmpty && !proposesMissingValues { return }
            corrections.append(SuggestedCorrection(field: column, current: declared, suggested: suggested))
        }
        name(.surname, declared: normalised.surnameCanonical, registry: record.surname)
        name(.firstName, declared: normalised.firstNameCanonical, registry: record.firstName)
        name(.patronymic, declared: normalised.patronymicCanonical, registry: record.patronymic)
        if row[.birthDate] != nil, let registered = record.birthDate, normalised.birthDate != registered {
            let current = normalised.birthDate?.description ?? normalised.unreadableBirthDate ?? ""
            if !current.isEmpty || proposesMissingValues {
                corrections.append(SuggestedCorrection(field: .birthDate, current: current, suggested: registered.description))
            }
        }
        return corrections
    }
}
