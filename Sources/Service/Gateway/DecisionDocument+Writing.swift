import Matching

extension DecisionDocument {
    /// Writes the document with the synthesized `Codable` keys; `nil` optionals are left out, as `JSONEncoder` does.
    func write(into writer: inout SortedJSONWriter) {
        writer.object(JSONKeys.document) { writer, key in
            switch key {
            case "decisionId": writer.string(decisionId)
            case "kind": writer.string(kind)
            case "decision": writer.string(decision)
            case "reasons": writer.array(reasons) { $0.reason($1) }
            case "decidedAt": writer.string(decidedAt)
            case "requestId": guard let requestId else { return false }; writer.string(requestId)
            case "explanations": writer.object(explanations) { $0.matchScore($1) }
            case "registry": writer.object(registry) { $0.maskedPerson($1) }
            case "facts": writer.object(facts) { $0.string($1) }
            case "evidence": writer.array(evidence) { $0.evidence($1) }
            case "reviewId": guard let reviewId else { return false }; writer.string(reviewId)
            case "requirements": guard let requirements else { return false }; writer.array(requirements) { $0.requirement($1) }
            default: return false
            }
            return true
        }
    }
}

/// The member names of each written type, in `JSONEncoder`'s sorted order, computed once.
private enum JSONKeys {
    static let document = SortedJSONWriter.sortedKeys([
        "decisionId", "kind", "decision", "reasons", "decidedAt", "requestId", "explanations", "registry", "facts", "evidence", "reviewId",
        "requirements",
    ])
    static let reason = SortedJSONWriter.sortedKeys(["code", "messageRu", "messageKk"])
    static let evidence = SortedJSONWriter.sortedKeys(["registry", "messageId", "resultCode"])
    static let matchScore = SortedJSONWriter.sortedKeys(["modelVersion", "prior", "contributions", "total", "decision"])
    static let contribution = SortedJSONWriter.sortedKeys(["field", "level", "description", "weight", "m", "u"])
    static let maskedPerson = SortedJSONWriter.sortedKeys(
        ["iin", "surname", "firstName", "patronymic", "birthYear", "gender", "lifeStatus", "regionKATO"])
    static let requirement = SortedJSONWriter.sortedKeys(
        ["requirement", "subject", "coachIndex", "identifier", "status", "reasonCode", "messageRu", "messageKk", "evidence"])
}

extension SortedJSONWriter {
    fileprivate mutating func reason(_ reason: DecisionDocument.Reason) {
        object(JSONKeys.reason) { writer, key in
            switch key {
            case "code": writer.string(reason.code)
            case "messageRu": writer.string(reason.messageRu)
            case "messageKk": writer.string(reason.messageKk)
            default: return false
            }
            return true
        }
    }

    fileprivate mutating func evidence(_ evidence: DecisionDocument.Evidence) {
        object(JSONKeys.evidence) { writer, key in
            switch key {
            case "registry": writer.string(evidence.registry)
            case "messageId": writer.string(evidence.messageId)
            case "resultCode": guard let code = evidence.resultCode else { return false }; writer.string(code)
            default: return false
            }
            return true
        }
    }

    fileprivate mutating func matchScore(_ score: MatchScore) {
        object(JSONKeys.matchScore) { writer, key in
            switch key {
            case "modelVersion": writer.string(score.modelVersion)
            case "prior": writer.double(score.prior)
            case "contributions": writer.array(score.contributions) { $0.contribution($1) }
            case "total": writer.double(score.total)
            case "decision": writer.string(score.decision.rawValue)
            default: return false
            }
            return true
        }
    }

    fileprivate mutating func contribution(_ item: MatchScore.Contribution) {
        object(JSONKeys.contribution) { writer, key in
            switch key {
            case "field": writer.string(item.field.rawValue)
            case "level": guard let level = item.level else { return false }; writer.string(level)
            case "description": writer.string(item.description)
            case "weight": writer.double(item.weight)
            case "m": guard let m = item.m else { return false }; writer.double(m)
            case "u": guard let u = item.u else { return false }; writer.double(u)
            default: return false
            }
            return true
        }
    }

    fileprivate mutating func maskedPerson(_ person: MaskedPerson) {
        object(JSONKeys.maskedPerson) { writer, key in
            switch key {
            case "iin": writer.string(person.iin)
            case "surname": writer.string(person.surname)
            case "firstName": writer.string(person.firstName)
            case "patronymic": guard let patronymic = person.patronymic else { return false }; writer.string(patronymic)
            case "birthYear": guard let year = person.birthYear else { return false }; writer.integer(year)
            case "gender": guard let gender = person.gender else { return false }; writer.string(gender)
            case "lifeStatus": writer.string(person.lifeStatus)
            case "regionKATO": guard let kato = person.regionKATO else { return false }; writer.string(kato)
            default: return false
            }
            return true
        }
    }

    fileprivate mutating func requirement(_ item: DecisionDocument.Requirement) {
        object(JSONKeys.requirement) { writer, key in
            switch key {
            case "requirement": writer.string(item.requirement)
            case "subject": writer.string(item.subject)
            case "coachIndex": guard let index = item.coachIndex else { return false }; writer.integer(index)
            case "identifier": guard let identifier = item.identifier else { return false }; writer.string(identifier)
            case "status": writer.string(item.status)
            case "reasonCode": guard let code = item.reasonCode else { return false }; writer.string(code)
            case "messageRu": guard let text = item.messageRu else { return false }; writer.string(text)
            case "messageKk": guard let text = item.messageKk else { return false }; writer.string(text)
            case "evidence": writer.array(item.evidence) { $0.evidence($1) }
            default: return false
            }
            return true
        }
    }
}
