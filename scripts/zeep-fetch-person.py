#!/usr/bin/env python3
"""Fetch a person from the individuals (ГБД ФЛ) mock with Python zeep: a SOAP client written by someone else.

Reads the WSDL served by the running mock, calls SyncChannel SendMessage with the IIN as an escaped-string
payload (xsi:type xs:string), and prints the person's fields as one JSON line. zeep does not sign with
WS-Security here, so the mock must accept unsigned requests from --sender (qorgan mocks serve --unsigned-sender ID,
or MockRegistriesConfiguration.unsignedSenderIds in tests).

Usage: zeep-fetch-person.py --wsdl http://127.0.0.1:PORT/?wsdl --iin 150601500436 --sender ID --password PW
Requires: pip install zeep
"""
import argparse
import datetime
import json
import sys
import uuid

from lxml import etree
from zeep import Client, xsd
from zeep.transports import Transport

PAYLOAD_NS = "urn:qorgan:mock:gbdfl:v1"


def text(element, name):
    for child in element:
        if etree.QName(child).localname == name:
            return child.text
    return None


def child(element, name):
    for item in element:
        if etree.QName(item).localname == name:
            return item
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wsdl", required=True)
    parser.add_argument("--iin", required=True)
    parser.add_argument("--sender", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--service-id", default="MOCK_GBDFL_PERSON")
    parser.add_argument("--timeout", type=float, default=10)
    args = parser.parse_args()

    client = Client(args.wsdl, transport=Transport(timeout=args.timeout, operation_timeout=args.timeout))
    payload = '<p:PersonRequest xmlns:p="{ns}"><p:iin>{iin}</p:iin></p:PersonRequest>'.format(ns=PAYLOAD_NS, iin=args.iin)
    now = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=5)))
    response = client.service.SendMessage(
        request={
            "requestInfo": {
                "messageId": str(uuid.uuid4()),
                "serviceId": args.service_id,
                "messageDate": now,
                "sender": {"senderId": args.sender, "password": args.password},
                "sessionId": "{" + str(uuid.uuid4()) + "}",
            },
            "requestData": {"data": xsd.AnyObject(xsd.String(), payload)},
        }
    )

    data = response.responseData.data
    elements = data if isinstance(data, list) else [data]
    root = etree.Element("data")
    for element in elements:
        if isinstance(element, etree._Element):
            root.append(element)
    result = {"status": response.responseInfo.status.code}
    message_result = child(root, "messageResult")
    result["messageResult"] = text(message_result, "code") if message_result is not None else None
    persons = child(root, "persons")
    person = child(persons, "person") if persons is not None else None
    if person is not None:
        for name in ("iin", "surname", "name", "patronymic", "birthDate", "engSurname", "engFirstName"):
            result[name] = text(person, name)
    print(json.dumps(result, ensure_ascii=False))
    return 0 if person is not None else 3


if __name__ == "__main__":
    sys.exit(main())
