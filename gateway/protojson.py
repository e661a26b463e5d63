"""Protobuf <-> JSON for the REST API: proto field names, enum values as lower-case names
("student"), default-valued fields always printed; and JSON Schemas of messages for the OpenAPI document."""
from google.protobuf import json_format
from google.protobuf.descriptor import Descriptor, FieldDescriptor


def _enum_fields(descriptor: Descriptor, data: dict, convert) -> dict:
    for field in descriptor.fields:
        if field.name not in data:
            continue
        value = data[field.name]
        if field.enum_type is not None:
            data[field.name] = [convert(v) for v in value] if isinstance(value, list) else convert(value)
        elif field.message_type is not None and not field.message_type.GetOptions().map_entry:
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, dict):
                    _enum_fields(field.message_type, item, convert)
    return data


def to_json(message) -> dict:
    data = json_format.MessageToDict(message, preserving_proto_field_name=True,
                                     always_print_fields_with_no_presence=True)
    return _enum_fields(message.DESCRIPTOR, data, lambda v: str(v).lower())


def from_json(data: dict, message_class):
    """Builds a request message from already validated JSON (enum names in any case)."""
    message = message_class()
    json_format.ParseDict(_enum_fields(message.DESCRIPTOR, dict(data), lambda v: str(v).upper()), message)
    return message


_SCALARS = {
    FieldDescriptor.TYPE_BOOL: {"type": "boolean"},
    FieldDescriptor.TYPE_STRING: {"type": "string"},
    FieldDescriptor.TYPE_BYTES: {"type": "string", "contentEncoding": "base64"},
    FieldDescriptor.TYPE_INT32: {"type": "integer", "format": "int32"},
    FieldDescriptor.TYPE_DOUBLE: {"type": "number"},
}


def schema_ref(descriptor: Descriptor, components: dict) -> dict:
    """A $ref to the message's schema, adding it (and the messages it uses) to `components`."""
    name = descriptor.name
    if name not in components:
        components[name] = {}  # placeholder against recursion
        properties = {field.name: _field_schema(field, components) for field in descriptor.fields}
        components[name] = {"type": "object", "properties": properties}
    return {"$ref": f"#/components/schemas/{name}"}


def _field_schema(field: FieldDescriptor, components: dict) -> dict:
    if field.enum_type is not None:
        schema = {"type": "string", "enum": [v.name.lower() for v in field.enum_type.values]}
    elif field.message_type is not None:
        schema = schema_ref(field.message_type, components)
    else:
        schema = dict(_SCALARS[field.type])
    return {"type": "array", "items": schema} if field.is_repeated else schema
