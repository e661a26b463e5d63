"""Protobuf <-> JSON for the REST API: proto field names, enum values as lower-case names
("student"), default-valued fields always printed; and JSON Schemas of messages for the OpenAPI document.

The conversions are json_format's (MessageToDict / ParseDict), done by small per-message plans for the field
types the API's messages use (strings, int32, bool, enums, messages, repeated): json_format walks every field
in Python on every call and was most of the gateway's own time on a lesson save. A message with any other
field type (bytes, 64-bit, floating point, maps, well-known types) goes through json_format itself, and so does
any input the fast path is not sure about (an unknown field, a null, a value of another type): its errors stay
json_format's."""
import functools

from google.protobuf import json_format, message_factory
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


_PLAIN = {FieldDescriptor.CPPTYPE_STRING: str, FieldDescriptor.CPPTYPE_INT32: int, FieldDescriptor.CPPTYPE_BOOL: bool}


def _supported(descriptor: Descriptor, seen: frozenset = frozenset()) -> bool:
    """The message and those it uses have only fields the plans handle exactly like json_format."""
    if descriptor.full_name.startswith("google.protobuf.") or descriptor.GetOptions().map_entry:
        return False
    for field in descriptor.fields:
        if field.is_extension or field.type == FieldDescriptor.TYPE_BYTES:
            return False
        if field.message_type is not None:
            if field.message_type.full_name not in seen | {descriptor.full_name} and not _supported(
                    field.message_type, seen | {descriptor.full_name}):
                return False
        elif field.enum_type is None and field.cpp_type not in _PLAIN:
            return False
    return True


@functools.cache
def _fast(descriptor: Descriptor) -> bool:
    return _supported(descriptor)


def _enum_name(field: FieldDescriptor):
    names = {v.number: v.name.lower() for v in field.enum_type.values}
    return lambda number: names.get(number) or str(number).lower()


@functools.cache
def _printers(descriptor: Descriptor) -> tuple[dict, tuple]:
    """Per field name, how to print a set value; and the fields without presence with their default's JSON."""
    printers, defaults = {}, []
    for field in descriptor.fields:
        if field.message_type is not None:
            one = functools.partial(_print, field.message_type)
        elif field.enum_type is not None:
            one = _enum_name(field)
        else:
            one = None
        printers[field.name] = (one, field.is_repeated)
        if not field.has_presence:  # (name, repeated: a new [] each time, else the default's JSON)
            defaults.append((field.name, field.is_repeated, None if field.is_repeated else (
                one(field.default_value) if one else field.default_value)))
    return printers, tuple(defaults)


def _print(descriptor: Descriptor, message) -> dict:
    printers, defaults = _printers(descriptor)
    js = {}
    for field, value in message.ListFields():
        one, repeated = printers[field.name]
        if one is None:
            js[field.name] = list(value) if repeated else value
        else:
            js[field.name] = [one(v) for v in value] if repeated else one(value)
    for name, repeated, default in defaults:
        if name not in js:
            js[name] = [] if repeated else default
    return js


def to_json(message) -> dict:
    if _fast(message.DESCRIPTOR):
        return _print(message.DESCRIPTOR, message)
    data = json_format.MessageToDict(message, preserving_proto_field_name=True,
                                     always_print_fields_with_no_presence=True)
    return _enum_fields(message.DESCRIPTOR, data, lambda v: str(v).lower())


class _Unsure(Exception):
    """The fast path leaves this input to json_format."""


def _value(field: FieldDescriptor, value):
    if field.message_type is not None:
        if type(value) is not dict:
            raise _Unsure
        return _kwargs(field.message_type, value)
    if field.enum_type is not None:
        if type(value) is not str or value.upper() not in field.enum_type.values_by_name:
            raise _Unsure
        return field.enum_type.values_by_name[value.upper()].number
    if type(value) is not _PLAIN[field.cpp_type]:
        raise _Unsure
    if field.cpp_type == FieldDescriptor.CPPTYPE_INT32 and not -2**31 <= value < 2**31:
        raise _Unsure
    return value


def _kwargs(descriptor: Descriptor, data: dict) -> dict:
    kwargs = {}
    for name, value in data.items():
        field = descriptor.fields_by_name.get(name)
        if field is None or value is None:
            raise _Unsure
        if field.is_repeated:
            if type(value) is not list:
                raise _Unsure
            kwargs[name] = [_value(field, v) for v in value]
        else:
            kwargs[name] = _value(field, value)
    return kwargs


def _build(message_class, kwargs: dict):
    descriptor = message_class.DESCRIPTOR
    for name, value in kwargs.items():
        field = descriptor.fields_by_name[name]
        if field.message_type is not None:
            sub = message_factory.GetMessageClass(field.message_type)
            kwargs[name] = [_build(sub, v) for v in value] if field.is_repeated else _build(sub, value)
    return message_class(**kwargs)


def from_json(data: dict, message_class):
    """Builds a request message from already validated JSON (enum names in any case)."""
    if _fast(message_class.DESCRIPTOR):
        try:
            return _build(message_class, _kwargs(message_class.DESCRIPTOR, data))
        except _Unsure:
            pass
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
