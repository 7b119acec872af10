#!/usr/bin/env python3
"""lxml reference for `qorgan-bench xml`: parse the same SyncChannel response bytes and extract the same
person-record fields as the Swift mapper, on one core. Prints `ops_per_second N` and the extracted IIN.

Usage: xml-bench-lxml.py FILE [--iterations N] [--rounds R]   (needs `pip install lxml`)
"""
import argparse
import sys
import time

try:
    from lxml import etree
except ImportError:
    sys.exit("lxml is not installed: pip install lxml")

SOAP = "{http://schemas.xmlsoap.org/soap/envelope/}"
TYP = "{http://bip.bee.kz/SyncChannel/v10/Types}"
P = "{urn:qorgan:mock:gbdfl:v1}"

# Same safety posture as XMLSupport: no entity resolution, no network, no huge trees.
PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def text(element, name):
    child = element.find(P + name)
    if child is None:
        raise ValueError(name)
    return child.text


def code(element, name):
    child = element.find(P + name + "/" + P + "code")
    if child is None:
        raise ValueError(name)
    return child.text


def optional(element, name):
    child = element.find(P + name)
    return None if child is None else child.text


def extract(data):
    root = etree.fromstring(data, PARSER)
    body = root.find(SOAP + "Body")
    response = body.find(TYP + "SendMessageResponse/response")
    info = response.find("responseInfo")
    payload = response.find("responseData/data")[0]
    person = payload.find(P + "persons/" + P + "person")
    address = person.find(P + "regAddress")
    return {
        "messageId": info.findtext("messageId"),
        "statusCode": info.findtext("status/code"),
        "resultCode": code(payload, "messageResult"),
        "iin": text(person, "iin"),
        "surname": text(person, "surname"),
        "name": text(person, "name"),
        "patronymic": optional(person, "patronymic"),
        "engSurname": optional(person, "engSurname"),
        "engFirstName": optional(person, "engFirstName"),
        "birthDate": text(person, "birthDate"),
        "genderCode": code(person, "gender"),
        "nationalityCode": code(person, "nationality"),
        "citizenshipCode": code(person, "citizenship"),
        "lifeStatusCode": code(person, "lifeStatus"),
        "districtCode": code(address, "district"),
        "regionCode": code(address, "region"),
        "street": text(address, "street"),
        "building": text(address, "building"),
        "flat": optional(address, "flat"),
        "arCode": text(address, "arCode"),
        "documents": [
            {
                "typeCode": code(document, "type"),
                "number": text(document, "number"),
                "beginDate": text(document, "beginDate"),
                "endDate": text(document, "endDate"),
                "statusCode": code(document, "status"),
            }
            for document in person.iterfind(P + "documents/" + P + "document")
        ],
    }


def main():
    arguments = argparse.ArgumentParser()
    arguments.add_argument("file")
    arguments.add_argument("--iterations", type=int, default=20000)
    arguments.add_argument("--rounds", type=int, default=5)
    options = arguments.parse_args()
    with open(options.file, "rb") as handle:
        data = handle.read()
    record = extract(data)
    best = float("inf")
    for _ in range(max(1, options.rounds)):
        started = time.perf_counter()
        for _ in range(options.iterations):
            extract(data)
        best = min(best, time.perf_counter() - started)
    print("ops_per_second %.1f" % (options.iterations / best))
    print("iin %s documents %d lxml %s" % (record["iin"], len(record["documents"]), etree.__version__))


if __name__ == "__main__":
    main()
