package org.yixian.shared;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;

/**
 * Reads JSON strings and refuses any that holds U+0000, which PostgreSQL cannot store:
 * the request fails as malformed naming the field, before anything is written.
 */
class NulRefusingStrings extends StdDeserializer<String> {

	NulRefusingStrings() {
		super(String.class);
	}

	@Override
	public String deserialize(JsonParser parser, DeserializationContext context) {
		JsonToken token = parser.currentToken();
		if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
			return (String) context.handleUnexpectedToken(String.class, parser);
		}
		String text = parser.getValueAsString();
		if (text != null && text.indexOf('\u0000') >= 0) {
			return (String) context.handleWeirdStringValue(String.class, text, "contains U+0000");
		}
		return text;
	}

}
