/// Which orthography a person's documents use for Kazakh names.
enum Spelling: Sendable {
    /// With Kazakh letters: НҰРСҰЛТАН, СЕРІКҰЛЫ.
    case kazakh
    /// Russianised per the official rendering rules: НУРСУЛТАН, СЕРИКОВИЧ.
    case russianised
}

/// One name in both orthographies, upper case; identical when the name has no Kazakh letter.
struct NameForms: Sendable {
    let kazakh: String
    let russianised: String

    init(kazakh: String, russianised: String) {
        self.kazakh = kazakh
        self.russianised = russianised
    }

    /// Parses a table entry `"Kazakh/Russianised"` (or a single form) into upper-case forms.
    init(entry: some StringProtocol) {
        let parts = entry.split(separator: "/")
        kazakh = String(parts[0]).uppercased()
        russianised = String(parts.count > 1 ? parts[1] : parts[0]).uppercased()
    }

    func form(_ spelling: Spelling) -> String { spelling == .kazakh ? kazakh : russianised }

    /// Applies `transform` to both forms.
    func map(_ transform: (String) -> String) -> NameForms {
        NameForms(kazakh: transform(kazakh), russianised: transform(russianised))
    }
}

/// A male first name with everything derived from it: patronymics for his children and surnames built
/// from his name.
struct MaleNameEntry: Sendable {
    let name: NameForms
    /// Son's patronymic, Russian pattern (-ОВИЧ / -ЕВИЧ).
    let sonRussianPattern: NameForms
    /// Daughter's patronymic, Russian pattern (-ОВНА / -ЕВНА).
    let daughterRussianPattern: NameForms
    /// Son's patronymic, Kazakh pattern (-ҰЛЫ, Russianised -УЛЫ).
    let sonKazakhPattern: NameForms
    /// Daughter's patronymic, Kazakh pattern (-ҚЫЗЫ, Russianised -КЫЗЫ).
    let daughterKazakhPattern: NameForms
    /// A surname built from this name for a son / daughter (ЕРЛАНОВ / ЕРЛАНОВА).
    let surnameForSon: NameForms
    let surnameForDaughter: NameForms

    /// A Kazakh (or Turkic) name: patronymics and surnames derived by rule.
    init(kazakhEntry entry: String) {
        let name = NameForms(entry: entry)
        self.name = name
        func russianSuffix(_ stem: String, male: Bool) -> String {
            let last = stem.last ?? " "
            switch last {
            case "Й": return String(stem.dropLast()) + (male ? "ЕВИЧ" : "ЕВНА")
            case "И", "А", "Я", "Е": return stem + (male ? "ЕВИЧ" : "ЕВНА")
            default: return stem + (male ? "ОВИЧ" : "ОВНА")
            }
        }
        func surnameSuffix(_ stem: String, male: Bool) -> String {
            let last = stem.last ?? " "
            switch last {
            case "Й": return String(stem.dropLast()) + (male ? "ЕВ" : "ЕВА")
            case "И", "А", "Я", "Е": return stem + (male ? "ЕВ" : "ЕВА")
            default: return stem + (male ? "ОВ" : "ОВА")
            }
        }
        let russianSon = russianSuffix(name.russianised, male: true)
        let russianDaughter = russianSuffix(name.russianised, male: false)
        sonRussianPattern = NameForms(kazakh: russianSon, russianised: russianSon)
        daughterRussianPattern = NameForms(kazakh: russianDaughter, russianised: russianDaughter)
        sonKazakhPattern = NameForms(kazakh: name.kazakh + "ҰЛЫ", russianised: name.russianised + "УЛЫ")
        daughterKazakhPattern = NameForms(kazakh: name.kazakh + "ҚЫЗЫ", russianised: name.russianised + "КЫЗЫ")
        surnameForSon = name.map { surnameSuffix($0, male: true) }
        surnameForDaughter = name.map { surnameSuffix($0, male: false) }
    }

    /// A Russian name from a `"Name|son's patronymic|daughter's patronymic"` entry.
    init(russianEntry entry: String) {
        let parts = entry.split(separator: "|").map { String($0).uppercased() }
        name = NameForms(kazakh: parts[0], russianised: parts[0])
        sonRussianPattern = NameForms(kazakh: parts[1], russianised: parts[1])
        daughterRussianPattern = NameForms(kazakh: parts[2], russianised: parts[2])
        // Kazakh-pattern forms of a Russian name are not used; keep the Russian pattern.
        sonKazakhPattern = sonRussianPattern
        daughterKazakhPattern = daughterRussianPattern
        // Russian families do not build surnames from the father's first name; never read.
        surnameForSon = name
        surnameForDaughter = name
    }
}

/// A surname in its male and female forms.
struct SurnameEntry: Sendable {
    let male: NameForms
    let female: NameForms

    /// Parses a table entry; a leading `=` marks a surname that does not change with sex.
    init(entry: String) {
        if entry.hasPrefix("=") {
            let forms = NameForms(entry: entry.dropFirst())
            male = forms
            female = forms
            return
        }
        let forms = NameForms(entry: entry)
        male = forms
        female = forms.map { form in
            if form.hasSuffix("СКИЙ") { return String(form.dropLast(2)) + "АЯ" }
            if form.hasSuffix("ОВ") || form.hasSuffix("ЕВ") || form.hasSuffix("ЁВ") || form.hasSuffix("ИН") || form.hasSuffix("ЫН") {
                return form + "А"
            }
            return form
        }
    }

    init(male: NameForms, female: NameForms) {
        self.male = male
        self.female = female
    }

    func form(_ gender: GenderForm, _ spelling: Spelling) -> String {
        (gender == .male ? male : female).form(spelling)
    }
}

/// Grammatical gender of a name form.
enum GenderForm: Sendable { case male, female }
