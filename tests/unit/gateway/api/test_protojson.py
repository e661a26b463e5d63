"""The fast protobuf <-> JSON conversions give exactly what json_format gives, for every message of the five
services filled at random, and leave every input they are not sure about (and its error) to json_format."""
import random

import pytest
from google.protobuf import json_format, message_factory
from google.protobuf.descriptor import FieldDescriptor

from gateway.api import protojson
from gateway.peers import SERVICES
from proto.identity.v1 import identity_pb2
from proto.journal.v1 import journal_pb2


def all_messages():
    seen, stack = {}, [d for module, _, _ in SERVICES.values() for d in module.DESCRIPTOR.message_types_by_name.values()]
    while stack:
        descriptor = stack.pop()
        if descriptor.full_name in seen or descriptor.GetOptions().map_entry:
            continue
        seen[descriptor.full_name] = descriptor
        stack.extend(f.message_type for f in descriptor.fields if f.message_type is not None)
        stack.extend(descriptor.nested_types)
    return sorted(seen.values(), key=lambda d: d.full_name)


def fill(rng: random.Random, message, depth: int = 0):
    for field in message.DESCRIPTOR.fields:
        if rng.random() < 0.3 or (field.message_type is not None and depth > 3):
            continue  # left unset (a field with presence stays absent)
        count = rng.randint(0, 3) if field.is_repeated else 1
        if field.message_type is not None and field.message_type.GetOptions().map_entry:
            entries = getattr(message, field.name)  # map<string, string> is the only map in our protos
            for n in range(count):
                entries[f"поле{n}"] = rng.choice(["", "обязательное поле", "x" * n])
            continue
        for _ in range(count):
            if field.message_type is not None:
                target = getattr(message, field.name).add() if field.is_repeated else getattr(message, field.name)
                fill(rng, target, depth + 1)
                if not field.is_repeated:
                    target.SetInParent()
                continue
            if field.enum_type is not None:
                value = rng.choice([v.number for v in field.enum_type.values])
            elif field.type == FieldDescriptor.TYPE_BYTES:
                value = rng.randbytes(rng.randint(0, 5))
            elif field.cpp_type == FieldDescriptor.CPPTYPE_BOOL:
                value = rng.random() < 0.5
            elif field.cpp_type == FieldDescriptor.CPPTYPE_INT32:
                value = rng.choice([0, 1, -7, 2**31 - 1])
            elif field.cpp_type == FieldDescriptor.CPPTYPE_STRING:
                value = rng.choice(["", "5", "Иванов", "a\"b"])
            else:
                break  # other types: leave unset
            if field.is_repeated:
                getattr(message, field.name).append(value)
            else:
                setattr(message, field.name, value)


def reference_to_json(message) -> dict:
    data = json_format.MessageToDict(message, preserving_proto_field_name=True, always_print_fields_with_no_presence=True)
    return protojson._enum_fields(message.DESCRIPTOR, data, lambda v: str(v).lower())


def reference_from_json(data: dict, message_class):
    message = message_class()
    json_format.ParseDict(protojson._enum_fields(message.DESCRIPTOR, dict(data), lambda v: str(v).upper()), message)
    return message


@pytest.mark.parametrize("descriptor", all_messages(), ids=lambda d: d.full_name)
def test_every_message_converts_exactly_like_json_format(descriptor):
    message_class = message_factory.GetMessageClass(descriptor)
    rng = random.Random(descriptor.full_name)
    for _ in range(20):
        message = message_class()
        fill(rng, message)
        data = protojson.to_json(message)
        assert data == reference_to_json(message)
        assert list(data) == list(reference_to_json(message))  # the same key order too
        back = protojson.from_json(data, message_class)
        assert back == reference_from_json(data, message_class) == message
        assert back.SerializeToString(deterministic=True) == message.SerializeToString(deterministic=True)


def test_the_messages_of_the_hot_paths_take_the_fast_path():
    for message_class in (journal_pb2.LessonRecord, journal_pb2.Diary, journal_pb2.SaveLessonRequest):
        assert protojson._fast(message_class.DESCRIPTOR), message_class


@pytest.mark.parametrize("data", [
    {"kind": True}, {"gender": 5}, {"unknown": "x"}, {"kind": "nobody"}, {"class_group_id": None},
    {"kind": "student", "birth_date": ["2010-01-01"]},
], ids=str)
def test_what_the_fast_path_is_unsure_of_gets_json_formats_answer_or_error(data):
    try:
        expected = reference_from_json(data, identity_pb2.CreatePersonRequest)
    except json_format.ParseError as exc:
        with pytest.raises(json_format.ParseError, match=str(exc)[:40]):
            protojson.from_json(data, identity_pb2.CreatePersonRequest)
    else:
        assert protojson.from_json(data, identity_pb2.CreatePersonRequest) == expected


def test_enum_names_in_any_case_and_int_like_strings():
    assert protojson.from_json({"kind": "Student"}, identity_pb2.ListPeopleRequest).kind == identity_pb2.STUDENT
    assert protojson.from_json({"kind": "2"}, identity_pb2.ListPeopleRequest) == reference_from_json(
        {"kind": "2"}, identity_pb2.ListPeopleRequest)
