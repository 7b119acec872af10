import Identifiers
import Reverification
import Testing
import Verification

/// Cross-registry contradictions and provider anomalies on hand-made data.
struct ContradictionAndAnomalyTests {
    let day = CalendarDate(year: 2025, month: 11, day: 1)!

    @Test func deadInIndividualsButStudyingInEducation() {
        let found = ContradictionFinder().find(ReverificationSamples.evidence(childDeceased: true), on: day)
        #expect(found.map(\.kind) == [.deceasedButActiveElsewhere])
        #expect(found.first?.detail == "individuals=DECEASED education=STUDYING")
        #expect(found.first?.messageIds == ["i-child", "e-1"])
    }

    @Test func healthWithoutEducationAndTheReverse() {
        let inHealthOnly = ContradictionFinder().find(ReverificationSamples.evidence(enrolment: .notFound(evidence: ReverificationSamples.answer(.education, "e-0"))), on: day)
        #expect(inHealthOnly.map(\.kind) == [.inHealthNotInEducation])
        let inEducationOnly = ContradictionFinder().find(ReverificationSamples.evidence(health: .notFound(evidence: ReverificationSamples.answer(.health, "h-0"))), on: day)
        #expect(inEducationOnly.map(\.kind) == [.inEducationNotInHealth])
        // A registry that is down says nothing either way.
        #expect(ContradictionFinder().find(ReverificationSamples.evidence(health: .unavailable(.timeout)), on: day).isEmpty)
    }

    @Test func pupilStudyingAtTwoSchools() {
        var pupil = StudentEnrolment(pupil: PersonReference(iin: ReverificationSamples.child), school: Institution(), status: .studying)
        pupil.concurrentSchools = [Institution(nameRu: "Вторая школа")]
        let found = ContradictionFinder().find(ReverificationSamples.evidence(enrolment: .found(pupil, evidence: ReverificationSamples.answer(.education, "e-2"))), on: day)
        #expect(found.map(\.kind) == [.enrolledInTwoSchools])
        #expect(found.first?.detail == "education=STUDYING schools=2")
        #expect(found.first?.messageIds == ["e-2"])
        // A pupil who left one school is not enrolled twice.
        pupil.status = .transferred
        #expect(ContradictionFinder().find(ReverificationSamples.evidence(enrolment: .found(pupil, evidence: ReverificationSamples.answer(.education, "e-3"))), on: day).isEmpty)
    }

    @Test func birthActParentUnknownOnlyOnARegistryStatement() {
        let unknown = ContradictionFinder().find(ReverificationSamples.evidence(fatherResult: .notFound(evidence: ReverificationSamples.answer(.individuals, "i-0"))), on: day)
        #expect(unknown.map(\.kind) == [.birthRecordParentUnknown])
        #expect(ContradictionFinder().find(ReverificationSamples.evidence(fatherResult: .unavailable(.timeout)), on: day).isEmpty)
    }

    @Test func providerAnomalies() throws {
        let coach = ReverificationSamples.iin("800101", century: "3", serial: 900).unmasked
        let busy = ReverificationSamples.iin("810101", century: "3", serial: 901).unmasked
        let otherBIN = ReverificationSamples.otherBIN
        var detector = ProviderAnomalyDetector(configuration: ProviderAnomalyConfiguration(childrenPerCoach: [.sport: 3], flaggedShare: 0.5, minimumVouchersForShare: 4))
        let monday = try ScheduleSlot(weekday: 1, start: "16:00", end: "17:30")
        let mondayLater = try ScheduleSlot(weekday: 1, start: "17:00", end: "18:00")
        let tuesday = try ScheduleSlot(weekday: 2, start: "17:00", end: "18:00")
        // One coach at two providers.
        detector.add(ReverificationSamples.subject(voucher: "vch_a", coaches: [coach]), flagged: false)
        detector.add(ReverificationSamples.subject(voucher: "vch_b", child: ReverificationSamples.iin("140101", serial: 1), provider: otherBIN, coaches: [coach]), flagged: false)
        // Four children with one sport coach (norm 3), all at the other provider, all flagged.
        for index in 0..<4 {
            detector.add(
                ReverificationSamples.subject(voucher: "vch_c\(index)", child: ReverificationSamples.iin("13020\(index)", serial: 10 + index), provider: otherBIN, coaches: [busy]),
                flagged: true)
        }
        // One child in two sections whose Monday sessions overlap, and in a third on Tuesday.
        let child = ReverificationSamples.iin("120505", serial: 77)
        detector.add(ReverificationSamples.subject(voucher: "vch_d1", child: child, schedule: [monday]), flagged: false)
        detector.add(ReverificationSamples.subject(voucher: "vch_d2", child: child, provider: otherBIN, schedule: [mondayLater]), flagged: false)
        detector.add(ReverificationSamples.subject(voucher: "vch_d3", child: child, schedule: [tuesday]), flagged: false)

        let anomalies = detector.anomalies()
        let shared = anomalies.filter { $0.kind == .coachSharedByProviders }
        #expect(shared.count == 1)
        #expect(shared.first?.voucherIDs == ["vch_a", "vch_b"])
        #expect(shared.first?.coach.map { !$0.contains(coach) } == true)
        #expect(detector.sharedCoachIINs() == [coach])
        let overloaded = anomalies.filter { $0.kind == .coachOverloaded }
        #expect(overloaded.count == 1)
        #expect(overloaded.first?.detail == "children=4 norm=3 type=SPORT")
        let overlapping = anomalies.filter { $0.kind == .overlappingSchedules }
        #expect(overlapping.map(\.voucherIDs) == [["vch_d1", "vch_d2"]])
        let mostlyFlagged = anomalies.filter { $0.kind == .providerMostlyFlagged }
        #expect(mostlyFlagged.map(\.detail) == ["flagged=4/6"])
    }

    @Test func scheduleSlotsAreValidated() throws {
        #expect(throws: ReverificationError.self) { try ScheduleSlot(weekday: 8, start: "10:00", end: "11:00") }
        #expect(throws: ReverificationError.self) { try ScheduleSlot(weekday: 1, start: "10:00", end: "09:00") }
        #expect(throws: ReverificationError.self) { try ScheduleSlot(weekday: 1, start: "1000", end: "11:00") }
        let slot = try ScheduleSlot(weekday: 3, start: "09:05", end: "10:00")
        #expect(slot.start == "09:05" && slot.end == "10:00")
        #expect(!slot.overlaps(try ScheduleSlot(weekday: 3, start: "10:00", end: "11:00")))
    }
}
