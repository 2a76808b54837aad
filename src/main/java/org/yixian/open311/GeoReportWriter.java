package org.yixian.open311;

import java.io.StringWriter;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Writes GeoReport documents — ordered maps, lists and plain values — as JSON or as XML
 * with the element names of the specification ({@code <services><service>…}).
 */
final class GeoReportWriter {

	static final MediaType XML = MediaType.parseMediaType("text/xml;charset=UTF-8");

	static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Map<String, String> ITEM_NAMES = Map.ofEntries(Map.entry("services", "service"),
			Map.entry("service_requests", "request"), Map.entry("attributes", "attribute"),
			Map.entry("values", "value"), Map.entry("endpoints", "endpoint"), Map.entry("formats", "format"),
			Map.entry("errors", "error"), Map.entry("service_request_updates", "request_update"));

	private GeoReportWriter() {
	}

	static ResponseEntity<String> write(String format, HttpStatus status, String root, Object document) {
		if ("json".equals(format)) {
			return ResponseEntity.status(status).contentType(JSON).body(MAPPER.writeValueAsString(document));
		}
		return ResponseEntity.status(status).contentType(XML).body(xml(root, document));
	}

	static String xml(String root, Object document) {
		try {
			StringWriter out = new StringWriter();
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			element(xml, root, document);
			xml.writeEndDocument();
			xml.close();
			return out.toString();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void element(XMLStreamWriter xml, String name, Object value) throws XMLStreamException {
		if (value instanceof List<?> list) {
			String item = ITEM_NAMES.getOrDefault(name,
					name.endsWith("s") ? name.substring(0, name.length() - 1) : name);
			xml.writeStartElement(name);
			for (Object each : list) {
				element(xml, item, each);
			}
			xml.writeEndElement();
		}
		else if (value instanceof Map<?, ?> map) {
			xml.writeStartElement(name);
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				element(xml, String.valueOf(entry.getKey()), entry.getValue());
			}
			xml.writeEndElement();
		}
		else if (value == null) {
			xml.writeEmptyElement(name);
		}
		else {
			xml.writeStartElement(name);
			xml.writeCharacters(String.valueOf(value));
			xml.writeEndElement();
		}
	}

}
