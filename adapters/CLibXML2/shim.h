#ifndef QORGAN_CLIBXML2_SHIM_H
#define QORGAN_CLIBXML2_SHIM_H
// The libxml2 headers XMLSupport uses. Nothing else imports CLibXML2 directly.
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlIO.h>
#include <libxml/xmlsave.h>
#include <libxml/c14n.h>
#include <libxml/globals.h>
#endif
