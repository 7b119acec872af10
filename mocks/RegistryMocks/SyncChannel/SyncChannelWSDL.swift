import Foundation

/// The WSDL 1.1 document of the SyncChannel v10 contract (`shep.md`), with its XSD inline, as the SOAP mocks serve
/// it at `GET <endpoint>?wsdl`.
///
/// Names follow the bus: namespaces `…/SyncChannel/v10/{Types,Interfaces}`, `…/Types/{Request,Response}`,
/// `…/common/v10/Types`; port type `ISyncChannel`, operation `SendMessage`, fault message
/// `SendMessageSendMessageFaultMsg` (element `typ:SendMessageFault1_SendMessageFault` of `cmn:ErrorInfo`), service
/// `ISyncChannelHttpService`, port `SyncChannelHttpPort`. `data` is `xs:anyType`: each mock's README section
/// documents its payload.
enum SyncChannelWSDL {
    /// The document with `location` as the `soap:address`.
    static func document(location: String) -> [UInt8] {
        Array(template.replacingOccurrences(of: "{{LOCATION}}", with: escape(location)).utf8)
    }

    private static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    private static let template = """
        <?xml version="1.0" encoding="UTF-8"?>
        <wsdl:definitions name="SyncChannel"
            targetNamespace="http://bip.bee.kz/SyncChannel/v10/Interfaces"
            xmlns:wsdl="http://schemas.xmlsoap.org/wsdl/"
            xmlns:soap="http://schemas.xmlsoap.org/wsdl/soap/"
            xmlns:xs="http://www.w3.org/2001/XMLSchema"
            xmlns:tns="http://bip.bee.kz/SyncChannel/v10/Interfaces"
            xmlns:typ="http://bip.bee.kz/SyncChannel/v10/Types"
            xmlns:req="http://bip.bee.kz/SyncChannel/v10/Types/Request"
            xmlns:res="http://bip.bee.kz/SyncChannel/v10/Types/Response"
            xmlns:cmn="http://bip.bee.kz/common/v10/Types">
          <wsdl:documentation>Qorgan mock registry: SyncChannel v10 (synchronous channel of the e-government bus).</wsdl:documentation>
          <wsdl:types>
            <xs:schema targetNamespace="http://bip.bee.kz/common/v10/Types" elementFormDefault="unqualified">
              <xs:complexType name="SenderInfo">
                <xs:sequence>
                  <xs:element name="senderId" type="xs:string"/>
                  <xs:element name="password" type="xs:string"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="Property">
                <xs:sequence>
                  <xs:element name="key" type="xs:string"/>
                  <xs:element name="value" type="xs:string"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="StatusInfo">
                <xs:sequence>
                  <xs:element name="code" type="xs:string"/>
                  <xs:element name="message" type="xs:string"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="ErrorInfo">
                <xs:sequence>
                  <xs:element name="errorCode" type="xs:string"/>
                  <xs:element name="errorMessage" type="xs:string"/>
                  <xs:element name="errorData" type="xs:string" minOccurs="0"/>
                  <xs:element name="errorDate" type="xs:dateTime"/>
                  <xs:element name="subError" type="cmn:ErrorInfo" minOccurs="0"/>
                  <xs:element name="sessionId" type="xs:string" minOccurs="0"/>
                </xs:sequence>
              </xs:complexType>
              <xs:simpleType name="guid">
                <xs:restriction base="xs:string"/>
              </xs:simpleType>
            </xs:schema>
            <xs:schema targetNamespace="http://bip.bee.kz/SyncChannel/v10/Types/Request" elementFormDefault="unqualified">
              <xs:import namespace="http://bip.bee.kz/SyncChannel/v10/Types"/>
              <xs:complexType name="SyncSendMessageRequest">
                <xs:sequence>
                  <xs:element name="requestInfo" type="typ:SyncMessageInfo"/>
                  <xs:element name="requestData" type="req:RequestData"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="RequestData">
                <xs:sequence>
                  <xs:element name="data" type="xs:anyType" minOccurs="0"/>
                </xs:sequence>
              </xs:complexType>
            </xs:schema>
            <xs:schema targetNamespace="http://bip.bee.kz/SyncChannel/v10/Types/Response" elementFormDefault="unqualified">
              <xs:import namespace="http://bip.bee.kz/SyncChannel/v10/Types"/>
              <xs:complexType name="SyncSendMessageResponse">
                <xs:sequence>
                  <xs:element name="responseInfo" type="typ:SyncMessageInfoResponse"/>
                  <xs:element name="responseData" type="res:ResponseData"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="ResponseData">
                <xs:sequence>
                  <xs:element name="data" type="xs:anyType" minOccurs="0"/>
                </xs:sequence>
              </xs:complexType>
            </xs:schema>
            <xs:schema targetNamespace="http://bip.bee.kz/SyncChannel/v10/Types" elementFormDefault="unqualified">
              <xs:import namespace="http://bip.bee.kz/common/v10/Types"/>
              <xs:import namespace="http://bip.bee.kz/SyncChannel/v10/Types/Request"/>
              <xs:import namespace="http://bip.bee.kz/SyncChannel/v10/Types/Response"/>
              <xs:complexType name="SyncMessageInfo">
                <xs:sequence>
                  <xs:element name="messageId" type="xs:string"/>
                  <xs:element name="correlationId" type="xs:string" minOccurs="0"/>
                  <xs:element name="serviceId" type="xs:string"/>
                  <xs:element name="messageDate" type="xs:dateTime"/>
                  <xs:element name="userId" type="xs:string" minOccurs="0"/>
                  <xs:element name="routeId" type="xs:string" minOccurs="0"/>
                  <xs:element name="sender" type="cmn:SenderInfo"/>
                  <xs:element name="properties" type="cmn:Property" minOccurs="0" maxOccurs="unbounded"/>
                  <xs:element name="sessionId" type="cmn:guid" minOccurs="0"/>
                </xs:sequence>
              </xs:complexType>
              <xs:complexType name="SyncMessageInfoResponse">
                <xs:sequence>
                  <xs:element name="messageId" type="xs:string"/>
                  <xs:element name="correlationId" type="xs:string" minOccurs="0"/>
                  <xs:element name="responseDate" type="xs:dateTime"/>
                  <xs:element name="status" type="cmn:StatusInfo"/>
                  <xs:element name="sessionId" type="cmn:guid" minOccurs="0"/>
                </xs:sequence>
              </xs:complexType>
              <xs:element name="SendMessage">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="request" type="req:SyncSendMessageRequest"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="SendMessageResponse">
                <xs:complexType>
                  <xs:sequence>
                    <xs:element name="response" type="res:SyncSendMessageResponse"/>
                  </xs:sequence>
                </xs:complexType>
              </xs:element>
              <xs:element name="SendMessageFault1_SendMessageFault" type="cmn:ErrorInfo"/>
            </xs:schema>
          </wsdl:types>
          <wsdl:message name="SendMessageRequest">
            <wsdl:part name="parameters" element="typ:SendMessage"/>
          </wsdl:message>
          <wsdl:message name="SendMessageResponse">
            <wsdl:part name="parameters" element="typ:SendMessageResponse"/>
          </wsdl:message>
          <wsdl:message name="SendMessageSendMessageFaultMsg">
            <wsdl:part name="detail" element="typ:SendMessageFault1_SendMessageFault"/>
          </wsdl:message>
          <wsdl:portType name="ISyncChannel">
            <wsdl:operation name="SendMessage">
              <wsdl:input message="tns:SendMessageRequest"/>
              <wsdl:output message="tns:SendMessageResponse"/>
              <wsdl:fault name="SendMessageSendMessageFaultMsg" message="tns:SendMessageSendMessageFaultMsg"/>
            </wsdl:operation>
          </wsdl:portType>
          <wsdl:binding name="SyncChannelHttpBinding" type="tns:ISyncChannel">
            <soap:binding style="document" transport="http://schemas.xmlsoap.org/soap/http"/>
            <wsdl:operation name="SendMessage">
              <soap:operation soapAction="" style="document"/>
              <wsdl:input><soap:body use="literal"/></wsdl:input>
              <wsdl:output><soap:body use="literal"/></wsdl:output>
              <wsdl:fault name="SendMessageSendMessageFaultMsg"><soap:fault name="SendMessageSendMessageFaultMsg" use="literal"/></wsdl:fault>
            </wsdl:operation>
          </wsdl:binding>
          <wsdl:service name="ISyncChannelHttpService">
            <wsdl:port name="SyncChannelHttpPort" binding="tns:SyncChannelHttpBinding">
              <soap:address location="{{LOCATION}}"/>
            </wsdl:port>
          </wsdl:service>
        </wsdl:definitions>

        """
}
