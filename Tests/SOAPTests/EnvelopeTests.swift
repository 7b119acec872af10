import Foundation
import SOAP
import Testing
import XMLSupport

struct EnvelopeTests {
    @Test("reads a SOAP 1.1 envelope with any prefix")
    func readsEnvelope() throws {
        let envelope = try SOAPEnvelope(parsing: Array("""
            <e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/"><e:Header/><e:Body><x:op xmlns:x="urn:x"/></e:Body></e:Envelope>
            """.utf8))
        #expect(envelope.header != nil)
        #expect(envelope.bodyContent?.localName == "op")
        #expect(try envelope.fault() == nil)
    }

    @Test("refuses a SOAP 1.2 envelope as a version mismatch")
    func refusesSOAP12() {
        #expect(throws: SOAPError.versionMismatch) {
            try SOAPEnvelope(parsing: Array(#"<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body/></s:Envelope>"#.utf8))
        }
    }

    @Test("refuses a wrong or missing namespace and a missing Body", arguments: [
        #"<s:Envelope xmlns:s="urn:random"><s:Body/></s:Envelope>"#,
        "<Envelope><Body/></Envelope>",
        #"<s:Body xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"/>"#,
    ])
    func refusesWrongNamespace(_ text: String) {
        #expect(throws: SOAPError.notAnEnvelope) { try SOAPEnvelope(parsing: Array(text.utf8)) }
    }

    @Test("refuses an envelope without a Body, with two Bodies or a late Header")
    func refusesBadStructure() {
        let ns = #"xmlns:s="http://schemas.xmlsoap.org/soap/envelope/""#
        #expect(throws: SOAPError.missingElement) { try SOAPEnvelope(parsing: Array("<s:Envelope \(ns)><s:Header/></s:Envelope>".utf8)) }
        #expect(throws: SOAPError.unexpectedContent) {
            try SOAPEnvelope(parsing: Array("<s:Envelope \(ns)><s:Body/><s:Body/></s:Envelope>".utf8))
        }
        #expect(throws: SOAPError.unexpectedContent) {
            try SOAPEnvelope(parsing: Array("<s:Envelope \(ns)><s:Body/><s:Header/></s:Envelope>".utf8))
        }
    }

    @Test("wraps XML errors, keeping the XML kind")
    func wrapsXMLErrors() throws {
        let error = try #require(throws: SOAPError.self) {
            try SOAPEnvelope(parsing: Array(#"<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>"#.utf8))
        }
        #expect(error == .xml)
        #expect(error.xmlError == .documentTypeForbidden)
        #expect(error.shortDescription == "soap.xml")
    }

    @Test("writes and reads back a fault with a resolved code")
    func roundTripsFault() throws {
        let bytes = SOAPEnvelopeWriter.fault(SOAPFault(code: .client, string: "bad <request>", actor: "urn:bus"))
        let fault = try #require(try SOAPEnvelope(parsing: bytes).fault())
        #expect(fault.code == .client)
        #expect(fault.string == "bad <request>")
        #expect(fault.actor == "urn:bus")
        #expect(fault.detail == nil)
    }

    @Test("resolves fault codes by namespace, not prefix")
    func resolvesFaultCodes() throws {
        let text = """
            <a:Envelope xmlns:a="http://schemas.xmlsoap.org/soap/envelope/"><a:Body><a:Fault>
            <faultcode> a:Server </faultcode><faultstring>x</faultstring></a:Fault></a:Body></a:Envelope>
            """
        #expect(try SOAPEnvelope(parsing: Array(text.utf8)).fault()?.code == .server)
        let other = text.replacingOccurrences(of: "a:Server", with: "q:Server").replacingOccurrences(of: "<a:Fault>", with: #"<a:Fault xmlns:q="urn:q">"#)
        #expect(try SOAPEnvelope(parsing: Array(other.utf8)).fault()?.code == .other("q:Server"))
        let missing = text.replacingOccurrences(of: "<faultstring>x</faultstring>", with: "")
        #expect(throws: SOAPError.missingElement) { try SOAPEnvelope(parsing: Array(missing.utf8)).fault() }
    }
}
