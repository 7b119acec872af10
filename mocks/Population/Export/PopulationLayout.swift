/// File names of an exported population directory (format version 1). See the module README.
public enum PopulationLayout {
    /// The format version written into `manifest.json`.
    public static let formatVersion = 1
    public static let manifest = "manifest.json"
    public static let people = "truth/people.jsonl"
    public static let individualsPersons = "individuals/persons.jsonl"
    public static let birthRecords = "individuals/birth-records.jsonl"
    public static let schools = "education/schools.jsonl"
    public static let students = "education/students.jsonl"
    public static let educators = "education/educators.jsonl"
    public static let patients = "health/patients.jsonl"
    public static let legalEntities = "business/legal-entities.jsonl"
    public static let entrepreneurs = "business/entrepreneurs.jsonl"
    public static let declarationsExcel = "declarations/declarations-excel.csv"
    public static let declarationsComma = "declarations/declarations.csv"
    public static let defects = "ground-truth/defects.jsonl"
    public static let declarationTruth = "ground-truth/declarations.jsonl"

    /// Every file, in the order they are listed in the manifest.
    public static let allFiles = [
        manifest, people, individualsPersons, birthRecords, schools, students, educators, patients, legalEntities, entrepreneurs,
        declarationsExcel, declarationsComma, defects, declarationTruth,
    ]
}
