import Foundation
public import Identifiers
import Normalization
public import Verification
public import XMLSupport

extension XMLElement {
    /// The trimmed text of the unqualified child `name`; `nil` when absent or blank.
    public func wireText(_ name: String) -> String? {
        guard let text = childText(namespace: nil, localName: name)?.trimmingBlanks(), !text.isEmpty else {
            return nil
        }
        return text
    }

    /// The text of the required child `name`.
    ///
    /// - Throws: ``WireMappingError`` naming `path/name` when it is absent or blank.
    public func requiredWireText(_ name: String, path: String) throws(WireMappingError) -> String {
        guard let text = wireText(name) else { throw WireMappingError(field: "\(path)/\(name)") }
        return text
    }

    /// The unqualified child `name`.
    public func wireChild(_ name: String) -> XMLElement? {
        firstChild(namespace: nil, localName: name)
    }

    /// A registry date in child `name`; `nil` when absent.
    ///
    /// - Throws: ``WireMappingError`` when present but not `yyyy-MM-dd`.
    public func wireDate(_ name: String, path: String) throws(WireMappingError) -> CalendarDate? {
        guard let text = wireText(name) else { return nil }
        guard let date = CalendarDate(registryText: text) else { throw WireMappingError(field: "\(path)/\(name)") }
        return date
    }

    /// A whole number in child `name`; `nil` when absent.
    ///
    /// - Throws: ``WireMappingError`` when present but not a number.
    public func wireInt(_ name: String, path: String) throws(WireMappingError) -> Int? {
        guard let text = wireText(name) else { return nil }
        guard let value = Int(text) else { throw WireMappingError(field: "\(path)/\(name)") }
        return value
    }

    /// A dictionary item `{code, nameRu, nameKz}` in child `name`; `nil` when absent or without a code.
    public func wireCodedValue(_ name: String) -> CodedValue? {
        guard let item = wireChild(name), let code = item.wireText("code") else { return nil }
        return CodedValue(code: code, nameRu: item.wireText("nameRu"), nameKz: item.wireText("nameKz"))
    }

    /// An IIN in child `name`; `nil` when absent.
    ///
    /// - Throws: ``WireMappingError`` when present but not a valid IIN.
    public func wireIIN(_ name: String = "iin", path: String) throws(WireMappingError) -> IIN? {
        guard let text = wireText(name) else { return nil }
        do {
            return try IIN(text)
        } catch {
            throw WireMappingError(field: "\(path)/\(name)")
        }
    }

    /// A BIN in child `name`; `nil` when absent.
    ///
    /// - Throws: ``WireMappingError`` when present but not a valid BIN.
    public func wireBIN(_ name: String = "bin", path: String) throws(WireMappingError) -> BIN? {
        guard let text = wireText(name) else { return nil }
        do {
            return try BIN(text)
        } catch {
            throw WireMappingError(field: "\(path)/\(name)")
        }
    }

    /// The person fields registries share — `iin`, `surname`, `name`, `patronymic`, `birthDate`, `gender{code 1|2}` —
    /// read from this element.
    public func wirePersonReference(path: String) throws(WireMappingError) -> PersonReference {
        let gender: Gender? =
            switch wireCodedValue("gender")?.code ?? wireText("gender") {
            case "1": .male
            case "2": .female
            default: nil
            }
        return PersonReference(
            iin: try wireIIN(path: path), surname: wireText("surname"), firstName: wireText("name") ?? wireText("firstName"),
            patronymic: wireText("patronymic"), birthDate: try wireDate("birthDate", path: path), gender: gender)
    }
}
