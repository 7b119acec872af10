import Foundation
import Identifiers
import Population
import RegistryMocks
import SOAP
import Testing
import XMLSupport
struct EducationBusinessMockTests {
    @Test("НОБД answers a pupil's enrolment and an educator's diplomas and category")
    func education() async throws {
        let student = try #require(MockFixture.population.education.students.first)
        let educator = try #require(MockFixture.population.education.educators.first)
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let pupil = MockFixture.request(serviceId: mocks.serviceIds.student, value: student.person.iin.unmasked, sender: mocks.senders[0])
            let pupilData = try MockFixture.data(try MockFixture.envelope(
                try await MockFixture.post(try MockFixture.signed(pupil, mocks: mocks), to: .education, of: mocks)))
            #expect(MockFixture.text(pupilData, "messageResult", "code") == "00000")
            #expect(MockFixture.text(pupilData, "student", "school", "bin") == student.schoolBIN.text)
            #expect(MockFixture.text(pupilData, "student", "grade") == String(student.grade))

            let teacher = MockFixture.request(serviceId: mocks.serviceIds.educator, value: educator.person.iin.unmasked, sender: mocks.senders[0])
            let teacherData = try MockFixture.data(try MockFixture.envelope(
                try await MockFixture.post(try MockFixture.signed(teacher, mocks: mocks), to: .education, of: mocks)))
            #expect(MockFixture.text(teacherData, "educator", "qualificationCategory", "code") == educator.category.rawValue)
            let diplomas = teacherData.firstChild(namespace: nil, localName: "educator")?.firstChild(namespace: nil, localName: "education")?
                .children(namespace: nil, localName: "diploma") ?? []
            #expect(diplomas.count == educator.diplomas.count)
        }
    }

    @Test("ГБД ЮЛ answers an entity by BIN and an entrepreneur by IIN")
    func business() async throws {
        let entity = try #require(MockFixture.population.business.legalEntities.first)
        let entrepreneur = try #require(MockFixture.population.business.entrepreneurs.first)
        try await MockRegistries.withRunning(population: MockFixture.population) { mocks in
            let byBIN = MockFixture.request(serviceId: mocks.serviceIds.legalEntity, field: "bin", value: entity.bin.text, sender: mocks.senders[0])
            let entityData = try MockFixture.data(try MockFixture.envelope(
                try await MockFixture.post(try MockFixture.signed(byBIN, mocks: mocks), to: .business, of: mocks)))
            #expect(MockFixture.text(entityData, "legalEntity", "nameRu") == entity.nameRu)
            #expect(MockFixture.text(entityData, "legalEntity", "status") == entity.status.rawValue)

            let byIIN = MockFixture.request(
                serviceId: mocks.serviceIds.entrepreneur, value: entrepreneur.holder.iin.unmasked, sender: mocks.senders[0])
            let holderData = try MockFixture.data(try MockFixture.envelope(
                try await MockFixture.post(try MockFixture.signed(byIIN, mocks: mocks), to: .business, of: mocks)))
            #expect(MockFixture.text(holderData, "entrepreneur", "tradeName") == entrepreneur.tradeName)

            let missing = MockFixture.request(serviceId: mocks.serviceIds.entrepreneur, value: MockFixture.unknownIIN, sender: mocks.senders[0])
            let missingData = try MockFixture.data(try MockFixture.envelope(
                try await MockFixture.post(try MockFixture.signed(missing, mocks: mocks), to: .business, of: mocks)))
            #expect(MockFixture.text(missingData, "messageResult", "code") == "00003")
        }
    }
}
