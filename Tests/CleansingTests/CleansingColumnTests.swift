import Cleansing
import Testing

@Suite struct CleansingColumnTests {
    @Test func rawValuesAreSnakeCase() {
        #expect(CleansingColumn.firstName.rawValue == "first_name")
        #expect(Set(CleansingColumn.allCases.map(\.rawValue)).count == CleansingColumn.allCases.count)
    }
}
