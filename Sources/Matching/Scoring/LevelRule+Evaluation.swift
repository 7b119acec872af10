import Normalization

extension LevelRule {
    /// Whether the rule holds for `field` between two prepared records that both have the field.
    func holds(for field: PersonField, _ a: PreparedPerson, _ b: PreparedPerson) -> Bool {
        if kind == .else { return true }
        switch field {
        case .surname, .firstName, .patronymic:
            return namesHold(field, a, b)
        case .birthDate:
            guard let x = a.birthDate, let y = b.birthDate else { return false }
            let relation = DateRelation(x, y)
            switch kind {
            case .exact: return relation == .equal
            case .dayMonthSwapped: return relation == .dayMonthSwapped
            case .oneDigitOff: return relation == .oneDigitOff
            case .sameYear: return relation == .sameYear
            default: return false
            }
        case .gender:
            return kind == .exact && a.gender != nil && a.gender == b.gender
        case .region:
            return kind == .exact && a.region != nil && a.region == b.region
        case .phone:
            guard let x = a.phone, let y = b.phone else { return false }
            switch kind {
            case .exact: return x == y
            case .damerauLevenshtein, .oneDigitOff:
                let limit = kind == .oneDigitOff ? 1 : Int(threshold ?? 0)
                return DamerauLevenshtein.distance(Array(String(x.national).utf8), Array(String(y.national).utf8)) <= limit
            default: return false
            }
        }
    }

    private func namesHold(_ field: PersonField, _ a: PreparedPerson, _ b: PreparedPerson) -> Bool {
        guard let x = a.name(field), let y = b.name(field) else { return false }
        switch kind {
        case .exact:
            return x.canonical == y.canonical
        case .keyEqual:
            return x.key == y.key
        case .stemEqual:
            switch field {
            case .surname: return a.surnameStem != nil && a.surnameStem == b.surnameStem
            case .patronymic:
                guard let p = a.patronymicForm, let q = b.patronymicForm, !p.fatherName.isEmpty else { return false }
                return p.fatherName == q.fatherName
            default: return false
            }
        case .swapped:
            guard field != .patronymic, let s1 = a.surname, let f1 = a.firstName, let s2 = b.surname, let f2 = b.firstName else { return false }
            return s1.key == f2.key && f1.key == s2.key
        case .jaroWinkler:
            return JaroWinkler.similarity(x.key.bytes, y.key.bytes) >= (threshold ?? 1)
        case .damerauLevenshtein:
            return Double(DamerauLevenshtein.distance(x.key.bytes, y.key.bytes)) <= (threshold ?? 0)
        default:
            return false
        }
    }
}

extension PreparedPerson {
    /// The normalised name in a name field.
    func name(_ field: PersonField) -> NormalizedName? {
        switch field {
        case .surname: surname
        case .firstName: firstName
        case .patronymic: patronymic
        default: nil
        }
    }
}
